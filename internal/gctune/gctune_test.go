package gctune

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestLimit(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		live, threshold, ceiling uint64
		growth                   int
		want                     uint64
	}{
		{0, 128 * mib, math.MaxInt64, 50, 128 * mib},                      // nothing measured yet
		{16 * mib, 128 * mib, math.MaxInt64, 50, 128 * mib},               // small: the threshold
		{85 * mib, 128 * mib, math.MaxInt64, 50, 128 * mib},               // 85 x 1.5 = 127.5: still the threshold
		{100 * mib, 128 * mib, math.MaxInt64, 50, 150 * mib},              // past it: one and a half times the live heap
		{1000 * mib, 128 * mib, math.MaxInt64, 50, 1500 * mib},            // far past it: grows by half, no thrashing
		{1000 * mib, 128 * mib, 600 * mib, 50, 600 * mib},                 // never above the ceiling (a ulimit's share)
		{16 * mib, 128 * mib, 64 * mib, 50, 64 * mib},                     // a ceiling under the threshold wins
		{math.MaxInt64 - 1, 128 * mib, math.MaxInt64, 50, math.MaxInt64},  // no overflow
		{math.MaxInt64 - 1, 128 * mib, math.MaxInt64, 200, math.MaxInt64}, // growth is at most 100
		{math.MaxUint64, 128 * mib, math.MaxUint64, 100, math.MaxInt64},   // an int64 for SetMemoryLimit
		{100 * mib, 128 * mib, math.MaxInt64, -50, 128 * mib},             // growth is at least 0
	} {
		if got := Limit(c.live, c.threshold, c.ceiling, c.growth); got != c.want {
			t.Errorf("Limit(%d, %d, %d, %d) = %d, want %d", c.live, c.threshold, c.ceiling, c.growth, got, c.want)
		}
	}
}

// memoryLimit reads the current soft memory limit.
func memoryLimit() int64 { return debug.SetMemoryLimit(-1) }

// waitLimit collects until the soft limit satisfies ok (the tuner runs
// after a collection, on the finalizer goroutine), or fails after a few
// seconds.
func waitLimit(t *testing.T, what string, ok func(int64) bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !ok(memoryLimit()) {
		if time.Now().After(deadline) {
			t.Fatalf("the soft memory limit is %d, want %s", memoryLimit(), what)
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
}

// TestStart: the tuner raises the soft limit when the live heap passes its
// threshold, up to its ceiling, takes it back down when that heap is let
// go, and leaves it alone once stopped.
func TestStart(t *testing.T) {
	defer debug.SetMemoryLimit(memoryLimit())
	const threshold, ceiling = 32 << 20, 80 << 20
	stop := Start(threshold, ceiling, 50)
	waitLimit(t, "the threshold", func(l int64) bool { return l == threshold })
	live := make([][]byte, 48) // 48 MiB kept live: past the threshold
	for i := range live {
		live[i] = make([]byte, 1<<20)
		live[i][0] = 1
	}
	waitLimit(t, "1.5 x 48 MiB or more", func(l int64) bool { return l >= 72<<20 && l <= ceiling })
	more := make([]byte, 32<<20) // 80 MiB live: 120 MiB wanted, the ceiling holds
	more[0] = 1
	waitLimit(t, "the ceiling", func(l int64) bool { return l == ceiling })
	runtime.KeepAlive(live)
	runtime.KeepAlive(more)
	live, more = nil, nil
	waitLimit(t, "the threshold again", func(l int64) bool { return l == threshold })
	stop()
	runtime.GC() // a tune already under way when stop was called ends
	time.Sleep(10 * time.Millisecond)
	debug.SetMemoryLimit(1 << 40)
	for range 3 {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if l := memoryLimit(); l != 1<<40 {
		t.Errorf("a stopped tuner set the limit to %d", l)
	}
}
