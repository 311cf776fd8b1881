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
		live, want uint64
	}{
		{0, 128 * mib},                     // nothing measured yet
		{16 * mib, 128 * mib},              // small: the threshold
		{85 * mib, 128 * mib},              // 85 x 1.5 = 127.5: still the threshold
		{100 * mib, 150 * mib},             // past it: one and a half times the live heap
		{1000 * mib, 1500 * mib},           // far past it: grows by half, no thrashing
		{math.MaxInt64 - 1, math.MaxInt64}, // no overflow
	} {
		if got := Limit(c.live, 128*mib, 50); got != c.want {
			t.Errorf("Limit(%d) = %d, want %d", c.live, got, c.want)
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
// threshold, and takes it back down when that heap is let go.
func TestStart(t *testing.T) {
	defer debug.SetMemoryLimit(memoryLimit())
	const threshold = 32 << 20
	Start(threshold, 50)
	waitLimit(t, "the threshold", func(l int64) bool { return l == threshold })
	live := make([][]byte, 64) // 64 MiB kept live: past the threshold
	for i := range live {
		live[i] = make([]byte, 1<<20)
		live[i][0] = 1
	}
	waitLimit(t, "1.5 x 64 MiB or more", func(l int64) bool { return l >= 96<<20 })
	runtime.KeepAlive(live)
	live = nil
	waitLimit(t, "the threshold again", func(l int64) bool { return l == threshold })
}
