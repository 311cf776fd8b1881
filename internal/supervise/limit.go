package supervise

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// Limit is a memory limit set on the process with setrlimit.
type Limit struct {
	Flag  string // the ulimit flag that sets it: "-v" or "-d"
	Bytes uint64
}

// String names the limit as the user set it: "ulimit -v 1000000: 977 MiB".
func (l Limit) String() string {
	return fmt.Sprintf("ulimit %s %d: %d MiB", l.Flag, l.Bytes>>10, l.Bytes>>20)
}

// MemoryRlimit returns the smaller of the finite address space (ulimit -v)
// and data (ulimit -d) limits, and false when neither is set.
func MemoryRlimit() (Limit, bool) {
	var best Limit
	for _, r := range []struct {
		resource int
		flag     string
	}{{unix.RLIMIT_AS, "-v"}, {unix.RLIMIT_DATA, "-d"}} {
		var rl unix.Rlimit
		if unix.Getrlimit(r.resource, &rl) != nil || rl.Cur == unix.RLIM_INFINITY {
			continue
		}
		if best.Bytes == 0 || rl.Cur < best.Bytes {
			best = Limit{Flag: r.flag, Bytes: rl.Cur}
		}
	}
	return best, best.Bytes > 0
}

// Soft limits of the heap (debug.SetMemoryLimit) under a hard limit. The
// Go runtime reserves most of a small address space before main (about
// 800 MB on linux/amd64, more or less from run to run), maps the heap in
// 64 MB arenas and each thread's stack on top; what is left when main runs
// is the room the heap really has. Half of it keeps the collector working
// before the wall and leaves the arena and thread reservations theirs.
// docs/limits.md has the measurements.
const (
	rlimitShare = 2 // the heap may use 1/rlimitShare of the room left
	minSoft     = 16 << 20
)

// RlimitSoftLimit returns the soft heap limit that fits under lim, given
// the address space (VmSize) or data (VmData) the process uses already.
func RlimitSoftLimit(lim Limit, used uint64) uint64 {
	if lim.Bytes <= used {
		return minSoft
	}
	return max(minSoft, (lim.Bytes-used)/rlimitShare)
}

// ProcessMemory returns what the process uses of the resource lim bounds:
// its address space (VmSize) for -v, its data (VmData) for -d.
func ProcessMemory(lim Limit) (uint64, bool) {
	key := "VmSize:"
	if lim.Flag == "-d" {
		key = "VmData:"
	}
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), key); ok {
			kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

// cgroupShare is the part of a cgroup's memory limit the heap may use: the
// kernel counts the whole process (binary, stacks, page cache of the files
// written) and kills it at the limit, with no message at all.
const cgroupShare = 0.6

// CgroupSoftLimit returns the soft heap limit that fits the memory limit
// of the process's control group (cgroup v2 memory.max, the smallest along
// the path to the root; cgroup v1 memory.limit_in_bytes), and false when
// there is none. root is the cgroup file system, /sys/fs/cgroup.
func CgroupSoftLimit(root string, procCgroup []byte) (uint64, bool) {
	limit, ok := uint64(0), false
	take := func(file string) {
		data, err := os.ReadFile(file)
		if err != nil {
			return
		}
		s := strings.TrimSpace(string(data))
		n, err := strconv.ParseUint(s, 10, 64)
		// v1 says "no limit" with a huge number (2^63 rounded to pages).
		if err != nil || n >= 1<<62 {
			return
		}
		if !ok || n < limit {
			limit, ok = n, true
		}
	}
	for line := range strings.SplitSeq(string(procCgroup), "\n") {
		parts := strings.SplitN(line, ":", 3)
		if len(parts) != 3 {
			continue
		}
		switch {
		case parts[0] == "0" && parts[1] == "": // v2
			for dir := parts[2]; ; dir = path.Dir(dir) {
				take(path.Join(root, dir, "memory.max"))
				if dir == "/" || dir == "." {
					break
				}
			}
		case strings.Contains(","+parts[1]+",", ",memory,"): // v1
			take(path.Join(root, "memory", parts[2], "memory.limit_in_bytes"))
			take(path.Join(root, "memory", "memory.limit_in_bytes"))
		}
	}
	if !ok {
		return 0, false
	}
	return max(minSoft, uint64(float64(limit)*cgroupShare)), true
}
