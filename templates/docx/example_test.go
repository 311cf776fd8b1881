package docx_test

import (
	"io"
	"log"
	"time"

	"github.com/wpsgen/wpsgen/templates/docx"
)

// A drawer over layout blocks calls one method per block, then Write.
func Example() {
	d, err := docx.New(docx.Meta{
		Title:    "Work Process Schedule: Plumber",
		Author:   "Acme Plumbing",
		Keywords: "O*NET 47-2152.00; RAPIDS 0416",
		Created:  time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), // revision.date or SOURCE_DATE_EPOCH
	})
	if err != nil {
		log.Fatal(err)
	}
	d.Header("Acme Plumbing · Plumber", "RAPIDS Code: 0416")
	d.Footer("Revision 1, 2026-11-01")
	d.Heading(1, "WORK PROCESS SCHEDULE")
	d.Fields([]docx.Field{{Label: "Email", Value: "jobs@example.org", Link: "mailto:jobs@example.org"}})
	d.Table(docx.Table{
		Title:   "JOB FUNCTION 1: Installs pipe systems",
		Columns: []docx.Column{{Header: "", Width: 0.5}, {Header: "Competency", Width: 8}, {Header: "RTI", Width: 1, Align: docx.Center}},
		Rows:    []docx.Row{{Cells: docx.Cells("A", "Reads blueprints", "✔")}},
	})
	d.Signature(docx.Slots{Labels: []string{"Sponsor representative", "Date"}})
	if err := d.Write(io.Discard); err != nil {
		log.Fatal(err)
	}
	// Output:
}
