package schema

// The YAML-to-JSON reading and the small JSON Schema validator the schema
// tests check files with.

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// yamlFileJSON reads a YAML file as the YAML language server does (YAML 1.2
// core schema: merge keys applied, timestamps as text) and returns its JSON
// value.
func yamlFileJSON(t *testing.T, path string) any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return nodeJSON(t, doc.Content[0])
}

func nodeJSON(t *testing.T, n *yaml.Node) any {
	t.Helper()
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		out := map[string]any{}
		var merged []map[string]any
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Tag == "!!merge" {
				merged = append(merged, mergeSources(t, v)...)
				continue
			}
			out[k.Value] = nodeJSON(t, v)
		}
		for _, m := range merged {
			for k, v := range m {
				if _, ok := out[k]; !ok {
					out[k] = v
				}
			}
		}
		return out
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			out = append(out, nodeJSON(t, c))
		}
		return out
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true"
	case "!!int", "!!float":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return float64(i)
		}
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil {
			t.Fatalf("number %q: %v", n.Value, err)
		}
		return f
	}
	return n.Value
}

func mergeSources(t *testing.T, v *yaml.Node) []map[string]any {
	for v.Kind == yaml.AliasNode {
		v = v.Alias
	}
	if v.Kind == yaml.SequenceNode {
		var out []map[string]any
		for _, c := range v.Content {
			out = append(out, mergeSources(t, c)...)
		}
		return out
	}
	return []map[string]any{nodeJSON(t, v).(map[string]any)}
}

// schemaErrors validates a JSON value against a schema, for the keywords
// JSONSchema writes. The generated schema is also checked with a standard
// validator (ajv); this one keeps the check in go test.
func schemaErrors(root map[string]any, doc any) []string { return subschemaErrors(root, root, doc) }

// subschemaErrors validates doc against s, a part of root.
func subschemaErrors(root, s map[string]any, doc any) []string {
	v := &miniValidator{root: root}
	v.check(s, doc, "")
	return v.errs
}

type miniValidator struct {
	root map[string]any
	errs []string
}

func (v *miniValidator) fail(at, format string, args ...any) {
	v.errs = append(v.errs, "#"+at+": "+fmt.Sprintf(format, args...))
}

func (v *miniValidator) check(s map[string]any, doc any, at string) {
	for key := range s {
		switch key {
		case "$schema", "$id", "$defs", "title", "description", "type", "enum", "properties", "required",
			"additionalProperties", "items", "minItems", "pattern", "anyOf", "$ref",
			"format": // an annotation for editors (JSON Schema asserts none by default): the pattern checks
		default:
			v.fail(at, "the schema uses %q, which this test validator does not know", key)
		}
	}
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		v.check(v.root["$defs"].(map[string]any)[name].(map[string]any), doc, at)
	}
	if types, ok := s["type"]; ok && !typeMatches(types, doc) {
		v.fail(at, "%v is not of type %v", doc, types)
		return
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, doc) {
		v.fail(at, "%v is not one of %v", doc, enum)
	}
	if p, ok := s["pattern"].(string); ok {
		if str, isStr := doc.(string); isStr && !regexp.MustCompile(p).MatchString(str) {
			v.fail(at, "%q does not match %s", str, p)
		}
	}
	if anyOf, ok := s["anyOf"].([]any); ok {
		if !slices.ContainsFunc(anyOf, func(alt any) bool {
			return len(subschemaErrors(v.root, alt.(map[string]any), doc)) == 0
		}) {
			v.fail(at, "%v matches none of the alternatives", doc)
		}
	}
	switch d := doc.(type) {
	case map[string]any:
		v.checkObject(s, d, at)
	case []any:
		if n, ok := s["minItems"].(float64); ok && float64(len(d)) < n {
			v.fail(at, "%d items, at least %v needed", len(d), n)
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, x := range d {
				v.check(items, x, fmt.Sprintf("%s/%d", at, i))
			}
		}
	}
}

func (v *miniValidator) checkObject(s map[string]any, d map[string]any, at string) {
	props, _ := s["properties"].(map[string]any)
	if req, ok := s["required"].([]any); ok {
		for _, k := range req {
			if _, has := d[k.(string)]; !has {
				v.fail(at, "missing required %q", k)
			}
		}
	}
	for k, x := range d {
		p, known := props[k]
		if !known {
			if s["additionalProperties"] == false {
				v.fail(at, "unknown key %q", k)
			}
			continue
		}
		v.check(p.(map[string]any), x, at+"/"+k)
	}
}

func typeMatches(types any, doc any) bool {
	list, ok := types.([]any)
	if !ok {
		list = []any{types}
	}
	for _, ty := range list {
		switch ty {
		case "object":
			if _, ok := doc.(map[string]any); ok {
				return true
			}
		case "array":
			if _, ok := doc.([]any); ok {
				return true
			}
		case "string":
			if _, ok := doc.(string); ok {
				return true
			}
		case "number":
			if f, ok := doc.(float64); ok && !math.IsInf(f, 0) {
				return true
			}
		case "boolean":
			if _, ok := doc.(bool); ok {
				return true
			}
		case "null":
			if doc == nil {
				return true
			}
		}
	}
	return false
}
