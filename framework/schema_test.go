package framework

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/wpsgen/wpsgen/framework/decimal"
)

func init() {
	// -update rewrites generated files. Another test file of the package may
	// define the flag already (package variables initialize before init).
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite generated files")
	}
}

// updating reports whether the tests run with -update.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// schemaDir holds the committed copies of the schemas.
const schemaDir = "../docs/schema"

// TestSchemaCommitted fails when docs/schema is stale; go test ./framework
// -update regenerates it.
func TestSchemaCommitted(t *testing.T) {
	for _, kind := range []string{KindFramework, KindProgram} {
		got, err := JSONSchema(kind)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := JSONSchema(kind)
		if !bytes.Equal(got, again) {
			t.Fatalf("JSONSchema(%s) differs from one call to the next", kind)
		}
		path := filepath.Join(schemaDir, kind+".schema.json")
		if updating() {
			if err := os.MkdirAll(schemaDir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./framework -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go test ./framework -update", path)
		}
	}
}

func TestJSONSchemaUnknownKind(t *testing.T) {
	if _, err := JSONSchema("programme"); err == nil {
		t.Error("JSONSchema(programme) should fail")
	}
}

// loadSchema returns the generated schema of kind as decoded JSON.
func loadSchema(t *testing.T, kind string) map[string]any {
	t.Helper()
	data, err := JSONSchema(kind)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("schema of %s is not JSON: %v", kind, err)
	}
	return s
}

// TestSchemaDescribesEveryField checks that every property has hover help
// and that every object is closed to unknown keys.
func TestSchemaDescribesEveryField(t *testing.T) {
	for _, kind := range []string{KindFramework, KindProgram} {
		s := loadSchema(t, kind)
		objects := 0
		var walk func(v any, at string)
		walk = func(v any, at string) {
			switch v := v.(type) {
			case map[string]any:
				if props, ok := v["properties"].(map[string]any); ok {
					objects++
					if v["additionalProperties"] != false {
						t.Errorf("%s: %s allows unknown keys", kind, at)
					}
					for key, p := range props {
						desc, _ := p.(map[string]any)["description"].(string)
						if desc == "" && key != "min" && key != "max" { // range bounds are described by the range
							t.Errorf("%s: %s/%s has no description", kind, at, key)
						}
					}
				}
				for k, x := range v {
					walk(x, at+"/"+k)
				}
			case []any:
				for i, x := range v {
					walk(x, fmt.Sprintf("%s/%d", at, i))
				}
			}
		}
		walk(s, "#")
		if objects < 5 {
			t.Errorf("%s: only %d objects in the schema", kind, objects)
		}
	}
}

// schemaFiles lists the committed files that should follow the schemas:
// examples, the catalog, and the valid test cases.
func schemaFiles(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, pattern := range []string{"../examples/*.yaml", "catalog/*.yaml", "testdata/ok/*.yaml", "testdata/fw/*.yaml", "testdata/err/*.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	return paths
}

// TestSchemaAcceptsValidFiles proves the schema is never stricter than the
// validator: every file that validates without errors passes the schema.
// Files with errors outside the schema rule pass too; files whose only
// errors are schema or syntax findings are not required to.
func TestSchemaAcceptsValidFiles(t *testing.T) {
	schemas := map[string]map[string]any{KindFramework: loadSchema(t, KindFramework), KindProgram: loadSchema(t, KindProgram)}
	checked := 0
	for _, path := range schemaFiles(t) {
		res, err := NewLoader().Validate(path)
		if err != nil {
			t.Fatal(err)
		}
		if res.Kind == "" || slices.ContainsFunc(res.Findings, func(f Finding) bool {
			return f.Severity == Error && (f.Rule == RuleSchema || f.Rule == RuleSyntax) && f.Pos.File == path
		}) {
			continue
		}
		doc := yamlFileJSON(t, path)
		if errs := schemaErrors(schemas[res.Kind], doc); len(errs) > 0 {
			t.Errorf("%s is accepted by the validator but not by the %s schema:\n  %s", path, res.Kind, strings.Join(errs, "\n  "))
		}
		checked++
	}
	if checked < 15 {
		t.Errorf("only %d files checked against the schema", checked)
	}
}

// TestSchemaRejects checks that the schema refuses what the validator
// refuses as a schema error: unknown keys, wrong types, values outside an
// enum, missing required keys, malformed dates, empty required lists.
func TestSchemaRejects(t *testing.T) {
	const program, fw = "../examples/medical-coder-cb.yaml", "../examples/medical-coder-roi.framework.yaml"
	cases := []struct {
		name, file string
		edit       func(doc map[string]any)
	}{
		{"unknown top-level key", program, func(d map[string]any) { d["sponser"] = "x" }},
		{"unknown nested key", program, func(d map[string]any) { obj(d, "sponsor", "contact")["fax"] = "x" }},
		{"unknown key in a list item", program, func(d map[string]any) { item(d, "job_functions", 0)["houres"] = 10.0 }},
		{"approach outside the enum", program, func(d map[string]any) { d["approach"] = "time based" }},
		{"kind of the other file", program, func(d map[string]any) { d["kind"] = "framework" }},
		{"months written as text", program, func(d map[string]any) { obj(d, "term")["months"] = "12" }},
		{"missing required key", program, func(d map[string]any) { delete(obj(d, "sponsor"), "name") }},
		{"required key without a value", program, func(d map[string]any) { obj(d, "sponsor")["name"] = nil }},
		{"malformed date", program, func(d map[string]any) { obj(d, "revision")["date"] = "11/01/2026" }},
		{"empty required list", program, func(d map[string]any) { d["job_functions"] = []any{} }},
		{"delivery outside the enum", program, func(d map[string]any) {
			item(item(d, "job_functions", 0), "competencies", 0)["delivery"] = []any{"classroom"}
		}},
		{"a mapping where text belongs", program, func(d map[string]any) { obj(d, "occupation")["job_title"] = map[string]any{"a": "b"} }},
		{"stackable as text", program, func(d map[string]any) { obj(d, "occupation")["stackable"] = "no" }},
		{"unknown key in a range", fw, func(d map[string]any) { item(d, "courses", 0)["hours"] = map[string]any{"min": 24.0, "maximum": 30.0} }},
		{"range without max", fw, func(d map[string]any) { item(d, "courses", 0)["hours"] = map[string]any{"min": 24.0} }},
		{"competency type outside the enum", fw, func(d map[string]any) {
			item(item(item(d, "specializations", 0), "job_functions", 0), "competencies", 0)["type"] = "required"
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := yamlFileJSON(t, c.file).(map[string]any)
			schema := loadSchema(t, doc["kind"].(string))
			if errs := schemaErrors(schema, doc); len(errs) > 0 {
				t.Fatalf("the unedited %s fails the schema: %v", c.file, errs)
			}
			c.edit(doc)
			if errs := schemaErrors(schema, doc); len(errs) == 0 {
				t.Error("the schema accepts the edited file")
			}
		})
	}
}

func obj(d map[string]any, keys ...string) map[string]any {
	for _, k := range keys {
		d = d[k].(map[string]any)
	}
	return d
}

func item(d map[string]any, key string, i int) map[string]any {
	return d[key].([]any)[i].(map[string]any)
}

// TestFrameworkJSON checks the JSON form of every catalog framework: it
// passes the framework schema, keeps ids as text and numbers exact, and
// lists every job function and competency.
func TestFrameworkJSON(t *testing.T) {
	schema := loadSchema(t, KindFramework)
	l := NewLoader()
	for _, id := range l.CatalogIDs() {
		fw, err := l.Catalog(id)
		if err != nil {
			t.Fatal(err)
		}
		data, err := FrameworkJSON(fw)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if errs := schemaErrors(schema, doc); len(errs) > 0 {
			t.Errorf("%s: the JSON form fails the framework schema: %v", id, errs)
		}
		if doc["id"] != id || doc["kind"] != KindFramework || doc["onet"] != fw.ONET.Value {
			t.Errorf("%s: id, kind or onet wrong: %v %v %v", id, doc["id"], doc["kind"], doc["onet"])
		}
		jfs := doc["job_functions"].([]any)
		if len(jfs) != len(fw.JobFunctions) {
			t.Fatalf("%s: %d job functions in JSON, %d in the framework", id, len(jfs), len(fw.JobFunctions))
		}
		for i, jf := range fw.JobFunctions {
			got := jfs[i].(map[string]any)
			if got["id"] != jf.ID.Value || got["title"] != jf.Title.Value || len(got["competencies"].([]any)) != len(jf.Competencies) {
				t.Errorf("%s: job function %s differs in JSON: %v", id, jf.ID.Value, got)
			}
		}
	}
}

// TestFrameworkJSONResolvesExtends checks that an extending framework comes
// out whole: the base's job functions, the extension's specializations, no
// extends key, and decimals exactly as written.
func TestFrameworkJSONResolvesExtends(t *testing.T) {
	l := NewLoader()
	f, err := l.Load("../examples/medical-coder-roi.framework.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fw, findings := l.ResolveFramework(f)
	if fw == nil || HasErrors(findings, false) {
		t.Fatalf("example does not resolve: %v", findings)
	}
	data, err := FrameworkJSON(fw)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if _, ok := doc["extends"]; ok {
		t.Error("the resolved framework still has extends")
	}
	if n := len(doc["job_functions"].([]any)); n != len(fw.JobFunctions) || n == 0 {
		t.Errorf("%d job functions, want the base's %d", n, len(fw.JobFunctions))
	}
	if len(doc["specializations"].([]any)) != 1 {
		t.Errorf("specializations: %v", doc["specializations"])
	}
	if !bytes.Contains(data, []byte(`"hours": 12.5`)) || !bytes.Contains(data, []byte(`"min": 24`)) {
		t.Errorf("course hours not kept as written:\n%s", data)
	}
}

func TestJSONNumber(t *testing.T) {
	for text, want := range map[string]string{"12.5": "12.5", "2000": "2000", ".5": "0.5", "+3": "3", "1e3": "1e3", "-0": "0", "0.0": "0", "1000.123456789123456789": "1000.123456789123456789"} {
		if got := string(jsonNumber(Number{Dec: decimal.MustParse(text), Text: text, Set: true})); got != want {
			t.Errorf("jsonNumber(%s) = %s, want %s", text, got, want)
		}
	}
}

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
			"additionalProperties", "items", "minItems", "pattern", "anyOf", "$ref":
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
