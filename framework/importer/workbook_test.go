package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/workbook"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/pdf"
	"github.com/wpsgen/wpsgen/templates/templatestest"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

// renderSource renders a program's YAML, validated as the file at path
// (so its framework: path resolves from there), as render does.
func renderSource(t testing.TB, path string, src []byte) (xlsxBytes, pdfBytes []byte) {
	t.Helper()
	doc := buildSource(t, path, src)
	var x, p bytes.Buffer
	if err := xlsx.Render(&x, doc, xlsx.Options{Source: src}); err != nil {
		t.Fatal(err)
	}
	if err := pdf.Render(&p, doc, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	return x.Bytes(), p.Bytes()
}

func buildSource(t testing.TB, path string, src []byte) *templates.Layout {
	t.Helper()
	res, err := framework.NewLoader().ValidateSource(path, src)
	if err != nil || res.Schedule == nil || framework.HasErrors(res.Findings, false) {
		t.Fatalf("%s does not validate: %v %s", path, err, findingsText(res.Findings))
	}
	return templates.Build(res.Schedule, strings.TrimSuffix(filepath.Base(path), ".yaml"))
}

// workbooks holds each program file's rendered workbook: the edit tests
// start from the same few workbooks dozens of times.
var workbooks sync.Map // path -> []byte

// workbookOf is the workbook render writes for the program file at path.
func workbookOf(t testing.TB, path string, src []byte) []byte {
	t.Helper()
	if b, ok := workbooks.Load(path); ok {
		return b.([]byte)
	}
	var x bytes.Buffer
	if err := xlsx.Render(&x, buildSource(t, path, src), xlsx.Options{Source: src}); err != nil {
		t.Fatal(err)
	}
	workbooks.Store(path, x.Bytes())
	return x.Bytes()
}

// TestWorkbookRoundTrip: render -> import -> render gives the same XLSX,
// byte for byte, and the same PDF, for every program the tests render.
func TestWorkbookRoundTrip(t *testing.T) {
	forEachProgram(t, func(t *testing.T, path string, src []byte) {
		x1, p1 := renderSource(t, path, src)
		res := Program("p.xlsx", x1, nil)
		if res.YAML == nil || len(res.Findings) > 0 || len(res.Notes) > 0 {
			t.Fatalf("import of an unedited workbook: findings %s notes %v", findingsText(res.Findings), res.Notes)
		}
		if !bytes.Equal(res.YAML, src) {
			t.Fatalf("the program read back differs from the one rendered:\n%s", res.YAML)
		}
		x2, p2 := renderSource(t, path, res.YAML)
		if !bytes.Equal(x1, x2) || !bytes.Equal(p1, p2) {
			t.Error("rendering the program read back gives other documents")
		}
	})
}

const (
	pharmacyProgram = "../../examples/pharmacy-technician.yaml"
	roiProgram      = "../../examples/medical-coder-roi.yaml"
	hybridProgram   = "../../examples/ehr-specialist-hybrid.yaml"
)

// edited renders the pharmacy technician example, lets edit change the
// workbook as a person would, and imports it.
func edited(t *testing.T, edit func(f *excelize.File)) (*ProgramResult, string) {
	t.Helper()
	return editedProgram(t, pharmacyProgram, edit)
}

// editedProgram is edited for the program at path.
func editedProgram(t *testing.T, path string, edit func(f *excelize.File)) (*ProgramResult, string) {
	t.Helper()
	book, src := editedWorkbook(t, path, edit)
	return Program("p.xlsx", book, frameworkOf(t, path, src)), string(src)
}

// frameworks holds the framework each program file resolves to: the edit
// tests read the same few programs dozens of times.
var frameworks sync.Map // path -> *framework.Resolved

// frameworkOf is the framework of the program file at path, whose source
// is src.
func frameworkOf(t *testing.T, path string, src []byte) *framework.Resolved {
	t.Helper()
	if fw, ok := frameworks.Load(path); ok {
		return fw.(*framework.Resolved)
	}
	vr, err := framework.NewLoader().ValidateSource(path, src)
	if err != nil || vr.Schedule == nil {
		t.Fatal(err)
	}
	frameworks.Store(path, vr.Schedule.Framework)
	return vr.Schedule.Framework
}

// editedWorkbook renders the program at path to a workbook and returns it
// as edit leaves it, with the program's source.
func editedWorkbook(t *testing.T, path string, edit func(f *excelize.File)) (book, src []byte) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(workbookOf(t, path, src)))
	if err != nil {
		t.Fatal(err)
	}
	edit(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), src
}

// checkEdited imports the workbook of the program at path as edit leaves
// it and checks that it reads back as the program's source with each diff
// applied in turn (its first text replaced once by its second) and that
// the import warns exactly warnings, in order.
func checkEdited(t *testing.T, path string, edit func(t *testing.T, f *excelize.File), diff [][2]string, warnings ...string) {
	t.Helper()
	res, src := editedProgram(t, path, func(f *excelize.File) { edit(t, f) })
	if res.YAML == nil {
		t.Fatalf("nothing read back:\n%s", findingsText(res.Findings))
	}
	want := src
	for _, d := range diff {
		if !strings.Contains(want, d[0]) {
			t.Fatalf("test bug: %q not in the program", d[0])
		}
		want = strings.Replace(want, d[0], d[1], 1)
	}
	if string(res.YAML) != want {
		t.Errorf("got:\n%s\nwant:\n%s", res.YAML, want)
	}
	var got []string
	for _, n := range res.Notes {
		if n.Warning {
			got = append(got, n.Msg)
		}
	}
	if strings.Join(got, "\n") != strings.Join(warnings, "\n") {
		t.Errorf("warnings %q, want %q", got, warnings)
	}
}

// checkFindings checks that the import found exactly want (a finding a
// line) and so read nothing back.
func checkFindings(t *testing.T, res *ProgramResult, want string) {
	t.Helper()
	if got := findingsText(res.Findings); got != want || res.YAML != nil {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// checkCellError types value into column col of the row of sheet keyed
// key, in the workbook of the program at path, and checks that the import
// refuses it with msg at that cell and nothing else.
func checkCellError(t *testing.T, path, sheet, key string, col int, value any, msg string) {
	t.Helper()
	var row int
	res, _ := editedProgram(t, path, func(f *excelize.File) {
		row = rowOf(t, f, sheet, key)
		set(t, f, sheet, col, row, value)
	})
	checkFindings(t, res, "p.xlsx:"+sheet+"!"+framework.ColumnName(col)+itoa(row)+": error: "+msg+" [import]\n")
}

// rowOf finds the row of the visible sheet whose hidden key is key (the
// key column is the sheet's last).
func rowOf(t *testing.T, f *excelize.File, sheet, key string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[len(r)-1] == key {
			return i + 1
		}
	}
	t.Fatalf("no row keyed %q in %s", key, sheet)
	return 0
}

func set(t *testing.T, f *excelize.File, sheet string, col, row int, v any) {
	t.Helper()
	if err := f.SetCellValue(sheet, framework.ColumnName(col)+itoa(row), v); err != nil {
		t.Fatal(err)
	}
}

// insertRow inserts an empty row at row r of sheet, as a person does.
func insertRow(t *testing.T, f *excelize.File, sheet string, r int) {
	t.Helper()
	if err := f.InsertRows(sheet, r, 1); err != nil {
		t.Fatal(err)
	}
}

// removeRow deletes the row of sheet keyed key.
func removeRow(t *testing.T, f *excelize.File, sheet, key string) {
	t.Helper()
	if err := f.RemoveRow(sheet, rowOf(t, f, sheet, key)); err != nil {
		t.Fatal(err)
	}
}

// addCourse inserts a course row at row r of the RTI sheet.
func addCourse(t *testing.T, f *excelize.File, r int, title string, hours any) {
	t.Helper()
	insertRow(t, f, workbook.SheetRTI, r)
	set(t, f, workbook.SheetRTI, workbook.ColCourse, r, title)
	set(t, f, workbook.SheetRTI, workbook.ColCourseHours, r, hours)
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestWorkbookEdits: each edit a person makes comes back as the YAML a
// person would write for it, and nothing else changes.
func TestWorkbookEdits(t *testing.T) {
	const wps, rti = workbook.SheetSchedule, workbook.SheetRTI
	cases := []struct {
		name string
		edit func(t *testing.T, f *excelize.File)
		diff [][2]string
	}{
		{"hours with decimals", func(t *testing.T, f *excelize.File) {
			set(t, f, wps, workbook.ColHours, rowOf(t, f, wps, "jf 1"), 452.25)
		}, [][2]string{{"  - id: \"1\"\n    hours: 450", "  - id: \"1\"\n    hours: 452.25"}}},
		{"mark cleared and set", func(t *testing.T, f *excelize.File) {
			set(t, f, wps, workbook.ColRTI, rowOf(t, f, wps, "c 1.A"), "")
			set(t, f, wps, workbook.ColRTI, rowOf(t, f, wps, "c 2.B"), workbook.Mark)
		}, [][2]string{
			{"    competencies:\n      - id: A\n      - id: B\n      - id: C\n      - id: D\n  - id: \"2\"",
				"    competencies:\n      - id: A\n        delivery: [ojt]\n      - id: B\n      - id: C\n      - id: D\n  - id: \"2\""},
			{"      - id: A\n      - id: B\n      - id: C\n  - id: \"3\"", "      - id: A\n      - id: B\n        delivery: [rti, ojt]\n      - id: C\n  - id: \"3\""},
		}},
		{"row deleted", func(t *testing.T, f *excelize.File) {
			removeRow(t, f, wps, "c 6.B")
		}, [][2]string{{"      - id: A\n      - id: B\nrti:", "      - id: A\nrti:"}}},
		{"row added", func(t *testing.T, f *excelize.File) {
			r := rowOf(t, f, wps, "c 3.C") + 1
			insertRow(t, f, wps, r)
			set(t, f, wps, workbook.ColText, r, "Rotates stock by expiry date")
			set(t, f, wps, workbook.ColOJT, r, workbook.Mark)
		}, [][2]string{{"      - id: C\n  - id: \"4\"", "      - id: C\n      - {id: D, custom: true, text: Rotates stock by expiry date, delivery: [ojt]}\n  - id: \"4\""}}},
		{"job function crossed off", func(t *testing.T, f *excelize.File) {
			for _, k := range []string{"c 6.B", "c 6.A", "jf 6"} {
				removeRow(t, f, wps, k)
			}
		}, [][2]string{{"  - id: \"6\"\n    hours: 200\n    competencies:\n      - id: A\n      - id: B\n", ""}}},
		{"course deleted, objectives edited", func(t *testing.T, f *excelize.File) {
			removeRow(t, f, rti, "course 3")
			set(t, f, rti, workbook.ColObjectives, rowOf(t, f, rti, "course 1"), "Use medical terms\nSpell drug names")
		}, [][2]string{
			{"      year: 1\n      covers: [\"5.C\"]", "      year: 1\n      covers: [\"5.C\"]\n      objectives: [Use medical terms, Spell drug names]"},
			{"    - number: PHT 120\n      title: Pharmacy Law, Ethics and Privacy\n      hours: 24\n      year: 1\n      covers: [\"3.C\", \"4.A\", \"4.B\"]\n", ""},
		}},
		{"row added where the framework has a crossed-off competency", func(t *testing.T, f *excelize.File) {
			r := rowOf(t, f, wps, "c 2.C") + 1
			insertRow(t, f, wps, r)
			set(t, f, wps, workbook.ColText, r, "Cleans the counting trays")
			set(t, f, wps, workbook.ColRTI, r, workbook.Mark)
		}, [][2]string{{"      - id: C\n  - id: \"3\"", "      - id: C\n      - {id: E, custom: true, text: Cleans the counting trays, delivery: [rti]}\n  - id: \"3\""}}},
		{"header fields", func(t *testing.T, f *excelize.File) {
			set(t, f, wps, 3, rowOf(t, f, wps, "field occupation.job_title"), "Certified Pharmacy Technician")
			set(t, f, wps, 3, rowOf(t, f, wps, "field sponsor.contact.phone"), "+1 217 555 0199")
			set(t, f, rti, 2, rowOf(t, f, rti, "field rti.provider.name"), "Lincoln Land Community College")
		}, [][2]string{
			{"  job_title: Pharmacy Technician", "  job_title: Certified Pharmacy Technician"},
			{`    phone: "+1 217 555 0188"`, `    phone: "+1 217 555 0199"`},
			{"    name: Lincoln Land Technical College", "    name: Lincoln Land Community College"},
		}},
		{"course hours and a course added", func(t *testing.T, f *excelize.File) {
			set(t, f, rti, workbook.ColCourseHours, rowOf(t, f, rti, "course 1"), 30)
			addCourse(t, f, rowOf(t, f, rti, "course 4")+1, "Sterile Compounding", 16.5)
		}, [][2]string{
			{"      title: Medical and Pharmaceutical Terminology\n      hours: 24", "      title: Medical and Pharmaceutical Terminology\n      hours: 30"},
			{"      covers: [\"1.D\", \"4.C\", \"4.D\"]\n", "      covers: [\"1.D\", \"4.C\", \"4.D\"]\n    - title: Sterile Compounding\n      hours: 16.5\n      year: 1\n"},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkEdited(t, pharmacyProgram, c.edit, c.diff) })
	}
}

// TestWorkbookCellFindings: cells that cannot be read are named, and
// nothing is read back.
func TestWorkbookCellFindings(t *testing.T) {
	var hoursRow, markRow int
	res, _ := edited(t, func(f *excelize.File) {
		hoursRow, markRow = rowOf(t, f, workbook.SheetSchedule, "jf 2"), rowOf(t, f, workbook.SheetSchedule, "c 2.A")
		set(t, f, workbook.SheetSchedule, workbook.ColHours, hoursRow, "about 500")
		set(t, f, workbook.SheetSchedule, workbook.ColOJT, markRow, "yes")
	})
	want := "p.xlsx:Work Process Schedule!F" + itoa(hoursRow) + `: error: "about 500" is not a number of hours; write a number such as 450 or 12.5 [import]` + "\n" +
		"p.xlsx:Work Process Schedule!E" + itoa(markRow) + `: error: "yes" is not the drop-down's mark: choose ✓, or leave the cell empty [import]` + "\n"
	checkFindings(t, res, want)
	var total int
	res, src := edited(t, func(f *excelize.File) {
		total = rowOf(t, f, workbook.SheetSchedule, "total")
		set(t, f, workbook.SheetSchedule, workbook.ColHours, total, 2100)
	})
	if string(res.YAML) != src || len(res.Notes) != 1 || res.Notes[0].String() != "p.xlsx:Work Process Schedule!F"+itoa(total)+": warning: the total 2100 was typed over; totals are computed from the hours above it, so it is ignored" {
		t.Errorf("a typed-over total: %v\n%s", res.Notes, res.YAML)
	}
	notOurs := Program("t.xlsx", newWorkbook(t, map[string][][]any{"S": {{"a"}}}, []string{"S"}), nil)
	if got := findingsText(notOurs.Findings); !strings.Contains(got, "was not written by wpsgen render") {
		t.Errorf("a workbook of another origin: %s", got)
	}
}

// TestWorkbookHybridHours: a hybrid job function's minimum and maximum
// come back as min_hours and max_hours.
func TestWorkbookHybridHours(t *testing.T) {
	res, src := editedProgram(t, hybridProgram, func(f *excelize.File) {
		r := rowOf(t, f, workbook.SheetSchedule, "jf 1")
		set(t, f, workbook.SheetSchedule, workbook.ColHours, r, 420.75)
		set(t, f, workbook.SheetSchedule, workbook.ColHours+1, r, 600)
	})
	want := strings.Replace(src, "    min_hours: 400\n    max_hours: 600\n", "    min_hours: 420.75\n    max_hours: 600\n", 1)
	if string(res.YAML) != want || want == src {
		t.Errorf("got:\n%s", res.YAML)
	}
}

// TestWorkbookRowOutside: a row inserted above a job function's heading
// belongs to no job function.
func TestWorkbookRowOutside(t *testing.T) {
	var r int
	res, _ := edited(t, func(f *excelize.File) {
		r = rowOf(t, f, workbook.SheetSchedule, "jf 1")
		insertRow(t, f, workbook.SheetSchedule, r)
		set(t, f, workbook.SheetSchedule, workbook.ColText, r, "Answers the phone")
	})
	want := "p.xlsx:Work Process Schedule!B" + itoa(r) + ": error: a competency row outside any job function: add competency rows under a job function's rows [import]\n"
	checkFindings(t, res, want)
}

// TestWorkbookHeadingDeleted: a job function's heading deleted with some
// of its rows left is not guessed at.
func TestWorkbookHeadingDeleted(t *testing.T) {
	var left int
	res, _ := edited(t, func(f *excelize.File) {
		removeRow(t, f, workbook.SheetSchedule, "jf 6")
		left = rowOf(t, f, workbook.SheetSchedule, "c 6.A")
	})
	want := "p.xlsx:Work Process Schedule!B" + itoa(left) + ": error: the heading row of job function 6 was deleted but not all of its competency rows; delete all of its rows to cross it off, or restore the heading [import]\n"
	checkFindings(t, res, want)
}

// TestWorkbookHostile: workbooks that cannot be read back say why, fast.
func TestWorkbookHostile(t *testing.T) {
	tampered, _ := edited(t, func(f *excelize.File) {
		if err := f.SetCellValue(workbook.SheetRoundTrip, "A1", "something else"); err != nil {
			t.Fatal(err)
		}
	})
	renamed, _ := edited(t, func(f *excelize.File) {
		if err := f.SetSheetName(workbook.SheetRTI, "Courses"); err != nil {
			t.Fatal(err)
		}
	})
	for name, c := range map[string]struct {
		res  *ProgramResult
		want string
	}{
		"zip bomb":      {Program("p.xlsx", zipBomb(), nil), "unzips to more than 64 MiB"},
		"not a zip":     {Program("p.xlsx", []byte("kind: program\n"), nil), "not an XLSX workbook"},
		"tampered":      {tampered, "hidden wpsgen sheet is not one this version of wpsgen reads"},
		"sheet renamed": {renamed, `the workbook has no sheet "RTI Plan"; was it renamed or deleted?`},
	} {
		if got := findingsText(c.res.Findings); !strings.Contains(got, c.want) || c.res.YAML != nil {
			t.Errorf("%s: want %q, got %s", name, c.want, got)
		}
	}
}

// withCachedValue gives the formula cells =400+50.5 of a workbook's sheets
// the value value, as Excel or LibreOffice would store after computing them
// (excelize writes formulas without one).
func withCachedValue(t *testing.T, book []byte, value string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			data = regexp.MustCompile(`(<f>[^<]*400\+50\.5</f>)(<v>[^<]*</v>)?`).ReplaceAll(data, []byte("${1}<v>"+value+"</v>"))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWorkbookFormula: hours a person computed with a formula come back
// as the computed value, with the formula as a comment.
func TestWorkbookFormula(t *testing.T) {
	book, src := editedWorkbook(t, pharmacyProgram, func(f *excelize.File) {
		if err := f.SetCellFormula(workbook.SheetSchedule, "F"+itoa(rowOf(t, f, workbook.SheetSchedule, "jf 1")), "400+50.5"); err != nil {
			t.Fatal(err)
		}
	})
	res := Program("p.xlsx", withCachedValue(t, book, "450.5"), nil)
	want := strings.Replace(string(src), "    hours: 450\n", "    hours: 450.5 # =400+50.5 in the workbook\n", 1)
	if string(res.YAML) != want {
		t.Errorf("got:\n%s\nfindings %s", res.YAML, findingsText(res.Findings))
	}
}

// TestWorkbookCoursesAddedInEachYear: a course row inserted in any year's
// group comes back with that group's year, not the last group's, and a row
// inserted after the first year's subtotal is read too.
func TestWorkbookCoursesAddedInEachYear(t *testing.T) {
	const rti = workbook.SheetRTI
	res, src := editedProgram(t, hybridProgram, func(f *excelize.File) {
		addCourse(t, f, rowOf(t, f, rti, "course 6")+1, "Coding Practicum", 12)
		addCourse(t, f, rowOf(t, f, rti, "course 0")+1, "Study Skills", 6)
	})
	const last = "        - Compare Medicare, Medicaid and commercial payment rules\n"
	if !strings.HasSuffix(src, last) {
		t.Fatalf("test bug: the program does not end with %q", last)
	}
	want := src + "    - title: Study Skills\n      hours: 6\n      year: 1\n" +
		"    - title: Coding Practicum\n      hours: 12\n      year: 2\n"
	if string(res.YAML) != want {
		t.Errorf("got:\n%s\nwant the two courses added, each with its group's year, at the end:\n%s", res.YAML, want)
	}
}

// TestWorkbookCourseBelowSubtotal: a course row inserted between a year's
// subtotal and the next year's row, or above the total, belongs to no
// year: it is an error naming the cell, never dropped without a word.
func TestWorkbookCourseBelowSubtotal(t *testing.T) {
	const rti = workbook.SheetRTI
	for _, above := range []string{"group 2", "total"} {
		t.Run("above "+above, func(t *testing.T) {
			var r int
			res, _ := editedProgram(t, hybridProgram, func(f *excelize.File) {
				r = rowOf(t, f, rti, "course 6") + 2 // below year 2's subtotal
				if above == "group 2" {
					r = rowOf(t, f, rti, above)
				}
				addCourse(t, f, r, "Study Skills", 6)
			})
			checkFindings(t, res, "p.xlsx:RTI Plan!A"+itoa(r)+": error: this row is below a subtotal, so its year is not known; insert a course above the subtotal of its year [import]\n")
		})
	}
}

// forEachProgram runs f as a subtest for every program the tests render,
// with its source.
func forEachProgram(t *testing.T, f func(t *testing.T, path string, src []byte)) {
	t.Helper()
	paths, err := templatestest.Programs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f(t, path, src)
		})
	}
}
