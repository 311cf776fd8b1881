//go:build unix

package framework

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within runs f and fails the test if it has not returned after a few
// seconds: before the fix, opening a named pipe blocked forever.
func finishes(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s still blocked after 5s", what)
	}
}

// TestNamedPipesNeverOpened: a FIFO called *.yaml, named on the command
// line, by framework:, by extends:, or found in a walked directory, is
// refused at once instead of blocking in open(2).
func TestNamedPipesNeverOpened(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	prog := write("prog.yaml", "kind: program\nframework: pipe.yaml\nsponsor: {name: X}\noccupation: {job_title: Y}\napproach: time-based\nterm: {hours: 2000}\njob_functions: [{id: '1', hours: 2000, competencies: [{id: A}]}]\n")
	ext := write("ext.yaml", "kind: framework\nid: ext\ntitle: Ext\nversion: '1'\nonet: 29-2072.00\nextends: pipe.yaml\n")

	t.Run("argument", func(t *testing.T) {
		finishes(t, "Validate(fifo)", func() {
			_, err := NewLoader().Validate(fifo)
			var re *ReadError
			if !errors.As(err, &re) || !strings.Contains(err.Error(), "named pipe") {
				t.Errorf("want a read error naming the pipe, got %v", err)
			}
		})
	})
	for _, tc := range []struct{ name, path string }{{"framework", prog}, {"extends", ext}} {
		t.Run(tc.name, func(t *testing.T) {
			finishes(t, "Validate("+tc.name+")", func() {
				res, err := NewLoader().Validate(tc.path)
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range res.Findings {
					if f.Rule == RuleFrameworkRef && f.Pos.Line > 1 && strings.Contains(f.Message, "named pipe") {
						return
					}
				}
				t.Errorf("want a positioned framework-ref finding naming the pipe, got:\n%s", findingsText(res.Findings))
			})
		})
	}
	t.Run("walked", func(t *testing.T) {
		finishes(t, "walk", func() {
			paths, err := ExpandPaths([]string{dir})
			if err != nil {
				t.Fatal(err)
			}
			_, errs := NewLoader().ValidateAll(paths, 2)
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), "pipe.yaml: cannot read: is a named pipe") {
				t.Errorf("want one read error for the pipe, got %v", errs)
			}
		})
	})
}

// TestFrameworkLinkLeavingRepository: framework: fw.yaml where fw.yaml is
// a link to a file outside the repository is refused before it is read,
// and nothing of that file appears in the findings. A link inside works.
func TestFrameworkLinkLeavingRepository(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(root, "credentials.yaml")
	mini, err := os.ReadFile("testdata/fw/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for path, data := range map[string][]byte{
		secret:                                   []byte("aws_secret_access_key = SECRET-TOKEN-1234\n"),
		filepath.Join(repo, "frameworks/m.yaml"): mini,
	} {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(secret, filepath.Join(repo, "out.yaml")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	if err := os.Symlink("frameworks/m.yaml", filepath.Join(repo, "in.yaml")); err != nil {
		t.Fatal(err)
	}
	program := func(ref string) string {
		p := filepath.Join(repo, "p-"+ref)
		src := "kind: program\nframework: " + ref + "\nsponsor: {name: X}\noccupation: {job_title: Y}\napproach: time-based\nterm: {hours: 2000}\n" +
			"job_functions: [{id: '1', hours: 2000, competencies: [{id: A}, {id: B}]}]\nrti: {courses: [{title: T, hours: 144}]}\n"
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	res, err := NewLoader().Validate(program("out.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := findingsText(res.Findings)
	if !strings.Contains(text, ":2:12: error: framework \"out.yaml\" is a link to a file outside the repository") || strings.Contains(text, "SECRET") || strings.Contains(text, "aws") {
		t.Errorf("want a framework-ref finding that quotes nothing of the target, got:\n%s", text)
	}
	res, err = NewLoader().Validate(program("in.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) > 0 {
		t.Errorf("a link inside the repository should work, got:\n%s", findingsText(res.Findings))
	}
}
