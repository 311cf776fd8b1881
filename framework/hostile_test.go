package framework

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileCase is an input generated at run time (too big, or bytes an
// editor would mangle) and the finding it must produce.
type hostileCase struct {
	name      string
	data      []byte
	rule      string
	line, col int
	message   string // a part of the message
}

func deepFlow(open, close string, depth int) string {
	return strings.Repeat(open, depth) + "1" + strings.Repeat(close, depth)
}

// deepBlock nests depth block mappings, each indented one space more.
func deepBlock(depth int) string {
	var b strings.Builder
	b.WriteString("kind: program\nsponsor:\n")
	for i := 1; i <= depth; i++ {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	return b.String()
}

func hostileCases() []hostileCase {
	oversize := append([]byte("kind: program\n"), bytes.Repeat([]byte("# padding\n"), MaxFileSize/10+1)...)
	return []hostileCase{
		{"invalid-utf8", []byte("kind: program\nsponsor:\n  name: Caf\xe9 Clinic\n"), RuleSyntax, 3, 12, "not valid UTF-8 (byte 0xE9)"},
		{"latin1-first-byte", []byte("\xff\xfekind: program\n"), RuleSyntax, 1, 1, "not valid UTF-8 (byte 0xFF)"},
		{"nul-byte", []byte("kind: program\nframework: medical\x00coder\n"), RuleSyntax, 2, 19, "NUL byte"},
		{"oversize", oversize, RuleSyntax, 1, 1, "larger than 10 MiB"},
		{"deep-flow-sequence", []byte("kind: program\nsponsor: " + deepFlow("[", "]", 10_000) + "\n"), RuleSchema, 2, 10, "sponsor must be a mapping"},
		{"deep-flow-mapping", []byte("kind: program\nsponsor: " + deepFlow("{a: ", "}", 10_000) + "\n"), RuleSchema, 2, 11, `unknown key "a" in sponsor`},
		{"deep-top-sequence", []byte(deepFlow("[", "]", 10_000)), RuleSyntax, 1, 1, "must be a mapping"},
		{"too-deep-sequence", []byte(deepFlow("[", "]", 10_001)), RuleSyntax, 1, 1, "exceeded max depth of 10000"},
		{"unclosed-deep-sequence", []byte(strings.Repeat("[", 10_000)), RuleSyntax, 1, 1, "invalid YAML"},
		// Value MaxValues+1 is list item MaxValues-4 (the mapping, kind,
		// program, prerequisites and the list come first).
		{"too-many-values", []byte("kind: program\nprerequisites: [" + strings.Repeat("a, ", MaxValues) + "a]\n"), RuleSyntax, 2, 17 + 3*(MaxValues-5), "more than 300,000 values"},
		{"too-many-block-values", []byte("kind: program\nprerequisites:\n" + strings.Repeat("- a\n", MaxValues)), RuleSyntax, MaxValues - 2, 3, "more than 300,000 values"},
		// The node bound counts 2 for the document and 1 per item: item
		// MaxNodeBound-1 passes it, before the YAML reader builds any.
		{"empty-items-10mb", bytes.Repeat([]byte("-\n"), MaxFileSize/2), RuleSyntax, MaxNodeBound - 1, 1, "could hold more than 900,000 values"},
		{"most-values", []byte("kind: program\nprerequisites: [" + strings.Repeat("a, ", MaxValues-6) + "a]\n"), RuleSchema, 1, 1, `missing the required key "sponsor"`},
		{"deep-block-mapping", []byte(deepBlock(2_000)), RuleSchema, 3, 2, `unknown key "a" in sponsor`},
	}
}

// TestHostileGenerated validates each generated input: a positioned
// finding of the right rule, no panic, within caseTimeLimit.
func TestHostileGenerated(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name+".yaml")
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			fs := validateCase(t, path)
			for _, f := range fs {
				if f.Rule == tc.rule && f.Pos.Line == tc.line && f.Pos.Col == tc.col && strings.Contains(f.Message, tc.message) {
					return
				}
			}
			t.Errorf("want a %s finding at %d:%d containing %q, got:\n%s", tc.rule, tc.line, tc.col, tc.message, findingsText(fs))
		})
	}
}

// TestBOMAndCRLFAccepted checks that a valid program and framework saved
// with a UTF-8 byte order mark and Windows line ends give no findings.
func TestBOMAndCRLFAccepted(t *testing.T) {
	dir := t.TempDir()
	windows := func(src, dst, ref string) {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		data = bytes.ReplaceAll(data, []byte("../fw/mini.yaml"), []byte(ref))
		data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		data = append([]byte("\xef\xbb\xbf"), data...)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	windows("testdata/fw/mini.yaml", filepath.Join(dir, "fw", "mini.yaml"), "")
	for _, name := range []string{"time-based", "competency-based", "unicode", "merge-keys"} {
		path := filepath.Join(dir, name+".yaml")
		windows(filepath.Join("testdata/ok", name+".yaml"), path, "fw/mini.yaml")
		if fs := validateCase(t, path); len(fs) > 0 {
			t.Errorf("%s with BOM and CRLF should be valid, got:\n%s", name, findingsText(fs))
		}
	}
}

// TestBOMAndCRLFPositions checks that findings in a BOM + CRLF file keep
// their line and column: the BOM takes no column, CR ends no extra line.
func TestBOMAndCRLFPositions(t *testing.T) {
	src := "\xef\xbb\xbfkind: program\r\nframework: medical-coder\r\nsponser:\r\n  name: Example Clinic\r\n"
	f := Parse("windows.yaml", []byte(src))
	want := Pos{File: "windows.yaml", Line: 3, Col: 1}
	for _, finding := range f.Findings {
		if strings.Contains(finding.Message, `unknown key "sponser"`) {
			if finding.Pos != want {
				t.Errorf("unknown key at %v, want %v", finding.Pos, want)
			}
			return
		}
	}
	t.Errorf("no unknown-key finding in %v", f.Findings)
}
