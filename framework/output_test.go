package framework

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// awkward findings: the characters each output format must escape.
var awkward = []Finding{
	{Pos: Pos{File: "dir:x,y.yaml", Line: 3, Col: 4}, Severity: Error, Rule: RuleSchema, Message: "50% done\nnext: line, here\r"},
	{Pos: Pos{File: `sub/"q" 50%.yaml`, Line: 12, Col: 1}, Severity: Warning, Rule: RuleRTIHours, Message: `say "hi" \ Łódź <tag> & more`},
}

func writeFormat(t *testing.T, format string, fs []Finding) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteFindings(&b, format, fs, "1.2.3"); err != nil {
		t.Fatalf("WriteFindings(%s): %v", format, err)
	}
	return b.String()
}

func TestWriteText(t *testing.T) {
	fs := []Finding{{Pos: Pos{File: "examples/bad/program.yaml", Line: 14, Col: 9}, Severity: Error, Rule: RuleCoreMissing, Message: `core competency 2.C is missing`}}
	want := "examples/bad/program.yaml:14:9: error: core competency 2.C is missing [core-missing]\n"
	if got := writeFormat(t, "text", fs); got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	if got := writeFormat(t, "", fs); got != want {
		t.Errorf("default format = %q, want text %q", got, want)
	}
	if got := writeFormat(t, "text", nil); got != "" {
		t.Errorf("no findings printed %q", got)
	}
}

func TestWriteGitHub(t *testing.T) {
	want := "::error file=dir%3Ax%2Cy.yaml,line=3,col=4,title=schema::50%25 done%0Anext: line, here%0D\n" +
		"::warning file=sub/\"q\" 50%25.yaml,line=12,col=1,title=rti-hours::say \"hi\" \\ Łódź <tag> & more\n"
	if got := writeFormat(t, "github", awkward); got != want {
		t.Errorf("github =\n%s\nwant\n%s", got, want)
	}
}

func TestWriteJSON(t *testing.T) {
	var got []map[string]any
	if err := json.Unmarshal([]byte(writeFormat(t, "json", awkward)), &got); err != nil {
		t.Fatalf("json output is not JSON: %v", err)
	}
	if len(got) != len(awkward) {
		t.Fatalf("%d objects, want %d", len(got), len(awkward))
	}
	for i, f := range awkward {
		want := map[string]any{"file": f.Pos.File, "line": float64(f.Pos.Line), "column": float64(f.Pos.Col),
			"severity": f.Severity.String(), "rule": f.Rule, "message": f.Message}
		for k, v := range want {
			if got[i][k] != v {
				t.Errorf("finding %d: %s = %#v, want %#v", i, k, got[i][k], v)
			}
		}
		if len(got[i]) != len(want) {
			t.Errorf("finding %d has keys %v", i, got[i])
		}
	}
	if empty := writeFormat(t, "json", nil); strings.TrimSpace(empty) != "[]" {
		t.Errorf("no findings = %q, want []", empty)
	}
}

func TestWriteSARIF(t *testing.T) {
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name    string `json:"name"`
					Version string `json:"version"`
					Rules   []struct {
						ID                   string `json:"id"`
						ShortDescription     struct{ Text string }
						DefaultConfiguration struct{ Level string }
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(writeFormat(t, "sarif", awkward)), &log); err != nil {
		t.Fatalf("sarif output is not JSON: %v", err)
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") || len(log.Runs) != 1 {
		t.Fatalf("not one SARIF 2.1.0 run: version %q, schema %q, %d runs", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "wpsgen" || run.Tool.Driver.Version != "1.2.3" {
		t.Errorf("driver = %q %q", run.Tool.Driver.Name, run.Tool.Driver.Version)
	}
	if len(run.Tool.Driver.Rules) != len(Rules) {
		t.Fatalf("%d rules listed, want %d", len(run.Tool.Driver.Rules), len(Rules))
	}
	for i, r := range Rules {
		got := run.Tool.Driver.Rules[i]
		if got.ID != r.ID || got.DefaultConfiguration.Level != r.Severity.String() || got.ShortDescription.Text == "" {
			t.Errorf("rule %d = %+v, want %s (%s)", i, got, r.ID, r.Severity)
		}
	}
	if len(run.Results) != len(awkward) {
		t.Fatalf("%d results, want %d", len(run.Results), len(awkward))
	}
	for i, f := range awkward {
		res := run.Results[i]
		loc := res.Locations[0].PhysicalLocation
		// The URI is escaped (a space or % would make it invalid) and decodes to the path.
		path, err := url.PathUnescape(loc.ArtifactLocation.URI)
		if err != nil || strings.ContainsAny(loc.ArtifactLocation.URI, ` "`) {
			t.Errorf("result %d: URI %q is not an escaped path (%v)", i, loc.ArtifactLocation.URI, err)
		}
		if res.RuleID != f.Rule || run.Tool.Driver.Rules[res.RuleIndex].ID != f.Rule || res.Level != f.Severity.String() ||
			res.Message.Text != f.Message || path != f.Pos.File ||
			loc.Region.StartLine != f.Pos.Line || loc.Region.StartColumn != f.Pos.Col {
			t.Errorf("result %d = %+v, want %v", i, res, f)
		}
	}
	if empty := writeFormat(t, "sarif", nil); !strings.Contains(empty, `"results": []`) {
		t.Errorf("no findings must give an empty results array, got:\n%s", empty)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := WriteFindings(&bytes.Buffer{}, "xml", awkward, ""); err == nil || !strings.Contains(err.Error(), "json") {
		t.Errorf("unknown format: err = %v, want one naming the formats", err)
	}
}
