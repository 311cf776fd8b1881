package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
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
const schemaDir = "../../docs/schema"

// TestSchemaCommitted fails when docs/schema is stale; go test ./framework/schema
// -update regenerates it.
func TestSchemaCommitted(t *testing.T) {
	for _, kind := range []string{framework.KindFramework, framework.KindProgram} {
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
			t.Fatalf("%v (run go test ./framework/schema -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go test ./framework/schema -update", path)
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
	for _, kind := range []string{framework.KindFramework, framework.KindProgram} {
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
	for _, pattern := range []string{"../../examples/*.yaml", "../catalog/*.yaml", "../testdata/ok/*.yaml", "../testdata/fw/*.yaml", "../testdata/err/*.yaml"} {
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
	schemas := map[string]map[string]any{framework.KindFramework: loadSchema(t, framework.KindFramework), framework.KindProgram: loadSchema(t, framework.KindProgram)}
	checked := 0
	for _, path := range schemaFiles(t) {
		res, err := framework.NewLoader().Validate(path)
		if err != nil {
			t.Fatal(err)
		}
		if res.Kind == "" || slices.ContainsFunc(res.Findings, func(f framework.Finding) bool {
			return f.Severity == framework.Error && (f.Rule == framework.RuleSchema || f.Rule == framework.RuleSyntax) && f.Pos.File == path
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
// enum, missing required keys, malformed dates and emails, empty required lists.
func TestSchemaRejects(t *testing.T) {
	const program, fw = "../../examples/medical-coder-cb.yaml", "../../examples/medical-coder-roi.framework.yaml"
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
		{"malformed email", program, func(d map[string]any) { obj(d, "sponsor", "contact")["email"] = "not-an-email" }},
		{"email with a space", program, func(d map[string]any) { obj(d, "sponsor", "contact")["email"] = "dana at example.org" }},
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
	schema := loadSchema(t, framework.KindFramework)
	l := framework.NewLoader()
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
		if doc["id"] != id || doc["kind"] != framework.KindFramework || doc["onet"] != fw.ONET.Value {
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
	l := framework.NewLoader()
	f, err := l.Load("../../examples/medical-coder-roi.framework.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fw, findings := l.ResolveFramework(f)
	if fw == nil || framework.HasErrors(findings, false) {
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
		if got := string(jsonNumber(framework.Number{Dec: decimal.MustParse(text), Text: text, Set: true})); got != want {
			t.Errorf("jsonNumber(%s) = %s, want %s", text, got, want)
		}
	}
}
