package cmd_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// copyExample copies an example program into dir (and the framework file
// it may name).
func copyExample(t *testing.T, dir, name string) string {
	t.Helper()
	for _, f := range []string{name, "medical-coder-roi.framework.yaml"} {
		data, err := os.ReadFile(filepath.Join(repo, "examples", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, name)
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, _ := os.ReadDir(dir)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestRender(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "new", "dir")
	p := copyExample(t, in, "medical-coder-roi.yaml")
	r := runIn(t, in, "render", p, "-o", out)
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q\n%s", r.code, r.stdout, r.stderr)
	}
	if got := strings.Join(entries(t, out), " "); got != "medical-coder-roi.pdf medical-coder-roi.xlsx" {
		t.Errorf("wrote %q", got)
	}
	pdfOnly := t.TempDir()
	if r := runIn(t, in, "render", "--pdf", p, "-o", pdfOnly); r.code != 0 || strings.Join(entries(t, pdfOnly), " ") != "medical-coder-roi.pdf" {
		t.Errorf("--pdf: exit %d, wrote %v\n%s", r.code, entries(t, pdfOnly), r.stderr)
	}
}

func TestRenderRefuses(t *testing.T) {
	in := t.TempDir()
	good := copyExample(t, in, "medical-coder-roi.yaml")
	other := filepath.Join(t.TempDir(), "medical-coder-roi.yaml")
	data, _ := os.ReadFile(good)
	if err := os.WriteFile(other, data, 0o644); err != nil {
		t.Fatal(err)
	}
	broken := brokenCopy(t, "ehr-specialist-hybrid.yaml", "approach: hybrid", "approach: hybird")
	for _, tc := range []struct {
		name string
		args []string
		env  string
		code int
		want string
	}{
		{"a program with errors", []string{"render", good, broken}, "", 1, "nothing was written"},
		{"a framework", []string{"render", filepath.Join(in, "medical-coder-roi.framework.yaml")}, "", 1, "render takes programs"},
		{"two programs named alike", []string{"render", good, other}, "", 2, "would both write"},
		{"bad SOURCE_DATE_EPOCH", []string{"render", good}, "SOURCE_DATE_EPOCH=yesterday", 2, "SOURCE_DATE_EPOCH"},
		{"SOURCE_DATE_EPOCH past 9999", []string{"render", good}, "SOURCE_DATE_EPOCH=253402300800", 2, "outside the years 1900-9999"},
		{"unknown format", []string{"render", "--format", "pdf,odt", good}, "", 2, `unknown format "odt": the formats are pdf, xlsx, docx`},
		{"empty format", []string{"render", "--format", ",", good}, "", 2, "no format given"},
		{"empty output directory", []string{"render", good, "-o", ""}, "", 2, "-o/--output needs a value"},
		{"output is a file", []string{"render", good, "-o", good}, "", 3, ""},
		{"missing program", []string{"render", filepath.Join(in, "nope.yaml")}, "", 3, "nope.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			args := tc.args
			if !strings.Contains(strings.Join(args, " "), "-o") {
				args = append(args, "-o", out)
			}
			c := exec.Command(wpsgen(t), args...)
			c.Dir = in
			if tc.env != "" {
				c.Env = append(os.Environ(), tc.env)
			}
			b, err := c.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			}
			if code != tc.code || !strings.Contains(string(b), tc.want) {
				t.Errorf("exit %d (want %d), output lacks %q:\n%s", code, tc.code, tc.want, b)
			}
			if strings.Contains(string(b), "goroutine ") {
				t.Errorf("a stack trace reached the user:\n%s", b)
			}
			if got := entries(t, out); len(got) != 0 {
				t.Errorf("wrote %v", got)
			}
		})
	}
}

func TestRenderFormats(t *testing.T) {
	in := t.TempDir()
	p := copyExample(t, in, "medical-coder-roi.yaml")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "xlsx"}, "medical-coder-roi.xlsx"},
		{[]string{"--format", "xlsx,pdf"}, "medical-coder-roi.pdf medical-coder-roi.xlsx"},
		{[]string{"--xlsx"}, "medical-coder-roi.xlsx"},
		{[]string{"--pdf", "--xlsx"}, "medical-coder-roi.pdf medical-coder-roi.xlsx"},
		{[]string{"--format", "pdf", "--xlsx"}, "medical-coder-roi.pdf medical-coder-roi.xlsx"},
		{[]string{"--format", "pdf,docx"}, "medical-coder-roi.docx medical-coder-roi.pdf"},
		{[]string{"--docx"}, "medical-coder-roi.docx"},
		{[]string{"--docx", "--xlsx"}, "medical-coder-roi.docx medical-coder-roi.xlsx"},
		{[]string{"--format", "docx,xlsx,pdf"}, "medical-coder-roi.docx medical-coder-roi.pdf medical-coder-roi.xlsx"},
	} {
		out := t.TempDir()
		r := runIn(t, in, append([]string{"render", p, "-o", out}, tc.args...)...)
		if got := strings.Join(entries(t, out), " "); r.code != 0 || got != tc.want {
			t.Errorf("%v: exit %d, wrote %q, want %q\n%s", tc.args, r.code, got, tc.want, r.stderr)
		}
	}
}

// An output that is an input of the run (a YAML program named prog.xlsx)
// is a usage error before anything is written; a directory where a
// document goes is a write error that replaces nothing.
func TestRenderProtectsFiles(t *testing.T) {
	in := t.TempDir()
	p := copyExample(t, in, "medical-coder-roi.yaml")
	prog := filepath.Join(in, "prog.xlsx")
	src, _ := os.ReadFile(p)
	if err := os.WriteFile(prog, src, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runIn(t, in, "render", prog, "-o", in)
	if now, _ := os.ReadFile(prog); r.code != 2 || !strings.Contains(r.stderr, "would overwrite the input") || string(now) != string(src) {
		t.Errorf("exit %d, input kept %v\n%s", r.code, string(now) == string(src), r.stderr)
	}
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "medical-coder-roi.pdf"), []byte("earlier"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(out, "medical-coder-roi.xlsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	r = runIn(t, in, "render", p, "-o", out)
	if data, _ := os.ReadFile(filepath.Join(out, "medical-coder-roi.pdf")); r.code != 3 || string(data) != "earlier" {
		t.Errorf("exit %d, pdf %.20q\n%s", r.code, data, r.stderr)
	}
	if got := entries(t, out); len(got) != 2 {
		t.Errorf("output dir holds %v", got)
	}
}

// SIGINT or SIGTERM during a render: the run stops, removes its temporary
// files and replaces nothing (exit 3). SIGKILL (or running out of memory)
// gives no time to clean up: the temporary files have no name until the
// run commits, so the system removes them. The signal is sent as soon as
// a temporary file is open, so the run is in the middle of writing.
func TestRenderInterrupted(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			out := t.TempDir()
			earlier := filepath.Join(out, "p00.pdf")
			if err := os.WriteFile(earlier, []byte("earlier"), 0o644); err != nil {
				t.Fatal(err)
			}
			code, stderr := interruptRender(t, out, sig)
			if sig != syscall.SIGKILL && (code != 3 || !strings.Contains(stderr, "interrupted: nothing was written")) {
				t.Errorf("exit %d, stderr:\n%s", code, stderr)
			}
			if got := entries(t, out); len(got) != 1 || got[0] != "p00.pdf" {
				t.Errorf("output dir holds %v", got)
			}
			if data, _ := os.ReadFile(earlier); string(data) != "earlier" {
				t.Error("an earlier output was replaced")
			}
		})
	}
}

// interruptRender starts a render of 40 copies of an example into out,
// sends sig as soon as the run has a file in out open (it is in the middle
// of writing), and returns its exit code and standard error. It skips the
// test when the run ended before that.
func interruptRender(t *testing.T, out string, sig os.Signal) (int, string) {
	t.Helper()
	in := t.TempDir()
	src, _ := os.ReadFile(copyExample(t, in, "medical-coder-roi.yaml"))
	args := []string{"render", "-o", out}
	for i := range 40 {
		p := filepath.Join(in, fmt.Sprintf("p%02d.yaml", i))
		if err := os.WriteFile(p, src, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	c := exec.Command(wpsgen(t), args...)
	var stderr strings.Builder
	c.Stderr = &stderr
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	sent := false
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if writing(c.Process.Pid, out) {
			sent = c.Process.Signal(sig) == nil
			break
		}
	}
	err := c.Wait()
	if !sent {
		t.Skip("the run ended before a temporary file was seen")
	}
	code := -1
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	return code, stderr.String()
}

// writing reports whether process pid has a file in dir open (named or
// not), as /proc shows it.
func writing(pid int, dir string) bool {
	fds, _ := filepath.Glob(fmt.Sprintf("/proc/%d/fd/*", pid))
	for _, fd := range fds {
		if target, err := os.Readlink(fd); err == nil && strings.HasPrefix(target, dir+"/") {
			return true
		}
	}
	return false
}

// TestRenderDocx: --docx writes a Word document with the program's title,
// sponsor and date in its properties, the same bytes on every run.
func TestRenderDocx(t *testing.T) {
	in := t.TempDir()
	p := copyExample(t, in, "medical-coder-roi.yaml")
	var docs [][]byte
	for range 2 {
		out := t.TempDir()
		if r := runIn(t, in, "render", "--docx", p, "-o", out); r.code != 0 {
			t.Fatalf("exit %d\n%s", r.code, r.stderr)
		}
		b, err := os.ReadFile(filepath.Join(out, "medical-coder-roi.docx"))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, b)
	}
	if !bytes.Equal(docs[0], docs[1]) {
		t.Error("two runs wrote different Word documents")
	}
	zr, err := zip.NewReader(bytes.NewReader(docs[0]), int64(len(docs[0])))
	if err != nil {
		t.Fatalf("not a zip package: %v", err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(b)
	}
	for part, want := range map[string][]string{
		"docProps/core.xml": {"<dc:title>Work Process Schedule: Release of Information Specialist</dc:title>",
			"<dc:creator>Prairie Valley Medical Center</dc:creator>", "<dc:language>en-US</dc:language>",
			">2026-11-01T00:00:00Z</dcterms:created>"},
		"word/document.xml": {"WORK PROCESS SCHEDULE", `<w:pStyle w:val="Heading1">`, "<w:tblHeader", "RELATED TECHNICAL INSTRUCTION PLAN"},
	} {
		for _, w := range want {
			if !strings.Contains(parts[part], w) {
				t.Errorf("%s lacks %s", part, w)
			}
		}
	}
}
