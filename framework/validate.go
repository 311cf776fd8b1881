package framework

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Result is the outcome of validating one file.
type Result struct {
	Path     string
	Kind     string
	Schedule *Schedule // programs whose framework resolved; nil otherwise
	Findings []Finding // sorted; at most MaxFindings
	Omitted  int       // findings left out of Findings past MaxFindings
	// Source is the file's YAML as it was validated, which a workbook
	// carries so that `wpsgen import` can read an edited one back.
	Source []byte
}

// MaxFindings is the most findings kept for one file: past it a file is
// generated or pasted wrong, and more lines help no one.
const MaxFindings = 1000

// OK reports whether the result has no errors (nor warnings, when strict).
func (r *Result) OK(strict bool) bool { return !HasErrors(r.Findings, strict) }

// limit keeps the first MaxFindings findings and counts the rest. When only
// omitted findings are errors, the last kept one gives way to the first
// omitted error, so the kept findings still fail the file (and stay sorted:
// every omitted finding sorts after every kept one).
func (r *Result) limit() {
	if len(r.Findings) <= MaxFindings {
		return
	}
	kept, rest := r.Findings[:MaxFindings], r.Findings[MaxFindings:]
	r.Omitted = len(rest)
	if !HasErrors(kept, false) {
		for _, f := range rest {
			if f.Severity == Error {
				kept[MaxFindings-1] = f
				break
			}
		}
	}
	r.Findings = kept
}

// trimFindings sorts fs and keeps what limit could still report: the first
// MaxFindings findings, and the first error after them. It returns how many
// it dropped. A file's findings can be trimmed in batches: every finding
// limit keeps from the whole is kept from its batch.
func trimFindings(fs []Finding) ([]Finding, int) {
	fs = SortFindings(fs)
	if len(fs) <= MaxFindings {
		return fs, 0
	}
	n := len(fs)
	for _, f := range fs[MaxFindings:] {
		if f.Severity == Error {
			fs[MaxFindings] = f
			return fs[:MaxFindings+1], n - MaxFindings - 1
		}
	}
	return fs[:MaxFindings], n - MaxFindings
}

// Validate loads a framework or program file and runs every rule on it. A
// program is validated together with its framework. The error is non-nil
// only when the file cannot be read (*ReadError).
func (l *Loader) Validate(path string) (res *Result, err error) {
	defer func() {
		// A bug in a rule must not take down a run over a thousand files,
		// nor show a stack trace: it becomes an error naming the file.
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%s: internal error while checking this file: %v; please report it with the file", path, r)
		}
	}()
	f, err := l.Load(path)
	if err != nil {
		return nil, err
	}
	res = &Result{Path: path, Kind: f.Kind, Source: f.Source}
	switch f.Kind {
	case KindFramework:
		_, res.Findings = l.ResolveFramework(f)
	case KindProgram:
		res.Schedule, res.Findings = l.validateProgram(f)
	default:
		res.Findings = f.Findings
	}
	if l.FindingsOnly {
		res.Schedule, res.Source = nil, nil
		if f.Kind != KindFramework {
			// Only frameworks are read again, by the programs naming them
			// (a file named where a framework belongs is parsed again to
			// say so, with the same result).
			l.mu.Lock()
			delete(l.files, userPath(path))
			l.mu.Unlock()
		}
	}
	res.Findings = SortFindings(userFindings(res.Findings))
	res.limit()
	res.Omitted += f.Omitted
	return res, nil
}

func (l *Loader) validateProgram(f *File) (*Schedule, []Finding) {
	findings := f.Findings
	p := f.Program
	if HasSyntaxErrors(findings) || p.Sponsor == nil || p.Occupation == nil || p.Term == nil {
		return nil, findings // too broken to check further: fix the schema findings first
	}
	var fw *Resolved
	if p.Framework.Set {
		var fs []Finding
		fw, fs = l.ResolveRef(p.Framework, f.Path)
		findings = append(findings, fs...)
	}
	c := &checker{printable: l.Printable}
	s := c.checkProgram(p, fw)
	findings = append(findings, c.findings...)
	if fw == nil {
		s = nil
	}
	return s, findings
}

// HasSyntaxErrors reports whether any finding is a syntax error.
func HasSyntaxErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Rule == RuleSyntax {
			return true
		}
	}
	return false
}

// userFindings drops findings inside built-in catalog files: they are the
// catalog's to fix (and tested to be clean), not the user's.
func userFindings(fs []Finding) []Finding {
	out := fs[:0:0]
	for _, f := range fs {
		if !strings.HasPrefix(f.Pos.File, catalogPrefix) {
			out = append(out, f)
		}
	}
	return out
}

// ExpandPaths turns files and directories into the list of files to check:
// a directory is walked for *.yaml and *.yml files (hidden files and
// directories skipped), in lexical order. Named files are kept whatever
// their extension; a file named twice is checked once. A path or a folder
// met in a walk that cannot be read does not stop the others: the files
// found are returned with an error joining one *ReadError per such path.
func ExpandPaths(paths []string) ([]string, error) {
	var out []string
	var unreadable []error
	seen := map[string]bool{}
	add := func(p string) {
		if p = filepath.Clean(p); !seen[p] { // "p.yaml ./p.yaml" is one file
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			unreadable = append(unreadable, &ReadError{Path: p, Err: err})
			continue
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		root := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			// A folder named through a link is walked: the link is what
			// the user named. WalkDir does not follow a link, not even its
			// root, unless the name ends in a separator. Links to folders
			// met inside the walk are not walked, so a walk never loops.
			root = p + string(filepath.Separator)
		}
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				// The entries of a folder read in part are still walked.
				unreadable = append(unreadable, &ReadError{Path: path, Err: err})
				return nil
			}
			hidden := path != root && strings.HasPrefix(d.Name(), ".")
			if d.IsDir() && hidden {
				return filepath.SkipDir
			}
			// Hidden files (.pre-commit-config.yaml, ...) are tools' settings, never ours.
			if !d.IsDir() && !hidden && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
				add(path)
			}
			return nil
		})
	}
	return out, errors.Join(unreadable...)
}

// ReadErrors lists the *ReadError values in err, which may join several
// (as ExpandPaths' does).
func ReadErrors(err error) []*ReadError {
	if re, ok := err.(*ReadError); ok {
		return []*ReadError{re}
	}
	var out []*ReadError
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, ReadErrors(e)...)
		}
	}
	return out
}

// ValidateAll validates files in parallel (workers goroutines; 0 means one
// per CPU) and returns the results in the order of paths. Unreadable files
// are returned as errors in the same order; the others are still checked.
func (l *Loader) ValidateAll(paths []string, workers int) ([]*Result, []error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results := make([]*Result, len(paths))
	errs := make([]error, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, max(1, len(paths))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = l.Validate(paths[i])
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	var failed []error
	for _, err := range errs {
		if err != nil {
			failed = append(failed, err)
		}
	}
	return results, failed
}
