package templatestest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// BuildWpsgen writes the wpsgen binary to dest, built as the README
// installs it: without C, a static binary (CGO_ENABLED=0). flags are extra
// build flags, such as "-buildvcs=true".
//
// Several test packages run the binary and go test runs them at the same
// time. "go build -o" links again every time (a second or more of CPU
// each); "go run" keeps the linked binary in the build cache, keyed by
// the sources and flags, so "go run -exec cp PKG dest" links once for the
// whole run and then only copies. The build cache is safe to share
// between processes.
func BuildWpsgen(dest string, flags ...string) error {
	return buildWpsgen(dest, "CGO_ENABLED=0", flags)
}

// BuildWpsgenDefault is BuildWpsgen with the go command's own setting of
// cgo (on where a C compiler is installed), as a plain "go build" makes it.
func BuildWpsgenDefault(dest string) error {
	return buildWpsgen(dest, "", nil)
}

func buildWpsgen(dest, env string, flags []string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	args := append([]string{"run"}, flags...)
	args = append(args, "-exec", "cp", "github.com/wpsgen/wpsgen/cmd/wpsgen", abs)
	build := exec.Command("go", args...)
	if env != "" {
		build.Env = append(os.Environ(), env)
	}
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("go %v: %v\n%s", args, err, out)
	}
	if fi, err := os.Stat(abs); err != nil || fi.Mode()&0o111 == 0 {
		return fmt.Errorf("go run -exec cp wrote no executable %s (%v)", abs, err)
	}
	return nil
}
