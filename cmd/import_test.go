package cmd_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/cmd"
)

func readString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestImportFramework does what an intermediary does: import the example
// table, validate the framework, write a program on it.
func TestImportFramework(t *testing.T) {
	dir := t.TempDir()
	table, err := filepath.Abs("../examples/pharmacy-technician.csv")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "pt.framework.yaml")
	r := runIn(t, dir, "import", "--framework", table, "--title", "Pharmacy Technician", "--onet", "29-2052.00", "-o", out)
	if r.code != cmd.ExitOK || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if want := "wrote " + out + ": 6 job functions, 20 competencies; check it, then write a program on it with 'wpsgen init --framework " + out + "'\n"; r.stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", r.stderr, want)
	}
	if v := runIn(t, dir, "validate", out); v.code != cmd.ExitOK || v.stdout != "" {
		t.Errorf("the imported framework does not validate: %d\n%s", v.code, v.stdout)
	}
	if p := runIn(t, dir, "init", "--framework", out, "-o", filepath.Join(dir, "program.yaml")); p.code != cmd.ExitOK {
		t.Errorf("init on the imported framework: %d\n%s", p.code, p.stderr)
	}

	// An existing file is kept without --force, replaced with it.
	before := readString(t, out)
	r = runIn(t, dir, "import", "--framework", table, "-o", out)
	if r.code != cmd.ExitFatal || !strings.Contains(r.stderr, "exists; use --force") || readString(t, out) != before {
		t.Errorf("overwrote without --force: exit %d\n%s", r.code, r.stderr)
	}
	// Without --title and --onet the framework is written with TODOs, and
	// validation says what is left (exit 1), naming the file.
	r = runIn(t, dir, "import", "--framework", table, "-o", out, "--force")
	if r.code != cmd.ExitFindings {
		t.Errorf("exit %d, want 1:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{out + `:8:1: error: "title" in the framework needs a value [schema]`, out + `:9:1: error: "onet" in the framework needs a value [schema]`, "fix the errors above in it"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(readString(t, out), "title:  # TODO") {
		t.Error("--force did not replace the file")
	}

	// Without -o the framework goes to standard output.
	r = runIn(t, dir, "import", "--framework", table, "--id", "pt", "--title", "Pharmacy Technician", "--onet", "29-2052.00")
	if r.code != cmd.ExitOK || !strings.HasPrefix(r.stdout, "# yaml-language-server") || !strings.Contains(r.stdout, "\nid: pt\n") || !strings.Contains(r.stdout, "\nonet: \"29-2052.00\"  # Pharmacy Technicians\n") || r.stderr != "" {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

// TestImportFailures: a table with unreadable cells writes nothing (exit
// 1) and says where, in every format; usage and read errors exit 2 and 3.
func TestImportFailures(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("Job function,Competency,Delivery\nA,b,sometimes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "fw.yaml")
	r := runIn(t, dir, "import", "--framework", "bad.csv", "-o", out)
	want := `bad.csv:2:3: error: delivery "sometimes" is not RTI, OJT or both (accepted: RTI, OJT, "RTI and OJT", "RTI/OJT", both) [import]`
	if r.code != cmd.ExitFindings || !strings.Contains(r.stderr, want+"\n") || !strings.Contains(r.stderr, "nothing was written") {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a framework was written despite the errors")
	}

	r = runIn(t, dir, "import", "--framework", "bad.csv", "--format", "json")
	var fs []map[string]any
	if err := json.Unmarshal([]byte(r.stderr), &fs); err != nil || r.code != cmd.ExitFindings || len(fs) != 3 {
		t.Fatalf("json: exit %d, %v, stderr:\n%s", r.code, err, r.stderr)
	}
	// The notes the text format prints (ids assigned) come first, then the error.
	if e := fs[2]; e["severity"] != "error" || e["rule"] != "import" || e["line"] != 2.0 || e["column"] != 3.0 || fs[0]["severity"] != "note" || fs[1]["severity"] != "note" {
		t.Errorf("json: %v", fs)
	}

	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import"}, cmd.ExitUsage, "give one workbook that wpsgen render wrote, or --framework TABLE"},
		{[]string{"import", "--framework", "bad.csv", "extra"}, cmd.ExitUsage, "give a workbook to read back or --framework TABLE, not both"},
		{[]string{"import", "--framework", "bad.csv", "--format", "xml"}, cmd.ExitUsage, `unknown --format "xml"`},
		{[]string{"import", "--framework", "bad.csv", "--onet", "29.2052.00"}, cmd.ExitUsage, `--onet: O*NET code "29.2052.00" is not written NN-NNNN.NN; write "29-2052.00"`},
		{[]string{"import", "--framework", "bad.csv", "-o", "./bad.csv", "--force"}, cmd.ExitUsage, "-o ./bad.csv is the file being imported"},
		{[]string{"import", "--framework", "missing.csv"}, cmd.ExitFatal, "missing.csv: cannot read: no such file or directory"},
		{[]string{"import", "--framework", "."}, cmd.ExitFatal, ".: cannot read: is a directory"},
	} {
		r := runIn(t, dir, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("wpsgen %s: exit %d, want %d with %q:\n%s", strings.Join(c.args, " "), r.code, c.code, c.want, r.stderr)
		}
	}
}

// TestImportWorkbook does what an intermediary does: render a program,
// let the employer edit the workbook, import it back, validate.
func TestImportWorkbook(t *testing.T) {
	dir, book := renderedPharmacy(t)
	original := readString(t, filepath.Join(dir, "pharmacy-technician.yaml"))

	// Unedited, the workbook gives back the program as it was.
	r := runIn(t, dir, "import", "out/pharmacy-technician.xlsx", "-o", "pharmacy-technician.yaml", "--force")
	if r.code != cmd.ExitOK || readString(t, filepath.Join(dir, "pharmacy-technician.yaml")) != original {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}

	edit := func(sheet, cell string, v any) {
		f, err := excelize.OpenFile(book)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
	}
	// A course's hours raised in the sheet while rti.total_hours is stated:
	// the program is written, and validation says rti-total.
	edit("RTI Plan", courseHoursCell(t, book, "PHT 102"), 30)
	r = runIn(t, dir, "import", "out/pharmacy-technician.xlsx", "-o", "pharmacy-technician.yaml", "--force")
	if r.code != cmd.ExitFindings || !strings.Contains(r.stderr, "[rti-total]") || !strings.Contains(r.stderr, `course "Medical and Pharmaceutical Terminology" edited`) {
		t.Errorf("exit %d\n%s", r.code, r.stderr)
	}
	if got := readString(t, filepath.Join(dir, "pharmacy-technician.yaml")); !strings.Contains(got, "title: Medical and Pharmaceutical Terminology\n      hours: 30\n") {
		t.Errorf("the edit is not in the program:\n%s", got)
	}

	// Every format carries what the text format says: the notes of what
	// was read back, and the warning of a total typed over.
	total := labelRow(t, book, "RTI Plan", "Total RTI hours")
	edit("RTI Plan", "C"+strconv.Itoa(total), 999)
	for format, want := range map[string][]string{
		"text": {`out/pharmacy-technician.xlsx:RTI Plan!A13: note: course "Medical and Pharmaceutical Terminology" edited [import]`,
			"out/pharmacy-technician.xlsx:RTI Plan!C" + strconv.Itoa(total) + ": warning: the total 999 was typed over"},
		"json": {`"severity": "note",`, `"cell": "RTI Plan!A13"`, `"severity": "warning",`, `"cell": "RTI Plan!C` + strconv.Itoa(total) + `"`, `"rule": "rti-total"`},
		"github": {`::notice file=out/pharmacy-technician.xlsx,line=13,col=1,title=import::RTI Plan!A13: course "Medical and Pharmaceutical Terminology" edited`,
			"::warning file=out/pharmacy-technician.xlsx,line=" + strconv.Itoa(total) + ",col=3,title=import::RTI Plan!C" + strconv.Itoa(total) + ": the total 999 was typed over", "title=rti-total::"},
		"sarif": {`"level": "note",`, `"level": "warning",`, `"text": "RTI Plan!C` + strconv.Itoa(total) + `: the total 999 was typed over`, `"ruleId": "rti-total"`},
	} {
		r = runIn(t, dir, "import", "out/pharmacy-technician.xlsx", "-o", "pharmacy-technician.yaml", "--force", "--format", format)
		for _, w := range want {
			if r.code != cmd.ExitFindings || !strings.Contains(r.stderr, w) {
				t.Errorf("--format %s: exit %d, want %q in:\n%s", format, r.code, w, r.stderr)
			}
		}
	}

	// Text in an hours cell: a finding naming the cell, in every format,
	// and nothing written.
	edit("RTI Plan", courseHoursCell(t, book, "PHT 102"), "thirty")
	before := readString(t, filepath.Join(dir, "pharmacy-technician.yaml"))
	r = runIn(t, dir, "import", "out/pharmacy-technician.xlsx", "-o", "pharmacy-technician.yaml", "--force", "--format", "json")
	var fs []map[string]any
	if err := json.Unmarshal([]byte(r.stderr), &fs); err != nil || r.code != cmd.ExitFindings || len(fs) != 2 || fs[1]["rule"] != "import" || fs[1]["severity"] != "error" || !strings.HasPrefix(fs[1]["cell"].(string), "RTI Plan!C") {
		t.Errorf("json: exit %d, %v:\n%s", r.code, err, r.stderr)
	}
	if readString(t, filepath.Join(dir, "pharmacy-technician.yaml")) != before {
		t.Error("the program was rewritten despite the error")
	}
}

// labelRow finds the row of sheet whose first cell is label.
func labelRow(t *testing.T, book, sheet, label string) int {
	t.Helper()
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == label {
			return i + 1
		}
	}
	t.Fatalf("no row %q in %s", label, sheet)
	return 0
}

// courseHoursCell finds the hours cell of the course numbered number.
func courseHoursCell(t *testing.T, book, number string) string {
	t.Helper()
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("RTI Plan")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 1 && r[1] == number {
			return "C" + strconv.Itoa(i+1)
		}
	}
	t.Fatalf("no course %s", number)
	return ""
}

// TestReadmeRoundTrip makes the edits README.md's "Working in a
// spreadsheet" describes and checks that import prints what it shows.
func TestReadmeRoundTrip(t *testing.T) {
	readme := readString(t, "../README.md")
	_, block, ok := strings.Cut(readme, "```console\n$ wpsgen import out/pharmacy-technician.xlsx -o pharmacy-technician.yaml --force\n")
	if !ok {
		t.Fatal("README.md has no import example")
	}
	block, diff, _ := strings.Cut(block, "$ git diff pharmacy-technician.yaml\n")
	diff, _, _ = strings.Cut(diff, "```")

	dir, book := renderedPharmacy(t)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	keyed := func(sheet string, col int) map[string]int {
		rows, _ := f.GetRows(sheet)
		m := map[string]int{}
		for i, r := range rows {
			if len(r) >= col {
				m[r[col-1]] = i + 1
			}
		}
		return m
	}
	wps, rti := keyed("Work Process Schedule", 8), keyed("RTI Plan", 5)
	setCell := func(sheet, col string, row int, v any) {
		if err := f.SetCellValue(sheet, col+strconv.Itoa(row), v); err != nil {
			t.Fatal(err)
		}
	}
	setCell("Work Process Schedule", "F", wps["jf 1"], 400)
	setCell("Work Process Schedule", "F", wps["jf 2"], 599.5)
	setCell("Work Process Schedule", "F", wps["jf 3"], 300.5)
	setCell("Work Process Schedule", "D", wps["c 3.C"], "")
	setCell("RTI Plan", "C", rti["course 1"], 30)
	ins := wps["c 2.C"] + 1
	if err := f.InsertRows("Work Process Schedule", ins, 1); err != nil {
		t.Fatal(err)
	}
	setCell("Work Process Schedule", "B", ins, "Prepares blister packs for long-term care residents")
	setCell("Work Process Schedule", "E", ins, "✓")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	r := runIn(t, dir, "import", "out/pharmacy-technician.xlsx", "-o", "pharmacy-technician.yaml", "--force")
	if r.code != cmd.ExitFindings || r.stderr != block {
		t.Errorf("exit %d, stderr:\n%s\nREADME.md shows:\n%s", r.code, r.stderr, block)
	}
	got := readString(t, filepath.Join(dir, "pharmacy-technician.yaml"))
	old := readString(t, "../examples/pharmacy-technician.yaml")
	for _, line := range strings.Split(diff, "\n") {
		switch {
		case strings.HasPrefix(line, "+") && !strings.Contains(got, line[1:]+"\n"):
			t.Errorf("README.md's diff adds %q; the program has no such line", line[1:])
		case strings.HasPrefix(line, "-") && strings.Count(old, line[1:]+"\n") <= strings.Count(got, line[1:]+"\n"):
			t.Errorf("README.md's diff removes %q; the program read back does not", line[1:])
		}
	}
}

// renderedPharmacy copies the pharmacy technician example and its framework
// into a new directory and renders it there into out/; it returns the
// directory and the workbook's path.
func renderedPharmacy(t *testing.T) (dir, book string) {
	t.Helper()
	dir = t.TempDir()
	for _, name := range []string{"pharmacy-technician.yaml", "pharmacy-technician.framework.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(readString(t, filepath.Join("..", "examples", name))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if r := runIn(t, dir, "render", "pharmacy-technician.yaml", "-o", "out"); r.code != cmd.ExitOK {
		t.Fatalf("render: %d\n%s", r.code, r.stderr)
	}
	return dir, filepath.Join(dir, "out", "pharmacy-technician.xlsx")
}
