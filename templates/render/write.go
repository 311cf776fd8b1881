package render

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// WriteError is an output file that could not be written.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string {
	err := e.Err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		// Its path is Path or the temporary file beside it, a name the
		// user never sees: "open out/.wpsgen-1f2e.tmp: permission denied".
		err = pe.Err
	}
	return e.Path + ": cannot write: " + err.Error()
}
func (e *WriteError) Unwrap() error { return e.Err }

// staging holds finished documents in temporary files next to their
// targets until every document of the run is ready, so a run either
// replaces all its outputs or none. Each document has its own slot in
// files, fixed before the run: concurrent renders fill different slots,
// and commit renames them in slot order.
type staging struct {
	files []staged
	mu    sync.Mutex
	open  int // finished documents kept open without a name; see maxUnnamed
}

type staged struct {
	path string
	f    *os.File // the temporary file, open until it is named; then nil
	tmp  string   // its name; "" while it has none (see createUnnamed)
}

// maxUnnamed bounds the finished documents kept open without a name: a
// run over thousands of programs names the rest as they are finished.
const maxUnnamed = 64

// tempBase is short on purpose: the target's name may already be as long
// as the file system allows, so the temporary name must not derive from it.
func tempBase() string {
	var b [6]byte
	rand.Read(b[:])
	return ".wpsgen-" + hex.EncodeToString(b[:]) + ".tmp"
}

// createTemp opens the temporary file a document is rendered into: an
// unnamed one where the system has them, else a hidden named one.
func createTemp(dir string) (f *os.File, named bool, err error) {
	if f, err := createUnnamed(dir); err == nil {
		return f, false, nil
	}
	for range 100 {
		name := filepath.Join(dir, tempBase())
		// 0666 and the umask: the mode os.Create gives, so a document with
		// names, phones and emails is as private as the user's other files.
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, true, err
		}
	}
	return nil, false, errors.New("cannot find a free temporary file name")
}

// ctxWriter stops a render as soon as the run is cancelled (Ctrl-C).
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// add renders one document into a temporary file in path's directory and
// records it in files[slot].
func (s *staging) add(ctx context.Context, slot int, path string, render func(io.Writer) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	// A directory (or other non-file) in the target's place would make the
	// final rename fail after other outputs were replaced: refuse it now.
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() && fi.Mode()&fs.ModeSymlink == 0 {
		return &WriteError{Path: path, Err: errors.New("it exists and is not a regular file")}
	}
	tmp, named, err := createTemp(filepath.Dir(path))
	if err != nil {
		return &WriteError{Path: path, Err: err}
	}
	f := &s.files[slot]
	*f = staged{path: path, f: tmp}
	if named {
		f.tmp = tmp.Name()
	}
	if err := render(ctxWriter{ctx, tmp}); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return &WriteError{Path: path, Err: err}
	}
	// A re-render never widens an existing file's mode (a 0600 document
	// stays 0600).
	if fi, err := os.Stat(path); err == nil {
		if err := tmp.Chmod(fi.Mode().Perm()); err != nil {
			return &WriteError{Path: path, Err: err}
		}
	}
	if !named {
		s.mu.Lock()
		keep := s.open < maxUnnamed
		if keep {
			s.open++
		}
		s.mu.Unlock()
		if keep {
			return nil
		}
	}
	return f.close()
}

// close names a finished document's temporary file if it has no name yet,
// and closes it.
func (f *staged) close() error {
	if f.f == nil {
		return nil
	}
	if f.tmp == "" {
		name, err := nameTemp(f.f, filepath.Dir(f.path))
		if err != nil {
			return &WriteError{Path: f.path, Err: err}
		}
		f.tmp = name
	}
	err := f.f.Close()
	f.f = nil
	if err != nil {
		return &WriteError{Path: f.path, Err: err}
	}
	return nil
}

// commit renames every staged file into place. It is called only when all
// documents were rendered.
func (s *staging) commit(ctx context.Context) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i := range s.files {
		if err := s.files[i].close(); err != nil {
			return nil, err
		}
	}
	var written []string
	for i, f := range s.files {
		if err := os.Rename(f.tmp, f.path); err != nil {
			s.files = s.files[i:]
			return written, &WriteError{Path: f.path, Err: err}
		}
		written = append(written, f.path)
	}
	s.files = nil
	return written, nil
}

// abort removes every temporary file not yet renamed.
func (s *staging) abort() {
	for _, f := range s.files {
		if f.f != nil {
			f.f.Close()
		}
		if f.tmp != "" {
			os.Remove(f.tmp)
		}
	}
	s.files = nil
}

// WriteFile writes one file atomically: it renders into a temporary file in
// the same directory and renames it into place only when rendering
// succeeded, so a failed run leaves any earlier file untouched and no
// partial file.
func WriteFile(path string, render func(io.Writer) error) error {
	s := staging{files: make([]staged, 1)}
	defer s.abort()
	if err := s.add(context.Background(), 0, path, render); err != nil {
		return err
	}
	_, err := s.commit(context.Background())
	return err
}
