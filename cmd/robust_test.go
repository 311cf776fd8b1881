package cmd_test

import (
	"bytes"
	"context"
	"debug/buildinfo"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// runStdin runs wpsgen in dir with stdin as its standard input.
func runStdin(t *testing.T, dir, stdin string, args ...string) run {
	t.Helper()
	c := exec.Command(wpsgen(t), args...)
	c.Dir = dir
	c.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return run{code, out.String(), errb.String()}
}

// TestValidateUnreadablePath: one path that cannot be read does not hide
// the findings of the others, in every format, and the documents stay valid.
func TestValidateUnreadablePath(t *testing.T) {
	broken := brokenCopy(t, "ehr-specialist-hybrid.yaml", "job_title:", "job_titel:")
	dir := filepath.Dir(broken)
	ok := filepath.Join(dir, "ok.yaml")
	if err := os.WriteFile(ok, mustReadFile(t, filepath.Join(repo, "examples", "ehr-specialist-hybrid.yaml")), 0o644); err != nil {
		t.Fatal(err)
	}
	const gone = "gone.yaml"

	r := runIn(t, dir, "validate", gone, filepath.Base(broken), "ok.yaml")
	if r.code != 1 || !strings.Contains(r.stdout, "gone.yaml: error: cannot read: no such file or directory [read]\n") ||
		!strings.Contains(r.stdout, `unknown key "job_titel"`) {
		t.Errorf("errors elsewhere and an unreadable path: exit %d, want 1 with both findings\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runIn(t, dir, "validate", "ok.yaml", gone)
	if r.code != 3 || strings.TrimSpace(r.stdout) != "gone.yaml: error: cannot read: no such file or directory [read]" {
		t.Errorf("only an unreadable path failed: exit %d, want 3\n%s%s", r.code, r.stdout, r.stderr)
	}

	r = runIn(t, dir, "validate", "--format", "json", gone, filepath.Base(broken))
	var findings []struct{ File, Rule string }
	if err := json.Unmarshal([]byte(r.stdout), &findings); err != nil || len(findings) != 2 ||
		findings[1].File != gone || findings[1].Rule != "read" || findings[0].Rule != "schema" {
		t.Errorf("json (%v): %+v\n%s", err, findings, r.stdout)
	}
	r = runIn(t, dir, "validate", "--format", "sarif", gone, "ok.yaml")
	var sarif struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &sarif); err != nil || r.code != 3 || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) != 1 ||
		sarif.Runs[0].Results[0].RuleID != "read" || sarif.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != gone {
		t.Errorf("sarif (exit %d, %v):\n%s", r.code, err, r.stdout)
	}
	r = runIn(t, dir, "validate", "--format", "github", gone)
	if r.stdout != "::error file=gone.yaml,title=read::cannot read: no such file or directory\n" {
		t.Errorf("github:\n%s", r.stdout)
	}
}

// TestValidateUnreadableInWalk: a folder walk that meets a dangling link, a
// named pipe and a folder it cannot open still checks every other file, and
// reports each of the three as a read finding.
func TestValidateUnreadableInWalk(t *testing.T) {
	dir := filepath.Dir(brokenCopy(t, "ehr-specialist-hybrid.yaml", "job_title:", "job_titel:"))
	if err := os.Symlink("nowhere.yaml", filepath.Join(dir, "dangling.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	deep := deepFolder(t, dir)
	short := func(p string) string { return strings.ReplaceAll(p, strings.Repeat("d", 200), "D") }
	r := runIn(t, dir, "validate", "--format", "json", ".")
	var findings []struct{ File, Rule, Message string }
	if err := json.Unmarshal([]byte(r.stdout), &findings); err != nil {
		t.Fatalf("json: %v\n%s", err, r.stdout)
	}
	var got []string
	for _, f := range findings {
		got = append(got, short(f.File)+" "+f.Rule)
	}
	want := []string{"dangling.yaml read", short(strings.TrimPrefix(deep, dir+"/")) + " read", "ehr-specialist-hybrid.yaml schema", "pipe.yaml read"}
	if r.code != 1 || !slices.Equal(got, want) {
		t.Errorf("exit %d, findings\n%q\nwant\n%q\n%s", r.code, got, want, r.stderr)
	}
}

// TestNamedPipeArguments: a named pipe given to validate, render or init
// --framework is refused at once (exit 3), never opened and waited on.
func TestNamedPipeArguments(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "p.yaml"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, args := range [][]string{
		{"validate", "p.yaml"},
		{"render", "p.yaml", "-o", "out"},
		{"init", "--framework", "p.yaml", "-o", "new.yaml"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		c := exec.CommandContext(ctx, wpsgen(t), args...)
		c.Dir = dir
		out, _ := c.CombinedOutput()
		timedOut := ctx.Err() != nil
		cancel()
		if timedOut {
			t.Errorf("%v: still waiting after 10 s", args)
			continue
		}
		if code := c.ProcessState.ExitCode(); code != 3 || !strings.Contains(string(out), "named pipe") {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
}

// deepFolder makes nested folders in dir until the innermost one's path is
// too long to open (PATH_MAX, 4,096 bytes on Linux), puts a program in it,
// and returns its path. os.Root creates each folder relative to its parent,
// so the long path never reaches a system call.
func deepFolder(t *testing.T, dir string) string {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.Repeat("d", 200)
	path := dir
	for len(path) < 4096 {
		path = filepath.Join(path, name)
		if err := root.Mkdir(name, 0o755); err != nil {
			t.Fatal(err)
		}
		sub, err := root.OpenRoot(name)
		root.Close()
		if err != nil {
			t.Fatal(err)
		}
		root = sub
	}
	defer root.Close()
	if err := root.WriteFile("x.yaml", []byte("kind: program\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestValidateStdin: - reads a program from standard input; findings name
// it <stdin> and its relative framework: path is read from the working
// directory.
func TestValidateStdin(t *testing.T) {
	examples := filepath.Join(repo, "examples")
	src := string(mustReadFile(t, filepath.Join(examples, "medical-coder-roi.yaml")))
	if !strings.Contains(src, "framework: medical-coder-roi.framework.yaml") {
		t.Fatal("the example no longer names its framework by a relative path; pick another")
	}
	if r := runStdin(t, examples, src, "validate", "-"); r.code != 0 || r.stdout != "" {
		t.Errorf("valid program on stdin: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	bad := strings.Replace(src, "job_title:", "job_titel:", 1)
	r := runStdin(t, examples, bad, "validate", "-", "medical-coder-cb.yaml")
	if r.code != 1 || !strings.HasPrefix(r.stdout, "<stdin>:") || !strings.Contains(r.stdout, `"job_titel"`) {
		t.Errorf("broken program on stdin: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// From elsewhere, the relative framework path is not found: it resolves
	// from the working directory, never from somewhere wpsgen guessed.
	r = runStdin(t, t.TempDir(), src, "validate", "-")
	if r.code != 1 || !strings.Contains(r.stdout, "<stdin>:") || !strings.Contains(r.stdout, "[framework-ref]") {
		t.Errorf("stdin outside the framework's directory: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestHostileFileNames: a file name with a newline and :: can neither
// split a finding nor inject a workflow command.
func TestHostileFileNames(t *testing.T) {
	dir := t.TempDir()
	name := "a\n::error file=x.yaml::pwned.yaml"
	if err := os.WriteFile(filepath.Join(dir, name), []byte("kind: program\nnope: 1\n"), 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	r := runIn(t, dir, "validate", ".")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	for _, l := range lines {
		if !strings.HasPrefix(l, `"a\n::error file=x.yaml::pwned.yaml":`) {
			t.Errorf("text line does not start with the quoted file name: %q", l)
		}
	}
	r = runIn(t, dir, "validate", "--format", "github", ".")
	for _, l := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
		if !strings.HasPrefix(l, "::error file=a%0A%3A%3Aerror file=x.yaml%3A%3Apwned.yaml,line=") {
			t.Errorf("github line: %q", l)
		}
	}
	if r.code != 1 || len(lines) == 0 {
		t.Errorf("exit %d, %d lines", r.code, len(lines))
	}
}

func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestVersionFromCheckout: a binary built from a clone names its commit,
// not "dev" (vcs.revision, read from the build information).
func TestVersionFromCheckout(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "wpsgen")
	if err := templatestest.BuildWpsgen(bin, "-buildvcs=true"); err != nil {
		t.Skipf("cannot build with version control information here (no git?): %v", err)
	}
	// Go stamps a clone, not a git worktree (its .git is a file); there is
	// nothing to check without the stamp.
	if bi, err := buildinfo.ReadFile(bin); err != nil || !slices.ContainsFunc(bi.Settings, func(s debug.BuildSetting) bool { return s.Key == "vcs.revision" }) {
		t.Skipf("the build recorded no commit (%v); run the tests in a clone", err)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^wpsgen version dev-[0-9a-f]{12}(\+dirty)? \(\d{4}-\d\d-\d\dT[0-9:]+Z\)\n$`).Match(out) {
		t.Errorf("--version = %q, want dev-COMMIT[+dirty] (TIME)", out)
	}
}
