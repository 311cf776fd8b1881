package schema

import (
	"encoding/json"
	"reflect"
	"strconv"

	"github.com/wpsgen/wpsgen/framework"
)

// FrameworkJSON returns a resolved framework as indented JSON with the keys
// of a framework file: the extends chain applied, so the result
// stands on its own and validates against the framework schema.
func FrameworkJSON(r *framework.Resolved) ([]byte, error) {
	v, _ := jsonValue(reflect.ValueOf(flatten(r)))
	return marshalIndent(v)
}

// flatten turns a resolved framework back into one framework file.
func flatten(r *framework.Resolved) *framework.Framework {
	fw := *r.Top
	fw.Kind = framework.String{Value: framework.KindFramework, Set: true}
	fw.Extends = framework.String{}
	fw.ID, fw.Title, fw.Version, fw.ONET, fw.RAPIDS = r.ID, r.Title, r.Version, r.ONET, r.RAPIDS
	fw.Approaches, fw.BenchmarkHours = r.Approaches, r.BenchmarkHours
	fw.JobFunctions, fw.Specializations, fw.Courses = r.JobFunctions, r.Specializations, r.Courses
	return &fw
}

// jsonValue converts a model value to its JSON form; ok is false for a
// value that is absent (unset, nil or empty) and is left out.
func jsonValue(v reflect.Value) (any, bool) {
	switch v.Type() {
	case typString:
		s := v.Interface().(framework.String)
		return s.Value, s.Set
	case typNumber:
		n := v.Interface().(framework.Number)
		return jsonNumber(n), n.Set
	case typBool:
		b := v.Interface().(framework.Bool)
		return b.Value, b.Set
	case typRange:
		r := v.Interface().(framework.Range)
		if r.Value.Set {
			return jsonNumber(r.Value), true
		}
		return object{{"min", jsonNumber(r.Min)}, {"max", jsonNumber(r.Max)}}, r.Set
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil, false
		}
		return jsonValue(v.Elem())
	case reflect.Slice:
		items := make([]any, 0, v.Len())
		for i := 0; i < v.Len(); i++ {
			if item, ok := jsonValue(v.Index(i)); ok {
				items = append(items, item)
			}
		}
		return items, len(items) > 0
	case reflect.Struct:
		fi := modelFields(v.Type())
		out := object{}
		for _, key := range fi.keys {
			if val, ok := jsonValue(v.Field(fi.byKey[key])); ok {
				out = append(out, member{key, val})
			}
		}
		return out, len(out) > 0
	}
	panic("schema: no JSON form for model type " + v.Type().String())
}

// jsonNumber returns a number exactly as written when that is valid JSON
// (12.5 stays 12.5), and its exact value otherwise (.5 becomes 0.5; -0 is 0).
func jsonNumber(n framework.Number) json.Number {
	if n.Dec.IsZero() {
		return "0"
	}
	if json.Valid([]byte(n.Text)) {
		if _, err := strconv.ParseFloat(n.Text, 64); err == nil {
			return json.Number(n.Text)
		}
	}
	return json.Number(n.Dec.String())
}
