package importer

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
)

// importCSV imports text as a CSV table named t.csv.
func importCSV(t *testing.T, text string, opts Options) *Result {
	t.Helper()
	return Framework("t.csv", []byte(text), opts)
}

// parsed loads the YAML an import wrote, as wpsgen validate would.
func parsed(t *testing.T, res *Result) *framework.Framework {
	t.Helper()
	if res.YAML == nil {
		t.Fatalf("nothing written; findings:\n%s", findingsText(res.Findings))
	}
	f := framework.Parse("out.yaml", res.YAML)
	if framework.HasSyntaxErrors(f.Findings) || f.Framework == nil {
		t.Fatalf("the YAML written does not parse: %v\n%s", f.Findings, res.YAML)
	}
	return f.Framework
}

// shape is a framework's job functions in one line each, to compare.
func shape(fw *framework.Framework) []string {
	var out []string
	for _, jf := range fw.JobFunctions {
		typ := jf.Type.Value
		if typ == "" {
			typ = framework.Core
		}
		line := jf.ID.Value + " " + jf.Title.Value + " [" + typ + "]"
		if jf.Level.Value != "" {
			line += " level=" + jf.Level.Value
		}
		for _, c := range jf.Competencies {
			var ds []string
			for _, d := range c.Delivery {
				ds = append(ds, d.Value)
			}
			line += " | " + c.ID.Value + " " + c.Text.Value + " " + c.Type.Value + strings.Join(ds, "+")
		}
		out = append(out, line)
	}
	return out
}

func TestHeaderRoles(t *testing.T) {
	cases := map[string]role{
		"Job function": roleJFTitle, "JOB FUNCTION TITLE": roleJFTitle, "Work process": roleJFTitle, "Duty": roleJFTitle,
		"Work Process #": roleJFID, "Job function ID": roleJFID, "JF No.": roleJFID, "duty_code": roleJFID,
		"Job function type": roleJFType, "Work process core/optional": roleJFType, "Level": roleJFLevel, "Job function level": roleJFLevel,
		"Competency": roleCompText, "Skill": roleCompText, "Task": roleCompText, "Competency description": roleCompText, "Skills": roleCompText,
		"Competency ID": roleCompID, "Letter": roleCompID, "Skill #": roleCompID, "task-no": roleCompID,
		"Type": roleCompType, "Core or optional": roleCompType, "Core/Optional": roleCompType, "Required": roleCompType, "Required?": roleCompType,
		"Delivery": roleDelivery, "Delivery method": roleDelivery, "Method": roleDelivery, "RTI/OJT": roleDelivery, "RTI or OJT": roleDelivery,
		"RTI": roleRTIMark, "OJT": roleOJTMark, "On-the-job": roleOJTMark, "Related instruction": roleRTIMark,
		"Hours": roleNone, "Work process hours": roleNone, "Notes": roleNone, "": roleNone, "Title": roleNone,
	}
	for h, want := range cases {
		if got := headerRole(h); got != want {
			t.Errorf("headerRole(%q) = %s, want %s", h, roleNames[got], roleNames[want])
		}
	}
}

func TestCellValues(t *testing.T) {
	for v, want := range map[string][]string{
		"RTI": {"rti"}, "ojt": {"ojt"}, "RTI and OJT": {"rti", "ojt"}, "both": {"rti", "ojt"}, "RTI/OJT": {"rti", "ojt"},
		"OJT, RTI": {"ojt", "rti"}, "rti & ojt": {"rti", "ojt"}, "On-the-job": {"ojt"}, "Related instruction": {"rti"},
	} {
		if got, ok := parseDelivery(v); !ok || !slices.Equal(got, want) {
			t.Errorf("parseDelivery(%q) = %v, %v; want %v", v, got, ok, want)
		}
	}
	for _, v := range []string{"sometimes", "RTI maybe", "x"} {
		if got, ok := parseDelivery(v); ok {
			t.Errorf("parseDelivery(%q) = %v, want not understood", v, got)
		}
	}
	for v, want := range map[string]string{"Core": "core", "required": "core", "Yes": "core", "Optional": "optional", "elective": "optional", "No": "optional"} {
		if got, ok := parseType(v); !ok || got != want {
			t.Errorf("parseType(%q) = %q, %v; want %q", v, got, ok, want)
		}
	}
	type idCase struct {
		in, jf, want string
		numbered, ok bool
	}
	for _, c := range []idCase{
		{"A", "1", "A", false, true}, {"b", "1", "B", false, true}, {"(c)", "1", "C", false, true}, {"D.", "1", "D", false, true},
		{"1.A", "1", "A", false, true}, {"2-B", "2", "B", false, true}, {"3", "1", "C", true, true}, {"1.27", "1", "AA", true, true},
		{"2.A", "1", "", false, false}, {"A1", "1", "", false, false}, {"0", "1", "", false, false}, {"é", "1", "", false, false},
	} {
		got, numbered, ok := competencyID(c.in, c.jf)
		if got != c.want || numbered != c.numbered || ok != c.ok {
			t.Errorf("competencyID(%q, %q) = %q, %v, %v; want %q, %v, %v", c.in, c.jf, got, numbered, ok, c.want, c.numbered, c.ok)
		}
	}
}

// TestExampleTable imports examples/pharmacy-technician.csv and gets the
// job functions of examples/pharmacy-technician.framework.yaml, the file
// the table was made from, and a framework that validates cleanly.
func TestExampleTable(t *testing.T) {
	data, err := os.ReadFile("../../examples/pharmacy-technician.csv")
	if err != nil {
		t.Fatal(err)
	}
	res := Framework("pharmacy-technician.csv", data, Options{Title: "Pharmacy Technician", ONET: "29-2052.00"})
	got := parsed(t, res)
	if len(res.Notes) != 0 {
		t.Errorf("a table with every id and type gives no notes, got %v", res.Notes)
	}
	want := framework.Parse("fw.yaml", mustRead(t, "../../examples/pharmacy-technician.framework.yaml")).Framework
	if g, w := shape(got), shape(want); !slices.Equal(g, w) {
		t.Errorf("imported job functions differ from the framework file's:\ngot  %q\nwant %q", g, w)
	}
	if got.ID.Value != "pharmacy-technician" {
		t.Errorf("id %q, want the file name's pharmacy-technician", got.ID.Value)
	}
	vr, err := framework.NewLoader().ValidateSource("out.yaml", res.YAML)
	if err != nil || len(vr.Findings) > 0 {
		t.Errorf("the imported framework does not validate cleanly: %v %s", err, findingsText(vr.Findings))
	}
	again := Framework("pharmacy-technician.csv", data, Options{Title: "Pharmacy Technician", ONET: "29-2052.00"})
	if !bytes.Equal(res.YAML, again.YAML) {
		t.Error("two imports of one table differ")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestLooseTables: tables as people keep them import to the same framework.
func TestLooseTables(t *testing.T) {
	want := []string{
		"1 Receives prescriptions [core] | A Reads prescriptions rti+ojt | B Verifies prescriptions optionalojt",
		"2 Compounds [optional] | A Mixes ointments optionalrti",
	}
	tables := map[string]string{
		"ids and types": "Job function ID,Job function,Competency ID,Competency,Type,Delivery\n" +
			"1,Receives prescriptions,A,Reads prescriptions,Core,RTI and OJT\n1,Receives prescriptions,B,Verifies prescriptions,Optional,OJT\n" +
			"2,Compounds,A,Mixes ointments,Optional,RTI\n",
		"no ids, filled down, semicolons, marks": "Work process;Skill;Required?;RTI;OJT\n" +
			"Receives prescriptions;Reads prescriptions;yes;x;x\n;Verifies prescriptions;no;;X\n\n" +
			"Compounds;Mixes ointments;no;yes;\n",
		"title row above, heading rows, numbered ids": "Pharmacy framework,,,\n\nDuty #,Duty,Task #,Task,Core/Optional,Method\n" +
			"1,Receives prescriptions,,,,\n,,1.1,Reads prescriptions,core,both\n,,1.2,Verifies prescriptions,optional,ojt\n" +
			"2,Compounds,,,,\n,,2.1,Mixes ointments,optional,rti\n",
		"tabs, BOM, CRLF, multi-line cell": "\ufeffJob function\tCompetency\tCore or optional\tDelivery\r\n" +
			"Receives prescriptions\t\"Reads\r\nprescriptions\"\tCore\tRTI/OJT\r\n\tVerifies prescriptions\tOptional\tOJT\r\n" +
			"Compounds\tMixes ointments\tOptional\tRTI\r\n",
	}
	for name, text := range tables {
		t.Run(name, func(t *testing.T) {
			res := importCSV(t, text, Options{Title: "Pharmacy Technician", ONET: "29-2052.00"})
			if got := shape(parsed(t, res)); !slices.Equal(got, want) {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
}

// TestNotesSayWhatWasAssigned: ids a table lacks are assigned, and said.
func TestNotesSayWhatWasAssigned(t *testing.T) {
	res := importCSV(t, "Job function,Competency ID,Competency\nA job,,First\n,B,Second\n,,Third\nOther,,Fourth\n,3,Fifth\n", Options{})
	var got []string
	for _, n := range res.Notes {
		got = append(got, n.String())
	}
	want := []string{
		"t.csv: note: competency ids given as numbers are written as letters of the same rank (1 is A, 2 is B, ...)",
		"t.csv: note: the table has no job function id column: job functions are numbered 1 to 2 in the order they appear",
		"t.csv:2:2: note: the competency has no id: it is 1.A",
		"t.csv:4:2: note: the competency has no id: it is 1.C",
		"t.csv:5:2: note: the competency has no id: it is 2.A",
	}
	if !slices.Equal(got, want) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	fw := parsed(t, res)
	if s := shape(fw); !slices.Equal(s, []string{"1 A job [core] | A First  | B Second  | C Third ", "2 Other [core] | A Fourth  | C Fifth "}) {
		t.Errorf("shape %q", s)
	}
	for _, want := range []string{"title:  # TODO:", "onet:  # TODO:", "id: t\n", "job functions are numbered 1 to 2"} {
		if !bytes.Contains(res.YAML, []byte(want)) {
			t.Errorf("the YAML lacks %q:\n%s", want, res.YAML)
		}
	}
}

// TestCellFindings: every cell that cannot be read is named, and nothing
// is written.
func TestCellFindings(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"no header", "a,b\n1,2\n", `t.csv:1:1: error: no header row: one of the first rows must name a job function column (e.g. "Job function", "Work process", "Duty") and a competency column (e.g. "Competency", "Skill", "Task"); the first row has "a", "b" [import]`},
		{"two text columns", "Job function,Competency,Skill\nA,b,c\n", `t.csv:1:3: error: columns B ("Competency") and C ("Skill") both hold the competency text; rename or delete one [import]`},
		{"bad job function id", "JF ID,Job function,Competency\n1.1,A,b\n", `t.csv:2:1: error: job function id "1.1" may only use letters, digits and dashes (e.g. "1", "S1") [import]`},
		{"two titles", "JF ID,Job function,Competency\n1,A,b\n1,B,c\n", `t.csv:3:2: error: job function 1 is titled "A" in an earlier row and "B" here; use one title [import]`},
		{"no title", "JF ID,Job function,Competency\n1,,b\n", `t.csv:2:2: error: job function 1 has no title in its first row [import]`},
		{"text missing", "Job function,Competency ID,Competency\nA,A,\n", `t.csv:2:3: error: the competency of this row has no text [import]`},
		{"bad competency id", "JF ID,Job function,Competency ID,Competency\n1,A,2.A,b\n", `t.csv:2:3: error: competency id "2.A" is not a letter sequence (A..Z, AA, AB, ...), or 1.A for job function 1 [import]`},
		{"bad delivery", "Job function,Competency,Delivery\nA,b,sometimes\n", `t.csv:2:3: error: delivery "sometimes" is not RTI, OJT or both (accepted: RTI, OJT, "RTI and OJT", "RTI/OJT", both) [import]`},
		{"two levels", "Job function,Level,Competency\nA,Basic,b\nA,Advanced,c\n", `t.csv:3:2: error: job function "A" has level "Basic" in an earlier row and "Advanced" here [import]`},
		{"two types", "Job function,Job function type,Competency\nA,core,b\nA,optional,c\n", `t.csv:3:2: error: job function "A" is core in an earlier row and optional here [import]`},
		{"header only", "Job function,Competency\n", `t.csv:1:2: error: the table has no competency rows under its header [import]`},
		{"empty", "", `t.csv:1:1: error: no header row: one of the first rows must name a job function column (e.g. "Job function", "Work process", "Duty") and a competency column (e.g. "Competency", "Skill", "Task") [import]`},
		{"nul", "Job function,Competency\nA,b\x00\n", `t.csv:2:1: error: the file contains a NUL byte: it is not a text table (CSV) [import]`},
		{"xls", "\xd0\xcf\x11\xe0rest", `t.csv:1:1: error: this is an Excel 97-2003 (.xls) workbook or another old Office file; save it as .xlsx or .csv and import that [import]`},
		{"long cell", "Job function,Competency\nA," + strings.Repeat("é", MaxCellRunes+1) + "\n", `t.csv:2:2: error: the cell holds more than 4000 characters; a competency is a sentence or two [import]`},
		{"wide row", "Job function,Competency" + strings.Repeat(",x", MaxCols) + "\n", `t.csv:1:65: error: the row has more than 64 columns; a framework table needs a handful [import]`},
		{"rows after blanks", "Job function,Competency\n\n\n\nA,b,\"\n\n\",x\n\n,c,,\"unclosed", `t.csv:7:4: error: cannot read this CSV row: a quoted cell is not closed, or its quote is followed by other text; close it with a quote mark and write quote marks inside it twice ("") [import]`},
		{"bare quote", "Job function,Competency\nA,\"ok\"\nB,5\" tall\n", `t.csv:3:2: error: cannot read this CSV row: a cell has a quote mark (") but does not start with one; a cell holding quote marks must be written in quotes, each quote mark doubled ("5"" tall") [import]`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := importCSV(t, c.text, Options{})
			if res.YAML != nil {
				t.Fatalf("written despite findings:\n%s", res.YAML)
			}
			if got := strings.TrimSpace(findingsText(res.Findings)); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestEncodings: Excel's other ways of saving text read right.
func TestEncodings(t *testing.T) {
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "Job function\tCompetency\nCafé\tŁódź\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	win := []byte("Job function,Competency\nCaf\xe9,\x93quoted\x94 text\n")
	for name, data := range map[string][]byte{"utf-16": utf16, "windows-1252": win} {
		t.Run(name, func(t *testing.T) {
			res := Framework("t.csv", data, Options{})
			fw := parsed(t, res)
			text := fw.JobFunctions[0].Title.Value + " " + fw.JobFunctions[0].Competencies[0].Text.Value
			if text != "Café Łódź" && text != "Café \u201cquoted\u201d text" {
				t.Errorf("read %q", text)
			}
			if len(res.Notes) == 0 || !strings.Contains(res.Notes[0].Msg, "read as") {
				t.Errorf("the encoding is not said: %v", res.Notes)
			}
		})
	}
}

// TestYAMLValuesStayText: cell text that means something else in YAML is
// quoted, so it reads back as the same text.
func TestYAMLValuesStayText(t *testing.T) {
	odd := []string{"yes", "null", "1e3", "#1 priority", "- dash", "a: b", "[x]", "=SUM(A1)", "@user", "'quoted'", `"double"`, "tab\there", "x # y", "0414"}
	var b strings.Builder
	b.WriteString("Job function,Competency\n")
	for _, s := range odd {
		b.WriteString("J,\"" + strings.ReplaceAll(s, `"`, `""`) + "\"\n")
	}
	fw := parsed(t, importCSV(t, b.String(), Options{ID: "x", Title: "no", ONET: "29-2052.00"}))
	for i, c := range fw.JobFunctions[0].Competencies {
		if want := strings.Join(strings.Fields(odd[i]), " "); c.Text.Value != want {
			t.Errorf("competency %d reads back %q, want %q", i, c.Text.Value, want)
		}
	}
	if fw.Title.Value != "no" {
		t.Errorf("title reads back %q", fw.Title.Value)
	}
}
