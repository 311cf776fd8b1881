package report

import (
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
)

// TestWorkbookFindings: a workbook cell's findings (wpsgen import) say
// the cell in every format, and a note is a note: "note" in text, json
// and sarif, a ::notice in github.
func TestWorkbookFindings(t *testing.T) {
	fs := []framework.Finding{
		{Pos: framework.Pos{File: "b.xlsx", Sheet: "RTI Plan", Line: 13, Col: 1}, Severity: framework.Note, Rule: framework.RuleImport, Message: "course edited"},
		{Pos: framework.Pos{File: "b.xlsx", Sheet: "RTI Plan", Line: 18, Col: 3}, Severity: framework.Warning, Rule: framework.RuleImport, Message: "the total was typed over"},
		{Pos: framework.Pos{File: "b.xlsx"}, Severity: framework.Note, Rule: framework.RuleImport, Message: "a row was deleted"},
	}
	for format, want := range map[string][]string{
		"text":   {"b.xlsx:RTI Plan!A13: note: course edited [import]", "b.xlsx:RTI Plan!C18: warning: the total was typed over [import]", "b.xlsx: note: a row was deleted [import]"},
		"json":   {`"severity": "note"`, `"cell": "RTI Plan!A13"`, `"cell": "RTI Plan!C18"`},
		"github": {"::notice file=b.xlsx,line=13,col=1,title=import::RTI Plan!A13: course edited", "::warning file=b.xlsx,line=18,col=3,title=import::RTI Plan!C18: the total was typed over", "::notice file=b.xlsx,title=import::a row was deleted"},
		"sarif":  {`"level": "note"`, `"text": "RTI Plan!A13: course edited"`, `"level": "warning"`},
	} {
		got := writeFormat(t, format, fs)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: want %q in\n%s", format, w, got)
			}
		}
	}
	if !framework.HasErrors(fs, true) || framework.HasErrors(fs[:1], true) {
		t.Error("--strict counts warnings, never notes")
	}
}
