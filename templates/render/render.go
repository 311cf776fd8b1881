// Package render turns a program file into its documents: it validates the
// program, lays it out once (templates.Build) and draws that layout as PDF
// and XLSX, writing each file atomically.
package render

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/format"
)

// Options select the outputs of a render.
type Options struct {
	Dir string // output directory; "" means the current directory
	// Formats to write, in any order; nil means format.Default() (PDF and XLSX).
	Formats []format.Format
	// Created is the documents' creation date; zero means CreationDate(program).
	Created time.Time
	// Strict refuses to render a program with warnings.
	Strict bool
	// Version is recorded in the documents as their creator's version.
	Version string
	// Workers is how many programs are drawn at once; 0 means GOMAXPROCS.
	Workers int
}

func (o Options) formats() []format.Format {
	if len(o.Formats) == 0 {
		return format.Default()
	}
	return format.Ordered(o.Formats)
}

// Result is what rendering one program did.
type Result struct {
	Findings []framework.Finding // the validation findings (warnings when it rendered)
	Written  []string            // files written, in order (PDF first)
}

// ErrInvalid means the program has errors; nothing was written.
var ErrInvalid = errors.New("the program has errors; nothing was written")

// ConflictError is an output that would replace one of the run's inputs.
type ConflictError struct {
	Output, Input string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s would overwrite the input %s; name the program differently or write to another directory (-o)", e.Output, e.Input)
}

// Program validates the program at path and, when it has no errors, writes
// its documents (DIR/<name>.pdf, DIR/<name>.xlsx, ...). The error is
// ErrInvalid for a program with errors, a *framework.ReadError or
// *WriteError for I/O failures, a *ConflictError when an output would
// replace the program itself.
func Program(l *framework.Loader, path string, opts Options) (*Result, error) {
	res, err := l.Validate(path)
	if err != nil {
		return nil, err
	}
	return Write(res, opts)
}

// Write renders a program that has been validated already (see Program).
func Write(res *framework.Result, opts Options) (*Result, error) {
	findings, ok := Ready(res, opts.Strict)
	out := &Result{Findings: findings}
	if !ok {
		return out, ErrInvalid
	}
	written, err := WriteAll(context.Background(), []*framework.Result{res}, opts)
	out.Written = written
	return out, err
}

// Outputs are the files a program's documents are written to, in order.
func Outputs(dir, name string, formats []format.Format) []string {
	if dir == "" {
		dir = "."
	}
	paths := make([]string, 0, len(formats))
	for _, f := range formats {
		paths = append(paths, filepath.Join(dir, name+f.Ext()))
	}
	return paths
}

// Inputs are the files a run reads, looked up once, so checking every
// program's outputs against them costs one stat per output, not one per
// output and input (a run of 1,000 programs would otherwise make millions
// of system calls before rendering anything).
type Inputs struct {
	paths []string
	infos []os.FileInfo  // of the inputs that exist, by index into paths
	abs   map[string]int // cleaned absolute path -> index into paths
}

// NewInputs looks up paths: their file identities and absolute paths.
func NewInputs(paths []string) *Inputs {
	in := &Inputs{paths: paths, infos: make([]os.FileInfo, len(paths)), abs: make(map[string]int, len(paths))}
	for i, p := range paths {
		if fi, err := os.Stat(p); err == nil {
			in.infos[i] = fi
		}
		if a, err := filepath.Abs(p); err == nil {
			if _, dup := in.abs[a]; !dup {
				in.abs[a] = i
			}
		}
	}
	return in
}

// Check returns a *ConflictError when one of outputs is one of the inputs.
func (in *Inputs) Check(outputs []string) error {
	for _, o := range outputs {
		if oi, err := os.Stat(o); err == nil {
			for i, ii := range in.infos {
				if ii != nil && os.SameFile(oi, ii) {
					return &ConflictError{Output: o, Input: in.paths[i]}
				}
			}
		}
		if oabs, err := filepath.Abs(o); err == nil {
			if i, ok := in.abs[oabs]; ok {
				return &ConflictError{Output: o, Input: in.paths[i]}
			}
		}
	}
	return nil
}

// WriteAll renders every program x format of a run into temporary files and
// renames them into place only when all were rendered: on any error, or
// when ctx is cancelled (SIGINT, SIGTERM), it removes its temporary files
// and every earlier output stays untouched. The programs must be Ready.
// It returns the files written, in order. Programs are drawn opts.Workers
// at a time (GOMAXPROCS by default); the files and their order are those
// of a one-at-a-time run, and so is the error when several programs fail:
// the first program's.
func WriteAll(ctx context.Context, results []*framework.Result, opts Options) (written []string, err error) {
	formats := opts.formats()
	dir := opts.Dir
	if dir == "" {
		dir = "."
	}
	inputs := make([]string, len(results))
	for i, r := range results {
		inputs[i] = r.Path
	}
	ins := NewInputs(inputs)
	for _, r := range results {
		if err := ins.Check(Outputs(dir, Name(r.Path), formats)); err != nil {
			return nil, err
		}
	}
	for _, r := range results {
		if r.Schedule == nil {
			return nil, ErrInvalid
		}
	}
	s := staging{files: make([]staged, len(results)*len(formats))}
	defer s.abort()
	// Each program is built and drawn by one worker into its own slots of
	// s.files, so the files are renamed in input order whatever order the
	// workers finish in, and every document is the bytes a lone render
	// would write.
	err = forEach(ctx, len(results), opts.Workers, func(ctx context.Context, i int) error {
		r := results[i]
		doc := templates.Build(r.Schedule, Name(r.Path))
		created := opts.Created
		if created.IsZero() {
			var err error
			if created, err = CreationDate(r.Schedule.Program); err != nil {
				return err
			}
		}
		source := r.Source
		paths := Outputs(dir, doc.Name, formats)
		for j, f := range formats {
			if err := s.add(ctx, i*len(formats)+j, paths[j], func(w io.Writer) error {
				return f.Render(w, doc, format.Options{Created: created, Version: opts.Version, Source: source})
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.commit(ctx)
}

// Ready reports whether a validated file can be rendered, with its findings
// plus, for a file that is not a program, one that says so.
func Ready(res *framework.Result, strict bool) ([]framework.Finding, bool) {
	if res.Kind != framework.KindProgram {
		if !res.OK(false) {
			return res.Findings, false // its own findings say what is wrong
		}
		return append(res.Findings, framework.Finding{Pos: framework.Pos{File: res.Path, Line: 1, Col: 1}, Severity: framework.Error,
			Rule: framework.RuleSchema, Message: "render takes programs (kind: program); this file is a " + res.Kind + ": check it with 'wpsgen validate'"}), false
	}
	if res.Schedule != nil && res.Schedule.Program != nil {
		if f, bad := revisionDateFinding(res.Schedule.Program); bad {
			return append(res.Findings, f), false
		}
	}
	return res.Findings, res.OK(strict) && res.Schedule != nil
}

// Documents record their date in formats that cannot hold every year:
// spreadsheet dates start in 1900 and PDF dates have four digits.
const minYear, maxYear = 1900, 9999

func inRange(t time.Time) bool { return t.Year() >= minYear && t.Year() <= maxYear }

// revisionDateFinding refuses a revision.date no document can record.
func revisionDateFinding(p *framework.Program) (framework.Finding, bool) {
	if p.Revision == nil || !p.Revision.Date.Set {
		return framework.Finding{}, false
	}
	t, ok := revisionDate(p)
	if !ok || inRange(t) {
		return framework.Finding{}, false
	}
	return framework.Finding{Pos: p.Revision.Date.Pos, Severity: framework.Error, Rule: framework.RuleSchema,
		Message: fmt.Sprintf("revision.date %s is outside the years %d-%d that the documents can record", p.Revision.Date.Value, minYear, maxYear)}, true
}

func revisionDate(p *framework.Program) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01"} {
		if t, err := time.Parse(layout, p.Revision.Date.Value); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// Name is the base name of a program's documents: the file name without
// its extension.
func Name(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// CreationDate is the date recorded in the documents: SOURCE_DATE_EPOCH
// when set (reproducible builds convention), else the program's
// revision.date, else 2000-01-01. Never the clock: the same input gives the
// same bytes.
// An invalid SOURCE_DATE_EPOCH is an error, not silently ignored.
func CreationDate(p *framework.Program) (time.Time, error) {
	if t, set, err := SourceDateEpoch(); set || err != nil {
		return t, err
	}
	if p.Revision != nil && p.Revision.Date.Set {
		if t, ok := revisionDate(p); ok {
			if !inRange(t) {
				return time.Time{}, fmt.Errorf("revision.date %s is outside the years %d-%d that the documents can record", p.Revision.Date.Value, minYear, maxYear)
			}
			return t, nil
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), nil
}

// SourceDateEpoch reads the SOURCE_DATE_EPOCH environment variable: the
// time it gives, whether it is set, and an error when it is not a whole
// number of seconds.
func SourceDateEpoch() (time.Time, bool, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Time{}, false, nil
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, true, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a whole number of seconds since 1970-01-01", s)
	}
	// Compare seconds, not years: a huge count wraps time.Time's year.
	t := time.Unix(sec, 0).UTC()
	if sec < time.Date(minYear, 1, 1, 0, 0, 0, 0, time.UTC).Unix() || sec >= time.Date(maxYear+1, 1, 1, 0, 0, 0, 0, time.UTC).Unix() {
		return time.Time{}, true, fmt.Errorf("SOURCE_DATE_EPOCH=%s is outside the years %d-%d that the documents can record", s, minYear, maxYear)
	}
	return t, true, nil
}
