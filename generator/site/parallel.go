package site

import (
	"context"
	"runtime"
	"sync"

	"guidebook/generator/content"
)

// eachPage calls fn for every page on all cores. It stops handing out pages
// once ctx is cancelled and then returns ctx's error; fn must be safe for
// concurrent use and collect its own results.
func eachPage(ctx context.Context, pages []*content.Page, fn func(*content.Page)) error {
	work := make(chan *content.Page)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range work {
				fn(p)
			}
		})
	}
feed:
	for _, p := range pages {
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
