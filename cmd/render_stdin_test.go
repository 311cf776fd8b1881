package cmd_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestRenderStdin: - renders a program read from standard input, validated
// as validate - validates it, into documents named stdin. Each case runs in
// a fresh folder (the working directory) into a -o folder that does not
// exist yet; wrote lists the "wrote" lines, in order.
func TestRenderStdin(t *testing.T) {
	src := string(mustReadFile(t, filepath.Join(repo, "examples", "medical-coder-roi.yaml")))
	typo := strings.Replace(src, "  job_title:", "  job_titel:", 1)
	typoLine := strings.Count(typo[:strings.Index(typo, "job_titel:")], "\n") + 1
	fw := map[string]string{"medical-coder-roi.framework.yaml": roiFW}
	for _, tc := range []struct {
		name  string
		files map[string]string
		stdin string
		args  []string
		code  int
		want  string   // in standard error
		wrote []string // nil: nothing is written and no -o folder is left
	}{
		{
			name:  "a program whose framework: path is read from the working directory",
			files: fw, stdin: src, args: []string{"-"},
			wrote: []string{"stdin.pdf", "stdin.xlsx"},
		},
		{
			name:  "between a file and a folder, in argument order",
			files: map[string]string{"medical-coder-roi.framework.yaml": roiFW, "one/medical-coder-cb.yaml": cb, "programs/ehr.yaml": "=ehr-specialist-hybrid.yaml"},
			stdin: src, args: []string{"one/medical-coder-cb.yaml", "-", "programs", "--pdf"},
			wrote: []string{"medical-coder-cb.pdf", "stdin.pdf", "ehr.pdf"},
		},
		{
			name: "every format", files: fw, stdin: src, args: []string{"-", "--format", "docx,pdf,xlsx"},
			wrote: []string{"stdin.pdf", "stdin.xlsx", "stdin.docx"},
		},
		{
			name:  "findings name <stdin> with line and column",
			files: fw, stdin: typo, args: []string{"-"}, code: 1,
			want: "<stdin>:" + strconv.Itoa(typoLine) + `:3: error: unknown key "job_titel" in occupation; did you mean "job_title"? [schema]`,
		},
		{
			name:  "a program with errors on stdin stops the files too",
			files: map[string]string{"medical-coder-cb.yaml": cb}, stdin: notAProg, args: []string{"medical-coder-cb.yaml", "-"}, code: 1,
			want: `<stdin>:1:1: error: the program is missing the required key "sponsor" [schema]`,
		},
		{
			name:  "a file with errors stops stdin too",
			files: map[string]string{"medical-coder-roi.framework.yaml": roiFW, "broken.yaml": notAProg}, stdin: src, args: []string{"-", "broken.yaml"}, code: 1,
			want: `broken.yaml:1:1: error: the program is missing the required key "sponsor" [schema]`,
		},
		{
			name:  "a relative framework: path missing from the working directory",
			stdin: src, args: []string{"-"}, code: 1,
			want: "[framework-ref]",
		},
		{
			name: "empty standard input", stdin: "", args: []string{"-"}, code: 1,
			want: "<stdin>:1:1: error: the file is empty; a wpsgen file starts with kind: framework or kind: program [syntax]\n",
		},
		{
			name: "a framework on standard input", stdin: roiFW, args: []string{"-"}, code: 1,
			want: "<stdin>:1:1: error: render takes programs (kind: program); this file is a framework: check it with 'wpsgen validate' [schema]\n",
		},
		{
			name: "- twice", files: fw, stdin: src, args: []string{"-", "-"}, code: 2,
			want: "wpsgen: - (standard input) can be given once\n",
		},
		{
			name: "stdin.yaml named in the same run", files: map[string]string{"medical-coder-roi.framework.yaml": roiFW, "stdin.yaml": cb},
			stdin: src, args: []string{"stdin.yaml", "-"}, code: 2,
			want: "wpsgen: stdin.yaml and <stdin> would both write stdin.*; render them in separate runs, into different directories (-o)\n",
		},
		{
			name: "stdin.yml found in a folder", files: map[string]string{"medical-coder-roi.framework.yaml": roiFW, "programs/a/stdin.yml": cb},
			stdin: src, args: []string{"-", "programs"}, code: 2,
			want: "wpsgen: <stdin> and programs/a/stdin.yml would both write stdin.*; render them in separate runs, into different directories (-o)\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, tc.files)
			// A file named like the run's stdin name is never read for it.
			writeTree(t, dir, map[string]string{"-": cb, "<stdin>": cb})
			r := runStdin(t, dir, expand(t, tc.stdin), append([]string{"render", "-o", "out/new"}, tc.args...)...)
			checkRenderRun(t, dir, r, tc.code, tc.want, tc.wrote)
		})
	}
}

// expand reads a writeTree content: "=NAME" is a copy of examples/NAME.
func expand(t *testing.T, content string) string {
	t.Helper()
	if name, ok := strings.CutPrefix(content, "="); ok {
		return string(mustReadFile(t, filepath.Join(repo, "examples", name)))
	}
	return content
}

// TestRenderStdinSameBytes: a program piped in writes, in every format, the
// bytes rendering the same program from its file writes: documents do not
// depend on the name of what was read.
func TestRenderStdinSameBytes(t *testing.T) {
	dir := t.TempDir()
	examples, _ := filepath.Abs(filepath.Join(repo, "examples"))
	src := string(mustReadFile(t, filepath.Join(examples, "medical-coder-roi.yaml")))
	all := []string{"--pdf", "--xlsx", "--docx"}
	if r := runStdin(t, examples, src, append([]string{"render", "-", "-o", filepath.Join(dir, "piped")}, all...)...); r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if r := runIn(t, examples, append([]string{"render", "medical-coder-roi.yaml", "-o", filepath.Join(dir, "named")}, all...)...); r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	for _, ext := range []string{".pdf", ".xlsx", ".docx"} {
		a := mustReadFile(t, filepath.Join(dir, "piped", "stdin"+ext))
		b := mustReadFile(t, filepath.Join(dir, "named", "medical-coder-roi"+ext))
		if !bytes.Equal(a, b) {
			t.Errorf("stdin%s differs from medical-coder-roi%s", ext, ext)
		}
	}
}

// TestRenderStdinImport: the workbook of a program piped in carries that
// program, so import gives it back byte for byte.
func TestRenderStdinImport(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"medical-coder-roi.framework.yaml": roiFW})
	src := expand(t, roi)
	if r := runStdin(t, dir, src, "render", "-", "--xlsx", "-o", "out"); r.code != 0 {
		t.Fatalf("render: exit %d\n%s", r.code, r.stderr)
	}
	if r := runIn(t, dir, "import", "out/stdin.xlsx", "-o", "back.yaml"); r.code != 0 {
		t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
	}
	if got := string(mustReadFile(t, filepath.Join(dir, "back.yaml"))); got != src {
		t.Errorf("import gave back another program:\n%s", got)
	}
}

// TestRenderStdinInterrupted: Ctrl-C while render - waits for input (a
// terminal, or a pipe whose writer is slow) stops the run at once: render
// catches the signal to clean up, so the read must not outlast it.
func TestRenderStdinInterrupted(t *testing.T) {
	// An interrupt that comes before render installs its handler kills
	// the process (no exit code): wait longer and run again.
	for wait := 200 * time.Millisecond; wait < 10*time.Second; wait *= 2 {
		dir := t.TempDir()
		c := exec.Command(wpsgen(t), "render", "-", "-o", "out")
		c.Dir = dir
		stdin, err := c.StdinPipe() // held open, never written: input never ends
		if err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		c.Stderr = &stderr
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { c.Wait(); close(exited) }()
		time.Sleep(wait)
		c.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			c.Process.Kill()
			<-exited
			t.Fatal("render - still waits for input 10 s after Ctrl-C")
		}
		stdin.Close()
		code := c.ProcessState.ExitCode()
		if code == -1 {
			continue
		}
		if code != 3 || stderr.String() != "wpsgen: interrupted: nothing was written\n" {
			t.Errorf("exit %d, stderr %q", code, stderr.String())
		}
		if got := entries(t, dir); len(got) != 0 {
			t.Errorf("the run left %v", got)
		}
		return
	}
	t.Skip("render was killed by every interrupt: its handler came too late")
}
