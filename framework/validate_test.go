package framework

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeTree creates files (with empty content) under dir.
func writeTree(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestExpandPaths(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, "b.yaml", "a.yml", "notes.txt", "z/c.yaml", "z/deeper/d.yaml", ".git/e.yaml", "z/.hidden/f.yaml", "named.txt", ".pre-commit-config.yaml")
	j := func(parts ...string) string { return filepath.Join(append([]string{dir}, parts...)...) }

	// Hidden files and directories are skipped; a file named twice (or
	// spelled differently) is checked once.
	got, err := ExpandPaths([]string{dir, j("named.txt"), j("b.yaml"), j("z", "..", "named.txt")})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{j("a.yml"), j("b.yaml"), j("z", "c.yaml"), j("z", "deeper", "d.yaml"), j("named.txt")}
	if !slices.Equal(got, want) {
		t.Errorf("ExpandPaths =\n%q\nwant\n%q", got, want)
	}

	// A hidden directory named explicitly is walked.
	if got, err := ExpandPaths([]string{j(".git")}); err != nil || !slices.Equal(got, []string{j(".git", "e.yaml")}) {
		t.Errorf("ExpandPaths(.git) = %q, %v", got, err)
	}

	got, err = ExpandPaths([]string{j("missing.yaml"), j("b.yaml")})
	var re *ReadError
	if !errors.As(err, &re) || re.Path != j("missing.yaml") || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing path: err = %v, want a ReadError for it", err)
	}
	if !slices.Equal(got, []string{j("b.yaml")}) {
		t.Errorf("a missing path hid the others: %q", got)
	}
}

// TestExpandPathsUnreadableFolder: a folder the walk cannot read (here, one
// whose path is longer than the system accepts; chmod cannot refuse root)
// is reported, and the files around it are still found.
func TestExpandPathsUnreadableFolder(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, "a.yaml", "z.yaml")
	deep := deepFolder(t, dir, "deep")
	got, err := ExpandPaths([]string{dir})
	res := ReadErrors(err)
	if len(res) != 1 || res[0].Path != deep {
		t.Errorf("want one ReadError for the deep folder, got %v", err)
	}
	if want := []string{filepath.Join(dir, "a.yaml"), filepath.Join(dir, "z.yaml")}; !slices.Equal(got, want) {
		t.Errorf("ExpandPaths = %q, want %q", got, want)
	}
}

// TestExpandPathsLinkedFolder: a folder named through a symbolic link is
// walked, under the name the user gave; a link to a folder met inside a
// walk is not (a link back up would loop), while a link to a file is read.
func TestExpandPathsLinkedFolder(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, "real/a.yaml", "real/sub/b.yaml")
	j := func(parts ...string) string { return filepath.Join(append([]string{dir}, parts...)...) }
	for _, l := range []struct{ target, link string }{
		{j("real"), j("link")},
		{j("real"), j(".hidden-link")},
		{j("real"), j("real", "sub", "up")},
		{j("real", "a.yaml"), j("real", "alias.yaml")},
	} {
		if err := os.Symlink(l.target, l.link); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	for _, tc := range []struct {
		arg  string
		want []string
	}{
		{j("link"), []string{j("link", "a.yaml"), j("link", "alias.yaml"), j("link", "sub", "b.yaml")}},
		{j(".hidden-link"), []string{j(".hidden-link", "a.yaml"), j(".hidden-link", "alias.yaml"), j(".hidden-link", "sub", "b.yaml")}},
		{j("link") + string(filepath.Separator), []string{j("link", "a.yaml"), j("link", "alias.yaml"), j("link", "sub", "b.yaml")}},
		{j("real"), []string{j("real", "a.yaml"), j("real", "alias.yaml"), j("real", "sub", "b.yaml")}},
	} {
		got, err := ExpandPaths([]string{tc.arg})
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("ExpandPaths(%s) =\n%q, %v\nwant\n%q", tc.arg, got, err, tc.want)
		}
	}
}

// TestValidateAllOrderAndReadErrors checks that results keep the order of
// the paths and that an unreadable file is an error, not a finding, while
// the other files are still checked.
func TestValidateAllOrderAndReadErrors(t *testing.T) {
	paths := []string{"testdata/ok/time-based.yaml", "testdata/err/missing-file.yaml", "testdata/err/probation.yaml", "testdata", "testdata/ok/hybrid.yaml"}
	results, errs := NewLoader().ValidateAll(paths, 3)
	if len(errs) != 2 {
		t.Fatalf("errors = %v, want two (a missing file and a directory)", errs)
	}
	for _, err := range errs {
		var re *ReadError
		if !errors.As(err, &re) {
			t.Errorf("%v is not a ReadError", err)
		}
	}
	for i, res := range results {
		unreadable := i == 1 || i == 3
		if (res == nil) != unreadable {
			t.Fatalf("result %d (%s) = %v", i, paths[i], res)
		}
		if res != nil && res.Path != paths[i] {
			t.Errorf("result %d is for %s, want %s", i, res.Path, paths[i])
		}
	}
	if !results[0].OK(true) || !results[4].OK(true) || results[2].OK(false) {
		t.Errorf("OK: %v %v %v", results[0].Findings, results[4].Findings, results[2].Findings)
	}
	if results[0].Schedule == nil || len(results[0].Schedule.Items) != 1 {
		t.Errorf("a valid program has its schedule: %+v", results[0].Schedule)
	}
}

// TestLoaderSharesFrameworks checks that one Loader parses a framework used
// by many programs once, and reports its findings with each program.
func TestLoaderSharesFrameworks(t *testing.T) {
	l := NewLoader()
	a, err := l.Validate("testdata/ok/time-based.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := l.Validate("testdata/ok/custom.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if a.Schedule.Framework != b.Schedule.Framework {
		t.Error("two programs on testdata/fw/mini.yaml got different resolved frameworks")
	}
	fa, _ := l.Load("testdata/fw/mini.yaml")
	fb, _ := l.Load("testdata/fw/mini.yaml")
	if fa != fb {
		t.Error("Load parsed the same file twice")
	}
}

// TestReferenceClimbsWithinRepository: a program may name a framework in a
// sibling directory of the same repository, from any working directory; a
// reference that leaves the repository is refused.
func TestReferenceClimbsWithinRepository(t *testing.T) {
	repo := t.TempDir()
	fw, err := os.ReadFile("testdata/fw/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	prog, err := os.ReadFile("testdata/ok/competency-based.yaml")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(repo, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("frameworks/mini.yaml", fw)
	sibling := write("programs/p.yaml", bytes.Replace(prog, []byte("framework: ../fw/mini.yaml"), []byte("framework: ../frameworks/mini.yaml"), 1))
	outside := write("programs/q.yaml", bytes.Replace(prog, []byte("framework: ../fw/mini.yaml"), []byte("framework: ../../mini.yaml"), 1))

	check := func(path string, wantRefError bool) {
		t.Helper()
		res, err := NewLoader().Validate(path)
		if err != nil {
			t.Fatal(err)
		}
		got := slices.ContainsFunc(res.Findings, func(f Finding) bool { return f.Rule == RuleFrameworkRef })
		if got != wantRefError {
			t.Errorf("%s: framework-ref finding %v, want %v: %v", path, got, wantRefError, res.Findings)
		}
	}
	// Outside a repository, only the working directory makes ../ acceptable.
	check(sibling, true)
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	check(sibling, false)
	check(outside, true)
}

// deepFolder makes nested folders under dir/name until the innermost one's
// path is too long to open (PATH_MAX, 4,096 bytes on Linux), puts a YAML
// file in it, and returns its path. os.Root creates each folder relative to
// its parent, so the length never reaches a system call.
func deepFolder(t *testing.T, dir, name string) string {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	for {
		if err := root.Mkdir(name, 0o755); err != nil {
			t.Fatal(err)
		}
		sub, err := root.OpenRoot(name)
		root.Close()
		if err != nil {
			t.Fatal(err)
		}
		root = sub
		if len(path) >= 4096 {
			break
		}
		name = strings.Repeat("d", 200)
		path = filepath.Join(path, name)
	}
	defer root.Close()
	if err := root.WriteFile("x.yaml", []byte("kind: program\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestFindingsOnly: a Loader that keeps findings only reports exactly what
// a full one reports, keeps no schedule or source in its results, and
// holds no file but the frameworks once the run is done.
func TestFindingsOnly(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"testdata/ok/*.yaml", "testdata/err/*.yaml", "testdata/fw/*.yaml", "../examples/*.yaml"} {
		m, _ := filepath.Glob(pattern)
		paths = append(paths, m...)
	}
	if len(paths) < 100 {
		t.Fatalf("only %d files", len(paths))
	}
	full, fullErrs := testLoader().ValidateAll(paths, 2)
	l := testLoader()
	l.FindingsOnly = true
	lean, leanErrs := l.ValidateAll(paths, 2)
	if len(fullErrs) != len(leanErrs) {
		t.Fatalf("errors: %v, findings only: %v", fullErrs, leanErrs)
	}
	programs := 0
	for i := range paths {
		a, b := full[i], lean[i]
		if (a == nil) != (b == nil) {
			t.Fatalf("%s: result %v, findings only %v", paths[i], a, b)
		}
		if a == nil {
			continue
		}
		if findingsText(a.Findings) != findingsText(b.Findings) || a.Omitted != b.Omitted || a.Kind != b.Kind {
			t.Errorf("%s: findings differ:\n%s\nfindings only:\n%s", paths[i], findingsText(a.Findings), findingsText(b.Findings))
		}
		if b.Schedule != nil || b.Source != nil {
			t.Errorf("%s: the result keeps its schedule or source", paths[i])
		}
		if a.Kind == KindProgram && a.Schedule != nil {
			programs++
		}
	}
	if programs < 10 {
		t.Errorf("only %d programs with a schedule: the comparison proves little", programs)
	}
	// A file named where a framework belongs is read as one, and kept.
	named := map[string]bool{}
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		if f := Parse(p, data); f.Program != nil && f.Program.Framework.Set {
			named[filepath.Join(filepath.Dir(p), f.Program.Framework.Value)] = true
		}
	}
	for key, e := range l.files {
		if e.file != nil && e.file.Kind != KindFramework && !named[key] {
			t.Errorf("%s (kind %q) is still held after the run", key, e.file.Kind)
		}
	}
}
