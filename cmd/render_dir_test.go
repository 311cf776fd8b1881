package cmd_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeTree writes files (path relative to dir -> content) under dir. A
// content "=NAME" is a copy of examples/NAME.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		data := []byte(content)
		if name, ok := strings.CutPrefix(content, "="); ok {
			var err error
			if data, err = os.ReadFile(filepath.Join(repo, "examples", name)); err != nil {
				t.Fatal(err)
			}
		}
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// wroteLines are the files a render says it wrote, in its order, as base
// names.
func wroteLines(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if p, ok := strings.CutPrefix(l, "wrote "); ok {
			out = append(out, filepath.Base(p))
		}
	}
	return out
}

const (
	roi      = "=medical-coder-roi.yaml"
	roiFW    = "=medical-coder-roi.framework.yaml"
	cb       = "=medical-coder-cb.yaml" // on a built-in framework
	notAProg = "kind: program\n"        // a program with errors
)

// TestRenderDir: a folder argument renders every program found in it as
// validate walks it, and its frameworks are validated but not rendered.
// Each case runs in a fresh folder (the working directory) into a -o
// folder that does not exist yet; wrote lists the "wrote" lines, in order.
func TestRenderDir(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		args  []string
		code  int
		want  string   // in standard error
		wrote []string // nil: nothing is written and no -o folder is left
	}{
		{
			name:  "two programs and their framework",
			files: map[string]string{"programs/medical-coder-roi.yaml": roi, "programs/medical-coder-roi.framework.yaml": roiFW, "programs/medical-coder-cb.yaml": cb},
			args:  []string{"programs"},
			wrote: []string{"medical-coder-cb.pdf", "medical-coder-cb.xlsx", "medical-coder-roi.pdf", "medical-coder-roi.xlsx"},
		},
		{
			name: "nested folders, in walk order",
			files: map[string]string{"programs/medical-coder-roi.yaml": roi, "programs/medical-coder-roi.framework.yaml": roiFW,
				"programs/2025/spring/medical-coder-cb.yaml": cb, "programs/zz/ehr.yml": "=ehr-specialist-hybrid.yaml"},
			args:  []string{"programs/", "--pdf"},
			wrote: []string{"medical-coder-cb.pdf", "medical-coder-roi.pdf", "ehr.pdf"},
		},
		{
			name: "hidden files and folders, other files skipped",
			files: map[string]string{"programs/medical-coder-cb.yaml": cb, "programs/.draft.yaml": notAProg,
				"programs/.git/x.yaml": notAProg, "programs/.old/medical-coder-cb.yaml": cb, "programs/notes.txt": "kind: program"},
			args:  []string{"programs", "--pdf"},
			wrote: []string{"medical-coder-cb.pdf"},
		},
		{
			name:  "a folder and a file",
			files: map[string]string{"programs/medical-coder-roi.yaml": roi, "programs/medical-coder-roi.framework.yaml": roiFW, "one/medical-coder-cb.yaml": cb},
			args:  []string{"one/medical-coder-cb.yaml", "programs", "--pdf"},
			wrote: []string{"medical-coder-cb.pdf", "medical-coder-roi.pdf"},
		},
		{
			name:  "a file named and found in a folder is rendered once",
			files: map[string]string{"programs/medical-coder-cb.yaml": cb, "programs/sub/medical-coder-roi.yaml": roi, "programs/sub/medical-coder-roi.framework.yaml": roiFW},
			args:  []string{"programs", "./programs/medical-coder-cb.yaml", "programs/sub", "--pdf"},
			wrote: []string{"medical-coder-cb.pdf", "medical-coder-roi.pdf"},
		},
		{
			name:  "a program with errors",
			files: map[string]string{"programs/medical-coder-cb.yaml": cb, "programs/broken.yaml": notAProg},
			args:  []string{"programs"},
			code:  1,
			want:  `programs/broken.yaml:1:1: error: the program is missing the required key "sponsor" [schema]`,
		},
		{
			name:  "a framework with errors",
			files: map[string]string{"programs/medical-coder-cb.yaml": cb, "programs/base.framework.yaml": "kind: framework\n"},
			args:  []string{"programs"},
			code:  1,
			want:  `programs/base.framework.yaml:1:1: error: the framework is missing the required key "id" [schema]`,
		},
		{
			name:  "a YAML file that is not wpsgen's",
			files: map[string]string{"programs/medical-coder-cb.yaml": cb, "programs/compose.yml": "services: {}\n"},
			args:  []string{"programs"},
			code:  1,
			want:  `programs/compose.yml:1:1: error: the file is missing the required key "kind"`,
		},
		{
			name:  "a framework named is refused, walked or not",
			files: map[string]string{"programs/medical-coder-roi.yaml": roi, "programs/medical-coder-roi.framework.yaml": roiFW},
			args:  []string{"programs", "programs/medical-coder-roi.framework.yaml"},
			code:  1,
			want:  "programs/medical-coder-roi.framework.yaml:1:1: error: render takes programs (kind: program); this file is a framework",
		},
		{
			name:  "an empty folder",
			files: map[string]string{"programs/notes.txt": "x", "programs/.hidden.yaml": cb, "other/medical-coder-cb.yaml": cb},
			args:  []string{"other", "programs"},
			code:  2,
			want:  "wpsgen: programs: no program to render: render looks in a folder for *.yaml and *.yml files with kind: program (hidden files and folders skipped); this one has none\n",
		},
		{
			name:  "a folder of frameworks",
			files: map[string]string{"fw/a.framework.yaml": roiFW, "fw/b/pharmacy.yaml": "=pharmacy-technician.framework.yaml"},
			args:  []string{"fw"},
			code:  2,
			want:  "wpsgen: fw: no program to render: render looks in a folder for *.yaml and *.yml files with kind: program (hidden files and folders skipped); this one has only 2 frameworks\n",
		},
		{
			name:  "a folder of a broken file: its findings, not no program",
			files: map[string]string{"programs/p.yaml": "kind: progam\n"},
			args:  []string{"programs"},
			code:  1,
			want:  "programs/p.yaml:1:7: error: kind must be framework or program",
		},
		{
			name:  "same name in two folders",
			files: map[string]string{"programs/a/medical-coder-cb.yaml": cb, "programs/b/medical-coder-cb.yaml": cb},
			args:  []string{"programs"},
			code:  2,
			want:  "wpsgen: programs/a/medical-coder-cb.yaml and programs/b/medical-coder-cb.yaml would both write medical-coder-cb.*; render them in separate runs, into different directories (-o)\n",
		},
		{
			name: "two paths that cannot be read: a line each",
			args: []string{"missing.yaml", "programs/"},
			code: 3,
			want: "wpsgen: missing.yaml: cannot read: no such file or directory\nwpsgen: programs/: cannot read: no such file or directory\n",
		},
		{
			name:  "a file named twice",
			files: map[string]string{"programs/medical-coder-cb.yaml": cb},
			args:  []string{"programs/medical-coder-cb.yaml", "./programs/medical-coder-cb.yaml"},
			code:  2,
			want:  "wpsgen: ./programs/medical-coder-cb.yaml is named twice; name each program once\n",
		},
		{
			name:  "same name as a framework: no collision",
			files: map[string]string{"programs/a/medical-coder-roi.yaml": roi, "programs/a/medical-coder-roi.framework.yaml": roiFW, "programs/b/medical-coder-roi.yaml": roiFW},
			args:  []string{"programs", "--pdf"},
			wrote: []string{"medical-coder-roi.pdf"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, tc.files)
			r := runIn(t, dir, append([]string{"render", "-o", "out/new"}, tc.args...)...)
			checkRenderRun(t, dir, r, tc.code, tc.want, tc.wrote)
		})
	}
}

// checkRenderRun checks a render run with -o out/new in dir: its exit
// code, that its standard error holds want and names exactly the files
// wrote, that out/new holds just those files, and that a run that wrote
// nothing left no -o folder behind.
func checkRenderRun(t *testing.T, dir string, r run, code int, want string, wrote []string) {
	t.Helper()
	if r.code != code || !strings.Contains(r.stderr, want) || r.stdout != "" {
		t.Errorf("exit %d (want %d), stderr lacks %q:\n%s%s", r.code, code, want, r.stdout, r.stderr)
	}
	if got := wroteLines(r.stderr); !slices.Equal(got, wrote) {
		t.Errorf("wrote %q, want %q", got, wrote)
	}
	got := entries(t, filepath.Join(dir, "out", "new"))
	slices.Sort(got)
	if want := slices.Sorted(slices.Values(wrote)); !slices.Equal(got, want) {
		t.Errorf("out/new holds %q, want %q", got, want)
	}
	if wrote == nil {
		if _, err := os.Lstat(filepath.Join(dir, "out")); err == nil {
			t.Error("a run that wrote nothing left the -o folder it created")
		}
	}
}

// TestRenderDirSameBytes: rendering a folder writes the documents that
// rendering its programs by name writes.
func TestRenderDirSameBytes(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"programs/medical-coder-roi.yaml": roi, "programs/medical-coder-roi.framework.yaml": roiFW, "programs/medical-coder-cb.yaml": cb})
	if r := runIn(t, dir, "render", "programs", "-o", "bydir"); r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if r := runIn(t, dir, "render", "programs/medical-coder-cb.yaml", "programs/medical-coder-roi.yaml", "-o", "byname"); r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	names := entries(t, filepath.Join(dir, "byname"))
	if len(names) != 4 || !slices.Equal(names, entries(t, filepath.Join(dir, "bydir"))) {
		t.Fatalf("by name %v, by folder %v", names, entries(t, filepath.Join(dir, "bydir")))
	}
	for _, n := range names {
		a, _ := os.ReadFile(filepath.Join(dir, "byname", n))
		b, _ := os.ReadFile(filepath.Join(dir, "bydir", n))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs", n)
		}
	}
}

// TestRenderDirUnreadable: a folder that cannot be read in part writes
// nothing (exit 3) and names what could not be read.
func TestRenderDirUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder")
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"programs/medical-coder-cb.yaml": cb, "programs/locked/medical-coder-roi.yaml": roi})
	locked := filepath.Join(dir, "programs", "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	r := runIn(t, dir, "render", "programs", "-o", "out")
	if r.code != 3 || !strings.Contains(r.stderr, "programs/locked: cannot read: permission denied") {
		t.Errorf("exit %d\n%s", r.code, r.stderr)
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"programs"}) {
		t.Errorf("the run left %v", got)
	}
}

// TestRenderOutputUnderFile: an -o directory that cannot be made is named
// in the user's words, not as the system call that failed.
func TestRenderOutputUnderFile(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"programs/medical-coder-cb.yaml": cb, "out": "a file"})
	r := runIn(t, dir, "render", "programs", "-o", "out/new")
	if want := "wpsgen: out: cannot create the -o directory: not a directory\n"; r.code != 3 || r.stderr != want {
		t.Errorf("exit %d, stderr %q, want %q", r.code, r.stderr, want)
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"out", "programs"}) {
		t.Errorf("the run left %v", got)
	}
}

// TestRenderExamplesDir: examples/README.md says rendering the folder
// renders its six programs and none of its frameworks.
func TestRenderExamplesDir(t *testing.T) {
	out := t.TempDir()
	r := runIn(t, repo, "render", "examples/", "--pdf", "-o", out)
	want := []string{"ehr-specialist-hybrid.pdf", "elevator-0174.pdf", "medical-coder-cb.pdf", "medical-coder-roi.pdf", "pharmacy-technician.pdf", "plumber-0432HY.pdf"}
	if got := wroteLines(r.stderr); r.code != 0 || !slices.Equal(got, want) {
		t.Errorf("exit %d, wrote %q\n%s", r.code, got, r.stderr)
	}
	readme, _ := os.ReadFile(filepath.Join(repo, "examples", "README.md"))
	if !strings.Contains(string(readme), "render examples/ -o out") || !strings.Contains(string(readme), "every program in the folder, six of them") {
		t.Error("examples/README.md no longer describes rendering the folder")
	}
}
