package importer

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// insertScript inserts rows as a person does in a spreadsheet program
// (openpyxl's insert_rows, which like Excel leaves the new row empty and
// moves the rows under it, keys and all): a wage step, an interim
// credential and sub-item lines of the plumber's own competency 6.E.
const insertScript = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def row(ws, key):
    for r in ws.iter_rows():
        if r[-1].value == key:
            return r[0].row
    sys.exit("no row keyed " + key)
def insert(ws, r, values):
    ws.insert_rows(r)
    for col, v in values.items():
        ws.cell(r, col).value = v
app = wb["Appendix A"]
insert(app, row(app, "step 3") + 1, {1: "5th period: 1,600 – 2,000 hours of OJL", 2: "90%"})
insert(app, row(app, "credential 0") + 1, {1: "Journeyworker Plumber", 3: "On completing job functions 1 to 8; after 6,375 hours of OJL\nstate license exam"})
wps = wb["Work Process Schedule"]
wps.cell(row(wps, "item 6.E.1"), 2).value = "Low-flow fixtures"
insert(wps, row(wps, "item 6.E.2.2") + 1, {1: "3.", 2: "Leak detection"})
insert(wps, row(wps, "item 6.E.2.1") + 1, {2: "        Thermostatic mixing valves"})
wb.save(sys.argv[2])
`

// insertedByOpenpyxl renders the plumber's workbook, inserts rows in it
// with openpyxl, and returns the edited workbook and the program's YAML
// it must read back as.
func insertedByOpenpyxl(t *testing.T) (book []byte, want string) {
	t.Helper()
	templatestest.Python(t) // skips without openpyxl
	src, err := os.ReadFile(plumberProgram)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "plumber.xlsx"), filepath.Join(dir, "edited.xlsx")
	if err := os.WriteFile(in, workbookOf(t, plumberProgram, src), 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := templatestest.Openpyxl(t, insertScript, in, out); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, msg)
	}
	if book, err = os.ReadFile(out); err != nil {
		t.Fatal(err)
	}
	want = string(src)
	for _, d := range [][2]string{
		{"    - {percent: 85, period: {min_hours: 1575, max_hours: 2000}}\n",
			"    - {percent: 85, period: {min_hours: 1575, max_hours: 2000}}\n    - {percent: 90, period: {min_hours: 1600, max_hours: 2000}}\n"},
		{"    note: first two years/levels of related instruction\n",
			"    note: first two years/levels of related instruction\n  - title: Journeyworker Plumber\n" +
				`    after: ["1", "2", "3", "4", "5", "6", "7", "8"]` + "\n    after_hours: 6375\n    note: state license exam\n"},
		{"          - Low-flow fixtures and flush valves\n          - {text: Hot water recirculation, items: [Dedicated return line, Demand-controlled pumps]}\n",
			"          - Low-flow fixtures\n          - {text: Hot water recirculation, items: [Dedicated return line, Thermostatic mixing valves, Demand-controlled pumps]}\n          - Leak detection\n"},
	} {
		if !strings.Contains(want, d[0]) {
			t.Fatalf("test bug: %q not in the program", d[0])
		}
		want = strings.Replace(want, d[0], d[1], 1)
	}
	return book, want
}

// TestOpenpyxlInsertedRows: rows inserted the way a spreadsheet program
// inserts them come back as a wage step, a credential and sub-items; the
// program read back validates, and its own workbook reads back as it.
func TestOpenpyxlInsertedRows(t *testing.T) {
	book, want := insertedByOpenpyxl(t)
	res := Program("p.xlsx", book, nil)
	if string(res.YAML) != want {
		t.Fatalf("got:\n%s\nfindings %s\nwant:\n%s", res.YAML, findingsText(res.Findings), want)
	}
	again, _ := renderSource(t, plumberProgram, res.YAML)
	if res2 := Program("p.xlsx", again, nil); string(res2.YAML) != want || len(res2.Notes) > 0 {
		t.Errorf("the edited program's workbook reads back with notes %v as\n%s", res2.Notes, res2.YAML)
	}
}

// TestLibreOfficeKeepsInsertedRows saves the workbook with inserted rows
// through LibreOffice Calc (a few seconds; CI only) and reads it back the
// same.
func TestLibreOfficeKeepsInsertedRows(t *testing.T) {
	if os.Getenv("CI") == "" {
		t.Skip("starts LibreOffice (seconds); set CI=1 to run it")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Fatal("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui")
	}
	book, want := insertedByOpenpyxl(t)
	saved := savedByLibreOffice(t, book)
	res := Program("p.xlsx", saved, nil)
	if !bytes.Equal(res.YAML, []byte(want)) {
		t.Errorf("saved by LibreOffice, the workbook reads back as\n%s\nfindings %s\nnot\n%s", res.YAML, findingsText(res.Findings), want)
	}
}
