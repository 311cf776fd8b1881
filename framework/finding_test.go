package framework

import (
	"slices"
	"testing"
)

func TestSortFindings(t *testing.T) {
	f := func(file string, line, col int, sev Severity, rule, msg string) Finding {
		return Finding{Pos: Pos{File: file, Line: line, Col: col}, Severity: sev, Rule: rule, Message: msg}
	}
	shared := f("fw.yaml", 3, 7, Error, RuleONETFormat, "bad code") // reported once per program using fw.yaml
	in := []Finding{
		f("b.yaml", 1, 1, Error, RuleSchema, "z"),
		shared,
		f("a.yaml", 10, 2, Warning, RuleRTIHours, "m"),
		f("a.yaml", 2, 5, Error, RuleSchema, "m"),
		shared,
		f("a.yaml", 10, 2, Error, RuleWages, "m"),
		f("a.yaml", 2, 5, Error, RuleSchema, "a"),
		f("a.yaml", 10, 1, Warning, RuleRTIHours, "m"),
		shared,
	}
	want := []Finding{
		f("a.yaml", 2, 5, Error, RuleSchema, "a"),
		f("a.yaml", 2, 5, Error, RuleSchema, "m"),
		f("a.yaml", 10, 1, Warning, RuleRTIHours, "m"),
		f("a.yaml", 10, 2, Error, RuleWages, "m"), // errors before warnings at one position
		f("a.yaml", 10, 2, Warning, RuleRTIHours, "m"),
		f("b.yaml", 1, 1, Error, RuleSchema, "z"),
		shared,
	}
	if got := SortFindings(in); !slices.Equal(got, want) {
		t.Errorf("SortFindings:\n%s\nwant:\n%s", findingsText(got), findingsText(want))
	}
	if got := SortFindings(nil); len(got) != 0 {
		t.Errorf("SortFindings(nil) = %v", got)
	}
}

func TestHasErrors(t *testing.T) {
	warn := []Finding{{Severity: Warning, Rule: RuleRTIHours}}
	errs := append(slices.Clone(warn), Finding{Severity: Error, Rule: RuleSchema})
	cases := []struct {
		fs     []Finding
		strict bool
		want   bool
	}{
		{nil, false, false},
		{nil, true, false},
		{warn, false, false},
		{warn, true, true},
		{errs, false, true},
	}
	for _, c := range cases {
		if got := HasErrors(c.fs, c.strict); got != c.want {
			t.Errorf("HasErrors(%v, strict=%v) = %v, want %v", c.fs, c.strict, got, c.want)
		}
	}
}

// TestRulesRegistry checks the rule list itself: unique ids, errors before
// warnings, and a summary and a reason for each.
func TestRulesRegistry(t *testing.T) {
	seen := map[string]bool{}
	sawWarning := false
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.Summary == "" || r.Why == "" {
			t.Errorf("rule %s lacks a summary or a reason", r.ID)
		}
		if r.Severity == Warning {
			sawWarning = true
		} else if sawWarning {
			t.Errorf("error rule %s is listed after a warning", r.ID)
		}
	}
}
