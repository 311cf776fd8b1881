package xlsx_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/wpsgen/wpsgen/templates/templatestest"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

// printingScript prints what openpyxl reads of a workbook's setup: number
// formats of number cells, defined names, print titles, freeze panes,
// data validations and manual page breaks.
const printingScript = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"names": {}, "sheets": {}}
dn = wb.defined_names
for n in (dn.keys() if hasattr(dn, "keys") else [d.name for d in dn.definedName]):
    out["names"][n] = (dn[n] if hasattr(dn, "keys") else dn.get(n)).attr_text
for ws in wb.worksheets:
    formats = {}
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, (int, float)) or c.data_type == "f":
                formats[c.coordinate] = c.number_format
    out["sheets"][ws.title] = {
        "formats": formats,
        "titles": ws.print_title_rows,
        "freeze": ws.freeze_panes,
        "lists": [[str(v.sqref), v.formula1] for v in ws.data_validations.dataValidation],
        "breaks": [b.id for b in ws.row_breaks.brk],
    }
json.dump(out, sys.stdout)
`

type printing struct {
	Names  map[string]string
	Sheets map[string]struct {
		Formats map[string]string
		Titles  *string
		Freeze  *string
		Lists   [][2]string
		Breaks  []int
	}
}

func TestOpenpyxlReadsPrintSetup(t *testing.T) {
	templatestest.Python(t) // skips without openpyxl
	d := templatestest.Large(12, 6)
	path := filepath.Join(t.TempDir(), "large.xlsx")
	if err := os.WriteFile(path, render(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := templatestest.Openpyxl(t, printingScript, path)
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var p printing
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatalf("openpyxl output: %v (%s)", err, out)
	}
	b := readBook(t, d)
	wps, rti := p.Sheets[xlsx.SheetSchedule], p.Sheets[xlsx.SheetRTI]

	// Number formats keep the decimals the other formats print.
	jfs := templatestest.JobFunctions(d)
	_, r := b.find(xlsx.SheetSchedule, jfs[0].Title)
	if got := wps.Formats[name(6, r)]; got != "#,##0" { // 10 hours
		t.Errorf("minimum hours format %q, want #,##0", got)
	}
	if got := wps.Formats[name(7, r)]; got != "#,##0.0" { // 12.5 hours
		t.Errorf("maximum hours format %q, want #,##0.0", got)
	}
	_, r = b.find(xlsx.SheetRTI, "Hours per year (2 years of term)")
	if got := rti.Formats[name(3, r)]; got != "#,##0.0" { // 327.5
		t.Errorf("hours per year format %q, want #,##0.0", got)
	}
	for cell, f := range wps.Formats {
		if f == "General" {
			t.Errorf("%s!%s is a number in the General format", xlsx.SheetSchedule, cell)
		}
	}

	// A defined name per table, over its cells.
	for i := 1; i <= 12; i++ {
		_, title := b.find(xlsx.SheetSchedule, jfs[i-1].Title)
		last := title + len(jfs[i-1].Rows)
		want := "'Work Process Schedule'!$A$" + strconv.Itoa(title-1) + ":$G$" + strconv.Itoa(last) // no notes: G is Max hours
		if got := p.Names["JF_"+strconv.Itoa(i)]; got != want {
			t.Errorf("JF_%d refers to %q, want %q", i, got, want)
		}
	}
	for _, n := range []string{"OJL_Totals", "RTI_Courses"} {
		if p.Names[n] == "" {
			t.Errorf("no defined name %s (names %v)", n, p.Names)
		}
	}

	// Every table fits on a page and starts one with its header row: no
	// print titles; nothing frozen so far down.
	if wps.Titles != nil {
		t.Errorf("print titles %v", *wps.Titles)
	}
	if wps.Freeze != nil {
		t.Errorf("schedule freezes %v", *wps.Freeze)
	}
	if len(wps.Lists) != 2 || len(rti.Lists) != 0 {
		t.Errorf("data validations %v and %v, want two lists on the schedule", wps.Lists, rti.Lists)
	}

	// Page breaks: a job function's title, header and two rows are never
	// split by a manual break, and the breaks come before titles.
	if len(wps.Breaks) == 0 {
		t.Fatal("twelve job functions of six rows fit on one page")
	}
	var titles []int
	for _, jf := range jfs {
		_, r := b.find(xlsx.SheetSchedule, jf.Title)
		titles = append(titles, r)
	}
	for _, brk := range wps.Breaks {
		// openpyxl's break id is the last row of a page; a table starts
		// with its header row, above its title.
		if !slices.Contains(titles, brk+2) {
			t.Errorf("manual break after row %d is not before a job function's header (titles %v)", brk, titles)
		}
	}
}
