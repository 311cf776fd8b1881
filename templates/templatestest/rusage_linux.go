package templatestest

import (
	"os"
	"syscall"
)

// peakRSS is the peak resident set size of a finished process, in bytes
// (Linux reports it in kilobytes).
func peakRSS(st *os.ProcessState) int64 {
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss << 10
	}
	return 0
}
