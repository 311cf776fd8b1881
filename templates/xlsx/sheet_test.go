package xlsx_test

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

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
