package framework

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wpsgen/wpsgen/templates/font"
)

// update rewrites the golden .out files: go test ./framework -update
var update = flag.Bool("update", false, "rewrite the expected findings (*.out) of testdata/err and testdata/hostile")

// caseTimeLimit bounds the time one file may take to validate: a case
// that turned quadratic takes minutes. Every case takes milliseconds but
// the largest generated ones (300,000 values: about 0.4 s), which the race
// detector makes about ten times slower.
var caseTimeLimit = func() time.Duration {
	if raceEnabled {
		return 20 * time.Second
	}
	return 2 * time.Second
}()

// testLoader returns a Loader that refuses the characters the PDF font
// cannot draw, as the wpsgen command's does. Only tests import the font:
// the framework package itself knows no document format.
func testLoader() *Loader {
	l := NewLoader()
	l.Printable = func(r rune) bool { return font.Check(r) == font.OK }
	return l
}

// validateCase validates one file with a fresh Loader, as one `wpsgen
// validate` run would, and fails the test if it takes too long.
func validateCase(t *testing.T, path string) []Finding {
	t.Helper()
	start := time.Now()
	res, err := testLoader().Validate(path)
	if took := time.Since(start); took > caseTimeLimit {
		t.Errorf("validating %s took %v; the limit is %v", path, took, caseTimeLimit)
	}
	if err != nil {
		t.Fatalf("Validate(%s): %v", path, err)
	}
	return res.Findings
}

// findingsText renders findings the way `wpsgen validate` prints them.
func findingsText(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// caseFiles lists the *.yaml files directly in dir, sorted.
func caseFiles(t *testing.T, dir string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases in %s (%v)", dir, err)
	}
	return paths
}

// runGolden validates every *.yaml file in dir and compares the findings
// with the file's .out. Every case must produce at least one finding.
func runGolden(t *testing.T, dir string) {
	for _, path := range caseFiles(t, dir) {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			got := findingsText(validateCase(t, path))
			if got == "" {
				t.Fatalf("%s gives no findings; every case in %s must fail", path, dir)
			}
			golden := strings.TrimSuffix(path, ".yaml") + ".out"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./framework -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("findings of %s differ from %s\n--- got:\n%s--- want:\n%s", path, golden, got, want)
			}
		})
	}
}

// TestGoldenErrors checks that each file in testdata/err gives exactly the
// findings in its .out file.
func TestGoldenErrors(t *testing.T) { runGolden(t, "testdata/err") }

// TestGoldenHostile checks the committed hostile inputs the same way.
func TestGoldenHostile(t *testing.T) { runGolden(t, "testdata/hostile") }

// TestGoldenNoStrayOutputs catches a .out whose .yaml was renamed or deleted.
func TestGoldenNoStrayOutputs(t *testing.T) {
	for _, dir := range []string{"testdata/err", "testdata/hostile"} {
		outs, _ := filepath.Glob(filepath.Join(dir, "*.out"))
		for _, out := range outs {
			// A .csv case is a table for wpsgen import (framework/importer runs it).
			base := strings.TrimSuffix(out, ".out")
			_, errYAML := os.Stat(base + ".yaml")
			if _, errCSV := os.Stat(base + ".csv"); errYAML != nil && errCSV != nil {
				t.Errorf("%s has no matching .yaml case", out)
			}
		}
	}
}

// TestValidFiles checks that the passing cases and the helper frameworks
// they use give no findings at all, not even warnings.
func TestValidFiles(t *testing.T) {
	for _, dir := range []string{"testdata/ok", "testdata/fw"} {
		for _, path := range caseFiles(t, dir) {
			t.Run(path, func(t *testing.T) {
				if fs := validateCase(t, path); len(fs) > 0 {
					t.Errorf("%s should be valid, got:\n%s", path, findingsText(fs))
				}
			})
		}
	}
}

// TestEveryRuleHasFailingExample makes a new rule without a failing example
// in testdata/err fail the build.
func TestEveryRuleHasFailingExample(t *testing.T) {
	outs, _ := filepath.Glob("testdata/err/*.out")
	var all []byte
	for _, out := range outs {
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, data...)
	}
	for _, r := range Rules {
		tag := ": " + r.Severity.String() + ": "
		found := slices.ContainsFunc(bytes.Split(all, []byte("\n")), func(line []byte) bool {
			return bytes.HasSuffix(line, []byte("["+r.ID+"]")) && bytes.Contains(line, []byte(tag))
		})
		if !found {
			t.Errorf("rule %s has no failing example: add testdata/err/<name>.yaml whose findings include [%s] as %s", r.ID, r.ID, r.Severity)
		}
	}
}

// exampleWarnings are the warnings the examples give on purpose, as
// documented in examples/README.md and in the example file's own comments.
var exampleWarnings = map[string][]string{}

// TestExamples validates ../examples as `wpsgen validate examples/` does:
// no errors, and exactly the documented warnings.
func TestExamples(t *testing.T) {
	const dir = "../examples"
	paths, err := ExpandPaths([]string{dir})
	if err != nil || len(paths) == 0 {
		t.Fatalf("ExpandPaths(%s) = %v, %v", dir, paths, err)
	}
	results, errs := testLoader().ValidateAll(paths, 0)
	if len(errs) > 0 {
		t.Fatalf("ValidateAll: %v", errs)
	}
	readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range results {
		base := filepath.Base(res.Path)
		var got []string
		for _, f := range res.Findings {
			if f.Severity == Error {
				t.Errorf("example has an error: %s", f)
			}
			got = append(got, f.Rule)
		}
		want := exampleWarnings[base]
		if !slices.Equal(got, want) {
			t.Errorf("%s gives warnings %v, documented %v:\n%s", res.Path, got, want, findingsText(res.Findings))
		}
		src, err := os.ReadFile(res.Path)
		if err != nil {
			t.Fatal(err)
		}
		for _, rule := range want {
			if !bytes.Contains(src, []byte("("+rule+")")) || !bytes.Contains(readme, []byte("`"+rule+"`")) {
				t.Errorf("the %s warning of %s is not documented in the file's comments and README.md", rule, base)
			}
		}
	}
	for base := range exampleWarnings {
		if !slices.ContainsFunc(results, func(r *Result) bool { return filepath.Base(r.Path) == base }) {
			t.Errorf("documented example %s is missing from %s", base, dir)
		}
	}
}
