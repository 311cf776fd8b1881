package framework

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// maxNodes bounds how many YAML nodes one file may expand to. Aliases let a
// small file describe an exponential tree ("billion laughs"); a real program
// of 6,000 competencies has well under 100,000 nodes.
const maxNodes = 1_000_000

// decoder turns a yaml.Node tree into the typed model, reporting `schema`
// findings in the vocabulary of FORMAT.md. It never uses Node.Decode, which
// would ignore unknown keys and produce Go type names in its errors.
type decoder struct {
	file     string
	findings []Finding
	nodes    int
	bombed   bool
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) schemaf(n *yaml.Node, format string, args ...any) {
	d.findings = append(d.findings, Finding{Pos: d.pos(n), Severity: Error, Rule: RuleSchema, Message: fmt.Sprintf(format, args...)})
}

// resolve follows aliases and counts nodes, so an alias bomb is refused
// instead of expanded.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	d.nodes++
	if d.nodes > maxNodes && !d.bombed {
		d.bombed = true
		d.schemaf(n, "the file expands to more than %d values (aliases that repeat aliases?); simplify it", maxNodes)
	}
	return n
}

var (
	typString = reflect.TypeOf(String{})
	typNumber = reflect.TypeOf(Number{})
	typBool   = reflect.TypeOf(Bool{})
	typRange  = reflect.TypeOf(Range{})
	typMeta   = reflect.TypeOf(Meta{})
)

// describe names a YAML node's kind the way a person would.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing"
		case "!!bool":
			return "true/false"
		case "!!int", "!!float":
			return "the number " + n.Value
		}
		return fmt.Sprintf("the text %q", truncate(n.Value, 40))
	}
	return "an unexpected value"
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "..."
}

// decodeValue decodes n into v, where name is the key being decoded (for messages).
func (d *decoder) decodeValue(n *yaml.Node, v reflect.Value, name string, f reflect.StructField) {
	if d.bombed {
		return
	}
	n = d.resolve(n)
	switch v.Type() {
	case typString:
		d.decodeString(n, v.Addr().Interface().(*String), name, f)
		return
	case typNumber:
		d.decodeNumber(n, v.Addr().Interface().(*Number), name)
		return
	case typBool:
		b := v.Addr().Interface().(*Bool)
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.schemaf(n, "%s must be true or false, found %s", name, describe(n))
			return
		}
		b.Value, b.Pos, b.Set = n.Value == "true" || n.Value == "True" || n.Value == "TRUE", d.pos(n), true
		return
	case typRange:
		d.decodeRange(n, v.Addr().Interface().(*Range), name)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.decodeStruct(n, p.Elem(), name)
		v.Set(p)
	case reflect.Slice:
		d.decodeList(n, v, name, f)
	case reflect.Struct:
		d.decodeStruct(n, v, name)
	default:
		panic("framework: unsupported model type " + v.Type().String())
	}
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

var dateRE = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$`)

func (d *decoder) decodeString(n *yaml.Node, s *String, name string, f reflect.StructField) {
	if n.Kind != yaml.ScalarNode {
		d.schemaf(n, "%s must be text, found %s", name, describe(n))
		return
	}
	if isNull(n) {
		return // an empty value counts as absent; required fields are checked by the caller
	}
	s.Value, s.Pos, s.Set = n.Value, d.pos(n), true
	if enum := f.Tag.Get("enum"); enum != "" && !slicesContains(strings.Split(enum, "|"), n.Value) {
		d.schemaf(n, "%s must be one of %s, found %q%s", name, strings.ReplaceAll(enum, "|", ", "), n.Value, didYouMean(n.Value, strings.Split(enum, "|")))
	}
	if f.Tag.Get("format") == "date" && !dateRE.MatchString(n.Value) {
		d.schemaf(n, "%s must be a date written YYYY-MM-DD (or YYYY-MM), found %q", name, n.Value)
	}
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (d *decoder) decodeNumber(n *yaml.Node, num *Number, name string) {
	if isNull(n) {
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
		d.schemaf(n, "%s must be a finite number, found %s", name, n.Value)
		return
	}
	*num = Number{Value: v, Text: text, Pos: d.pos(n), Set: true}
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
	r.Keys = map[string]Pos{}
	for _, kv := range keys {
		k := kv[0].Value
		r.Keys[k] = d.pos(kv[0])
		switch k {
		case "min":
			d.decodeNumber(d.resolve(kv[1]), &r.Min, name+".min")
		case "max":
			d.decodeNumber(d.resolve(kv[1]), &r.Max, name+".max")
		default:
			d.schemaf(kv[0], "unknown key %q in %s; a range has min and max%s", k, name, didYouMean(k, []string{"min", "max"}))
		}
	}
	for _, k := range []string{"min", "max"} {
		if _, ok := r.Keys[k]; !ok {
			d.schemaf(n, "%s is a range and needs %s", name, k)
		}
	}
}

// mappingPairs returns the key/value pairs of a mapping, with merge keys
// (<<: *anchor) applied and duplicate keys reported.
func (d *decoder) mappingPairs(n *yaml.Node, name string) [][2]*yaml.Node {
	var pairs [][2]*yaml.Node
	seen := map[string]*yaml.Node{}
	var merged [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merged = append(merged, d.mergePairs(v, name)...)
			continue
		}
		k = d.resolve(k)
		if k.Kind != yaml.ScalarNode {
			d.schemaf(k, "keys in %s must be plain names, found %s", name, describe(k))
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			d.schemaf(k, "duplicate key %q in %s (first at line %d); remove one", k.Value, name, prev.Line)
			continue
		}
		seen[k.Value] = k
		pairs = append(pairs, [2]*yaml.Node{k, v})
	}
	for _, kv := range merged {
		if _, explicit := seen[kv[0].Value]; !explicit {
			seen[kv[0].Value] = kv[0]
			pairs = append(pairs, kv)
		}
	}
	return pairs
}

func (d *decoder) mergePairs(v *yaml.Node, name string) [][2]*yaml.Node {
	v = d.resolve(v)
	switch v.Kind {
	case yaml.MappingNode:
		return d.mappingPairs(v, name)
	case yaml.SequenceNode:
		var out [][2]*yaml.Node
		for _, m := range v.Content {
			out = append(out, d.mergePairs(m, name)...)
		}
		return out
	}
	d.schemaf(v, "<< in %s must merge a mapping, found %s", name, describe(v))
	return nil
}

func (d *decoder) decodeList(n *yaml.Node, v reflect.Value, name string, f reflect.StructField) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.schemaf(n, "%s must be a list, found %s", name, describe(n))
		return
	}
	if min, _ := strconv.Atoi(f.Tag.Get("min")); len(n.Content) < min {
		d.schemaf(n, "%s must list at least %d item(s), found none", name, min)
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.decodeValue(item, s.Index(i), name+" item", f)
		if d.bombed {
			return
		}
	}
	v.Set(s)
}

// decodeStruct decodes a mapping into a model struct using its tags.
func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, name string) {
	if n.Kind != yaml.MappingNode {
		d.schemaf(n, "%s must be a mapping of keys to values, found %s", name, describe(n))
		return
	}
	t := v.Type()
	fields := modelFields(t)
	meta := Meta{Pos: d.pos(n), Keys: map[string]Pos{}}
	for _, kv := range d.mappingPairs(n, name) {
		key := kv[0].Value
		meta.Keys[key] = d.pos(kv[0])
		fi, ok := fields.byKey[key]
		if !ok {
			d.schemaf(kv[0], "unknown key %q in %s%s", key, name, didYouMean(key, fields.keys))
			continue
		}
		sf := t.Field(fi)
		d.decodeValue(kv[1], v.Field(fi), key, sf)
		if d.bombed {
			return
		}
	}
	if fields.meta >= 0 {
		v.Field(fields.meta).Set(reflect.ValueOf(meta))
	}
	for _, key := range fields.required {
		fi := fields.byKey[key]
		if p, has := meta.Keys[key]; !has {
			d.schemaf(n, "%s is missing the required key %q", name, key)
		} else if isEmptyField(v.Field(fi)) {
			d.findings = append(d.findings, Finding{Pos: p, Severity: Error, Rule: RuleSchema,
				Message: fmt.Sprintf("%q in %s needs a value", key, name)})
		}
	}
}

func isEmptyField(v reflect.Value) bool {
	switch v.Type() {
	case typString:
		return !v.Interface().(String).Set
	case typNumber:
		return !v.Interface().(Number).Set
	case typBool:
		return !v.Interface().(Bool).Set
	case typRange:
		return !v.Interface().(Range).Set
	}
	return v.IsZero()
}

// fieldIndex describes a model struct: key -> field index, in declaration order.
type fieldIndex struct {
	byKey    map[string]int
	keys     []string
	required []string
	meta     int
}

var fieldCache = map[reflect.Type]*fieldIndex{}

func init() {
	// Index every model struct once, up front, so decoding is read-only and
	// safe to run from many goroutines.
	for _, v := range []any{Framework{}, Program{}} {
		indexType(reflect.TypeOf(v))
	}
}

func indexType(t reflect.Type) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || fieldCache[t] != nil || t == typString || t == typNumber || t == typBool || t == typRange || t == typMeta {
		return
	}
	fi := &fieldIndex{byKey: map[string]int{}, meta: -1}
	fieldCache[t] = fi
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type == typMeta {
			fi.meta = i
			continue
		}
		key := f.Tag.Get("yaml")
		if key == "" {
			continue
		}
		fi.byKey[key] = i
		fi.keys = append(fi.keys, key)
		if f.Tag.Get("req") == "true" {
			fi.required = append(fi.required, key)
		}
		indexType(f.Type)
	}
}

func modelFields(t reflect.Type) *fieldIndex {
	fi := fieldCache[t]
	if fi == nil {
		panic("framework: model type not indexed: " + t.String())
	}
	return fi
}
