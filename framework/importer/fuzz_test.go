package importer

import (
	"fmt"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/workbook"
)

// FuzzFramework feeds the table reader any bytes, as CSV or as a workbook:
// it never panics, every finding is an import finding with a position,
// and what it writes is YAML that reads back as a framework with the job
// functions and competencies it counted.
//
//	go test ./framework/importer -fuzz FuzzFramework -fuzztime 1m
func FuzzFramework(f *testing.F) {
	for _, path := range []string{"../../examples/pharmacy-technician.csv", "../testdata/err/import.csv"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("Work process;Skill;Required?;RTI;OJT\nA;b;yes;x;\n;c;no;;x\n"))
	f.Add([]byte("\xff\xfeJ\x00o\x00b\x00 \x00f\x00u\x00n\x00c\x00t\x00i\x00o\x00n\x00"))
	f.Add([]byte("Duty #,Duty,Task #,Task\n1,A,1.1,\"b\nc\"\n"))
	f.Add(newWorkbook(f, map[string][][]any{"S": {{"Job function", "Competency", "Delivery"}, {"A", "b", "RTI"}, {nil, "c", "x"}}}, []string{"S"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		res := Framework("f.csv", data, Options{ID: "f", Title: "T", ONET: "29-2052.00"})
		for _, fd := range res.Findings {
			if fd.Rule != framework.RuleImport || fd.Severity != framework.Error || fd.Pos.Line < 1 || fd.Pos.Col < 1 || fd.Message == "" {
				t.Fatalf("bad finding: %+v", fd)
			}
		}
		if (res.YAML == nil) == (len(res.Findings) == 0) {
			t.Fatalf("written %v with %d findings", res.YAML != nil, len(res.Findings))
		}
		if res.YAML == nil {
			return
		}
		file := framework.Parse("out.yaml", res.YAML)
		if framework.HasSyntaxErrors(file.Findings) || file.Framework == nil {
			t.Fatalf("unreadable YAML written: %v\n%s", file.Findings, res.YAML)
		}
		for _, fd := range file.Findings {
			if fd.Rule == framework.RuleSchema {
				t.Fatalf("schema finding in the YAML written: %s\n%s", fd, res.YAML)
			}
		}
		jfs, comps := 0, 0
		for _, jf := range file.Framework.JobFunctions {
			jfs++
			comps += len(jf.Competencies)
		}
		if jfs != res.JobFunctions || comps != res.Competencies {
			t.Fatalf("wrote %d/%d, counted %d/%d:\n%s", jfs, comps, res.JobFunctions, res.Competencies, res.YAML)
		}
	})
}

// FuzzProgram feeds workbook import any bytes, starting from a workbook
// render wrote: it never panics, every finding is an import finding with
// a position, and what it reads back parses as a program.
//
//	go test ./framework/importer -run XXX -fuzz FuzzProgram -fuzztime 1m
func FuzzProgram(f *testing.F) {
	// The plumber's workbook has sub-items, interim credentials and
	// wage periods.
	for _, path := range []string{"../../examples/pharmacy-technician.yaml", plumberProgram} {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		x, _ := renderSource(f, path, src)
		f.Add(x)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = Source("f.xlsx", data)
		res := Program("f.xlsx", data, nil)
		for _, fd := range res.Findings {
			if fd.Rule != framework.RuleImport || fd.Severity != framework.Error || fd.Pos.Line < 1 || fd.Pos.Col < 1 || fd.Message == "" {
				t.Fatalf("bad finding: %+v", fd)
			}
		}
		if (res.YAML == nil) == (len(res.Findings) == 0) {
			t.Fatalf("read back %v with %d findings", res.YAML != nil, len(res.Findings))
		}
		if res.YAML != nil {
			if file := framework.Parse("out.yaml", res.YAML); framework.HasSyntaxErrors(file.Findings) {
				t.Fatalf("unreadable YAML read back: %v\n%s", file.Findings, res.YAML)
			}
		}
	})
}

// FuzzInsertedCells feeds the readers of rows a person inserts in the
// Appendix A tables any text: a wage step's when, percent and rate, and a
// credential's title and when it is earned. They never panic, every
// finding names its cell, and what they read is YAML that reads back with
// the keys and types a program has, the texts as typed (a label "yes" or
// "1e3" stays text).
//
//	go test ./framework/importer -run XXX -fuzz FuzzInsertedCells -fuzztime 1m
func FuzzInsertedCells(f *testing.F) {
	for _, s := range []string{"after 1,600 hours", "1,600 – 2,000 hours of OJL", "5th period: 1", "After 6 months",
		"On completing job functions 1 to 8; after 6,375 hours of OJL\nnote", "288 RTI hours", "Senior — 1,800 hours", "yes", "- x: [y]", ""} {
		f.Add(s, "65%", "$24.60", "Gas fitter")
	}
	patch, err := NewProgramPatch([]byte("wages:\n  journeyworker_rate: 30\n  steps:\n    - {percent: 50, period: {min_hours: 1000}}\n"))
	if err != nil {
		f.Fatal(err)
	}
	book := excelize.NewFile()
	defer book.Close()
	cols := map[string]int{workbook.HeaderPercent: 2, workbook.HeaderRate: 3, workbook.HeaderCredential: 1, workbook.HeaderEarned: 3}
	types := map[string]string{"percent": "number", "rate": "number", "hours": "number", "months": "number", "period": "map",
		"competencies": "list", "label": "text", "note": "text", "title": "text", "after": "list", "after_hours": "number", "after_rti_hours": "number"}
	check := func(t *testing.T, w *workbookReader, n *yaml.Node) {
		for _, fd := range w.findings {
			if fd.Rule != framework.RuleImport || fd.Pos.Sheet == "" || fd.Pos.Line < 1 || fd.Pos.Col < 1 || fd.Message == "" {
				t.Fatalf("bad finding: %+v", fd)
			}
		}
		if (n == nil) == (len(w.findings) == 0) {
			t.Fatalf("read %v with %d findings", n != nil, len(w.findings))
		}
		if n == nil {
			return
		}
		out, err := yaml.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := yaml.Unmarshal(out, &m); err != nil {
			t.Fatalf("unreadable YAML: %v\n%s", err, out)
		}
		for k, v := range m {
			got := "text"
			switch v.(type) {
			case int, uint64, float64:
				got = "number"
			case map[string]any:
				got = "map"
			case []any:
				got = "list"
			case string:
				// A plain whole number beyond a float's range is text to
				// a generic YAML reader, a number to wpsgen.
				if n, ok := v.(string); ok && types[k] == "number" && plainDigits(n) {
					got = "number"
				}
			default:
				got = fmt.Sprintf("%T", v)
			}
			if types[k] != got {
				t.Fatalf("%s is %s, want %s:\n%s", k, got, types[k], out)
			}
		}
	}
	f.Fuzz(func(t *testing.T, when, percent, rate, title string) {
		// A workbook's cells are XML text: always UTF-8.
		if !utf8.ValidString(when) || !utf8.ValidString(percent) || !utf8.ValidString(rate) || !utf8.ValidString(title) {
			return
		}
		for _, kind := range []string{"", "hours", "period", "months"} {
			if n := stepWhen(when, kind); len(n)%2 != 0 {
				t.Fatalf("%q: odd keys and values %v", when, n)
			}
		}
		w := &workbookReader{name: "p.xlsx", f: book, patch: patch}
		step := w.insertedWageStep(workbook.SheetAppendix, Row{Num: 3, Cells: []string{when, percent, rate}}, cols, 0)
		check(t, w, step)
		w = &workbookReader{name: "p.xlsx", f: book, patch: patch}
		cred := w.insertedCredential(workbook.SheetAppendix, Row{Num: 3, Cells: []string{title, "", when}}, cols)
		check(t, w, cred)
		if cred != nil && value(cred, "title").Value != oneLine(title) {
			t.Fatalf("title %q read as %q", title, value(cred, "title").Value)
		}
	})
}

// plainDigits reports whether s is a whole number written plainly.
func plainDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
