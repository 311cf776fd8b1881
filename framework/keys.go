package framework

import (
	"reflect"
	"strings"
)

// Key is one key a file of some kind may hold, as the model declares it.
// The format reference (docs/format.md) and the framework skeleton are
// both checked against this list, so neither can miss a key or invent one.
type Key struct {
	Path     string   // dotted from the top of the file, e.g. term.min_hours
	Type     string   // text, date, number, true/false, number or {min, max}, list of text, mapping, list of mappings
	Required bool     // required whenever its parent mapping is present
	Enum     []string // the allowed values (for a list, of each item)
	Doc      string   // the description editors show on hover
}

// Keys returns every key of a file kind ("framework" or "program"), parents
// before their children, in the order the model declares them.
func Keys(kind string) []Key {
	root, ok := map[string]reflect.Type{
		KindFramework: reflect.TypeOf(Framework{}),
		KindProgram:   reflect.TypeOf(Program{}),
	}[kind]
	if !ok {
		return nil
	}
	var keys []Key
	walkKeys(root, "", &keys)
	return keys
}

func walkKeys(t reflect.Type, prefix string, keys *[]Key) {
	fi := modelFields(t)
	for _, name := range fi.keys {
		f := t.Field(fi.byKey[name])
		k := Key{Path: prefix + name, Type: keyType(f), Required: f.Tag.Get("req") == "true", Doc: f.Tag.Get("doc")}
		if enum := f.Tag.Get("enum"); enum != "" {
			k.Enum = strings.Split(enum, "|")
		}
		*keys = append(*keys, k)
		elem := f.Type
		for elem.Kind() == reflect.Pointer || elem.Kind() == reflect.Slice {
			elem = elem.Elem()
		}
		if elem.Kind() == reflect.Struct && fieldCache()[elem] != nil && elem != t { // an item's items are items: listed once
			walkKeys(elem, k.Path+".", keys)
		}
	}
}

// keyType names a key's type in the words of the format reference.
func keyType(f reflect.StructField) string {
	switch t := f.Type; {
	case t == typString && f.Tag.Get("format") == "date":
		return "date"
	case t == typString:
		return "text"
	case t == typNumber:
		return "number"
	case t == typBool:
		return "true/false"
	case t == typRange:
		return "number or {min, max}"
	case t.Kind() == reflect.Pointer:
		return "mapping"
	case t.Kind() == reflect.Slice && t.Elem() == typString:
		return "list of text"
	case t.Kind() == reflect.Slice && t.Elem() == typItem:
		return "list of text or mappings"
	case t.Kind() == reflect.Slice:
		return "list of mappings"
	}
	panic("framework: no key type for model type " + f.Type.String())
}
