package site

import (
	"context"
	"runtime"
	"sync"
)

// each calls fn for every item on all cores. It stops handing out items
// once ctx is cancelled and then returns ctx's error; fn must be safe for
// concurrent use and collect its own results.
func each[T any](ctx context.Context, items []T, fn func(T)) error {
	work := make(chan T)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
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
