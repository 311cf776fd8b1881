package framework

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed catalog/*.yaml
var catalogFS embed.FS

// catalogPrefix names catalog files in findings, so they can never be
// confused with a user's file.
const catalogPrefix = "catalog:"

// ReadError is a file that could not be read at all (missing, unreadable, a
// directory). The command line maps it to exit code 3.
type ReadError struct {
	Path string
	Err  error
}

func (e *ReadError) Error() string {
	msg := e.Err.Error()
	var pe *fs.PathError
	if errors.As(e.Err, &pe) {
		msg = pe.Err.Error()
	}
	return fmt.Sprintf("%s: cannot read: %s", e.Path, msg)
}

func (e *ReadError) Unwrap() error { return e.Err }

// Loader reads and caches files and resolves framework references. One
// Loader serves many validations, in parallel: a framework shared by a
// thousand programs is parsed and resolved once.
type Loader struct {
	Printable func(r rune) bool // what the selected document formats draw (nil: every printable character); set before the first Load

	// FindingsOnly makes Validate's results carry findings only, without
	// the schedule and source a renderer needs, and makes the Loader drop
	// a file other than a framework once it is checked: a run over a
	// thousand programs then holds each only while checking it (about a
	// third of the memory, and a fifth less CPU time). Set it before the
	// first Validate.
	FindingsOnly bool

	mu        sync.Mutex
	files     map[string]*fileEntry
	resolved  map[string]*resolveEntry
	catalogID map[string]string // id -> catalog path
	targets   map[refKey]targetResult
}

type fileEntry struct {
	once sync.Once
	file *File
	err  error
}

type resolveEntry struct {
	once     sync.Once
	fw       *Resolved
	findings []Finding
}

// NewLoader returns a Loader with the built-in catalog.
func NewLoader() *Loader {
	l := &Loader{files: map[string]*fileEntry{}, resolved: map[string]*resolveEntry{}, catalogID: map[string]string{},
		targets: map[refKey]targetResult{}}
	entries, _ := fs.ReadDir(catalogFS, "catalog")
	for _, e := range entries {
		id := strings.TrimSuffix(e.Name(), ".yaml")
		l.catalogID[id] = catalogPrefix + id
	}
	return l
}

// CatalogIDs lists the built-in frameworks, sorted.
func (l *Loader) CatalogIDs() []string {
	ids := make([]string, 0, len(l.catalogID))
	for id := range l.catalogID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// CatalogSource returns the YAML text of a built-in framework.
func CatalogSource(id string) ([]byte, error) {
	return catalogFS.ReadFile("catalog/" + id + ".yaml")
}

// Load reads and parses a file (once; later calls return the cached
// result). path is always a file path, even one that starts with
// "catalog:": a user's file is never shadowed by the built-in catalog,
// which is reached by id from framework:, extends: and --framework.
func (l *Loader) Load(path string) (*File, error) {
	return l.load(userPath(path))
}

// userPath keeps a file path from being read as a catalog key: a file
// named "catalog:x" is shown and cached as "./catalog:x".
func userPath(path string) string {
	if strings.HasPrefix(path, catalogPrefix) {
		return "." + string(filepath.Separator) + path
	}
	return path
}

// load reads a file path, or a built-in framework named catalogPrefix+id.
func (l *Loader) load(key string) (*File, error) {
	l.mu.Lock()
	e := l.files[key]
	if e == nil {
		e = &fileEntry{}
		l.files[key] = e
	}
	l.mu.Unlock()
	e.once.Do(func() {
		data, err := readFile(key)
		if err != nil {
			e.err = &ReadError{Path: key, Err: err}
			return
		}
		e.file = Parse(key, data)
		// The cached file is shared by every validation that uses it: an
		// append to its findings must copy, never write into shared memory.
		e.file.Findings = slices.Clip(e.file.Findings)
	})
	return e.file, e.err
}

func readFile(path string) ([]byte, error) {
	if id, ok := strings.CutPrefix(path, catalogPrefix); ok {
		return CatalogSource(id) // user paths never start with the prefix: see userPath
	}
	// Look before opening: open(2) on a named pipe blocks until a writer
	// comes, which in CI is never.
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(st); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Again on the open file: the path may have been replaced since Stat.
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := regular(st); err != nil {
		return nil, err
	}
	// Read one byte past the limit so Parse can report the size. The
	// buffer starts at the file's size (io.ReadAll would start at 512 bytes
	// and grow, copying, through a read per step): one read for the bytes,
	// one to see the end.
	var b bytes.Buffer
	b.Grow(int(min(max(st.Size(), 0), MaxFileSize)) + bytes.MinRead)
	_, err = b.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	return b.Bytes(), err
}

// regular refuses everything but a regular file, naming what it is.
func regular(st fs.FileInfo) error {
	m := st.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return errors.New("is a directory")
	case m&fs.ModeNamedPipe != 0:
		return errors.New("is a named pipe (FIFO), not a file; wpsgen reads only regular files")
	case m&fs.ModeSocket != 0:
		return errors.New("is a socket, not a file; wpsgen reads only regular files")
	case m&fs.ModeDevice != 0:
		return errors.New("is a device, not a file; wpsgen reads only regular files")
	}
	return errors.New("is not a regular file; wpsgen reads only regular files")
}

// Resolved is a framework with its extends chain applied: the base's job
// functions, specializations and courses plus every extension's, and the
// scalar fields of the most derived file that sets them.
type Resolved struct {
	Top             *Framework // the file that was named
	ID              String
	Title           String
	Version         String
	ONET            String
	RAPIDS          String
	Approaches      []String
	BenchmarkHours  *BenchmarkHours
	JobFunctions    []*JobFunction
	Specializations []*Specialization
	Courses         []*FrameworkCourse
}

// JobFunction returns the job function with id among the base job functions
// and every specialization's, with the specialization it belongs to (nil for
// a base job function).
func (r *Resolved) JobFunction(id string) (*JobFunction, *Specialization) {
	for _, jf := range r.JobFunctions {
		if jf.ID.Value == id {
			return jf, nil
		}
	}
	for _, s := range r.Specializations {
		for _, jf := range s.JobFunctions {
			if jf.ID.Value == id {
				return jf, s
			}
		}
	}
	return nil, nil
}

// Specialization returns the specialization with id, or nil.
func (r *Resolved) Specialization(id string) *Specialization {
	for _, s := range r.Specializations {
		if s.ID.Value == id {
			return s
		}
	}
	return nil
}

// AllowsApproach reports whether the framework allows approach (all three
// when approaches is not given).
func (r *Resolved) AllowsApproach(approach string) bool {
	if len(r.Approaches) == 0 {
		return true
	}
	return slices.ContainsFunc(r.Approaches, func(s String) bool { return s.Value == approach })
}

// ResolveRef resolves a program's `framework:` or a framework's `extends:`
// reference written in file from. Problems are framework-ref findings at ref.
func (l *Loader) ResolveRef(ref String, from string) (*Resolved, []Finding) {
	return l.resolveRef(ref, from, nil)
}

func (l *Loader) resolveRef(ref String, from string, chain []string) (*Resolved, []Finding) {
	bad := func(format string, args ...any) (*Resolved, []Finding) {
		return nil, []Finding{{Pos: ref.Pos, Severity: Error, Rule: RuleFrameworkRef, Message: fmt.Sprintf(format, args...)}}
	}
	target, err := l.refTarget(ref.Value, from)
	if err != nil {
		return bad("%s", err.Error())
	}
	key := target
	if !strings.HasPrefix(target, catalogPrefix) {
		if abs, err := filepath.Abs(target); err == nil {
			key = abs
		}
	}
	if slices.Contains(chain, key) {
		return bad("extends makes a cycle: %s", strings.Join(displayChain(append(slices.Clip(chain), key)), " -> "))
	}
	f, err := l.load(target)
	if err != nil {
		var re *ReadError
		if errors.As(err, &re) && errors.Is(re.Err, fs.ErrNotExist) {
			msg := fmt.Sprintf("framework %q is neither a built-in framework (%s) nor a file (%s does not exist)", shown(ref.Value), strings.Join(l.CatalogIDs(), ", "), target)
			if s := siblingFile(filepath.Dir(from), ref.Value); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			return bad("%s", msg)
		}
		msg := err.Error()
		if errors.As(err, &re) {
			msg = re.Err.Error()
		}
		return bad("framework %q cannot be read: %s", shown(ref.Value), msg)
	}
	if f.Kind != KindFramework {
		if f.Kind == KindProgram {
			return bad("%s is a program, not a framework; name a file with kind: framework", shown(ref.Value))
		}
		// Its findings are not shown: they would quote a file that may be
		// anything (a key, a password file) into the log of this run.
		return bad("%s is not a framework file (it has no kind: framework); validate it on its own to see why", shown(ref.Value))
	}
	if len(chain) == 0 {
		return l.resolveFile(f, key)
	}
	return l.resolveFramework(f, append(chain, key))
}

func displayChain(chain []string) []string {
	out := make([]string, len(chain))
	for i, c := range chain {
		out[i] = strings.TrimPrefix(c, catalogPrefix)
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, out[i]); err == nil && !strings.HasPrefix(rel, "..") {
				out[i] = rel
			}
		}
	}
	return out
}

// resolveFile resolves a framework file once and caches the result.
func (l *Loader) resolveFile(f *File, key string) (*Resolved, []Finding) {
	l.mu.Lock()
	e := l.resolved[key]
	if e == nil {
		e = &resolveEntry{}
		l.resolved[key] = e
	}
	l.mu.Unlock()
	e.once.Do(func() { e.fw, e.findings = l.resolveFramework(f, []string{key}) })
	// Shared between goroutines: callers append their own findings to it.
	return e.fw, slices.Clip(e.findings)
}

// ResolveFramework resolves a parsed framework file: its own findings,
// its extends chain, and the checks of a framework (framework.go).
func (l *Loader) ResolveFramework(f *File) (*Resolved, []Finding) {
	key := f.Path
	if abs, err := filepath.Abs(f.Path); err == nil && !strings.HasPrefix(f.Path, catalogPrefix) {
		key = abs
	}
	return l.resolveFile(f, key)
}

func (l *Loader) resolveFramework(f *File, chain []string) (*Resolved, []Finding) {
	findings := slices.Clone(f.Findings)
	fw := f.Framework
	if HasErrors(f.Findings, false) {
		return nil, findings
	}
	var base *Resolved
	if fw.Extends.Set {
		var fs []Finding
		base, fs = l.resolveRef(fw.Extends, f.Path, chain)
		findings = append(findings, fs...)
		if base == nil {
			return nil, findings
		}
	} else if len(fw.JobFunctions) == 0 {
		findings = append(findings, Finding{Pos: fw.Pos, Severity: Error, Rule: RuleSchema,
			Message: "the framework needs job_functions (at least one) unless it extends another framework"})
	}
	r := merge(base, fw)
	c := &checker{printable: l.Printable}
	c.checkFramework(fw, base)
	findings = append(findings, c.findings...)
	return r, findings
}

// merge applies an extending framework to its resolved base.
func merge(base *Resolved, fw *Framework) *Resolved {
	r := &Resolved{Top: fw}
	if base != nil {
		*r = *base
		r.Top = fw
		r.JobFunctions = slices.Clone(base.JobFunctions)
		r.Specializations = slices.Clone(base.Specializations)
		r.Courses = slices.Clone(base.Courses)
	}
	set := func(dst *String, src String) {
		if src.Set {
			*dst = src
		}
	}
	set(&r.ID, fw.ID)
	set(&r.Title, fw.Title)
	set(&r.Version, fw.Version)
	set(&r.ONET, fw.ONET)
	set(&r.RAPIDS, fw.RAPIDS)
	if fw.Approaches != nil {
		r.Approaches = fw.Approaches
	}
	if fw.BenchmarkHours != nil {
		r.BenchmarkHours = fw.BenchmarkHours
	}
	r.JobFunctions = append(r.JobFunctions, fw.JobFunctions...)
	r.Specializations = append(r.Specializations, fw.Specializations...)
	r.Courses = append(r.Courses, fw.Courses...)
	return r
}

// Catalog returns a built-in framework, resolved.
func (l *Loader) Catalog(id string) (*Resolved, error) {
	p, ok := l.catalogID[id]
	if !ok {
		return nil, fmt.Errorf("no built-in framework %q", id)
	}
	f, err := l.load(p)
	if err != nil {
		return nil, err
	}
	r, findings := l.ResolveFramework(f)
	if r == nil || HasErrors(findings, false) {
		return nil, fmt.Errorf("built-in framework %s has errors: %v", id, findings)
	}
	return r, nil
}

// Counts summarizes a framework for listings and reviews.
type Counts struct {
	JobFunctions, Core, Optional, Specializations int
}

// Count counts a resolved framework's base job functions and the core and
// optional competencies in them and in its specializations.
func Count(r *Resolved) Counts {
	c := Counts{JobFunctions: len(r.JobFunctions), Specializations: len(r.Specializations)}
	add := func(jfs []*JobFunction) {
		for _, jf := range jfs {
			for _, comp := range jf.Competencies {
				if comp.IsCore() {
					c.Core++
				} else {
					c.Optional++
				}
			}
		}
	}
	add(r.JobFunctions)
	for _, s := range r.Specializations {
		add(s.JobFunctions)
	}
	return c
}
