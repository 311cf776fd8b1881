package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/onet"
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
// written, its schema line pointing at the published schema and its onet
// line carrying the occupation title, and it validates where a user saves
// it; JSON is the resolved framework with the file's keys.
func TestFrameworksShow(t *testing.T) {
	l := framework.NewLoader()
	for _, id := range l.CatalogIDs() {
		src, err := framework.CatalogSource(id)
		if err != nil {
			t.Fatal(err)
		}
		fw, err := l.Catalog(id)
		if err != nil {
			t.Fatal(err)
		}
		occ, ok := onet.Lookup(fw.ONET.Value)
		if !ok {
			t.Fatalf("built-in framework %s: %s is not a 2019 O*NET-SOC code", id, fw.ONET.Value)
		}
		// The expected output, built line by line: only the first and the
		// onet line differ from the file.
		lines := strings.Split(string(src), "\n")
		lines[0] = "# yaml-language-server: $schema=" + framework.SchemaURL(framework.KindFramework)
		onetLine := fw.ONET.Pos.Line - 1
		lines[onetLine] += "  # " + occ.Title
		want := strings.Join(lines, "\n")
		for _, args := range [][]string{{"frameworks", "show", id}, {"frameworks", "show", id, "--format", "yaml"}} {
			r := runMain(t, args...)
			if r.code != ExitOK || r.out != want {
				t.Errorf("wpsgen %v: exit %d, output is not the catalog file with the published schema line and the O*NET title:\n%s", args, r.code, r.out)
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
			ONET         string `json:"onet"`
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
		if doc.Kind != "framework" || doc.ID != id || doc.ONET != fw.ONET.Value || len(doc.JobFunctions) == 0 || len(doc.JobFunctions[0].Competencies) == 0 {
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

// TestONETTitleComment: the comment goes on a top-level onet line that has
// none, and nowhere else; every other byte is kept.
func TestONETTitleComment(t *testing.T) {
	const legacy = "  # replaced in the 2019 O*NET-SOC taxonomy by 15-1252.00 Software Developers or 15-1253.00 Software Quality Assurance Analysts and Testers"
	for _, c := range []struct{ in, want string }{
		{"id: x\nonet: \"29-2072.00\"\ntitle: X\n", "id: x\nonet: \"29-2072.00\"  # Medical Records Specialists\ntitle: X\n"},
		{"onet: 47-2152.00", "onet: 47-2152.00  # Plumbers, Pipefitters, and Steamfitters"},
		{"onet: '15-1132.00'\n", "onet: '15-1132.00'" + legacy + "\n"},
		{"onet: \"29-2072.00\"  # mine\n", "onet: \"29-2072.00\"  # mine\n"},               // a comment of the author's stays alone
		{"onet: \"99-9999.99\"\n", "onet: \"99-9999.99\"\n"},                               // unknown: validation says so
		{"occupation:\n  onet: \"29-2072.00\"\n", "occupation:\n  onet: \"29-2072.00\"\n"}, // not the framework's key
		{"description: >-\n  onet: 29-2072.00\n", "description: >-\n  onet: 29-2072.00\n"}, // text, not a key
	} {
		if got := string(onetTitleComment([]byte(c.in))); got != c.want {
			t.Errorf("onetTitleComment(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
