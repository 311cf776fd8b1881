package framework

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSyntaxPositions checks where YAML errors point. yaml.v3 numbers the
// lines of parser errors from 0 and reports block errors at the start of
// the enclosing block; the finding must point at the line to fix.
func TestSyntaxPositions(t *testing.T) {
	cases := []struct {
		name, src string
		line, col int
		hint      string
	}{
		{"key indented too little", "a: 1\nb:\n  c: 1\n d: 2\n", 4, 2, "indented differently"},
		{"key indented between levels", "a: 1\nb:\n  c: 1\n  d:\n    e: 1\n   f: 2\n", 6, 4, "indented differently"},
		{"list item among keys", "a: 1\nb:\n  x: 1\n  - y\n", 4, 3, "indented differently"},
		{"key among list items", "a: 1\nb:\n  - x\n  y: 2\n", 4, 3, "indented differently"},
		{"list item misaligned", "a: 1\nb:\n  x:\n    - 1\n    - 2\n   - 3\n", 6, 4, "indented differently"},
		{"top-level key indented", "a:\n  b:\n    c: 1\n    d: 2\n  e: 3\n f: 4\n", 6, 2, "indented differently"},
		{"list after a mapping", "a: 1\n- b\n", 2, 1, "indented differently"},
		{"block scalar dedent", "a: |\n  ok\n bad\nc: 1\n", 3, 2, "indented differently"},
		{"unclosed list", "a: 1\nb: [1, 2\nc: 3\n", 2, 4, "never closed"},
		{"unclosed mapping", "a: 1\nb: {x: 1\nc: 3\n", 2, 4, "never closed"},
		{"unclosed list at the end", "kind: program\nsponsor: [[[[\n", 2, 10, "never closed"},
		{"unclosed double quote", "a: 1\nb: \"x\nc: 3\n", 2, 4, "quote"},
		{"unclosed single quote", "a: 1\nb: 'x\n", 2, 4, "quote"},
		{"tab indentation", "a: 1\nb:\n\tc: 1\n", 3, 1, "tabs"},
		{"tab after spaces", "a: 1\nb:\n  \tc: 1\n", 3, 3, "tabs"},
		{"at sign", "a: 1\nb: @x\n", 2, 4, "quotes"},
		{"colon in a value", "a: 1\nb: c: d\n", 2, 1, "quotes"},
		{"list on the key's line", "kind: program\nx: - a\n", 2, 1, "next line"},
		{"unknown alias", "a: 1\nb: *nope\n", 2, 4, "*nope"},
		{"CRLF", "a: 1\r\nb:\r\n  c: 1\r\n d: 2\r\n", 4, 2, "indented differently"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Parse("x.yaml", []byte(c.src))
			if len(f.Findings) != 1 {
				t.Fatalf("want one finding, got %v", f.Findings)
			}
			got := f.Findings[0]
			if got.Rule != RuleSyntax || got.Pos.Line != c.line || got.Pos.Col != c.col || !strings.Contains(got.Message, c.hint) {
				t.Errorf("got %s\nwant [syntax] at %d:%d mentioning %q", got, c.line, c.col, c.hint)
			}
		})
	}
}

// TestParseKinds checks the kind: key and what each kind yields.
func TestParseKinds(t *testing.T) {
	f := Parse("p.yaml", []byte("kind: program\n"))
	if f.Kind != KindProgram || f.Program == nil || f.Framework != nil {
		t.Errorf("program: kind %q, program %v, framework %v", f.Kind, f.Program, f.Framework)
	}
	f = Parse("f.yaml", []byte("kind: framework\n"))
	if f.Kind != KindFramework || f.Framework == nil || f.Program != nil {
		t.Errorf("framework: kind %q, program %v, framework %v", f.Kind, f.Program, f.Framework)
	}
	for _, src := range []string{"kind: programme\n", "kind: [program]\n", "id: x\n", "kind:\n"} {
		if f := Parse("x.yaml", []byte(src)); f.Kind != "" || len(f.Findings) == 0 || f.Findings[0].Rule != RuleSchema {
			t.Errorf("%q: kind %q, findings %v", src, f.Kind, f.Findings)
		}
	}
}

// TestAliasBudget checks that legitimate reuse through aliases stays far
// below the alias budget, and that a bomb stops at it.
func TestAliasBudget(t *testing.T) {
	ok := Parse("ok.yaml", []byte("kind: program\nsponsor: &s {name: A}\noccupation: {job_title: B}\nprerequisites: [&p x, *p, *p, *p]\n"))
	for _, f := range ok.Findings {
		if f.Rule == RuleSyntax {
			t.Errorf("legitimate aliases refused: %s", f)
		}
	}
	// 200 job functions of 200 competencies: 40,000 competency mappings.
	repeat := func(alias string) string {
		return "[" + strings.TrimSuffix(strings.Repeat(alias+", ", 200), ", ") + "]"
	}
	bomb := "kind: program\nc: &c {id: A, delivery: [ojt]}\nj: &j {id: \"1\", competencies: " + repeat("*c") + "}\njob_functions: " + repeat("*j") + "\n"
	f := Parse("bomb.yaml", []byte(bomb))
	if !HasSyntaxErrors(f.Findings) {
		t.Fatalf("a 40,000-value expansion of a %d-byte file was not refused: %v", len(bomb), f.Findings)
	}
	if f.Program != nil && len(f.Program.JobFunctions) == 200 {
		t.Error("the bomb was expanded after all")
	}
}

// FuzzParse checks that no input makes Parse panic or report a finding
// without a position or with an unregistered rule. The seeds are every
// test file; go test runs them, go test -fuzz=FuzzParse explores further.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"testdata/*/*.yaml", "../examples/*.yaml", "catalog/*.yaml"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file := Parse("fuzz.yaml", data)
		for _, finding := range file.Findings {
			if finding.Pos.Line < 1 || finding.Pos.Col < 1 {
				t.Errorf("finding without a position: %s", finding)
			}
			if _, ok := ruleSeverity[finding.Rule]; !ok {
				t.Errorf("finding of unregistered rule: %s", finding)
			}
			if strings.Contains(finding.Message, "could not read this file") {
				t.Errorf("Parse panicked: %s", finding)
			}
		}
	})
}

// TestControlCharacters: a raw control character is reported where it is,
// with its code, instead of yaml.v3's "1:1: control characters are not
// allowed".
func TestControlCharacters(t *testing.T) {
	for _, c := range []struct {
		src       string
		line, col int
		code      string
	}{
		{"kind: program\nsponsor:\n  name: A\x01B\n", 3, 10, "U+0001"},
		{"kind: program\nx: \x7f\n", 2, 4, "U+007F"},
		{"kind: program\n\x1b[31mx: 1\n", 2, 1, "U+001B"},
		{"kind: program\nx: 1\n\x0c\n", 3, 1, "U+000C"},
		{"kind: program\nx: \"é\u0080\"\n", 2, 6, "U+0080"},
	} {
		f := Parse("x.yaml", []byte(c.src))
		if len(f.Findings) != 1 || f.Findings[0].Pos.Line != c.line || f.Findings[0].Pos.Col != c.col || !strings.Contains(f.Findings[0].Message, c.code) {
			t.Errorf("%q: want one finding at %d:%d naming %s, got %v", c.src, c.line, c.col, c.code, f.Findings)
		}
	}
	// Tab, CR LF and U+0085 (next line) are YAML's own.
	if f := Parse("x.yaml", []byte("kind: program\r\nx:\t\"a\u0085b\"\r\n")); HasSyntaxErrors(f.Findings) {
		t.Errorf("allowed characters refused: %v", f.Findings)
	}
}

// TestExplicitTags: a tag that only restates the value is accepted; any
// other is a schema finding at the value (yaml.v3 read !!bool yes as false).
func TestExplicitTags(t *testing.T) {
	for _, c := range []struct {
		value string
		ok    bool
	}{
		{"!!map {name: X}", true},
		{"!!seq [X]", false}, // a list where a mapping belongs: the tag is plain, the type is wrong
		{"!foo {name: X}", false},
		{"{name: !!str 12}", true},
		{"{name: !!int 12}", true}, // read as text, like name: 12
		{"{name: !!bool yes}", false},
		{"{name: !!timestamp 2020-01-01}", false},
		{"{name: !!null}", false}, // missing
		{"{name: X, number: !!float 12}", true},
	} {
		f := Parse("x.yaml", []byte("kind: program\nsponsor: "+c.value+"\n"))
		var got []string
		for _, finding := range f.Findings {
			if finding.Pos.Line == 2 {
				got = append(got, finding.Message)
			}
		}
		if (len(got) == 0) != c.ok {
			t.Errorf("sponsor: %s: want ok=%v, got %q", c.value, c.ok, got)
		}
	}
}

// TestExplicitTagOnListItem: a mapping item of a list refused for its tag
// is left out of the list; it was left in as a hole that the rules after
// decoding stumbled on (an internal error instead of the findings).
func TestExplicitTagOnListItem(t *testing.T) {
	dir := t.TempDir()
	mini, err := os.ReadFile("testdata/fw/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	program := `kind: program
framework: mini.yaml
sponsor:
  name: Example Clinic
occupation:
  job_title: Medical Coder
approach: time-based
term:
  hours: 2000
job_functions:
  - id: "1"
    hours: 2000
    competencies:
      - !!str {id: C}
      - {id: A}
      - {id: B}
  - !custom {id: "2", hours: 10, competencies: [{id: A}]}
rti:
  courses:
    - {title: Medical Terminology, hours: 144}
    - !!seq {title: Anatomy, hours: 40}
`
	for name, data := range map[string]string{"mini.yaml": string(mini), "p.yaml": program} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := testLoader().Validate(filepath.Join(dir, "p.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, strings.TrimPrefix(f.String(), dir+string(filepath.Separator)))
	}
	want := []string{
		`p.yaml:14:9: error: competencies item has the tag !!str, which does not fit a mapping; remove the tag [schema]`,
		`p.yaml:17:5: error: job_functions item has the tag !custom, which does not fit a mapping; remove the tag [schema]`,
		`p.yaml:21:7: error: courses item has the tag !!seq, which does not fit a mapping; remove the tag [schema]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
