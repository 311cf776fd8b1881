// Package gctune raises the soft memory limit after every collection when
// the heap that survived it nears the limit, so that a process keeps its
// heap under a threshold while it can, and grows it by a fixed fraction of
// what is live when it cannot, up to a ceiling.
//
// A fixed soft limit (debug.SetMemoryLimit) does the first but not the
// second: once the live heap passes the limit, the collector runs back to
// back, up to half of the processor time. Rendering a program of 28,000
// competencies (a live heap of about 200 MB) under a fixed 128 MiB limit
// took 4.7 s and 229 collections; without a limit, 2.0 s but 1 GB of
// memory. With the limit raised to one and a half times the live heap, it
// takes about 3 s at about 280 MB, and every smaller run is as before.
package gctune

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// Limit is the soft memory limit for a live heap of live bytes: threshold,
// or live plus growth percent of it (growth between 0 and 100) when that
// is more, and never above ceiling.
func Limit(live, threshold, ceiling uint64, growth int) uint64 {
	growth = min(max(growth, 0), 100)
	want := uint64(math.MaxUint64)
	if extra := live / 100 * uint64(growth); live <= math.MaxUint64-extra {
		want = live + extra
	}
	return min(max(threshold, want), ceiling, math.MaxInt64)
}

// tuner applies Limit after every collection.
type tuner struct {
	threshold, ceiling uint64
	growth             int
	stopped            atomic.Bool
	mu                 sync.Mutex
	live               []metrics.Sample
}

// sentinel is garbage the moment it is made: its finalizer runs after the
// next collection, tunes, and makes the next sentinel.
type sentinel struct{ t *tuner }

// Start sets the soft memory limit from the live heap now and after every
// collection, until stop is called: Limit(live, threshold, ceiling,
// growth). ceiling is what bounds the process's memory (a ulimit's or a
// cgroup's share; math.MaxInt64 when nothing does). Call it once, at
// start.
func Start(threshold, ceiling uint64, growth int) (stop func()) {
	t := &tuner{threshold: threshold, ceiling: ceiling, growth: growth, live: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.tune()
	t.arm()
	return func() { t.stopped.Store(true) }
}

func (t *tuner) arm() {
	runtime.SetFinalizer(&sentinel{t: t}, func(s *sentinel) {
		if s.t.stopped.Load() {
			return
		}
		s.t.tune()
		s.t.arm()
	})
}

func (t *tuner) tune() {
	t.mu.Lock()
	defer t.mu.Unlock()
	metrics.Read(t.live)
	var live uint64
	if t.live[0].Value.Kind() == metrics.KindUint64 {
		live = t.live[0].Value.Uint64()
	}
	debug.SetMemoryLimit(int64(Limit(live, t.threshold, t.ceiling, t.growth)))
}
