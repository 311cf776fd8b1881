package framework

import (
	"reflect"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// keySet finds a key among a mapping's pairs read so far: by scanning them
// while they are few (most mappings have a handful of keys, and a map for
// each would be most of the decoder's allocations), by a map once there
// are more than smallMapping, so a mapping of many keys stays linear.
type keySet struct{ m map[string]*yaml.Node }

const smallMapping = 8

func (s *keySet) find(pairs [][2]*yaml.Node, key string) *yaml.Node {
	if s.m != nil {
		return s.m[key]
	}
	for _, p := range pairs {
		if p[0].Value == key {
			return p[0]
		}
	}
	return nil
}

// added records the last of pairs, which was just appended.
func (s *keySet) added(pairs [][2]*yaml.Node) {
	switch {
	case s.m != nil:
		k := pairs[len(pairs)-1][0]
		s.m[k.Value] = k
	case len(pairs) > smallMapping:
		s.m = make(map[string]*yaml.Node, 2*len(pairs))
		for _, p := range pairs {
			s.m[p[0].Value] = p[0]
		}
	}
}

// fieldIndex describes a model struct: key -> field index, in declaration order.
// It is built once per type at init, so decoding reads struct tags never.
type fieldIndex struct {
	byKey    map[string]int
	keys     []string
	required []string
	meta     int
	fields   []fieldMeta // by field index
	texts    []int       // the fields of type String, with a key
}

// fieldMeta is what decoding needs of one field's tags.
type fieldMeta struct {
	key   string       // yaml: the key; "" for a field that is not one
	item  string       // how messages name an item of a list: "KEY item"
	block reflect.Type // for a list of pointers, a slice of what they point to
	min   int          // min: the fewest items a list may have
	enum  []string     // enum: the values a text may have, if limited
	date  bool         // format:"date"
	email bool         // format:"email"
}

// fieldCache indexes every model struct once, on first use (commands that
// read no file never pay for it), so decoding is read-only and safe to run
// from many goroutines.
var fieldCache = sync.OnceValue(func() map[reflect.Type]*fieldIndex {
	cache := map[reflect.Type]*fieldIndex{}
	for _, v := range []any{Framework{}, Program{}} {
		indexType(cache, reflect.TypeOf(v))
	}
	return cache
})

func indexType(cache map[reflect.Type]*fieldIndex, t reflect.Type) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || cache[t] != nil || t == typString || t == typNumber || t == typBool || t == typRange || t == typMeta {
		return
	}
	fi := &fieldIndex{byKey: map[string]int{}, meta: -1, fields: make([]fieldMeta, t.NumField())}
	cache[t] = fi
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
		fm := &fi.fields[i]
		fm.key, fm.date, fm.email = key, f.Tag.Get("format") == "date", f.Tag.Get("format") == "email"
		fm.item = key + " item"
		if f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Pointer {
			fm.block = reflect.SliceOf(f.Type.Elem().Elem())
		}
		if m := f.Tag.Get("min"); m != "" {
			n, err := strconv.Atoi(m)
			if err != nil {
				panic("framework: bad min tag on " + t.String() + "." + f.Name)
			}
			fm.min = n
		}
		if enum := f.Tag.Get("enum"); enum != "" {
			fm.enum = strings.Split(enum, "|")
		}
		if f.Type == typString {
			fi.texts = append(fi.texts, i)
		}
		fi.byKey[key] = i
		fi.keys = append(fi.keys, key)
		if f.Tag.Get("req") == "true" {
			fi.required = append(fi.required, key)
		}
		indexType(cache, f.Type)
	}
}

func modelFields(t reflect.Type) *fieldIndex {
	fi := fieldCache()[t]
	if fi == nil {
		panic("framework: model type not indexed: " + t.String())
	}
	return fi
}
