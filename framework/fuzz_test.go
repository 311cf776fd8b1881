package framework_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wpsgen/wpsgen/framework"
)

// FuzzParseFramework feeds arbitrary bytes to the loader as a framework
// file: Parse, then validation with a fresh Loader (extends resolved). It
// must never panic, and every finding must be positioned and name a rule.
func FuzzParseFramework(f *testing.F) {
	addSeeds(f, framework.KindFramework)
	root := fuzzWorkspace(f)
	f.Fuzz(func(t *testing.T, data []byte) { checkFile(t, root, "framework.yaml", data) })
}

// FuzzValidateProgram feeds arbitrary bytes to the loader as a program file
// beside the test frameworks it may reference, with the same demands as
// FuzzParseFramework.
func FuzzValidateProgram(f *testing.F) {
	addSeeds(f, framework.KindProgram)
	root := fuzzWorkspace(f)
	f.Fuzz(func(t *testing.T, data []byte) { checkFile(t, root, "program.yaml", data) })
}

// seedLimit keeps large test files (alias bombs written out) out of the
// seed corpus, where every mutation would pay for their size.
const seedLimit = 64 << 10

// addSeeds adds the examples, the catalog and the test files of the given
// kind, and the files of neither kind (empty, not a mapping, ...).
func addSeeds(f *testing.F, kind string) {
	patterns := []string{"catalog/*.yaml", "../examples/*.yaml", "../templates/testdata/programs/*.yaml", "testdata/*/*.yaml"}
	added := 0
	for _, pattern := range patterns {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			if len(data) <= seedLimit && seedKind(data, kind) {
				f.Add(data)
				added++
			}
		}
	}
	if added < 5 {
		f.Fatalf("only %d %s seeds", added, kind)
	}
}

// seedKind reports whether a seed file suits a fuzz target of kind.
func seedKind(data []byte, kind string) bool {
	isFramework := bytes.Contains(data, []byte("kind: "+framework.KindFramework))
	isProgram := bytes.Contains(data, []byte("kind: "+framework.KindProgram))
	if !isFramework && !isProgram {
		return true
	}
	return kind == framework.KindFramework && isFramework || kind == framework.KindProgram && isProgram
}

// fuzzWorkspace makes a directory where fuzz inputs are written to case/,
// with the test frameworks their references name (../fw/mini.yaml,
// ../ok/time-based.yaml, medical-coder-roi.framework.yaml) copied around
// it, and returns it.
func fuzzWorkspace(f *testing.F) string {
	root := f.TempDir()
	copies := map[string]string{"testdata/fw/*.yaml": "fw", "testdata/ok/*.yaml": "ok", "../examples/*.framework.yaml": "case"}
	for pattern, to := range copies {
		paths, _ := filepath.Glob(pattern)
		if len(paths) == 0 {
			f.Fatalf("no files match %s", pattern)
		}
		if err := os.MkdirAll(filepath.Join(root, to), 0o755); err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(root, to, filepath.Base(p)), data, 0o644); err != nil {
				f.Fatal(err)
			}
		}
	}
	return root
}

// checkFile parses data, then writes it to case/name in the workspace root
// and validates it there with a fresh Loader, checking every finding of
// both. The loader refuses references that climb out of the file's
// directory or the working directory, so the test runs in root.
func checkFile(t *testing.T, root, name string, data []byte) {
	t.Chdir(root)
	path := filepath.Join("case", name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var parsed *framework.File
	var res *framework.Result
	var err error
	withinTime(t, func() {
		parsed = framework.Parse(path, data)
		res, err = framework.NewLoader().Validate(path)
	})
	checkFindings(t, parsed.Findings)
	if (parsed.Kind == framework.KindFramework) != (parsed.Framework != nil) || (parsed.Kind == framework.KindProgram) != (parsed.Program != nil) {
		t.Fatalf("kind %q does not match the model decoded", parsed.Kind)
	}
	if err != nil {
		t.Fatalf("Validate: %v", err)
	}
	checkFindings(t, res.Findings)
	if res.Kind != parsed.Kind {
		t.Errorf("Validate says kind %q, Parse %q", res.Kind, parsed.Kind)
	}
	if res.Kind == framework.KindProgram && res.OK(false) && res.Schedule == nil {
		t.Error("a program without errors has no schedule")
	}
}

// hangLimit bounds the work on one input: every real file takes
// milliseconds, so an input that takes longer hangs the loader.
const hangLimit = 5 * time.Second

// withinTime runs work and fails the test if it does not return within
// hangLimit, so the fuzzer records a hang as a failing input instead of
// stalling.
func withinTime(t *testing.T, work func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		work()
	}()
	select {
	case <-done:
	case <-time.After(hangLimit):
		t.Fatalf("parsing and validating did not finish within %v", hangLimit)
	}
}

// recoveredPanic is how Parse reports a panic it recovered from: a finding,
// never a crash, but still a bug to find.
const recoveredPanic = "could not read this file ("

// checkFindings demands what RULES.md promises of every finding: a file, a
// 1-based line and column, a known rule id with its severity, and a message.
func checkFindings(t *testing.T, findings []framework.Finding) {
	t.Helper()
	severity := map[string]framework.Severity{}
	for _, r := range framework.Rules {
		severity[r.ID] = r.Severity
	}
	for _, f := range findings {
		want, known := severity[f.Rule]
		switch {
		case !known:
			t.Errorf("unknown rule id: %s", f)
		case f.Severity != want:
			t.Errorf("rule %s with severity %s: %s", f.Rule, f.Severity, f)
		case f.Pos.File == "" || f.Pos.Line < 1 || f.Pos.Col < 1:
			t.Errorf("finding without a position: %s", f)
		case strings.TrimSpace(f.Message) == "":
			t.Errorf("finding without a message: %s", f)
		case strings.Contains(f.Message, recoveredPanic):
			t.Errorf("the loader panicked: %s", f)
		}
	}
}
