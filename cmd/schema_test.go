package cmd

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/schema"
)

// TestSchemaCommand checks that wpsgen schema prints the generated schema
// of each kind, and refuses anything else.
func TestSchemaCommand(t *testing.T) {
	for _, kind := range []string{"framework", "program"} {
		r := runMain(t, "schema", kind)
		want, err := schema.JSONSchema(kind)
		if err != nil {
			t.Fatal(err)
		}
		if r.code != ExitOK || r.out != string(want) {
			t.Errorf("schema %s: exit %d, output differs from schema.JSONSchema", kind, r.code)
		}
		var s struct {
			ID     string `json:"$id"`
			Schema string `json:"$schema"`
		}
		if err := json.Unmarshal([]byte(r.out), &s); err != nil || s.ID != framework.SchemaURL(kind) || !strings.Contains(s.Schema, "2020-12") {
			t.Errorf("schema %s: $id %q, $schema %q, %v", kind, s.ID, s.Schema, err)
		}
	}
	for _, args := range [][]string{{"schema"}, {"schema", "programs"}, {"schema", "program", "framework"}} {
		if r := runMain(t, args...); r.code != ExitUsage || r.out != "" {
			t.Errorf("wpsgen %v: exit %d, stdout %q; want %d and nothing", args, r.code, r.out, ExitUsage)
		}
	}
}
