package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
)

// TestFrameworksList checks the catalog listing: one row per framework
// with its codes and counts.
func TestFrameworksList(t *testing.T) {
	r := runMain(t, "frameworks")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.errOut)
	}
	lines := strings.Split(strings.TrimSpace(r.out), "\n")
	l := framework.NewLoader()
	ids := l.CatalogIDs()
	if len(lines) != len(ids)+1 || !strings.HasPrefix(lines[0], "ID ") {
		t.Fatalf("want a header and %d rows:\n%s", len(ids), r.out)
	}
	for i, id := range ids {
		fw, err := l.Catalog(id)
		if err != nil {
			t.Fatal(err)
		}
		c := framework.Count(fw)
		fields := strings.Fields(lines[i+1])
		tail := strings.Join(fields[len(fields)-4:], " ")
		if fields[0] != id || !strings.Contains(lines[i+1], fw.ONET.Value) ||
			tail != fmt.Sprintf("%d %d %d %d", c.JobFunctions, c.Core, c.Optional, c.Specializations) {
			t.Errorf("row %q, want %s with counts %+v", lines[i+1], id, c)
		}
	}
}

// TestFrameworksShow checks both formats: YAML is the catalog file as
// written, its schema line pointing at the published schema, and it
// validates where a user saves it; JSON is the resolved framework with the
// file's keys.
func TestFrameworksShow(t *testing.T) {
	for _, id := range framework.NewLoader().CatalogIDs() {
		src, err := framework.CatalogSource(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"frameworks", "show", id}, {"frameworks", "show", id, "--format", "yaml"}} {
			r := runMain(t, args...)
			_, body, _ := strings.Cut(string(src), "\n")
			if r.code != ExitOK || r.out != "# yaml-language-server: $schema="+framework.SchemaURL(framework.KindFramework)+"\n"+body {
				t.Errorf("wpsgen %v: exit %d, output is not the catalog file with the published schema line", args, r.code)
			}
			saved := filepath.Join(t.TempDir(), id+".yaml")
			if err := os.WriteFile(saved, []byte(r.out), 0o644); err != nil {
				t.Fatal(err)
			}
			if res, err := framework.NewLoader().Validate(saved); err != nil || !res.OK(false) {
				t.Errorf("saved output of wpsgen %v does not validate: %v %v", args, err, res.Findings)
			}
		}
		r := runMain(t, "frameworks", "show", id, "--format", "json")
		var doc struct {
			Kind         string `json:"kind"`
			ID           string `json:"id"`
			JobFunctions []struct {
				ID           string           `json:"id"`
				Competencies []map[string]any `json:"competencies"`
			} `json:"job_functions"`
		}
		if r.code != ExitOK {
			t.Fatalf("show %s --format json: exit %d: %s", id, r.code, r.errOut)
		}
		if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
			t.Fatalf("show %s --format json: %v", id, err)
		}
		if doc.Kind != "framework" || doc.ID != id || len(doc.JobFunctions) == 0 || len(doc.JobFunctions[0].Competencies) == 0 {
			t.Errorf("show %s --format json: %+v", id, doc)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"frameworks", "show", "medical-codr"}, `no built-in framework "medical-codr"`},
		{[]string{"frameworks", "show", "medical-coder", "--format", "xml"}, `unknown --format "xml"`},
		{[]string{"frameworks", "show"}, "accepts 1 arg(s)"},
	} {
		if r := runMain(t, c.args...); r.code != ExitUsage || !strings.Contains(r.errOut, c.want) {
			t.Errorf("wpsgen %v: exit %d, stderr %q; want %d and %q", c.args, r.code, r.errOut, ExitUsage, c.want)
		}
	}
}
