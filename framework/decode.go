package framework

import (
	"fmt"
	"math"
	"reflect"

	"gopkg.in/yaml.v3"
)

// aliasAllowance is how many values aliases (*name) and merge keys (<<) may
// add beyond what a file writes out. Aliases let a small file describe an
// exponential tree ("billion laughs"); legitimate reuse adds a handful.
const aliasAllowance = 10_000

// decoder turns a yaml.Node tree into the typed model, reporting `schema`
// findings in the vocabulary of docs/format.md. It never uses Node.Decode, which
// would ignore unknown keys and produce Go type names in its errors.
type decoder struct {
	file      string
	findings  []Finding
	syntax    []Finding  // kept apart from findings, which add trims
	added     int        // findings added, including those trimmed away
	omitted   int        // findings trimmed away; see add
	nodes     int        // values visited so far, aliases followed
	root      *yaml.Node // the tree decoded, whose size sets budget
	budget    int        // most values a file may visit; see newDecoder
	lastAlias *yaml.Node // the alias followed most recently, for the bomb finding
	bombed    bool
	expanded  int                // bytes of text aliases have repeated so far
	maxExpand int                // most bytes aliases may repeat; see newDecoder
	sizes     map[*yaml.Node]int // bytes of text under an aliased node
}

// Expansion bounds the text aliases may repeat: 8 times the file's size,
// and at least 4 MiB. Counting values (aliasAllowance) is not enough: one
// anchored 100 KB text repeated by a thousand aliases is 100 MB to render.
const (
	expandFactor = 8
	minExpand    = 4 << 20
)

// newDecoder returns a decoder for the tree under root. Decoding visits each
// written value at most twice (the kind: pair is read twice), so a budget of
// four visits per written value plus aliasAllowance is never reached without
// aliases that repeat aliases. Until the first alias, fewer values than the
// budget have been visited: it is counted then (most files have none).
func newDecoder(file string, root *yaml.Node, fileBytes int) *decoder {
	return &decoder{file: file, root: root, budget: math.MaxInt,
		maxExpand: max(expandFactor*fileBytes, minExpand)}
}

// textSize is the bytes of text in a tree (each value counts at least one
// byte), not following aliases: an alias inside is counted when followed.
func (d *decoder) textSize(n *yaml.Node) int {
	if s, ok := d.sizes[n]; ok {
		return s
	}
	if d.sizes == nil {
		d.sizes = map[*yaml.Node]int{}
	}
	total := max(1, len(n.Value))
	for _, c := range n.Content {
		total += d.textSize(c)
	}
	d.sizes[n] = total
	return total
}

// countNodes counts the values written in a tree, without following aliases.
func countNodes(n *yaml.Node) int {
	total := 1
	for _, c := range n.Content {
		total += countNodes(c)
	}
	return total
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) schemaf(n *yaml.Node, format string, args ...any) {
	d.add(Finding{Pos: d.pos(n), Severity: Error, Rule: RuleSchema, Message: fmt.Sprintf(format, args...)})
}

// findingsBuffer is how many findings the decoder holds before it drops
// those that can no longer be reported: ten megabytes of empty items would
// otherwise hold millions of findings (gigabytes) to print a thousand.
const findingsBuffer = 4 * MaxFindings

// A syntax finding is never trimmed: it stops the checks after decoding.
func (d *decoder) add(f Finding) {
	d.added++
	if f.Rule == RuleSyntax {
		d.syntax = append(d.syntax, f)
		return
	}
	d.findings = append(d.findings, f)
	if len(d.findings) >= findingsBuffer {
		var dropped int
		d.findings, dropped = trimFindings(d.findings)
		d.omitted += dropped
	}
}

// resolve follows aliases and counts visits, so an alias bomb is refused
// (as a syntax error, which stops further checks) instead of expanded.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		if d.lastAlias == nil {
			d.budget = 4*countNodes(d.root) + aliasAllowance
		}
		d.lastAlias = n
		n = n.Alias
		d.expanded += d.textSize(n)
		if d.expanded > d.maxExpand && !d.bombed {
			d.bombed = true
			d.add(Finding{Pos: d.pos(d.lastAlias), Severity: Error, Rule: RuleSyntax,
				Message: fmt.Sprintf("aliases (*name) repeat more than %d bytes of text in this file (the most is %d times the file's size, at least %d MiB); write the values out instead", d.maxExpand, expandFactor, minExpand>>20)})
		}
	}
	d.nodes++
	if d.nodes > d.budget && !d.bombed {
		d.bombed = true
		at := n
		if d.lastAlias != nil {
			at = d.lastAlias
		}
		d.add(Finding{Pos: d.pos(at), Severity: Error, Rule: RuleSyntax,
			Message: fmt.Sprintf("aliases (*name) or merge keys (<<) that repeat other aliases expand this file to more than %d values; write the values out instead", d.budget)})
	}
	return n
}

var (
	typString = reflect.TypeOf(String{})
	typNumber = reflect.TypeOf(Number{})
	typBool   = reflect.TypeOf(Bool{})
	typRange  = reflect.TypeOf(Range{})
	typItem   = reflect.TypeOf(Item{})
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
		return fmt.Sprintf("the text %q", shown(n.Value))
	}
	return "an unexpected value"
}

// shownRunes is how much of a value a message repeats: enough to find it,
// never a whole pasted document.
const shownRunes = 60

// shown is a value as messages repeat it: cut to shownRunes.
func shown(s string) string { return truncate(s, shownRunes) }

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "..."
}

// decodeValue decodes n into v, where name is the key being decoded (for
// messages). A pointer v is set to slot, when valid (a list's items share
// one allocation), else to a new struct.
func (d *decoder) decodeValue(n *yaml.Node, v reflect.Value, name string, f *fieldMeta, slot reflect.Value) {
	if d.bombed {
		return
	}
	n = d.resolve(n)
	if !d.plainTag(n, name) {
		return
	}
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
	case typItem:
		if n.Kind == yaml.SequenceNode {
			d.schemaf(n, "%s must be a text or {text, items}, found a list; write its sub-items under items:", name)
			return
		}
		if n.Kind == yaml.ScalarNode {
			// The short form: a sub-item without sub-items of its own.
			it := v.Addr().Interface().(*Item)
			it.Meta = Meta{Pos: d.pos(n)}
			d.decodeString(n, &it.Text, name, f)
			return
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			return
		}
		p := slot
		if !p.IsValid() {
			p = reflect.New(v.Type().Elem())
		}
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

// mappingPairs returns the key/value pairs of a mapping, with merge keys
// (<<: *anchor) applied and duplicate keys reported.
func (d *decoder) mappingPairs(n *yaml.Node, name string) [][2]*yaml.Node {
	pairs := make([][2]*yaml.Node, 0, len(n.Content)/2)
	var seen keySet
	var merged [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content) && !d.bombed; i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merged = append(merged, d.mergePairs(v, name)...)
			continue
		}
		if k.Kind == yaml.AliasNode {
			// A key written as *name: findings about it point at the alias,
			// not at the anchor it repeats.
			at := k
			resolved := *d.resolve(k)
			resolved.Line, resolved.Column = at.Line, at.Column
			k = &resolved
		} else {
			k = d.resolve(k)
		}
		if k.Kind != yaml.ScalarNode {
			d.schemaf(k, "keys in %s must be plain names, found %s", name, describe(k))
			continue
		}
		if prev := seen.find(pairs, k.Value); prev != nil {
			d.schemaf(k, "duplicate key %q in %s (first at line %d); remove one", shown(k.Value), name, prev.Line)
			continue
		}
		pairs = append(pairs, [2]*yaml.Node{k, v})
		seen.added(pairs)
	}
	for _, kv := range merged {
		if seen.find(pairs, kv[0].Value) == nil {
			pairs = append(pairs, kv)
			seen.added(pairs)
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
			if d.bombed {
				break
			}
			out = append(out, d.mergePairs(m, name)...)
		}
		return out
	}
	d.schemaf(v, "<< in %s must merge a mapping, found %s", name, describe(v))
	return nil
}

func (d *decoder) decodeList(n *yaml.Node, v reflect.Value, name string, f *fieldMeta) {
	if isNull(n) {
		return
	}
	items := n.Content
	if n.Kind != yaml.SequenceNode {
		if n.Kind != yaml.ScalarNode {
			d.schemaf(n, "%s must be a list, found %s", name, describe(n))
			return
		}
		// Report, then read the value as a list of one, so the rules that
		// follow see what the person meant instead of a missing list.
		d.schemaf(n, "%s must be a list, found %s; write [%s]", name, describe(n), shown(n.Value))
		items = []*yaml.Node{n}
	}
	if len(items) < f.min {
		d.schemaf(n, "%s must list at least %d item(s), found an empty list", name, f.min)
	}
	if len(items) == 0 {
		v.Set(reflect.MakeSlice(v.Type(), 0, 0)) // written, though empty: not nil
		return
	}
	// Items are decoded in place: appending a decoded copy would allocate
	// on every item. The field itself is grown and shortened (reflect's
	// MakeSlice and Slice would each put a slice header on the heap).
	v.SetZero()
	v.Grow(len(items))
	v.SetLen(len(items))
	var block reflect.Value // the structs a list of pointers points to, made at once
	if f.block != nil {
		block = reflect.MakeSlice(f.block, len(items), len(items))
	}
	itemName := f.item // name is the field's key, but for a list in a list
	if name != f.key {
		itemName = name + " item"
	}
	count := 0
	for _, item := range items {
		if isNull(d.resolve(item)) {
			// An empty "- " item is a slip, never meant as content; dropping
			// it keeps every item the rules see whole.
			d.schemaf(item, "%s has an empty item; fill it in or remove the dash", name)
			continue
		}
		var slot reflect.Value
		if block.IsValid() {
			slot = block.Index(count).Addr()
		}
		d.decodeValue(item, v.Index(count), itemName, f, slot)
		if d.bombed {
			v.SetZero()
			return
		}
		if e := v.Index(count); e.Kind() == reflect.Pointer && e.IsNil() {
			continue // refused (a tag that does not fit) and reported: no item
		}
		count++
	}
	v.SetLen(count)
}

// decodeStruct decodes a mapping into a model struct using its tags.
func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, name string) {
	t := v.Type()
	fields := modelFields(t)
	var typos map[string]bool // required keys an unknown key was suggested for (rare: made on first use)
	var wrong map[string]bool // keys whose value was reported as the wrong type (rare: made on first use)
	// The keys are recorded in the struct's own Meta as they are read, so
	// positions are known even when decoding stops early.
	var own Meta
	meta := &own
	if fields.meta >= 0 {
		meta = v.Field(fields.meta).Addr().Interface().(*Meta)
	}
	*meta = Meta{Pos: d.pos(n)}
	if n.Kind != yaml.MappingNode {
		d.schemaf(n, "%s must be a mapping of keys to values, found %s", name, describe(n))
		placeAbsent(v, fields, meta)
		return
	}
	meta.keys = make([]keyAt, 0, len(n.Content)/2)
	for _, kv := range d.mappingPairs(n, name) {
		key := kv[0].Value
		meta.addKey(key, d.pos(kv[0]))
		fi, ok := fields.byKey[key]
		if !ok {
			if n.Style&yaml.FlowStyle != 0 && kv[1].Tag == "!!null" && kv[1].Value == "" {
				// {text: Counts, measures and packages, ...}: the comma ended
				// the text and the rest reads as keys with no value.
				d.schemaf(kv[0], "unknown key %q in %s; inside { } a comma ends a value: put a text that holds a comma in quotes", shown(key), name)
				continue
			}
			suggestion := synonym(key, fields)
			if suggestion == "" {
				suggestion = closest(key, fields.keys, true)
			}
			if suggestion != "" {
				if typos == nil {
					typos = map[string]bool{}
				}
				typos[suggestion] = true
				d.schemaf(kv[0], "unknown key %q in %s; did you mean %q?", shown(key), name, suggestion)
			} else {
				d.schemaf(kv[0], "unknown key %q in %s; %s", shown(key), name, validKeys(fields.keys))
			}
			continue
		}
		before := d.added
		d.decodeValue(kv[1], v.Field(fi), key, &fields.fields[fi], reflect.Value{})
		if d.bombed {
			return
		}
		if d.added > before {
			if wrong == nil {
				wrong = map[string]bool{}
			}
			wrong[key] = true
		}
	}
	for _, key := range fields.required {
		fi := fields.byKey[key]
		if !meta.Has(key) {
			if !typos[key] { // the unknown-key finding already says what to write
				d.schemaf(n, "%s is missing the required key %q", name, key)
			}
		} else if isEmptyField(v.Field(fi)) && !wrong[key] {
			d.add(Finding{Pos: meta.KeyPos(key), Severity: Error, Rule: RuleSchema,
				Message: fmt.Sprintf("%q in %s needs a value", key, name)})
		}
	}
	placeAbsent(v, fields, meta)
}

// placeAbsent gives each text field the mapping leaves out or empty the
// position of its key, or of the mapping when the key is absent (Set stays
// false), so a check that names an item by a missing id still points at
// the item instead of at no position.
func placeAbsent(v reflect.Value, fields *fieldIndex, meta *Meta) {
	for _, i := range fields.texts {
		if s := v.Field(i).Addr().Interface().(*String); !s.Set && s.Pos.IsZero() {
			s.Pos = meta.KeyPos(fields.fields[i].key)
		}
	}
}

func isEmptyField(v reflect.Value) bool {
	// Through pointers: an interface holding a copy of the struct would
	// allocate on every required key.
	switch v.Type() {
	case typString:
		return !v.Addr().Interface().(*String).Set
	case typNumber:
		return !v.Addr().Interface().(*Number).Set
	case typBool:
		return !v.Addr().Interface().(*Bool).Set
	case typRange:
		return !v.Addr().Interface().(*Range).Set
	}
	return v.IsZero()
}
