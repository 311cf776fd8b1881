// Package schema derives the JSON Schema of each file kind, and the JSON
// form of a resolved framework, from the model's struct tags (the tags the
// loader decodes with), so editors, the validator and JSON consumers read
// one definition.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/wpsgen/wpsgen/framework"
)

// formatDoc is the format reference users read; descriptions point at its sections.
const formatDoc = "https://github.com/wpsgen/wpsgen/blob/main/docs/format.md"

// schemaRoots are the kinds a schema can be generated for, with the model
// type and a description of the file.
var schemaRoots = map[string]struct {
	typ  reflect.Type
	desc string
}{
	framework.KindFramework: {reflect.TypeOf(framework.Framework{}), "A published occupational framework: the job functions and competencies an occupation's apprentices learn. See " + formatDoc + "#framework-files"},
	framework.KindProgram:   {reflect.TypeOf(framework.Program{}), "One sponsor's Work Process Schedule and Related Technical Instruction plan for one occupation. See " + formatDoc + "#program-files"},
}

// JSONSchema returns the JSON Schema (draft 2020-12) of a file kind,
// "framework" or "program". The output is deterministic: properties in
// model order, definitions sorted by name.
func JSONSchema(kind string) ([]byte, error) {
	root, ok := schemaRoots[kind]
	if !ok {
		return nil, fmt.Errorf("no schema for %q; use %s or %s", kind, framework.KindFramework, framework.KindProgram)
	}
	b := &schemaBuilder{defs: map[string]object{}}
	s := object{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", framework.SchemaURL(kind)},
		{"title", "wpsgen " + kind},
		{"description", root.desc},
	}
	s = append(s, b.structSchema(root.typ)...)
	s = append(s, member{"$defs", b.sortedDefs()})
	return marshalIndent(s)
}

// member is one key of an ordered JSON object.
type member struct {
	Key   string
	Value any
}

// object is a JSON object that keeps its keys in order.
type object []member

// MarshalJSON writes the members in order.
func (o object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, err := json.Marshal(m.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.Value)
		if err != nil {
			return nil, err
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// marshalIndent encodes v as indented JSON with a final newline, without
// escaping <, > and & (descriptions read better unescaped).
func marshalIndent(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// schemaBuilder collects the definitions ($defs) of the model structs a
// schema refers to.
type schemaBuilder struct {
	defs map[string]object
}

func (b *schemaBuilder) sortedDefs() object {
	names := make([]string, 0, len(b.defs))
	for name := range b.defs {
		names = append(names, name)
	}
	sort.Strings(names)
	out := make(object, 0, len(names))
	for _, name := range names {
		out = append(out, member{name, b.defs[name]})
	}
	return out
}

// structSchema describes a model struct: its keys in declaration order,
// the required ones, and no others.
func (b *schemaBuilder) structSchema(t reflect.Type) object {
	fi := modelFields(t)
	props := make(object, 0, len(fi.keys))
	for _, key := range fi.keys {
		f := t.Field(fi.byKey[key])
		s := b.valueSchema(f.Type, f)
		if f.Tag.Get("req") != "true" && f.Type != typBool {
			s = nullable(s) // the loader reads an empty optional value as absent; true/false must be written
		}
		props = append(props, member{key, append(object{{"description", f.Tag.Get("doc")}}, s...)})
	}
	s := object{{"type", "object"}, {"properties", props}}
	if len(fi.required) > 0 {
		s = append(s, member{"required", fi.required})
	}
	return append(s, member{"additionalProperties", false})
}

// valueSchema describes a field's value (or, for lists, each item's).
func (b *schemaBuilder) valueSchema(t reflect.Type, f reflect.StructField) object {
	switch t {
	case typString:
		return stringSchema(f)
	case typNumber:
		return object{{"type", "number"}}
	case typBool:
		return object{{"type", "boolean"}}
	case typRange:
		return b.ref("range", rangeSchema)
	case typItem:
		return b.ref("item", func() object {
			return object{
				{"description", "A sub-item: a text, or {text, items} with sub-items of its own."},
				{"anyOf", []object{{{"type", []string{"string", "number"}}}, b.structSchema(t)}},
			}
		})
	}
	switch t.Kind() {
	case reflect.Pointer:
		elem := t.Elem()
		return b.ref(defName(elem), func() object { return b.structSchema(elem) })
	case reflect.Slice:
		s := object{{"type", "array"}, {"items", b.valueSchema(t.Elem(), f)}}
		if n, err := strconv.Atoi(f.Tag.Get("min")); err == nil && n > 0 {
			s = append(s, member{"minItems", n})
		}
		return s
	}
	panic("schema: no schema for model type " + t.String())
}

// stringSchema describes a String: one of an enum, a date, an email, or text. Text
// may be written as a number (ids such as 1, codes such as 0414), which
// the loader keeps as written and editors see as a number.
func stringSchema(f reflect.StructField) object {
	if enum := f.Tag.Get("enum"); enum != "" {
		return object{{"enum", strings.Split(enum, "|")}}
	}
	if f.Tag.Get("format") == "date" {
		return object{{"type", "string"}, {"pattern", framework.DatePattern}}
	}
	if f.Tag.Get("format") == "email" {
		return object{{"type", "string"}, {"format", "email"}, {"pattern", framework.EmailPattern}}
	}
	return object{{"type", []string{"string", "number"}}}
}

// rangeSchema is a number or a {min, max} mapping.
func rangeSchema() object {
	num := object{{"type", "number"}}
	return object{
		{"description", "A number, or a range written {min: N, max: N}."},
		{"anyOf", []object{
			num,
			{
				{"type", "object"},
				{"properties", object{{"min", num}, {"max", num}}},
				{"required", []string{"min", "max"}},
				{"additionalProperties", false},
			},
		}},
	}
}

// ref returns a reference to the definition name, building it the first
// time it is needed.
func (b *schemaBuilder) ref(name string, build func() object) object {
	if _, ok := b.defs[name]; !ok {
		b.defs[name] = nil // reserve the name: a type may refer to itself
		b.defs[name] = build()
	}
	return object{{"$ref", "#/$defs/" + name}}
}

// nullable lets a schema also accept null (an empty value in YAML).
func nullable(s object) object {
	for i, m := range s {
		switch m.Key {
		case "type":
			switch t := m.Value.(type) {
			case string:
				s[i].Value = []string{t, "null"}
			case []string:
				s[i].Value = append(append([]string(nil), t...), "null")
			}
			return s
		case "enum":
			values := []any{}
			for _, v := range m.Value.([]string) {
				values = append(values, v)
			}
			s[i].Value = append(values, nil)
			return s
		}
	}
	return object{{"anyOf", []object{s, {{"type", "null"}}}}}
}

// defName turns a Go type name into a snake_case definition name
// (ProgramJobFunction -> program_job_function, RTIPlan -> rti_plan).
func defName(t reflect.Type) string {
	name := []rune(t.Name())
	var out []rune
	for i, r := range name {
		if unicode.IsUpper(r) && i > 0 {
			prevLower := unicode.IsLower(name[i-1])
			nextLower := i+1 < len(name) && unicode.IsLower(name[i+1])
			if prevLower || (unicode.IsUpper(name[i-1]) && nextLower) {
				out = append(out, '_')
			}
		}
		out = append(out, unicode.ToLower(r))
	}
	return string(out)
}

// Model types with a schema of their own; every other struct is described
// key by key.
var (
	typString = reflect.TypeOf(framework.String{})
	typNumber = reflect.TypeOf(framework.Number{})
	typBool   = reflect.TypeOf(framework.Bool{})
	typRange  = reflect.TypeOf(framework.Range{})
	typItem   = reflect.TypeOf(framework.Item{})
	typMeta   = reflect.TypeOf(framework.Meta{})
)

// fieldIndex lists a model struct's keys (its yaml tags) in declaration
// order, where each is, and which are required (req:"true").
type fieldIndex struct {
	byKey    map[string]int
	keys     []string
	required []string
}

func modelFields(t reflect.Type) *fieldIndex {
	fi := &fieldIndex{byKey: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key := f.Tag.Get("yaml")
		if f.Type == typMeta || key == "" {
			continue
		}
		fi.byKey[key] = i
		fi.keys = append(fi.keys, key)
		if f.Tag.Get("req") == "true" {
			fi.required = append(fi.required, key)
		}
	}
	return fi
}
