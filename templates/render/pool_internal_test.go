package render

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"
)

func TestForEachRunsEveryJobOnceWithinTheBound(t *testing.T) {
	for _, workers := range []int{1, 3, 8} {
		var running, most atomic.Int32
		ran := make([]atomic.Int32, 50)
		err := forEach(context.Background(), len(ran), workers, func(_ context.Context, i int) error {
			n := running.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			time.Sleep(100 * time.Microsecond)
			ran[i].Add(1)
			running.Add(-1)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range ran {
			if n := ran[i].Load(); n != 1 {
				t.Errorf("workers %d: job %d ran %d times", workers, i, n)
			}
		}
		if m := most.Load(); m > int32(workers) {
			t.Errorf("workers %d: %d jobs ran at once", workers, m)
		}
	}
}

// The error is the lowest job's own failure, as a one-at-a-time run would
// report it, even when a later job fails first; the jobs after a failure
// are cancelled (never reported) and no new one starts.
func TestForEachFirstFailure(t *testing.T) {
	for range 20 {
		var started atomic.Int32
		err := forEach(context.Background(), 100, 4, func(ctx context.Context, i int) error {
			started.Add(1)
			switch {
			case i == 2:
				time.Sleep(5 * time.Millisecond) // fails after job 3 did
				return fmt.Errorf("job %d failed", i)
			case i == 3 || i == 7:
				return fmt.Errorf("job %d failed", i)
			case i < 2:
				return nil
			}
			<-ctx.Done() // the jobs after 3 run until cancelled
			return ctx.Err()
		})
		if err == nil || err.Error() != "job 2 failed" {
			t.Fatalf("err %v, want job 2's", err)
		}
		if n := started.Load(); n > 8 {
			t.Errorf("%d jobs started, though job 3 failed among the first four", n)
		}
	}
}

func TestForEachCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := forEach(ctx, 10, 2, func(ctx context.Context, i int) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
}
