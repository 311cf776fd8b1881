package report

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
)

// awkward findings: the characters each output format must escape.
var awkward = []framework.Finding{
	{Pos: framework.Pos{File: "dir:x,y.yaml", Line: 3, Col: 4}, Severity: framework.Error, Rule: framework.RuleSchema, Message: "50% done\nnext: line, here\r"},
	{Pos: framework.Pos{File: `sub/"q" 50%.yaml`, Line: 12, Col: 1}, Severity: framework.Warning, Rule: framework.RuleRTIHours, Message: `say "hi" \ Łódź <tag> & more`},
}

func writeFormat(t *testing.T, format string, fs []framework.Finding) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, fs, Options{Version: "1.2.3"}); err != nil {
		t.Fatalf("WriteFindings(%s): %v", format, err)
	}
	return b.String()
}

func TestWriteText(t *testing.T) {
	fs := []framework.Finding{{Pos: framework.Pos{File: "examples/bad/program.yaml", Line: 14, Col: 9}, Severity: framework.Error, Rule: framework.RuleCoreMissing, Message: `core competency 2.C is missing`}}
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

type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID                   string `json:"id"`
					HelpURI              string `json:"helpUri"`
					ShortDescription     struct{ Text string }
					FullDescription      struct{ Text string }
					DefaultConfiguration struct{ Level string }
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level   string
				Message struct{ Text string }
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex *int   `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region *struct{ StartLine, StartColumn int } `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

func parseSARIF(t *testing.T, fs []framework.Finding, opts Options) sarifDoc {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, "sarif", fs, opts); err != nil {
		t.Fatal(err)
	}
	var log sarifDoc
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatalf("sarif output is not JSON: %v\n%s", err, b.String())
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") || len(log.Runs) != 1 {
		t.Fatalf("not one SARIF 2.1.0 run: version %q, schema %q, %d runs", log.Version, log.Schema, len(log.Runs))
	}
	return log
}

func TestWriteSARIF(t *testing.T) {
	log := parseSARIF(t, awkward, Options{Version: "1.2.3"})
	run := log.Runs[0]
	if run.Tool.Driver.Name != "wpsgen" || run.Tool.Driver.Version != "1.2.3" {
		t.Errorf("driver = %q %q", run.Tool.Driver.Name, run.Tool.Driver.Version)
	}
	table := append(append([]framework.Rule(nil), framework.Rules...), ReadRule)
	if len(run.Tool.Driver.Rules) != len(table) {
		t.Fatalf("%d rules listed, want %d", len(run.Tool.Driver.Rules), len(table))
	}
	for i, r := range table {
		got := run.Tool.Driver.Rules[i]
		if got.ID != r.ID || got.DefaultConfiguration.Level != r.Severity.String() ||
			got.ShortDescription.Text != r.Summary || got.FullDescription.Text != r.Why {
			t.Errorf("rule %d = %+v, want the table's %s (%s)", i, got, r.ID, r.Severity)
		}
		wantHelp := "https://github.com/wpsgen/wpsgen/blob/main/docs/rules.md#" + r.ID
		if r.ID == RuleRead {
			wantHelp = RulesDocURL
		}
		if got.HelpURI != wantHelp {
			t.Errorf("rule %s: helpUri %q, want %q", r.ID, got.HelpURI, wantHelp)
		}
	}
	if len(run.Results) != len(awkward) {
		t.Fatalf("%d results, want %d", len(run.Results), len(awkward))
	}
	for i, f := range awkward {
		res := run.Results[i]
		loc := res.Locations[0].PhysicalLocation
		// The URI is escaped (a space or % would make it invalid) and decodes to the path.
		u, err := url.Parse(loc.ArtifactLocation.URI)
		if err != nil || u.Scheme != "" || strings.ContainsAny(loc.ArtifactLocation.URI, ` "`) || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %d: URI %q (base %q) is not an escaped relative reference (%v)", i, loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID, err)
		} else if path := strings.TrimPrefix(u.Path, "./"); path != f.Pos.File {
			t.Errorf("result %d: URI %q decodes to %q, want %q", i, loc.ArtifactLocation.URI, path, f.Pos.File)
		}
		if res.RuleID != f.Rule || res.RuleIndex == nil || run.Tool.Driver.Rules[*res.RuleIndex].ID != f.Rule ||
			res.Level != f.Severity.String() || res.Message.Text != f.Message || loc.Region == nil ||
			loc.Region.StartLine != f.Pos.Line || loc.Region.StartColumn != f.Pos.Col {
			t.Errorf("result %d = %+v, want %v", i, res, f)
		}
	}
	if len(run.Invocations) != 0 {
		t.Errorf("invocations without omitted findings: %+v", run.Invocations)
	}
	var b bytes.Buffer
	if err := Write(&b, "sarif", nil, Options{}); err != nil || !strings.Contains(b.String(), `"results": []`) {
		t.Errorf("no findings must give an empty results array, got (%v):\n%s", err, b.String())
	}
}

func TestSARIFLocations(t *testing.T) {
	fs := []framework.Finding{
		{Pos: framework.Pos{File: "/home/a b/p%.yaml", Line: 2, Col: 3}, Rule: framework.RuleSchema, Message: "m"},
		{Pos: framework.Pos{File: "../up/p.yaml", Line: 1, Col: 1}, Rule: framework.RuleSchema, Message: "m"},
		{Pos: framework.Pos{File: "gone.yaml"}, Rule: RuleRead, Message: "cannot read: no such file or directory"},
		{Pos: framework.Pos{File: "p.yaml", Line: 1, Col: 1}, Rule: "not-in-table", Message: "m"},
	}
	run := parseSARIF(t, fs, Options{}).Runs[0]
	for i, want := range []struct{ uri, base string }{
		{"file:///home/a%20b/p%25.yaml", ""},
		{"../up/p.yaml", "%SRCROOT%"},
		{"gone.yaml", "%SRCROOT%"},
		{"p.yaml", "%SRCROOT%"},
	} {
		got := run.Results[i].Locations[0].PhysicalLocation.ArtifactLocation
		if got.URI != want.uri || got.URIBaseID != want.base {
			t.Errorf("%s: uri %q base %q, want %q base %q", fs[i].Pos.File, got.URI, got.URIBaseID, want.uri, want.base)
		}
	}
	if run.Results[2].Locations[0].PhysicalLocation.Region != nil {
		t.Errorf("a finding without a position must have no region (SARIF lines start at 1)")
	}
	// A rule missing from the table must not point at another rule's metadata.
	if idx := run.Results[3].RuleIndex; idx != nil {
		t.Errorf("unknown rule got ruleIndex %d (%s)", *idx, run.Tool.Driver.Rules[*idx].ID)
	}
	if idx := run.Results[2].RuleIndex; idx == nil || run.Tool.Driver.Rules[*idx].ID != RuleRead {
		t.Errorf("read finding: ruleIndex %v", idx)
	}
}

func TestOmitted(t *testing.T) {
	fs := []framework.Finding{{Pos: framework.Pos{File: "big.yaml", Line: 1, Col: 1}, Rule: framework.RuleSchema, Message: "m"}}
	opts := Options{Omitted: map[string]int{"big.yaml": 12, "one.yaml": 1, "none.yaml": 0}}
	var b bytes.Buffer
	if err := Write(&b, "text", fs, opts); err != nil {
		t.Fatal(err)
	}
	want := "big.yaml:1:1: error: m [schema]\n... and 12 more findings in big.yaml\n... and 1 more finding in one.yaml\n"
	if b.String() != want {
		t.Errorf("text =\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := Write(&b, "github", fs, opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "::notice file=big.yaml::... and 12 more findings in big.yaml\n") {
		t.Errorf("github lacks the closing notice:\n%s", b.String())
	}
	run := parseSARIF(t, fs, opts).Runs[0]
	if len(run.Invocations) != 1 || len(run.Invocations[0].ToolExecutionNotifications) != 2 ||
		run.Invocations[0].ToolExecutionNotifications[0].Message.Text != "... and 12 more findings in big.yaml" {
		t.Errorf("sarif notifications = %+v", run.Invocations)
	}
	b.Reset()
	if err := Write(&b, "json", fs, opts); err != nil {
		t.Fatal(err)
	}
	var arr []map[string]any
	if err := json.Unmarshal(b.Bytes(), &arr); err != nil || len(arr) != 1 {
		t.Errorf("json must stay an array of findings: %v\n%s", err, b.String())
	}
}

// hostile are file names and messages that try to break the line-based
// formats: a newline followed by a fake finding or workflow command.
var hostile = []framework.Finding{
	{Pos: framework.Pos{File: "a.yaml\n::error file=x.yaml::pwned", Line: 1, Col: 2}, Rule: framework.RuleSchema,
		Message: "bad\n::warning::injected\rtoo"},
	{Pos: framework.Pos{File: "::set-env name=X::1.yaml", Line: 3, Col: 4}, Rule: framework.RuleSchema, Message: "::stop-commands::tok"},
	{Pos: framework.Pos{File: "esc\x1b[31m.yaml", Line: 5, Col: 6}, Rule: framework.RuleSchema, Message: "tab\there"},
}

var ghCommand = regexp.MustCompile(`^::error file=[^:,\n]*,line=\d+,col=\d+,title=[^:,]*::`)

func TestLineFormatsResistInjection(t *testing.T) {
	for _, format := range []string{"text", "github"} {
		out := writeFormat(t, format, hostile)
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != len(hostile) {
			t.Fatalf("%s: %d lines for %d findings:\n%s", format, len(lines), len(hostile), out)
		}
		for i, l := range lines {
			if strings.ContainsRune(l, '\r') || (format == "text" && strings.ContainsRune(l, '\x1b')) {
				t.Errorf("%s line %d holds a raw control character: %q", format, i, l)
			}
			// The runner reads a command's properties up to the first "::";
			// escaped values keep every property whole.
			if format == "github" && !ghCommand.MatchString(l) {
				t.Errorf("github line %d can inject a command: %q", i, l)
			}
		}
	}
	want := `"a.yaml\n::error file=x.yaml::pwned":1:2: error: bad\n::warning::injected\rtoo [schema]`
	if got := TextLine(hostile[0]); got != want {
		t.Errorf("text line = %s\nwant          %s", got, want)
	}
	want = "::error file=%3A%3Aset-env name=X%3A%3A1.yaml,line=3,col=4,title=schema::::stop-commands::tok"
	if got := strings.Split(writeFormat(t, "github", hostile), "\n")[1]; got != want {
		t.Errorf("github line = %s\nwant            %s", got, want)
	}
}

func TestTextWithoutPosition(t *testing.T) {
	f := framework.Finding{Pos: framework.Pos{File: "gone.yaml"}, Rule: RuleRead, Message: "cannot read: no such file or directory"}
	if got, want := TextLine(f), "gone.yaml: error: cannot read: no such file or directory [read]"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNames(t *testing.T) {
	if got := strings.Join(Names(), ","); got != "text,json,github,sarif" {
		t.Errorf("Names() = %s", got)
	}
	if _, err := Lookup("sarif"); err != nil {
		t.Error(err)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "xml", awkward, Options{}); err == nil || !strings.Contains(err.Error(), "json") {
		t.Errorf("unknown format: err = %v, want one naming the formats", err)
	}
}
