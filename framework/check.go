package framework

import (
	"fmt"
	"reflect"
	"regexp"
	"unicode/utf8"

	"github.com/wpsgen/wpsgen/templates/font"
)

// checker collects findings of the rules in rules.go. Every report names a
// rule; the severity comes from the rule's entry, so a rule cannot be an
// error in one place and a warning in another.
type checker struct {
	findings []Finding
}

func (c *checker) report(rule string, pos Pos, format string, args ...any) {
	sev, ok := ruleSeverity[rule]
	if !ok {
		panic("framework: report of unregistered rule " + rule)
	}
	c.findings = append(c.findings, Finding{Pos: pos, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

var (
	slugRE   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	idRE     = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*$`)
	letterRE = regexp.MustCompile(`^[A-Z]+$`)
)

// checkSlug checks a framework or specialization id.
func (c *checker) checkSlug(s String, what string) {
	if s.Set && !slugRE.MatchString(s.Value) {
		c.report(RuleBadID, s.Pos, "%s %q must use lowercase letters, digits and dashes (e.g. %q)", what, s.Value, slugify(s.Value))
	}
}

func slugify(s string) string {
	out := []rune{}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			out = append(out, r)
		case r >= 'A' && r <= 'Z':
			out = append(out, r+'a'-'A')
		case len(out) > 0 && out[len(out)-1] != '-':
			out = append(out, '-')
		}
	}
	if len(out) == 0 {
		return "my-framework"
	}
	return string(out)
}

// checkJobFunctionID checks a job function id: letters, digits and dashes.
func (c *checker) checkJobFunctionID(s String) bool {
	if s.Set && !idRE.MatchString(s.Value) {
		c.report(RuleBadID, s.Pos, "job function id %q may only use letters, digits and dashes (e.g. \"1\", \"S1\", \"C1\")", s.Value)
		return false
	}
	return true
}

// checkLetter checks a competency id: a letter sequence A..Z, AA, AB, ...
func (c *checker) checkLetter(s String) bool {
	if s.Set && !letterRE.MatchString(s.Value) {
		hint := ""
		if up := []rune(s.Value); len(up) > 0 && letterRE.MatchString(string(toUpper(up))) {
			hint = fmt.Sprintf(" (e.g. %q)", string(toUpper(up)))
		}
		c.report(RuleBadID, s.Pos, "competency id %q must be a capital letter sequence: A..Z, then AA, AB, ...%s", s.Value, hint)
		return false
	}
	return true
}

func toUpper(r []rune) []rune {
	out := make([]rune, len(r))
	for i, x := range r {
		if x >= 'a' && x <= 'z' {
			x -= 'a' - 'A'
		}
		out[i] = x
	}
	return out
}

// checkRAPIDS checks a RAPIDS code's shape.
func (c *checker) checkRAPIDS(s String) bool {
	if !s.Set {
		return false
	}
	if _, ok := RAPIDSSuffix(s.Value); !ok {
		hint := ""
		if up := string(toUpper([]rune(s.Value))); up != s.Value {
			if _, ok := RAPIDSSuffix(up); ok {
				hint = fmt.Sprintf("; did you mean %q?", up)
			}
		}
		c.report(RuleRAPIDSFormat, s.Pos, "RAPIDS code %q does not have a RAPIDS shape: 4 digits, an optional variant letter, CB or HY for competency-based or hybrid, an optional version (e.g. \"0414\", \"0414S-R\", \"1114CB\", \"0870CBV1\")%s", s.Value, hint)
		return false
	}
	return true
}

// checkDuplicates reports every id that repeats an earlier one; what names
// the ids ("job function id") and where their scope (" in job function 1").
func (c *checker) checkDuplicates(ids []String, what, where string) {
	seen := map[string]String{}
	for _, id := range ids {
		if !id.Set {
			continue
		}
		if first, dup := seen[id.Value]; dup {
			c.report(RuleDuplicateID, id.Pos, "%s %q is used twice%s (first at line %d); each must be unique", what, id.Value, where, first.Pos.Line)
			continue
		}
		seen[id.Value] = id
	}
}

var typStringSlice = reflect.TypeOf([]String(nil))

// checkPrintable reports text the embedded PDF font cannot draw, in every
// String of a model value.
func (c *checker) checkPrintable(v any) {
	c.walkStrings(reflect.ValueOf(v), "")
}

func (c *checker) walkStrings(v reflect.Value, key string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			c.walkStrings(v.Elem(), key)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			c.walkStrings(v.Index(i), key)
		}
	case reflect.Struct:
		if v.Type() == typString {
			c.checkText(v.Interface().(String), key)
			return
		}
		if v.Type() == typRange || v.Type() == typNumber || v.Type() == typBool || v.Type() == typMeta {
			return
		}
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if k := t.Field(i).Tag.Get("yaml"); k != "" {
				c.walkStrings(v.Field(i), k)
			}
		}
	}
}

func (c *checker) checkText(s String, key string) {
	if !s.Set {
		return
	}
	n := 0
	for _, r := range s.Value {
		n++
		if r == utf8.RuneError {
			continue
		}
		var why string
		switch font.Check(r) {
		case font.OK:
			continue
		case font.NoGlyph:
			why = "the PDF font has no glyph for it, so the document would show an empty box"
		case font.RightToLeft:
			why = "right-to-left scripts cannot be laid out correctly in the PDF"
		case font.Control:
			why = "it is an invisible control or formatting character"
		}
		c.report(RuleUnprintable, s.Pos, "%s contains %s at character %d, which cannot be printed: %s; remove or replace it",
			key, runeName(r), n, why)
		return
	}
}

func runeName(r rune) string {
	if font.Check(r) == font.Control {
		return fmt.Sprintf("U+%04X", r)
	}
	return fmt.Sprintf("U+%04X %q", r, string(r))
}
