package framework

import (
	"fmt"
	"reflect"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
)

// RuleUnprintable is the id of the rule about characters documents cannot show.
const RuleUnprintable = "unprintable"

var ruleUnprintable = Rule{
	ID: RuleUnprintable, Severity: Error,
	Summary:   "text contains a character the documents cannot show: an invisible control or formatting character, a right-to-left script, or a character the document font has no glyph for",
	Why:       "The document would show an empty box, lose an invisible character's meaning, or lay out right-to-left text backwards.",
	Framework: func(c *checker) { c.checkPrintable(c.fw) },
	Program:   func(c *checker) { c.checkPrintable(c.p) },
}

// checkPrintable reports text no document can show, in every String of a
// model value.
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
		t := v.Type()
		if t == typString {
			if v.CanAddr() { // no copy of the String into an interface
				c.checkText(*v.Addr().Interface().(*String), key)
			} else {
				c.checkText(v.Interface().(String), key)
			}
			return
		}
		if t == typRange || t == typNumber || t == typBool || t == typMeta {
			return
		}
		// The model's tags were read once (decode.go's fieldCache).
		fields := modelFields(t).fields
		for i := range fields {
			if k := fields[i].key; k != "" {
				c.walkStrings(v.Field(i), k)
			}
		}
	}
}

// invisible reports a control or formatting character. Tab and line feed
// are allowed: documents turn them into spaces and line breaks. Line and
// paragraph separators (U+2028, U+2029) draw as nothing: the break they
// mean would silently vanish.
func invisible(r rune) bool {
	if r == '\n' || r == '\t' || r == '\r' {
		return false
	}
	return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
}

// rightToLeft reports a character of a right-to-left script, which no
// document format lays out.
func rightToLeft(r rune) bool {
	props, _ := bidi.LookupRune(r)
	return props.Class() == bidi.R || props.Class() == bidi.AL
}

func (c *checker) checkText(s String, key string) {
	if !s.Set {
		return
	}
	// The first character that cannot be printed is named with its place;
	// the others are counted, so that fixing it does not reveal the next
	// one a run later.
	var first, why string
	at, more, n := 0, 0, 0
	for _, r := range s.Value {
		n++
		if r == utf8.RuneError || (r >= 0x20 && r < 0x7f) {
			continue // invalid UTF-8 is the reader's; printable ASCII is the common case
		}
		w, name := c.unprintable(r)
		switch {
		case w == "":
		case first == "":
			first, why, at = name, w, n
		default:
			more++
		}
	}
	if first == "" {
		return
	}
	fix := "remove or replace it"
	switch {
	case more == 1:
		fix = "1 more character after it cannot be printed either; remove or replace them"
	case more > 1:
		fix = fmt.Sprintf("%d more characters after it cannot be printed either; remove or replace them", more)
	}
	c.report(RuleUnprintable, s.Pos, "%s contains %s at character %d, which cannot be printed: %s; %s",
		key, first, at, why, fix)
}

// unprintable says why r cannot be printed ("" when it can) and how a
// message names it.
func (c *checker) unprintable(r rune) (why, name string) {
	switch {
	case invisible(r):
		return "it is an invisible control or formatting character", fmt.Sprintf("U+%04X", r)
	case rightToLeft(r):
		why = "right-to-left scripts cannot be laid out correctly in the documents"
	case c.printable != nil && !c.printable(r):
		why = "the document font has no glyph for it, so the document would show an empty box"
	default:
		return "", ""
	}
	return why, fmt.Sprintf("U+%04X %q", r, string(r))
}
