package site

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"guidebook/generator/content"
)

func TestEachPage(t *testing.T) {
	pages := make([]*content.Page, 100)
	for i := range pages {
		pages[i] = &content.Page{}
	}
	var n atomic.Int32
	if err := each(context.Background(), 0, pages, func(*content.Page) { n.Add(1) }); err != nil || n.Load() != 100 {
		t.Fatalf("ran %d of 100 pages, err %v", n.Load(), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n.Store(0)
	err := each(ctx, 1, pages, func(*content.Page) { n.Add(1) })
	if !errors.Is(err, context.Canceled) || n.Load() == 100 {
		t.Errorf("cancelled: ran %d pages, err %v; want it to stop with context.Canceled", n.Load(), err)
	}
}
