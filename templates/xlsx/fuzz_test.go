package xlsx_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

// FuzzRender puts arbitrary text and hours into a document: Render must
// never panic, and a workbook it writes must open with both sheets.
func FuzzRender(f *testing.F) {
	for _, seed := range []struct {
		text  string
		hours string
	}{
		{"=1+1", "12.5"}, {"@x&y<z>", "0"}, {"-", "-3"}, {"\x00\x01\ufffe", "1e300"},
		{strings.Repeat("long text ", 4000), "0.1"}, {"", "597.5"}, {"'quoted' sheet", "1e-9"},
	} {
		f.Add(seed.text, seed.hours)
	}
	f.Fuzz(func(t *testing.T, text string, hoursText string) {
		hours, err := decimal.Parse(hoursText)
		if err != nil {
			return
		}
		d := templatestest.Sample()
		d.Title, d.ONET, d.Header.Sponsor, d.Footer.Revision = text, text, text, text
		d.Fields = append(d.Fields, templates.Field{Label: text, Value: text})
		d.JobFunctions[0].Heading, d.JobFunctions[0].Level = text, text
		d.JobFunctions[0].Competencies[0].Text = text
		d.Signature.SponsorLines = append(d.Signature.SponsorLines, text)
		g := &d.RTI.Groups[1]
		g.Label = text
		g.Courses[0].Title, g.Courses[0].Number, g.Courses[0].Objectives = text, text, []string{text, text}
		g.Courses[0].Hours.Dec = hours
		g.Subtotal.Dec = hours
		d.RTI.Total.Dec = d.RTI.Groups[0].Subtotal.Dec.Add(hours)
		d.RTI.HoursPerYear.Dec = d.RTI.Total.Dec.Div(decimal.FromInt(int64(d.RTI.Years)), 2)

		var b bytes.Buffer
		if err := xlsx.Render(&b, d.Layout(), xlsx.Options{Created: created}); err != nil {
			return // an error is fine; a panic is not
		}
		wb := open(t, b.Bytes())
		if got := wb.GetSheetList(); len(got) != 2 {
			t.Fatalf("sheets %q", got)
		}
	})
}
