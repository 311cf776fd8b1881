//go:build unix

package framework

import "syscall"

// openFlags opens without blocking: a named pipe that slipped past the
// Stat check (replaced between Stat and open) must not hang the run.
const openFlags = syscall.O_RDONLY | syscall.O_NONBLOCK
