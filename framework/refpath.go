package framework

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// refTarget turns a framework reference into a path to load: a catalog id
// first, then a path relative to the referring file.
func (l *Loader) refTarget(ref, from string) (string, error) {
	if p, ok := l.catalogID[ref]; ok {
		return p, nil
	}
	if strings.HasPrefix(from, catalogPrefix) {
		return "", fmt.Errorf("framework %q is not in the built-in catalog (%s)", shown(ref), strings.Join(l.CatalogIDs(), ", "))
	}
	// The checks below look at the file system (links, the repository's
	// root): a thousand programs in one directory naming one framework
	// file ask the same question, answered once.
	k := refKey{ref, filepath.Dir(from)}
	l.mu.Lock()
	r, ok := l.targets[k]
	l.mu.Unlock()
	if !ok {
		r.target, r.err = l.pathTarget(ref, k.dir)
		l.mu.Lock()
		l.targets[k] = r
		l.mu.Unlock()
	}
	return r.target, r.err
}

// refKey is a framework reference and the directory of the file that
// writes it: what its target depends on.
type refKey struct{ ref, dir string }

type targetResult struct {
	target string
	err    error
}

// pathTarget checks a reference that is not a catalog id, as a path
// relative to dir, and returns the path to load.
func (l *Loader) pathTarget(ref, dir string) (string, error) {
	if filepath.IsAbs(ref) || filepath.VolumeName(ref) != "" {
		return "", fmt.Errorf("framework %q is an absolute path; write it relative to this file so the files can move together", shown(ref))
	}
	target := userPath(filepath.Join(dir, ref))
	if !within(dir, target) && !within(repoRoot(dir), target) && !within(".", target) {
		return "", fmt.Errorf("framework %q climbs out of the directory; keep frameworks in the same repository as the files that use them (or beside or below them)", shown(ref))
	}
	if !inRepository(dir, target) {
		return "", fmt.Errorf("framework %q is a link to a file outside the repository; keep frameworks in the same repository as the files that use them", shown(ref))
	}
	if !strings.HasSuffix(ref, ".yaml") && !strings.HasSuffix(ref, ".yml") {
		msg := fmt.Sprintf("framework %q is not in the built-in catalog (%s) and is not a .yaml file path", shown(ref), strings.Join(l.CatalogIDs(), ", "))
		if s := closest(ref, l.CatalogIDs(), true); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		} else if s := siblingFile(dir, ref); s != "" {
			msg += fmt.Sprintf("; a framework file is named by its path: did you mean %q?", s)
		}
		return "", errors.New(msg)
	}
	return target, nil
}

// siblingFile returns the framework file a reference most likely means,
// written as the reference would be, or "": ref plus a YAML extension
// (a framework's id written where its path goes, "electrician" for
// electrician.framework.yaml), else the closest YAML file name in ref's
// directory (a typo). Only names in that directory are looked at.
func siblingFile(dir, ref string) string {
	refDir, base := filepath.Split(ref)
	entries, err := os.ReadDir(filepath.Join(dir, refDir))
	if err != nil {
		return ""
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && (strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) {
			names = append(names, n)
		}
	}
	for _, ext := range []string{".framework.yaml", ".yaml", ".framework.yml", ".yml"} {
		for _, n := range names {
			if n == base+ext {
				return refDir + n
			}
		}
	}
	if s := closest(base, names, true); s != "" && s != base {
		return refDir + s
	}
	return ""
}

// inRepository applies the climbing check to where links lead: a
// fw.yaml that is a link to ~/.aws/credentials is lexically beside the
// program, but reading it would print a secret into a CI log. A path that
// does not exist yet passes; reading it reports that.
func inRepository(dir, target string) bool {
	real, err := filepath.EvalSymlinks(target)
	if err != nil {
		return true
	}
	for _, base := range []string{dir, repoRoot(dir), "."} {
		if b, err := filepath.EvalSymlinks(base); err == nil && within(b, real) {
			return true
		}
	}
	return false
}

// repoRoot returns the root of the git repository holding dir (the nearest
// ancestor with a .git entry), or dir itself outside a repository. A
// reference may climb to it: ../frameworks/x.yaml is a common layout, while
// ../../../etc/passwd leaves the project.
func repoRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// within reports whether target lies inside dir, lexically.
func within(dir, target string) bool {
	absDir, err1 := filepath.Abs(dir)
	absTarget, err2 := filepath.Abs(target)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(absDir, absTarget)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
