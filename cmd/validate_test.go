package cmd_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/wpsgen/wpsgen/templates/templatestest"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// wpsgen builds the real binary once per test run, so CLI tests exercise
// exactly what users run: flags, exit codes, stdout/stderr.
func wpsgen(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "wpsgen-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "wpsgen")
		buildErr = templatestest.BuildWpsgen(binPath)
	})
	if buildErr != nil {
		t.Fatalf("building wpsgen: %v", buildErr)
	}
	return binPath
}

type run struct {
	code           int
	stdout, stderr string
}

// runIn runs wpsgen in dir with args.
func runIn(t *testing.T, dir string, args ...string) run {
	t.Helper()
	c := exec.Command(wpsgen(t), args...)
	c.Dir = dir
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	r := run{code, out.String(), errb.String()}
	for _, s := range []string{r.stdout, r.stderr} {
		if strings.Contains(s, "goroutine ") || strings.Contains(s, "panic:") {
			t.Fatalf("wpsgen %v printed a Go panic:\n%s", args, s)
		}
	}
	return r
}

// repo is the repository root, where the README's commands run.
const repo = ".."

func TestValidateExamples(t *testing.T) {
	r := runIn(t, repo, "validate", "examples/")
	if r.code != 0 {
		t.Fatalf("validate examples/: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout, ": error:") {
		t.Errorf("examples have errors:\n%s", r.stdout)
	}
	if r := runIn(t, repo, "validate", "--strict", "examples/medical-coder-roi.yaml", "examples/ehr-specialist-hybrid.yaml"); r.code != 0 || r.stdout != "" {
		t.Errorf("strict validation of clean examples: exit %d\n%s", r.code, r.stdout)
	}
}

// brokenCopy writes a copy of an example with one line replaced, in a temp
// dir beside a copy of the framework files it may reference.
func brokenCopy(t *testing.T, example, old, new string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, "examples", example))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not contain %q", example, old)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, example)
	if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// lineOf returns the 1-based line of the first occurrence of s in file.
func lineOf(t *testing.T, file, s string) int {
	data, _ := os.ReadFile(file)
	i := strings.Index(string(data), s)
	if i < 0 {
		t.Fatalf("%q not in %s", s, file)
	}
	return strings.Count(string(data[:i]), "\n") + 1
}

func TestValidateBrokenExample(t *testing.T) {
	p := brokenCopy(t, "ehr-specialist-hybrid.yaml", "job_title:", "job_titel:")
	line := lineOf(t, p, "job_titel:")
	r := runIn(t, filepath.Dir(p), "validate", filepath.Base(p))
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stdout)
	}
	want := filepath.Base(p) + ":" + strconv.Itoa(line) + ":3: error: unknown key \"job_titel\" in occupation; did you mean \"job_title\"? [schema]"
	if !strings.Contains(r.stdout, want) {
		t.Errorf("output lacks\n%s\ngot\n%s", want, r.stdout)
	}
}

func TestValidateFormats(t *testing.T) {
	p := brokenCopy(t, "ehr-specialist-hybrid.yaml", "job_title:", "job_titel:")
	dir, name := filepath.Dir(p), filepath.Base(p)

	r := runIn(t, dir, "validate", "--format", "json", name)
	var findings []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &findings); err != nil || len(findings) == 0 {
		t.Fatalf("json output: %v\n%s", err, r.stdout)
	}
	for _, k := range []string{"file", "line", "column", "severity", "rule", "message"} {
		if _, ok := findings[0][k]; !ok {
			t.Errorf("json finding lacks %q: %v", k, findings[0])
		}
	}

	r = runIn(t, dir, "validate", "--format", "github", name)
	if !strings.HasPrefix(r.stdout, "::error file="+name+",line=") || !strings.Contains(r.stdout, "title=schema::") {
		t.Errorf("github output:\n%s", r.stdout)
	}

	r = runIn(t, dir, "validate", "--format", "sarif", name)
	var sarif struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string } `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs) != 1 ||
		len(sarif.Runs[0].Tool.Driver.Rules) < 20 || len(sarif.Runs[0].Results) == 0 || sarif.Runs[0].Results[0].RuleID != "schema" {
		t.Errorf("sarif output (%v):\n%s", err, r.stdout)
	}
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
}

func TestExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		in   string // substring of stdout+stderr
	}{
		{"ok", []string{"validate", "examples/medical-coder-roi.yaml"}, 0, ""},
		{"unknown flag", []string{"validate", "--nope", "examples/"}, 2, "unknown flag"},
		{"missing argument", []string{"validate"}, 2, "wpsgen: validate needs at least 1 argument: wpsgen validate PATH...\n"},
		{"render without argument", []string{"render"}, 2, "wpsgen: render needs at least 1 argument: wpsgen render PROGRAM|DIR|-...\n"},
		{"bad format", []string{"validate", "--format", "xml", "examples/"}, 2, "unknown --format \"xml\"; use one of text, json, github, sarif\nRun 'wpsgen validate --help' for usage.\n"},
		{"unknown flag of a command", []string{"render", "--bogus", "x.yaml"}, 2, "wpsgen: unknown flag: --bogus\nRun 'wpsgen render --help' for usage.\n"},
		{"empty path", []string{"validate", "examples/", ""}, 2, "wpsgen: an empty argument (\"\") names no file or folder; is a variable in the command unset?\nRun 'wpsgen validate --help' for usage.\n"},
		{"render an empty path", []string{"render", "", "-o", "out"}, 2, "wpsgen: an empty argument (\"\") names no file or folder"},
		{"import an empty path", []string{"import", ""}, 2, "wpsgen: an empty argument (\"\") names no file or folder"},
		{"import an empty table", []string{"import", "--framework", ""}, 2, "wpsgen: an empty argument (\"\") names no file or folder"},
		{"unknown command", []string{"frobnicate"}, 2, "Run 'wpsgen --help' for usage.\n"},
		{"missing file", []string{"validate", "no/such/file.yaml"}, 3, "no/such/file.yaml"},
		{"directory without yaml", []string{"validate", "cmd/wpsgen"}, 2, "no *.yaml"},
		{"strict warning", []string{"validate", "--strict", "framework/testdata/err/onet-legacy.yaml"}, 1, "onet-legacy"},
		{"warning without strict", []string{"validate", "framework/testdata/err/onet-legacy.yaml"}, 0, "onet-legacy"},
		{"version", []string{"--version"}, 0, "wpsgen version"},
		{"completion", []string{"completion", "bash"}, 0, "bash completion"},
		{"frameworks", []string{"frameworks"}, 0, "medical-coder"},
		{"show unknown", []string{"frameworks", "show", "nope"}, 2, "no built-in framework"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runIn(t, repo, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d\n%s%s", r.code, tc.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout+r.stderr, tc.in) {
				t.Errorf("output lacks %q:\n%s%s", tc.in, r.stdout, r.stderr)
			}
		})
	}
}

// TestValidateDeterministic: many files, parallel workers, same bytes every run.
func TestValidateDeterministic(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join(repo, "examples", "ehr-specialist-hybrid.yaml"))
	for i := 0; i < 60; i++ {
		data := src
		if i%3 == 0 {
			data = bytes.Replace(src, []byte("job_title:"), []byte("job_titel:"), 1)
		}
		if err := os.WriteFile(filepath.Join(dir, "p"+strconv.Itoa(i)+".yaml"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	first := runIn(t, dir, "validate", ".")
	if first.code != 1 || strings.Count(first.stdout, "\n") != 20 {
		t.Fatalf("exit %d, %d lines:\n%s", first.code, strings.Count(first.stdout, "\n"), first.stdout)
	}
	for i := 0; i < 5; i++ {
		if again := runIn(t, dir, "validate", "."); again.stdout != first.stdout {
			t.Fatalf("run %d differs:\n%s\nvs\n%s", i, again.stdout, first.stdout)
		}
	}
}
