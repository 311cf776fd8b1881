package render

import (
	"context"
	"errors"
	"runtime"
	"sync"
)

// forEach runs job(ctx, i) for i in [0, n) on at most workers goroutines
// (GOMAXPROCS when workers <= 0) and returns the error of the lowest job
// that failed, as a one-at-a-time run would. A failure of job i cancels the
// jobs after i and starts no new one, but lets the jobs before i finish:
// one of them may fail too, and its error is the one to report. A cancelled
// parent is returned as its error.
func forEach(parent context.Context, n, workers int, job func(context.Context, int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		mu      sync.Mutex
		failed  = n // lowest job that failed; n while none has
		cancels = make([]context.CancelFunc, n)
		errs    = make([]error, n)
	)
	// start gives job i its context, or reports that it need not run.
	start := func(i int) (context.Context, bool) {
		mu.Lock()
		defer mu.Unlock()
		if i > failed {
			return nil, false
		}
		ctx, cancel := context.WithCancel(parent)
		cancels[i] = cancel
		return ctx, true
	}
	finish := func(i int, err error) {
		mu.Lock()
		defer mu.Unlock()
		cancels[i]()
		cancels[i] = nil
		errs[i] = err
		if err == nil || i >= failed {
			return
		}
		failed = i
		for _, cancel := range cancels[i+1:] {
			if cancel != nil {
				cancel()
			}
		}
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				if ctx, ok := start(i); ok {
					finish(i, job(ctx, i))
				}
			}
		})
	}
	for i := range n {
		mu.Lock()
		stop := i > failed
		mu.Unlock()
		if stop || parent.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := parent.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
	}
	return nil
}
