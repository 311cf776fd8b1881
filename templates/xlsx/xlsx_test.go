package xlsx_test

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

var created = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// render renders d and fails the test on error.
func render(t testing.TB, d *templates.Layout) []byte {
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

func readBook(t *testing.T, d *templates.Layout) *book {
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
	if got, want := b.value(s, 1, 1), templatestest.Blocks[*templates.Heading](d)[0].Text; got != want {
		t.Errorf("A1 = %q, want the title %q", got, want)
	}
	b.find(s, templatestest.Blocks[*templates.Heading](d)[1].Text)    // the occupation
	fields := templatestest.Blocks[*templates.FieldList](d)[1].Fields // the form's, after the codes
	for _, label := range []string{"O*NET Code", "RAPIDS Code"} {
		code := templatestest.Field(d, s, label).Value
		_, row := b.find(s, code)
		if _, r := b.find(s, label); r != row {
			t.Errorf("%s %q is on row %d, its label on row %d", label, code, row, r)
		}
	}
	for _, f := range fields {
		col, row := b.find(s, f.Label)
		want := f.Value
		if f.Kind == templates.FieldItems {
			want = strings.Join(f.Items, "\n") // one item a line
		}
		if got := b.value(s, col+2, row); got != want {
			t.Errorf("field %q = %q, want %q", f.Label, got, f.Value)
		}
	}
	for _, f := range fields {
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
	jfs := templatestest.JobFunctions(d)
	b.find(s, "Type of Specialization: Release of Information Specialist")
	for _, jf := range jfs {
		_, r := b.find(s, jf.Title)
		typ := jf.TitleCells[2] // after the minimum and maximum hours
		if got := b.value(s, 3, r); got != typ.Text {
			t.Errorf("%s: type %q, want %q", jf.ID, got, typ.Text)
		}
		if got, want := b.number(s, 6, r), jf.TitleCells[0].Num.Float64(); got != want {
			t.Errorf("%s: min hours %v, want %v", jf.ID, got, want)
		}
		if got, want := b.number(s, 7, r), jf.TitleCells[1].Num.Float64(); got != want {
			t.Errorf("%s: max hours %v, want %v", jf.ID, got, want)
		}
		notes := b.value(s, 8, r)
		custom, level := strings.Contains(jf.Details, "(custom)"), jf.TitleKey.Shown[len(jf.TitleKey.Shown)-1]
		if strings.Contains(notes, "Custom") != custom || !strings.Contains(notes, level) {
			t.Errorf("%s (custom %v, level %q): notes %q", jf.ID, custom, level, notes)
		}
		// Each table has its own header row, above its title row.
		if got := b.value(s, 2, r-1); got != "Competencies" {
			t.Errorf("%s: row above the title is %q, want the column headings", jf.ID, got)
		}
		for i, c := range jf.Rows {
			row := r + 1 + i
			mark := func(on bool) string {
				if on {
					return "✓"
				}
				return ""
			}
			letter, custom := c.Cells[0].Prefix, c.Cells[1].Note != ""
			want := []string{letter, c.Cells[0].Text, c.Cells[1].Text, mark(c.Cells[2].Checked), mark(c.Cells[3].Checked)}
			for col, w := range want {
				if got := b.value(s, col+1, row); got != w {
					t.Errorf("%s %s column %d = %q, want %q", jf.ID, letter, col+1, got, w)
				}
			}
			if got := b.value(s, 8, row); strings.Contains(strings.ToLower(got), "custom") != custom {
				t.Errorf("%s %s (custom %v): notes %q", jf.ID, letter, custom, got)
			}
		}
	}
	// The letters' column has no header: its values say what they are.
	headings := []string{"", "Competencies", "Core or Optional", "RTI", "OJT", "Min hours", "Max hours", "Notes"}
	_, r := b.find(s, jfs[0].Title)
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
	for _, f := range templatestest.Fields(d, s) {
		col, row := b.find(s, f.Label)
		if got := b.value(s, col+1, row); got != f.Value {
			t.Errorf("%s = %q, want %q", f.Label, got, f.Value)
		}
	}
	group, gr := "", 0
	for _, c := range templatestest.Table(d, "RTI_Courses").Rows {
		switch c.Kind {
		case templates.RowGroup:
			group = c.Cells[0].Text
			_, gr = b.find(s, group)
			continue
		case templates.RowBody:
		default:
			continue
		}
		title := c.Cells[0].Text
		_, r := b.find(s, title)
		if r <= gr {
			t.Errorf("course %q (row %d) is not under its group %q (row %d)", title, r, group, gr)
		}
		if got := b.value(s, 2, r); got != c.Cells[1].Text {
			t.Errorf("%s: number %q, want %q", title, got, c.Cells[1].Text)
		}
		if got := b.number(s, 3, r); got != c.Cells[2].Num.Float64() {
			t.Errorf("%s: hours %v, want %v", title, got, c.Cells[2].Num.Float64())
		}
		if got, want := b.value(s, 4, r), strings.Join(c.Cells[3].Items, "\n"); got != want {
			t.Errorf("%s: objectives %q, want %q", title, got, want)
		}
	}
	sig := templatestest.Signature(d)
	for _, l := range append(append(sig.SponsorLines[:1:1], sig.AgencyTitle), "Registration number") {
		b.find(s, l)
	}
}

func TestCodesAreText(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	codes := map[string]string{"29-2072.00": xlsx.SheetSchedule, "1114HY": xlsx.SheetSchedule, "0414": xlsx.SheetRTI, "HIT 101": xlsx.SheetRTI}
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
	c := templatestest.Table(d, "RTI_Courses").Rows[2].Cells // 12.5 hours
	_, r := b.find(xlsx.SheetRTI, c[0].Text)
	if got := b.number(xlsx.SheetRTI, 3, r); got != 12.5 || c[2].Num.Float64() != 12.5 {
		t.Errorf("course hours = %v, want 12.5", got)
	}
	jf := templatestest.Table(d, "JF_1") // 1300.5 maximum hours
	_, r = b.find(xlsx.SheetSchedule, jf.Title)
	if got := b.number(xlsx.SheetSchedule, 7, r); got != jf.TitleCells[1].Num.Float64() || got != 1300.5 {
		t.Errorf("max hours = %v, want 1300.5", got)
	}
}

// total is a total or subtotal the workbook must hold as a formula.
type total struct {
	sheet, label string // the label in column A of the row starts with label
	value        float64
}

func TestTextIsNeverAFormula(t *testing.T) {
	d := templatestest.Sample()
	const title = "=SUM(A1:A9) is text, not a formula"
	courses := templatestest.Table(d, "RTI_Courses").Rows
	if courses[2].Cells[0].Text != title {
		t.Fatal("the sample no longer has a course titled like a formula")
	}
	texts := []string{"=1+1", "+1 is a competency", "-5 hours", "@mention", "=HYPERLINK(\"http://x\")"}
	templatestest.Field(d, "", "Job title").Value = texts[0]
	jf := templatestest.Table(d, "JF_1")
	jf.Rows[0].Cells[0].Text = texts[1]
	jf.Title = texts[2]
	courses[1].Cells[3].Items = []string{texts[3]}
	courses[1].Cells[1].Text = texts[4]
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

func TestReproducible(t *testing.T) {
	for _, d := range []func() *templates.Layout{templatestest.Sample, func() *templates.Layout { return templatestest.Large(20, 5) }} {
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
	_, last := b.find(xlsx.SheetSchedule, templatestest.JobFunctions(d)[299].Rows[19].Cells[0].Text)
	if last < 6000 {
		t.Errorf("last competency on row %d, want at least 6,000 rows", last)
	}
}

// A layout the build never makes is an error, never a panic or a
// half-written file.
func TestInvalidDocumentsFail(t *testing.T) {
	table := templatestest.Table
	tests := map[string]func(l *templates.Layout){
		"no parts":             func(l *templates.Layout) { l.Parts = nil },
		"unknown block":        func(l *templates.Layout) { l.Parts[0].Blocks = append(l.Parts[0].Blocks, nil) },
		"table without ID":     func(l *templates.Layout) { table(l, "RTI_Courses").ID = "" },
		"two tables of one ID": func(l *templates.Layout) { table(l, "JF_C1").ID = "JF_1" },
		"formula names no table": func(l *templates.Layout) {
			table(l, "OJL_Totals").Rows[0].Cells[1].Formula.Refs[0].Table = "nowhere"
		},
		"formula names no cell": func(l *templates.Layout) {
			table(l, "RTI_Courses").Rows[1].Cells[2].Formula = &templates.Formula{Refs: []templates.Ref{{Table: "RTI_Courses", Col: 9, Row: 0}}}
		},
		"too many cells": func(l *templates.Layout) {
			r := &table(l, "JF_1").Rows[0]
			r.Cells = append(r.Cells, templates.Cell{Text: "extra"})
		},
	}
	for name, mutate := range tests {
		t.Run(name, func(t *testing.T) {
			l := templatestest.Sample()
			mutate(l)
			var b bytes.Buffer
			if err := xlsx.Render(&b, l, xlsx.Options{}); err == nil {
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
	d := templatestest.Empty()
	b := readBook(t, d)
	checkTotals(t, b, d)
}

func BenchmarkRenderSample(b *testing.B) {
	d := templatestest.Sample()
	// With Source, as `wpsgen render` writes it: the round trip sheet too.
	for name, source := range map[string][]byte{"plain": nil, "source": []byte("program: sample\n")} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := xlsx.Render(&bytes.Buffer{}, d, xlsx.Options{Created: created, Source: source}); err != nil {
					b.Fatal(err)
				}
			}
		})
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
