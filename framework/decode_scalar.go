package framework

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/internal/lazy"
	"gopkg.in/yaml.v3"
)

// plainTag reports whether n's explicit tag, if any, is one that only
// restates what the value is (!!str on text, !!int or !!float on a number,
// !!bool on true or false, !!null on nothing, !!map and !!seq). Any other
// (!!bool yes, !!binary, !custom) is reported: yaml.v3 would keep the tag
// and read "yes" as false.
func (d *decoder) plainTag(n *yaml.Node, name string) bool {
	if n.Style&yaml.TaggedStyle == 0 {
		return true // no tag written: yaml.v3 resolved it from the value
	}
	tag := n.ShortTag()
	ok := false
	switch n.Kind {
	case yaml.MappingNode:
		ok = tag == "!!map"
	case yaml.SequenceNode:
		ok = tag == "!!seq"
	case yaml.ScalarNode:
		plain := (&yaml.Node{Kind: yaml.ScalarNode, Value: n.Value}).ShortTag()
		switch tag {
		case "!!str":
			ok = true
		case "!!int", "!!float":
			ok = plain == "!!int" || plain == "!!float"
		case "!!bool", "!!null":
			ok = plain == tag
		}
	}
	switch {
	case ok:
	case n.Kind == yaml.ScalarNode:
		d.schemaf(n, "%s has the tag %s, which does not fit %q; remove the tag and write the value plainly (true or false, a number, or text)", name, shown(n.Tag), shown(n.Value))
	default:
		// A mapping or list has no text to quote: say what it is.
		d.schemaf(n, "%s has the tag %s, which does not fit %s; remove the tag", name, shown(n.Tag), describe(n))
	}
	return ok
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

var (
	dateRE  = lazy.Regexp(DatePattern)
	emailRE = lazy.Regexp(EmailPattern)
)

func (d *decoder) decodeString(n *yaml.Node, s *String, name string, f *fieldMeta) {
	if n.Kind != yaml.ScalarNode {
		d.schemaf(n, "%s must be text, found %s", name, describe(n))
		return
	}
	if isNull(n) || strings.TrimSpace(n.Value) == "" {
		// An empty value, or one of only spaces, counts as absent; required
		// fields are checked by the caller.
		return
	}
	s.Value, s.Pos, s.Set = n.Value, d.pos(n), true
	if f.enum != nil && !slices.Contains(f.enum, n.Value) {
		d.schemaf(n, "%s must be one of %s, found %q%s", name, strings.Join(f.enum, ", "), shown(n.Value), didYouMean(n.Value, f.enum))
	}
	if f.email && !emailRE().MatchString(n.Value) {
		d.schemaf(n, "%s must be an email address like name@example.org, found %q", name, shown(n.Value))
	}
	if f.date {
		if !dateRE().MatchString(n.Value) {
			d.schemaf(n, "%s must be a date written YYYY-MM-DD (or YYYY-MM), found %q", name, shown(n.Value))
		} else if !realDate(n.Value) {
			d.schemaf(n, "%s %s is not a day of the calendar", name, n.Value)
		} else if y, _ := strconv.Atoi(n.Value[:4]); y < minYear {
			d.schemaf(n, "%s %s is before %d; write the real date (documents and spreadsheets cannot show earlier years)", name, n.Value, minYear)
		}
	}
}

// minYear is the earliest year a date may have: spreadsheet dates start
// in 1900, and the pattern allows four digits, so 9999 is the latest.
const minYear = 1900

// realDate reports whether a YYYY-MM-DD or YYYY-MM value names a real day
// or month (2026-02-30 matches the pattern but is no date).
func realDate(s string) bool {
	layout := "2006-01-02"
	if len(s) == len("2006-01") {
		layout = "2006-01"
	}
	_, err := time.Parse(layout, s)
	return err == nil
}

func (d *decoder) decodeNumber(n *yaml.Node, num *Number, name string) {
	if isNull(n) {
		return
	}
	if outOfRange(n) {
		d.schemaf(n, "%s must be a finite number, found %s, which is too large to be a number", name, shown(n.Value))
		num.Pos = d.pos(n)
		return
	}
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		hint := ""
		if n.Kind == yaml.ScalarNode && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			if _, err := strconv.ParseFloat(n.Value, 64); err == nil {
				hint = "; remove the quotes"
			}
		}
		d.schemaf(n, "%s must be a number, found %s%s", name, describe(n), hint)
		num.Pos = d.pos(n) // written, but not a number: Set stays false
		return
	}
	text := strings.ReplaceAll(n.Value, "_", "")
	v, err := strconv.ParseFloat(text, 64)
	if err != nil && n.Tag == "!!int" {
		var i int64
		i, err = strconv.ParseInt(text, 0, 64)
		v = float64(i)
		text = strconv.FormatInt(i, 10)
	}
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		d.schemaf(n, "%s must be a finite number, found %s", name, shown(n.Value))
		num.Pos = d.pos(n) // written, but not a number: Set stays false
		return
	}
	dec, derr := decimal.Parse(text)
	if derr != nil {
		dec = decimal.MustParse(strconv.FormatFloat(v, 'g', -1, 64))
	}
	*num = Number{Dec: dec, Text: text, Pos: d.pos(n), Set: true}
}

// outOfRange reports a plain value written as a number that a float64
// cannot hold (1e400): yaml.v3 reads it as text.
func outOfRange(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" || n.Style != 0 {
		return false
	}
	_, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	var ne *strconv.NumError
	return errors.As(err, &ne) && ne.Err == strconv.ErrRange
}

func (d *decoder) decodeRange(n *yaml.Node, r *Range, name string) {
	if isNull(n) {
		return
	}
	r.Meta = Meta{Pos: d.pos(n)}
	if n.Kind != yaml.MappingNode {
		d.decodeNumber(n, &r.Value, name)
		r.Set = r.Value.Set
		return
	}
	r.Set = true
	keys := d.mappingPairs(n, name)
	for _, kv := range keys {
		k := kv[0].Value
		r.addKey(k, d.pos(kv[0]))
		switch k {
		case "min":
			d.decodeNumber(d.resolve(kv[1]), &r.Min, name+".min")
		case "max":
			d.decodeNumber(d.resolve(kv[1]), &r.Max, name+".max")
		default:
			d.schemaf(kv[0], "unknown key %q in %s; a range has min and max%s", shown(k), name, didYouMean(k, []string{"min", "max"}))
		}
	}
	for _, k := range []string{"min", "max"} {
		if !r.Has(k) {
			d.schemaf(n, "%s is a range and needs %s", name, k)
		}
	}
}
