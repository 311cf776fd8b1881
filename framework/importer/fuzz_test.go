package importer

import (
	"os"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
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
	path := "../../examples/pharmacy-technician.yaml"
	src, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	x, _ := renderSource(f, path, src)
	f.Add(x)
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
