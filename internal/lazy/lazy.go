// Package lazy defers package-level work to its first use. Every package
// of the binary is initialised when any command starts, so a regular
// expression compiled in a var initialiser costs `wpsgen --version` as much
// as the command that needs it.
package lazy

import (
	"regexp"
	"sync"
)

// Regexp returns a function that compiles expr on its first call and then
// returns the same *regexp.Regexp, safe for concurrent use. Like
// regexp.MustCompile, it panics if expr does not compile: expr is a
// constant of the program, and the tests that use it compile it.
func Regexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
