package xlsx_test

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

var created = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// render renders d and fails the test on error.
func render(t testing.TB, d *templates.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := xlsx.Render(&b, d, xlsx.Options{Created: created}); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b.Bytes()
}

// open reads a rendered workbook back.
func open(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("rendered workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// book is a rendered workbook read back, with lookups by cell text.
type book struct {
	t *testing.T
	*excelize.File
	rows map[string][][]string // sheet -> rows of cell values
}

func readBook(t *testing.T, d *templates.Document) *book {
	t.Helper()
	f := open(t, render(t, d))
	b := &book{t: t, File: f, rows: map[string][][]string{}}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("GetRows(%s): %v", s, err)
		}
		b.rows[s] = rows
	}
	return b
}

// find returns the column and row (1-based) of the only cell of sheet whose
// value is text.
func (b *book) find(sheet, text string) (col, row int) {
	b.t.Helper()
	n := 0
	for r, cells := range b.rows[sheet] {
		for c, v := range cells {
			if v == text {
				col, row, n = c+1, r+1, n+1
			}
		}
	}
	if n != 1 {
		b.t.Fatalf("%s: %d cells hold %q, want 1", sheet, n, text)
	}
	return col, row
}

// value returns the raw value of a cell.
func (b *book) value(sheet string, col, row int) string {
	b.t.Helper()
	v, err := b.GetCellValue(sheet, name(col, row), excelize.Options{RawCellValue: true})
	if err != nil {
		b.t.Fatal(err)
	}
	return v
}

// number returns the numeric value of a cell, failing unless it is a number
// cell.
func (b *book) number(sheet string, col, row int) float64 {
	b.t.Helper()
	typ, err := b.GetCellType(sheet, name(col, row))
	if err != nil {
		b.t.Fatal(err)
	}
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		b.t.Fatalf("%s!%s is of type %v, want a number", sheet, name(col, row), typ)
	}
	v, err := strconv.ParseFloat(b.value(sheet, col, row), 64)
	if err != nil {
		b.t.Fatalf("%s!%s: %v", sheet, name(col, row), err)
	}
	return v
}

// formulas returns every formula cell of a sheet.
func (b *book) formulas(sheet string) map[string]string {
	b.t.Helper()
	out := map[string]string{}
	for r, cells := range b.rows[sheet] {
		for c := range cells {
			cell := name(c+1, r+1)
			f, err := b.GetCellFormula(sheet, cell)
			if err != nil {
				b.t.Fatal(err)
			}
			if f != "" {
				out[cell] = f
			}
		}
	}
	return out
}

func name(col, row int) string {
	n, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err)
	}
	return n
}

func TestSheets(t *testing.T) {
	b := readBook(t, templatestest.Sample())
	got := b.GetSheetList()
	if len(got) != 2 || got[0] != xlsx.SheetSchedule || got[1] != xlsx.SheetRTI {
		t.Errorf("sheets = %q, want [%q %q]", got, xlsx.SheetSchedule, xlsx.SheetRTI)
	}
	if got[0] != "Work Process Schedule" || got[1] != "RTI Plan" {
		t.Errorf("sheet names changed: %q", got)
	}
}

func TestTitleBlockAndHeaderFields(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	const s = xlsx.SheetSchedule
	if got := b.value(s, 1, 1); got != d.Title {
		t.Errorf("A1 = %q, want the title %q", got, d.Title)
	}
	b.find(s, d.Occupation)
	for label, code := range map[string]string{"O*NET code": d.ONET, "RAPIDS code": d.RAPIDS} {
		_, row := b.find(s, code)
		if _, r := b.find(s, label); r != row {
			t.Errorf("%s %q is on row %d, its label on row %d", label, code, row, r)
		}
	}
	for _, f := range d.Fields {
		col, row := b.find(s, f.Label)
		if got := b.value(s, col+2, row); got != f.Value {
			t.Errorf("field %q = %q, want %q", f.Label, got, f.Value)
		}
	}
	for _, f := range d.Fields {
		for _, c := range f.Boxes {
			if !strings.Contains(f.Value, templates.Box(c.Checked)+" "+c.Label) {
				t.Errorf("field %q = %q lacks box %q", f.Label, f.Value, c.Label)
			}
		}
	}
}

func TestJobFunctionTables(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	const s = xlsx.SheetSchedule
	jfs := append(append([]templates.JobFunction(nil), d.JobFunctions...), d.Specialization.JobFunctions...)
	if _, r := b.find(s, "Type of Specialization"); b.value(s, 3, r) != d.Specialization.Title {
		t.Errorf("specialization title %q, want %q", b.value(s, 3, r), d.Specialization.Title)
	}
	for _, jf := range jfs {
		_, r := b.find(s, jf.Heading)
		if got := b.value(s, 3, r); got != jf.Type {
			t.Errorf("%s: type %q, want %q", jf.ID, got, jf.Type)
		}
		if got, want := b.number(s, 6, r), jf.MinHours.Float64(); got != want {
			t.Errorf("%s: min hours %v, want %v", jf.ID, got, want)
		}
		if got, want := b.number(s, 7, r), jf.MaxHours.Float64(); got != want {
			t.Errorf("%s: max hours %v, want %v", jf.ID, got, want)
		}
		notes := b.value(s, 8, r)
		if strings.Contains(notes, "Custom") != jf.Custom || !strings.Contains(notes, jf.Level) {
			t.Errorf("%s (custom %v, level %q): notes %q", jf.ID, jf.Custom, jf.Level, notes)
		}
		if got := b.value(s, 1, r-1); got != "Letter" {
			t.Errorf("%s: row above the heading is %q, want the column headings", jf.ID, got)
		}
		for i, c := range jf.Competencies {
			row := r + 1 + i
			mark := func(on bool) string {
				if on {
					return "✓"
				}
				return ""
			}
			want := []string{c.Letter, c.Text, c.Type, mark(c.RTI), mark(c.OJT)}
			for col, w := range want {
				if got := b.value(s, col+1, row); got != w {
					t.Errorf("%s.%s column %d = %q, want %q", jf.ID, c.Letter, col+1, got, w)
				}
			}
			if got := b.value(s, 8, row); strings.Contains(got, "Custom") != c.Custom {
				t.Errorf("%s.%s (custom %v): notes %q", jf.ID, c.Letter, c.Custom, got)
			}
		}
	}
	headings := []string{"Letter", "Competency", "Core or Optional", "RTI", "OJT", "Min hours", "Max hours", "Notes"}
	_, r := b.find(s, jfs[0].Heading)
	for i, h := range headings {
		if got := b.value(s, i+1, r-1); got != h {
			t.Errorf("column heading %d = %q, want %q", i+1, got, h)
		}
	}
}

func TestCourseTable(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	const s = xlsx.SheetRTI
	for _, f := range append(d.RTI.Provider, d.RTI.Notes...) {
		col, row := b.find(s, f.Label)
		if got := b.value(s, col+1, row); got != f.Value {
			t.Errorf("%s = %q, want %q", f.Label, got, f.Value)
		}
	}
	for _, g := range d.RTI.Groups {
		_, gr := b.find(s, g.Label)
		for _, c := range g.Courses {
			_, r := b.find(s, c.Title)
			if r <= gr {
				t.Errorf("course %q (row %d) is not under its group %q (row %d)", c.Title, r, g.Label, gr)
			}
			if got := b.value(s, 2, r); got != c.Number {
				t.Errorf("%s: number %q, want %q", c.Title, got, c.Number)
			}
			if got := b.number(s, 3, r); got != c.Hours.Float64() {
				t.Errorf("%s: hours %v, want %v", c.Title, got, c.Hours.Float64())
			}
			if got, want := b.value(s, 4, r), strings.Join(c.Objectives, "\n"); got != want {
				t.Errorf("%s: objectives %q, want %q", c.Title, got, want)
			}
		}
	}
	for _, l := range append(append(d.Signature.SponsorLines[:1:1], d.Signature.AgencyTitle), "Registration number") {
		b.find(s, l)
	}
}

func TestCodesAreText(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	codes := map[string]string{d.ONET: xlsx.SheetSchedule, d.RAPIDS: xlsx.SheetSchedule, "0414": xlsx.SheetRTI, "HIT 101": xlsx.SheetRTI}
	for code, s := range codes {
		col, row := b.find(s, code)
		cell := name(col, row)
		typ, err := b.GetCellType(s, cell)
		if err != nil || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
			t.Errorf("%s!%s %q has type %v, want a string", s, cell, code, typ)
		}
		id, err := b.GetCellStyle(s, cell)
		if err != nil {
			t.Fatal(err)
		}
		style, err := b.GetStyle(id)
		if err != nil || style.NumFmt != 49 {
			t.Errorf("%s!%s %q: number format %d, want 49 (text, \"@\")", s, cell, code, style.NumFmt)
		}
	}
}

func TestHoursAreNumbersWithDecimals(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	c := d.RTI.Groups[0].Courses[1] // 12.5 hours
	_, r := b.find(xlsx.SheetRTI, c.Title)
	if got := b.number(xlsx.SheetRTI, 3, r); got != 12.5 || c.Hours.Float64() != 12.5 {
		t.Errorf("course hours = %v, want 12.5", got)
	}
	jf := d.JobFunctions[0] // 1300.5 maximum hours
	_, r = b.find(xlsx.SheetSchedule, jf.Heading)
	if got := b.number(xlsx.SheetSchedule, 7, r); got != jf.MaxHours.Float64() || got != 1300.5 {
		t.Errorf("max hours = %v, want 1300.5", got)
	}
}

// total is a total or subtotal the workbook must hold as a formula.
type total struct {
	sheet, label string // the label in column A of the row starts with label
	value        float64
}

// totals lists the totals of a document, as the renderer must write them.
func totals(d *templates.Document) []total {
	var out []total
	for _, t := range d.Totals {
		out = append(out, total{xlsx.SheetSchedule, t.Label, t.Hours.Float64()})
	}
	for _, g := range d.RTI.Groups {
		if g.Label != "" {
			out = append(out, total{xlsx.SheetRTI, g.Label + " subtotal", g.Subtotal.Float64()})
		}
	}
	out = append(out, total{xlsx.SheetRTI, "Total RTI hours", d.RTI.Total.Float64()})
	if d.RTI.Years > 0 {
		out = append(out, total{xlsx.SheetRTI, "Hours per year", d.RTI.HoursPerYear.Float64()})
	}
	return out
}

// checkTotals checks that the workbook's only formulas are the document's
// totals, each with the total as its cached value and computing it.
func checkTotals(t *testing.T, b *book, d *templates.Document) {
	t.Helper()
	want := totals(d)
	found := 0
	for _, s := range b.GetSheetList() {
		formulas := b.formulas(s)
		computed := b.subtotals(s, formulas)
		for cell, formula := range formulas {
			col, row, _ := excelize.CellNameToCoordinates(cell)
			label := b.value(s, 1, row)
			var match *total
			for i := range want {
				if want[i].sheet == s && strings.HasPrefix(label, want[i].label) {
					match = &want[i]
				}
			}
			if match == nil {
				t.Errorf("%s!%s holds formula %q, but row %d (%q) is no total", s, cell, formula, row, label)
				continue
			}
			found++
			var err error
			if cached := b.number(s, col, row); cached != match.value {
				t.Errorf("%s!%s (%s) caches %v, want %v", s, cell, label, cached, match.value)
			}
			calc, ok := computed[cell]
			if !ok {
				calc, err = b.CalcCellValue(s, cell, excelize.Options{RawCellValue: true})
			}
			if err != nil {
				t.Errorf("%s!%s: %v", s, cell, err)
				continue
			}
			if v, err := strconv.ParseFloat(calc, 64); err != nil || math.Abs(v-match.value) > 1e-9 {
				t.Errorf("%s!%s = %q computes %q, want %v", s, cell, formula, calc, match.value)
			}
		}
	}
	if found != len(want) {
		t.Errorf("found %d total formulas, want %d", found, len(want))
	}
}

// subtotals computes the SUBTOTAL(9,range) formulas of a sheet as Excel and
// LibreOffice do (excelize's calculator does not): the numbers of the range,
// skipping cells that are SUBTOTALs themselves. It then stores each result
// as a plain number, so formulas that refer to a subtotal compute from it.
func (b *book) subtotals(sheet string, formulas map[string]string) map[string]string {
	b.t.Helper()
	out := map[string]string{}
	for cell, formula := range formulas {
		rng, ok := strings.CutPrefix(formula, "SUBTOTAL(9,")
		if !ok {
			continue
		}
		from, to, _ := strings.Cut(strings.TrimSuffix(rng, ")"), ":")
		col, first, err1 := excelize.CellNameToCoordinates(from)
		_, last, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil {
			b.t.Fatalf("%s!%s: cannot read %q", sheet, cell, formula)
		}
		sum := 0.0
		for r := first; r <= last; r++ {
			if strings.HasPrefix(formulas[name(col, r)], "SUBTOTAL(") {
				continue
			}
			if v, err := strconv.ParseFloat(b.value(sheet, col, r), 64); err == nil {
				sum += v
			}
		}
		out[cell] = strconv.FormatFloat(sum, 'f', -1, 64)
	}
	for cell, v := range out {
		f, _ := strconv.ParseFloat(v, 64)
		if err := b.SetCellFloat(sheet, cell, f, -1, 64); err != nil {
			b.t.Fatal(err)
		}
	}
	return out
}

func TestTotalsAreFormulasWithCachedValues(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	checkTotals(t, b, d)
}

func TestApproaches(t *testing.T) {
	t.Run("time-based", func(t *testing.T) {
		d := templatestest.Sample()
		d.Approach = templates.TimeBased
		for i, h := range []string{"1200.5", "800"} {
			d.JobFunctions[i].MinHours, d.JobFunctions[i].MaxHours = nil, nil
			d.JobFunctions[i].Hours = &templates.Hours{Dec: decimal.MustParse(h)}
		}
		d.Specialization.JobFunctions[0].MinHours, d.Specialization.JobFunctions[0].MaxHours = nil, nil
		d.Totals = []templates.Total{{Label: "Total OJL hours", Hours: templates.Hours{Dec: decimal.MustParse("2000.5")}}}
		b := readBook(t, d)
		_, r := b.find(xlsx.SheetSchedule, d.JobFunctions[0].Heading)
		for i, h := range []string{"OJT", "Hours", "Notes"} {
			if got := b.value(xlsx.SheetSchedule, 5+i, r-1); got != h {
				t.Errorf("column %d heading %q, want %q", 5+i, got, h)
			}
		}
		if got := b.number(xlsx.SheetSchedule, 6, r); got != 1200.5 {
			t.Errorf("hours %v, want 1200.5", got)
		}
		checkTotals(t, b, d)
	})
	t.Run("competency-based", func(t *testing.T) {
		d := templatestest.Sample()
		d.Approach = templates.CompetencyBased
		d.Totals = nil
		b := readBook(t, d)
		_, r := b.find(xlsx.SheetSchedule, d.JobFunctions[0].Heading)
		if got := b.value(xlsx.SheetSchedule, 6, r-1); got != "Notes" {
			t.Errorf("column 6 heading %q, want Notes (no hours columns)", got)
		}
		if f := b.formulas(xlsx.SheetSchedule); len(f) != 0 {
			t.Errorf("competency-based schedule has formulas %v", f)
		}
		checkTotals(t, b, d)
	})
}

func TestTextIsNeverAFormula(t *testing.T) {
	d := templatestest.Sample()
	const title = "=SUM(A1:A9) is text, not a formula"
	if d.RTI.Groups[0].Courses[1].Title != title {
		t.Fatal("the sample no longer has a course titled like a formula")
	}
	texts := []string{"=1+1", "+1 is a competency", "-5 hours", "@mention", "=HYPERLINK(\"http://x\")"}
	d.Fields[0].Value = texts[0]
	d.JobFunctions[0].Competencies[0].Text = texts[1]
	d.JobFunctions[0].Heading = texts[2]
	d.RTI.Groups[0].Courses[0].Objectives = []string{texts[3]}
	d.RTI.Groups[0].Courses[0].Number = texts[4]
	b := readBook(t, d)
	b.find(xlsx.SheetRTI, title)
	for i, text := range texts {
		s := xlsx.SheetSchedule
		if i >= 3 {
			s = xlsx.SheetRTI
		}
		col, row := b.find(s, text)
		if typ, _ := b.GetCellType(s, name(col, row)); typ != excelize.CellTypeInlineString {
			t.Errorf("%q is stored as type %v, want an inline string", text, typ)
		}
	}
	checkTotals(t, b, d) // the only formulas are the totals
}

// covers reports whether a data validation range (space-separated cells
// and ranges) covers the cell.
func covers(t *testing.T, sqref string, col, row int) bool {
	t.Helper()
	for _, ref := range strings.Fields(sqref) {
		from, to, _ := strings.Cut(ref, ":")
		if to == "" {
			to = from
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad range %q in %q", ref, sqref)
		}
		if c1 <= col && col <= c2 && r1 <= row && row <= r2 {
			return true
		}
	}
	return false
}

func TestDataValidations(t *testing.T) {
	d := templatestest.Large(3, 4)
	b := readBook(t, d)
	const s = xlsx.SheetSchedule
	dvs, err := b.GetDataValidations(s)
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]string{} // list -> sqref
	for _, dv := range dvs {
		if dv.Type != "list" || !dv.ShowErrorMessage || !dv.AllowBlank {
			t.Errorf("validation %+v: want a list that rejects other values and allows blanks", dv)
		}
		lists[dv.Formula1] = dv.Sqref
	}
	types, marks := lists[`"Core,Optional"`], lists[`"✓"`]
	if types == "" || marks == "" || len(lists) != 2 {
		t.Fatalf("data validations %q, want Core/Optional and ✓ lists", lists)
	}
	covered := map[string]int{}
	for r, cells := range b.rows[s] {
		for c, v := range cells {
			col, row := c+1, r+1
			inTypes, inMarks := covers(t, types, col, row), covers(t, marks, col, row)
			if inTypes {
				covered["types"]++
				if v != "Core" && v != "Optional" {
					t.Errorf("%s under the Core/Optional list holds %q", name(col, row), v)
				}
			}
			if inMarks {
				covered["marks"]++
				if v != "✓" && v != "" {
					t.Errorf("%s under the ✓ list holds %q", name(col, row), v)
				}
			}
			if (v == "Core" || v == "Optional") && !inTypes {
				t.Errorf("%s holds %q outside the Core/Optional list", name(col, row), v)
			}
			if v == "✓" && !inMarks {
				t.Errorf("%s holds a mark outside the ✓ list", name(col, row))
			}
		}
	}
	// Every competency has a type, an RTI and an OJT cell; every job
	// function a type.
	n := len(d.JobFunctions) * len(d.JobFunctions[0].Competencies)
	if covered["types"] != n+len(d.JobFunctions) || covered["marks"] < n {
		t.Errorf("lists cover %v cells, want %d types and at least %d marks", covered, n+len(d.JobFunctions), n)
	}
}

func TestFreezePanes(t *testing.T) {
	b := readBook(t, templatestest.Sample())
	p, err := b.GetPanes(xlsx.SheetSchedule)
	if err != nil || !p.Freeze || p.YSplit != 2 || p.TopLeftCell != "A3" {
		t.Errorf("schedule panes %+v (%v), want the title block (rows 1-2) frozen", p, err)
	}
	_, head := b.find(xlsx.SheetRTI, "Course name")
	p, err = b.GetPanes(xlsx.SheetRTI)
	if err != nil || !p.Freeze || p.YSplit != head || p.TopLeftCell != name(1, head+1) {
		t.Errorf("RTI panes %+v (%v), want rows 1-%d frozen", p, err, head)
	}
}

func TestPrintSetup(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	_, head := b.find(xlsx.SheetRTI, "Course name")
	titles := map[string]string{
		xlsx.SheetSchedule: "'Work Process Schedule'!$1:$2",
		xlsx.SheetRTI:      "'RTI Plan'!$" + strconv.Itoa(head) + ":$" + strconv.Itoa(head),
	}
	names := b.GetDefinedName()
	for _, s := range b.GetSheetList() {
		l, err := b.GetPageLayout(s)
		if err != nil {
			t.Fatal(err)
		}
		if *l.Size != 1 || *l.Orientation != "landscape" || *l.FitToWidth != 1 || *l.FitToHeight != 0 {
			t.Errorf("%s: paper %d, %s, fit %d wide x %d tall; want Letter (1), landscape, 1 x 0",
				s, *l.Size, *l.Orientation, *l.FitToWidth, *l.FitToHeight)
		}
		p, err := b.GetSheetProps(s)
		if err != nil || p.FitToPage == nil || !*p.FitToPage {
			t.Errorf("%s: fit to page is off", s)
		}
		found := false
		for _, n := range names {
			if n.Name == "_xlnm.Print_Titles" && n.Scope == s {
				found = true
				if n.RefersTo != titles[s] {
					t.Errorf("%s: print titles %q, want %q", s, n.RefersTo, titles[s])
				}
			}
		}
		if !found {
			t.Errorf("%s: no print titles", s)
		}
		hf, err := b.GetHeaderFooter(s)
		if err != nil || hf == nil {
			t.Fatalf("%s: no header/footer (%v)", s, err)
		}
		if !strings.Contains(hf.OddHeader, d.Header.Sponsor) || !strings.Contains(hf.OddHeader, d.Header.RAPIDS) ||
			!strings.Contains(hf.OddFooter, d.Footer.Revision) || !strings.Contains(hf.OddFooter, "Page &P of &N") {
			t.Errorf("%s: header %q, footer %q", s, hf.OddHeader, hf.OddFooter)
		}
	}
}

func TestRowHeightsFitWrappedText(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	const s = xlsx.SheetRTI
	c := d.RTI.Groups[1].Courses[0] // objectives of about 700 characters
	_, r := b.find(s, c.Title)
	width, err := b.GetColWidth(s, "D")
	if err != nil {
		t.Fatal(err)
	}
	height, err := b.GetRowHeight(s, r)
	if err != nil {
		t.Fatal(err)
	}
	// At most one character per unit of column width: the lines it takes.
	minLines := math.Ceil(float64(utf8.RuneCountInString(c.Objectives[0])) / width)
	if height < 15*minLines {
		t.Errorf("row %d is %v pt high, its objectives need %v lines (%v pt)", r, height, minLines, 15*minLines)
	}
	id, _ := b.GetCellStyle(s, name(4, r))
	if st, _ := b.GetStyle(id); st == nil || st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("objectives cell does not wrap")
	}
	// A one-line row keeps the default height.
	_, r = b.find(xlsx.SheetSchedule, d.JobFunctions[0].Competencies[1].Text)
	if h, _ := b.GetRowHeight(xlsx.SheetSchedule, r); h != 15 {
		t.Errorf("one-line row is %v pt high, want 15", h)
	}
}

func TestDocumentProperties(t *testing.T) {
	b := readBook(t, templatestest.Sample())
	p, err := b.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if want := "2026-11-01T00:00:00Z"; p.Created != want || p.Modified != want {
		t.Errorf("created %q, modified %q, want %q", p.Created, p.Modified, want)
	}
	var other bytes.Buffer
	if err := xlsx.Render(&other, templatestest.Sample(), xlsx.Options{Created: created.AddDate(1, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(other.Bytes(), render(t, templatestest.Sample())) {
		t.Error("the created date does not reach the file")
	}
}

func TestReproducible(t *testing.T) {
	for _, d := range []func() *templates.Document{templatestest.Sample, func() *templates.Document { return templatestest.Large(20, 5) }} {
		first := render(t, d())
		for i := 0; i < 10; i++ {
			if !bytes.Equal(render(t, d()), first) {
				t.Fatalf("render %d differs from the first", i+2)
			}
		}
	}
}

func TestConcurrentRenders(t *testing.T) {
	want := render(t, templatestest.Sample())
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			if err := xlsx.Render(&b, templatestest.Sample(), xlsx.Options{Created: created}); err != nil {
				errs <- err.Error()
			} else if !bytes.Equal(b.Bytes(), want) {
				errs <- "concurrent render differs"
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestLarge checks a 6,000-row workbook's totals and rows. Its speed is
// measured by BenchmarkRenderLarge, not here: a timed test fails on a busy
// machine for no fault of the code.
func TestLarge(t *testing.T) {
	d := templatestest.Large(300, 20)
	b := readBook(t, d)
	checkTotals(t, b, d)
	_, last := b.find(xlsx.SheetSchedule, d.JobFunctions[299].Competencies[19].Text)
	if last < 6000 {
		t.Errorf("last competency on row %d, want at least 6,000 rows", last)
	}
}

func TestInvalidDocumentsFail(t *testing.T) {
	tests := map[string]func(d *templates.Document){
		"unknown approach": func(d *templates.Document) { d.Approach = "apprentice-based" },
		"totals without hours columns": func(d *templates.Document) {
			d.Approach = templates.CompetencyBased
		},
	}
	for name, mutate := range tests {
		t.Run(name, func(t *testing.T) {
			d := templatestest.Sample()
			mutate(d)
			var b bytes.Buffer
			if err := xlsx.Render(&b, d, xlsx.Options{}); err == nil {
				t.Error("Render succeeded")
			} else if !strings.HasPrefix(err.Error(), "xlsx: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
			if b.Len() != 0 {
				t.Errorf("a failed render wrote %d bytes", b.Len())
			}
		})
	}
	if err := xlsx.Render(&bytes.Buffer{}, nil, xlsx.Options{}); err == nil {
		t.Error("Render(nil) succeeded")
	}
}

func TestEmptyDocument(t *testing.T) {
	d := &templates.Document{Approach: templates.CompetencyBased}
	b := readBook(t, d)
	checkTotals(t, b, d)
}

func BenchmarkRenderSample(b *testing.B) {
	d := templatestest.Sample()
	for b.Loop() {
		if err := xlsx.Render(&bytes.Buffer{}, d, xlsx.Options{Created: created}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderLarge(b *testing.B) {
	d := templatestest.Large(300, 20)
	for b.Loop() {
		if err := xlsx.Render(&bytes.Buffer{}, d, xlsx.Options{Created: created}); err != nil {
			b.Fatal(err)
		}
	}
}

// Courses in 750 distinct years: every total stays one short formula (a
// SUM of 750 ranges was longer than Excel's 8,192 characters, so a program
// that validated could not render).
func TestManyGroupsShortFormulas(t *testing.T) {
	d := templatestest.Sample()
	d.RTI.Groups = nil
	var total decimal.Decimal
	for y := 1; y <= 750; y++ {
		h := decimal.MustParse("1.5")
		d.RTI.Groups = append(d.RTI.Groups, templates.CourseGroup{
			Label:    fmt.Sprintf("Year %d", y),
			Courses:  []templates.Course{{Title: fmt.Sprintf("Course %d", y), Hours: templates.Hours{Dec: h}}},
			Subtotal: templates.Hours{Dec: h},
		})
		total = total.Add(h)
	}
	d.RTI.Total = templates.Hours{Dec: total}
	d.RTI.HoursPerYear = templates.Hours{Dec: total.Div(decimal.FromInt(int64(d.RTI.Years)), 2)}
	b := readBook(t, d)
	for cell, f := range b.formulas(xlsx.SheetRTI) {
		if len(f) > 40 {
			t.Errorf("%s: formula of %d characters: %.80s", cell, len(f), f)
		}
	}
	checkTotals(t, b, d)
}

// The workbook's properties name the job title, the occupation, its codes
// and the language.
func TestProperties(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	p, err := b.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Work Process Schedule: Medical Coder" || p.Subject != d.Occupation ||
		p.Keywords != "O*NET 29-2072.00, RAPIDS 1114HY" || p.Language != "en-US" {
		t.Errorf("properties %+v", p)
	}
}
