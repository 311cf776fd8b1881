// Package render turns a program file into its documents: it validates the
// program, lays it out once (templates.Build) and draws that layout as PDF
// and XLSX, writing each file atomically.
package render

import (
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
	"github.com/wpsgen/wpsgen/templates/pdf"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

// Options select the outputs of a render.
type Options struct {
	Dir  string // output directory; "" means the current directory
	PDF  bool
	XLSX bool
	// Created is the documents' creation date; zero means CreationDate(program).
	Created time.Time
	// Strict refuses to render a program with warnings.
	Strict bool
}

// Result is what rendering one program did.
type Result struct {
	Findings []framework.Finding // the validation findings (warnings when it rendered)
	Written  []string            // files written, in order (PDF first)
}

// ErrInvalid means the program has errors; nothing was written.
var ErrInvalid = errors.New("the program has errors; nothing was written")

// WriteError is an output file that could not be written.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return fmt.Sprintf("%s: cannot write: %v", e.Path, e.Err) }
func (e *WriteError) Unwrap() error { return e.Err }

// Program validates the program at path and, when it has no errors, writes
// DIR/<name>.pdf and DIR/<name>.xlsx. The error is ErrInvalid for a program
// with errors, a *framework.ReadError or *WriteError for I/O failures.
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
	name := Name(res.Path)
	doc := templates.Build(res.Schedule, name)
	created := opts.Created
	if created.IsZero() {
		var err error
		if created, err = CreationDate(res.Schedule.Program); err != nil {
			return out, err
		}
	}
	dir := opts.Dir
	if dir == "" {
		dir = "."
	}
	if opts.PDF {
		p := filepath.Join(dir, name+".pdf")
		if err := WriteFile(p, func(w io.Writer) error { return pdf.Render(w, doc, pdf.Options{Created: created}) }); err != nil {
			return out, err
		}
		out.Written = append(out.Written, p)
	}
	if opts.XLSX {
		p := filepath.Join(dir, name+".xlsx")
		if err := WriteFile(p, func(w io.Writer) error { return xlsx.Render(w, doc, xlsx.Options{Created: created}) }); err != nil {
			return out, err
		}
		out.Written = append(out.Written, p)
	}
	return out, nil
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
	return res.Findings, res.OK(strict) && res.Schedule != nil
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
		for _, layout := range []string{"2006-01-02", "2006-01"} {
			if t, err := time.Parse(layout, p.Revision.Date.Value); err == nil {
				return t.UTC(), nil
			}
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
	return time.Unix(sec, 0).UTC(), true, nil
}

// WriteFile writes path atomically: it renders into a temporary file in the
// same directory and renames it into place only when rendering succeeded,
// so a failed run leaves any earlier file untouched and no partial file.
func WriteFile(path string, render func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return &WriteError{Path: path, Err: err}
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := render(tmp); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	if err := tmp.Chmod(0o644); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	if err := tmp.Close(); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	return nil
}
