package render

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// createUnnamed opens a file in dir that has no name until nameTemp gives
// it one: if the process dies while rendering (killed, out of memory),
// the system removes it, where a named temporary would stay behind.
func createUnnamed(dir string) (*os.File, error) {
	// nameTemp needs /proc (missing in some containers).
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		return nil, err
	}
	return os.OpenFile(dir, os.O_RDWR|unix.O_TMPFILE, 0o666)
}

// nameTemp links an unnamed file into dir under a fresh temporary name.
func nameTemp(f *os.File, dir string) (string, error) {
	proc := fmt.Sprintf("/proc/self/fd/%d", f.Fd())
	for range 100 {
		name := filepath.Join(dir, tempBase())
		err := unix.Linkat(unix.AT_FDCWD, proc, unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
		if !errors.Is(err, fs.ErrExist) {
			return name, err
		}
	}
	return "", errors.New("cannot find a free temporary file name")
}
