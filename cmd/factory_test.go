package cmd

import (
	"bytes"
	"errors"
	"io"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
)

// testFactory runs commands in-process on buffers; terminal says whether
// stderr counts as a terminal.
func testFactory(in string, terminal bool) (*Factory, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	f := NewFactory(IO{In: strings.NewReader(in), Out: &out, ErrOut: &errOut})
	f.IsTerminal = func(w io.Writer) bool { return terminal && w == &errOut }
	f.Version = func() string { return "9.9.9" }
	return f, &out, &errOut
}

func TestFactoryLoaderAndStreams(t *testing.T) {
	f, out, _ := testFactory("", false)
	var loaders atomic.Int32
	f.NewLoader = func() *framework.Loader { loaders.Add(1); return framework.NewLoader() }
	if code := Run(f, []string{"validate", "--format", "sarif", "../framework/testdata/err/onet-legacy.yaml"}); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if loaders.Load() != 1 {
		t.Errorf("validate made %d loaders through the factory, want 1", loaders.Load())
	}
	if !strings.Contains(out.String(), `"version": "9.9.9"`) || !strings.Contains(out.String(), "onet-legacy") {
		t.Errorf("sarif on the factory's stdout lacks the factory's version or the finding:\n%s", out)
	}
	f, out, _ = testFactory("", false)
	f.NewLoader = func() *framework.Loader { loaders.Add(1); return framework.NewLoader() }
	if code := Run(f, []string{"frameworks"}); code != ExitOK || !strings.Contains(out.String(), "medical-coder") || loaders.Load() != 2 {
		t.Errorf("frameworks: exit %d, %d loaders, output:\n%s", code, loaders.Load(), out)
	}
}

func TestSummaryLine(t *testing.T) {
	const ok, warn, bad = "../examples/medical-coder-roi.yaml", "../framework/testdata/err/onet-legacy-framework.yaml", "../framework/testdata/err/bad-id.yaml"
	for _, tc := range []struct {
		args     []string
		terminal bool
		want     string // last line of stderr; "" means stderr stays empty
	}{
		{[]string{ok}, true, "1 file checked: no problems"},
		{[]string{ok, warn}, true, "1 warning in 1 of 2 files"},
		{[]string{ok}, false, ""},
		{[]string{"--format", "json", ok}, true, ""},
		{[]string{"--format", "github", warn}, true, ""},
		{[]string{"--format", "sarif", ok}, true, ""},
	} {
		f, _, errOut := testFactory("", tc.terminal)
		Run(f, append([]string{"validate"}, tc.args...))
		if got := strings.TrimSpace(errOut.String()); got != tc.want {
			t.Errorf("validate %v (terminal %v): stderr %q, want %q", tc.args, tc.terminal, got, tc.want)
		}
	}
	f, out, errOut := testFactory("", true)
	if code := Run(f, []string{"validate", ok, warn, bad}); code != ExitFindings {
		t.Fatalf("exit %d", code)
	}
	errs, warns := strings.Count(out.String(), ": error: "), strings.Count(out.String(), ": warning: ")
	want := plural(errs, "error") + ", 1 warning in 2 of 3 files"
	if errs == 0 || warns != 1 || strings.TrimSpace(errOut.String()) != want {
		t.Errorf("stderr %q, want %q (stdout:\n%s)", errOut, want, out)
	}
}

func TestSummaryWording(t *testing.T) {
	e := func(file string) framework.Finding {
		return framework.Finding{Pos: framework.Pos{File: file}, Severity: framework.Error}
	}
	w := func(file string) framework.Finding {
		return framework.Finding{Pos: framework.Pos{File: file}, Severity: framework.Warning}
	}
	files := func(names ...string) map[string]bool {
		m := map[string]bool{}
		for _, n := range names {
			m[n] = true
		}
		return m
	}
	for _, tc := range []struct {
		fs      []framework.Finding
		checked map[string]bool
		want    string
	}{
		{nil, files("a", "b", "c"), "3 files checked: no problems"},
		{[]framework.Finding{e("a"), e("a"), w("b")}, files("a", "b", "c"), "2 errors, 1 warning in 2 of 3 files"},
		{[]framework.Finding{e("a")}, files("a"), "1 error in 1 file"},
		{[]framework.Finding{w("a"), w("a")}, files("a", "b"), "2 warnings in 1 of 2 files"},
		// A program's framework file is checked too, though not named.
		{[]framework.Finding{e("fw.yaml")}, files("p.yaml"), "1 error in 1 of 2 files"},
	} {
		if got := summary(tc.fs, tc.checked); got != tc.want {
			t.Errorf("summary = %q, want %q", got, tc.want)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestRunErrorsAreFatal: an error that is neither findings nor usage (here
// a failed write) exits 3, not 2.
func TestRunErrorsAreFatal(t *testing.T) {
	for _, args := range [][]string{{"frameworks"}, {"frameworks", "show", "medical-coder"}, {"schema", "program"}, {"validate", "../examples/medical-coder-roi.framework.yaml", "--format", "json"}} {
		f, _, errOut := testFactory("", false)
		f.IO.Out = failingWriter{}
		if code := Run(f, args); code != ExitFatal || !strings.Contains(errOut.String(), "disk full") {
			t.Errorf("%v on a failing stdout: exit %d, want %d; stderr %q", args, code, ExitFatal, errOut)
		}
	}
}

func TestPanicIsOneLine(t *testing.T) {
	f, out, errOut := testFactory("", false)
	f.NewLoader = func() *framework.Loader { panic("boom\ngoroutine 1 [running]:") }
	code := Run(f, []string{"validate", "../examples/medical-coder-roi.yaml"})
	lines := strings.Split(strings.TrimSuffix(errOut.String(), "\n"), "\n")
	if code != ExitFatal || len(lines) != 1 || !strings.HasPrefix(lines[0], "wpsgen: internal error: boom") || out.Len() != 0 {
		t.Errorf("exit %d, stderr %q, stdout %q", code, errOut, out)
	}
}

func TestUsageMistakes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"completion", "tcsh"}, `unknown shell "tcsh"`},
		{[]string{"render", "-o", "", "../examples/medical-coder-cb.yaml"}, "-o/--output needs a value"},
		{[]string{"init", "--framework", "medical-coder", "-o", ""}, "-o/--output needs a value"},
		{[]string{"validate", "--format", "", "../examples"}, "--format needs a value"},
		{[]string{"validate", "-", "-"}, "standard input"},
	} {
		f, out, errOut := testFactory("", false)
		if code := Run(f, tc.args); code != ExitUsage || !strings.Contains(errOut.String(), tc.want) || out.Len() != 0 {
			t.Errorf("%q: exit %d, stderr %q, stdout %q; want exit 2 saying %q", tc.args, code, errOut, out, tc.want)
		}
	}
	f, out, _ := testFactory("", false)
	if code := Run(f, []string{"completion"}); code != ExitOK || !strings.Contains(out.String(), "bash") {
		t.Errorf("completion without a shell: exit %d, want its help", code)
	}
}

func TestStrictSaysWhy(t *testing.T) {
	f, _, errOut := testFactory("", false)
	if code := Run(f, []string{"validate", "--strict", "../framework/testdata/err/onet-legacy.yaml"}); code != ExitFindings ||
		!strings.Contains(errOut.String(), "warnings fail the run because of --strict") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if got := failureHint([]framework.Finding{{Severity: framework.Warning}, {Severity: framework.Error}}, true); got != "fix the errors above" {
		t.Errorf("errors and warnings with --strict: %q", got)
	}
}

func TestVersionOf(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	for _, tc := range []struct {
		main     string
		settings []debug.BuildSetting
		want     string
	}{
		{"v1.2.3", vcs("vcs.revision", "1b782d7f8b1ef420aaaa"), "v1.2.3"},
		{"(devel)", vcs("vcs.revision", "1b782d7f8b1ef420aaaa", "vcs.time", "2026-11-30T09:12:44Z", "vcs.modified", "true"), "dev-1b782d7f8b1e+dirty (2026-11-30T09:12:44Z)"},
		{"v0.0.0-20261130091244-1b782d7f8b1e+dirty", vcs("vcs.revision", "1b782d7f8b1ef420aaaa", "vcs.time", "2026-11-30T09:12:44Z", "vcs.modified", "false"), "dev-1b782d7f8b1e (2026-11-30T09:12:44Z)"},
		{"v0.0.0-20261130091244-1b782d7f8b1e", nil, "v0.0.0-20261130091244-1b782d7f8b1e"},
		{"(devel)", nil, "dev"},
	} {
		bi := &debug.BuildInfo{Main: debug.Module{Version: tc.main}, Settings: tc.settings}
		if got := versionOf(bi); got != tc.want {
			t.Errorf("versionOf(%s, %v) = %q, want %q", tc.main, tc.settings, got, tc.want)
		}
	}
}

// TestRenderStrictSaysWhy: render --strict refusing a program with only
// warnings says --strict is why, not "fix the errors above".
func TestRenderStrictSaysWhy(t *testing.T) {
	f, _, errOut := testFactory("", false)
	args := []string{"render", "--strict", "-o", t.TempDir(), "../framework/testdata/err/rti-hours.yaml"}
	const want = "wpsgen: nothing was written: warnings fail the run because of --strict"
	if code := Run(f, args); code != ExitFindings || !strings.Contains(errOut.String(), want) || strings.Contains(errOut.String(), "fix the errors") {
		t.Errorf("%v: exit %d, stderr:\n%s", args, code, errOut)
	}
}
