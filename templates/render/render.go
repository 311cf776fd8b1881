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
	path := res.Path
	out := &Result{Findings: res.Findings}
	if res.Kind != framework.KindProgram {
		if res.OK(false) {
			out.Findings = append(out.Findings, framework.Finding{Pos: framework.Pos{File: path, Line: 1, Col: 1}, Severity: framework.Error,
				Rule: framework.RuleSchema, Message: "render takes a program (kind: program); this file is a " + res.Kind})
		}
		return out, ErrInvalid
	}
	if !res.OK(opts.Strict) || res.Schedule == nil {
		return out, ErrInvalid
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	doc := templates.Build(res.Schedule, name)
	created := opts.Created
	if created.IsZero() {
		created = CreationDate(res.Schedule.Program)
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

// CreationDate is the date recorded in the documents: SOURCE_DATE_EPOCH
// when set (reproducible builds convention), else the program's
// revision.date, else 2000-01-01. Never the clock: the same input gives the
// same bytes.
func CreationDate(p *framework.Program) time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	if p.Revision != nil && p.Revision.Date.Set {
		for _, layout := range []string{"2006-01-02", "2006-01"} {
			if t, err := time.Parse(layout, p.Revision.Date.Value); err == nil {
				return t.UTC()
			}
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
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
