package render

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"testing"
)

// More documents than are kept open without a name: the rest are named as
// they are finished, and both kinds are committed, or removed on abort.
func TestStagingPastMaxUnnamed(t *testing.T) {
	for _, commit := range []bool{true, false} {
		dir := t.TempDir()
		s := staging{files: make([]staged, maxUnnamed+6)}
		for i := range maxUnnamed + 6 {
			path := fmt.Sprintf("%s/doc%03d.txt", dir, i)
			if err := s.add(context.Background(), i, path, func(w io.Writer) error {
				_, err := fmt.Fprint(w, i)
				return err
			}); err != nil {
				t.Fatal(err)
			}
		}
		if commit {
			if written, err := s.commit(context.Background()); err != nil || len(written) != maxUnnamed+6 {
				t.Fatalf("wrote %d, %v", len(written), err)
			}
		}
		s.abort()
		es, _ := os.ReadDir(dir)
		want := 0
		if commit {
			want = maxUnnamed + 6
		}
		if len(es) != want {
			t.Errorf("commit %v: the folder holds %d files, want %d", commit, len(es), want)
		}
		for i, e := range es {
			if data, _ := os.ReadFile(dir + "/" + e.Name()); e.Name() != fmt.Sprintf("doc%03d.txt", i) || string(data) != fmt.Sprint(i) {
				t.Errorf("%s holds %q", e.Name(), data)
			}
		}
	}
}

// TestWriteErrorMessage: a document that cannot be written is named, with
// the reason, never by the temporary file it was staged in.
func TestWriteErrorMessage(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "out/.wpsgen-f192d01c55a0.tmp", Err: fs.ErrPermission}, "out/a.pdf: cannot write: permission denied"},
		{&fs.PathError{Op: "write", Path: "out/a.pdf", Err: errors.New("no space left on device")}, "out/a.pdf: cannot write: no space left on device"},
		{errors.New("it exists and is not a regular file"), "out/a.pdf: cannot write: it exists and is not a regular file"},
	} {
		if got := (&WriteError{Path: "out/a.pdf", Err: tc.err}).Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}
