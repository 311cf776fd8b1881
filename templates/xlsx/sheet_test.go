package xlsx_test

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

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
	jfs := templatestest.JobFunctions(d)
	n := len(jfs) * len(jfs[0].Rows)
	if covered["types"] != n+len(jfs) || covered["marks"] < n {
		t.Errorf("lists cover %v cells, want %d types and at least %d marks", covered, n+len(jfs), n)
	}
}

// Rows are frozen only when few: the sample's first header rows are too
// far down (rows 20 and 10), an RTI plan without provider fields is not.
func TestFreezePanes(t *testing.T) {
	b := readBook(t, templatestest.Sample())
	for _, s := range []string{xlsx.SheetSchedule, xlsx.SheetRTI} {
		if p, err := b.GetPanes(s); err != nil || p.Freeze {
			t.Errorf("%s panes %+v (%v), want none frozen", s, p, err)
		}
	}
	d := templatestest.Sample()
	rti := &d.Parts[1]
	rti.Blocks = slices.DeleteFunc(rti.Blocks, func(b templates.Block) bool { _, ok := b.(*templates.FieldList); return ok }) // no provider, no notes
	b = readBook(t, d)
	_, head := b.find(xlsx.SheetRTI, "Course name")
	p, err := b.GetPanes(xlsx.SheetRTI)
	if err != nil || !p.Freeze || p.YSplit != head || p.TopLeftCell != name(1, head+1) || head > 8 {
		t.Errorf("RTI panes %+v (%v), want rows 1-%d frozen", p, err, head)
	}
}

// Print titles (the first table's header row) are set on a sheet whose
// tables run past a page, and only there: a table that fits on a page
// starts one with its own header row.
func TestPrintSetup(t *testing.T) {
	for _, s := range []string{xlsx.SheetSchedule, xlsx.SheetRTI} {
		for _, n := range readBook(t, templatestest.Sample()).GetDefinedName() {
			if n.Name == "_xlnm.Print_Titles" && n.Scope == s {
				t.Errorf("%s: print titles %s, but every table fits on a page", s, n.RefersTo)
			}
		}
	}
	d := templatestest.Sample()
	jf := templatestest.Table(d, "JF_1")
	for range 60 {
		jf.Rows = append(jf.Rows, jf.Rows[1])
	}
	groups := templatestest.SampleCourses()
	for range 20 {
		groups[1].Courses = append(groups[1].Courses, groups[1].Courses[0])
	}
	templatestest.SetCourses(d, 2, groups...)
	b := readBook(t, d)
	_, head := b.find(xlsx.SheetRTI, "Course name")
	_, first := b.find(xlsx.SheetSchedule, jf.Title)
	first-- // the first job function's header row names every table's columns
	titles := map[string]string{
		xlsx.SheetSchedule: "'Work Process Schedule'!$" + strconv.Itoa(first) + ":$" + strconv.Itoa(first),
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

// Readers do not size rows when they open a file, so a row of wrapped
// text has a height for its lines, estimated with DejaVu Sans; none is
// marked as set by hand, so a reader fits the row again when it is edited.
func TestRowHeightsFitWrappedText(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	// minLines is the fewest lines text takes in columns of a sheet, with
	// characters no narrower than 0.5 em of the 9 pt font.
	minLines := func(s, text string, cols ...string) float64 {
		points := 0.0
		for _, col := range cols {
			w, err := b.GetColWidth(s, col)
			if err != nil {
				t.Fatal(err)
			}
			points += w * 9 * 0.75 // 9-pixel digits
		}
		return math.Ceil(float64(utf8.RuneCountInString(text)) * 4.5 / points)
	}
	c := templatestest.Table(d, "RTI_Courses").Rows[5].Cells // objectives of about 700 characters
	_, r := b.find(xlsx.SheetRTI, c[0].Text)
	n := minLines(xlsx.SheetRTI, c[3].Items[0], "D")
	if h, _ := b.GetRowHeight(xlsx.SheetRTI, r); n < 3 || h < n*9*1.16 {
		t.Errorf("objectives row %d is %v pt high, its text needs %v lines", r, h, n)
	}
	id, _ := b.GetCellStyle(xlsx.SheetRTI, name(4, r))
	if st, _ := b.GetStyle(id); st == nil || st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("objectives cell does not wrap")
	}
	// The title of job function 1 is merged over the letters' and
	// competencies' columns.
	jf := templatestest.Table(d, "JF_1")
	_, r = b.find(xlsx.SheetSchedule, jf.Title)
	n = minLines(xlsx.SheetSchedule, jf.Title, "A", "B")
	if h, _ := b.GetRowHeight(xlsx.SheetSchedule, r); n < 2 || h < n*9*1.16 {
		t.Errorf("title row %d is %v pt high, its title needs %v lines", r, h, n)
	}
	// A one-line row is one line of 9 pt text high (LibreOffice's own
	// height is 12.8 pt), not the default 15 pt.
	_, r = b.find(xlsx.SheetRTI, "Total RTI hours")
	if h, _ := b.GetRowHeight(xlsx.SheetRTI, r); h != 13.5 {
		t.Errorf("one-line row is %v pt high, want 13.5", h)
	}
	zr, err := zip.NewReader(bytes.NewReader(render(t, d)), int64(len(render(t, d))))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(data, []byte("customHeight")) {
			t.Errorf("%s marks row heights as set by hand", f.Name)
		}
		if !bytes.Contains(data, []byte(` ht="`)) {
			t.Errorf("%s sets no row heights", f.Name)
		}
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

// The workbook's properties name the job title, the occupation, its codes
// and the language.
func TestProperties(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	p, err := b.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Work Process Schedule: Medical Coder" || p.Subject != "Medical Records and Health Information Technicians/Medical Coders" ||
		p.Keywords != "O*NET 29-2072.00, RAPIDS 1114HY" || p.Language != "en-US" {
		t.Errorf("properties %+v", p)
	}
}
