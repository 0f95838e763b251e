package site

import (
	"context"
	"runtime"
	"sync"
)

// each calls fn for every item on all cores. It stops handing out items
// once ctx is cancelled and then returns ctx's error; fn must be safe for
// concurrent use and collect its own results.
//
// workers is the number of goroutines; 0 means one per core.
func each[T any](ctx context.Context, workers int, items []T, fn func(T)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	work := make(chan T)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for p := range work {
				fn(p)
			}
		})
	}
feed:
	for _, p := range items {
		select {
		case work <- p:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	return ctx.Err()
}
