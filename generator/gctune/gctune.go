// Package gctune paces the garbage collector of a build. A build's live heap
// grows from almost nothing to its peak and the process then exits; under
// a fixed GOGC the collector runs often while the heap is small (at 35 %,
// every megabyte or two at first: about fifty cycles for a 1,000-page
// build), each cycle paying its fixed costs and rescanning what is live.
// A Tuner lets the heap grow to a floor before the first collection and,
// after each cycle, sets the growth so the next one comes when the heap
// reaches the floor again; once the live heap is large enough that the
// growth falls to the minimum, it is that fixed percentage, so the peak
// is never above what the minimum alone would allow for a large site, nor
// above the floor for a small one.
package gctune

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// Tuner adjusts the GC percentage after every collection until Stop.
type Tuner struct {
	floor   uint64 // heap bytes below which no collection is needed
	min     int    // the growth percentage once the live heap is large
	stopped atomic.Bool
}

// maxPercent bounds the growth while the live heap is tiny, where the
// floor divided by it would be a very large number.
const maxPercent = 5000

// Start begins pacing: the heap may grow to floor bytes before a
// collection, and by at least minPercent after one.
func Start(floor uint64, minPercent int) *Tuner {
	t := &Tuner{floor: floor, min: minPercent}
	t.tune()
	return t
}

// Stop leaves the GC percentage at the minimum.
func (t *Tuner) Stop() {
	t.stopped.Store(true)
	debug.SetGCPercent(t.min)
}

// Percent is the growth that makes the next collection come when a heap
// of live bytes reaches the floor, and never less than the minimum.
func (t *Tuner) Percent(live uint64) int {
	// The runtime's smallest heap goal is 4 MB at 100 %; a percentage
	// scales it, so an empty heap is given floor/4 MB × 100.
	const heapMinimum = 4 << 20
	if live < heapMinimum {
		live = heapMinimum
	}
	if live >= t.floor {
		return t.min
	}
	return max(t.min, min(maxPercent, int((t.floor-live)*100/live)))
}

// sentinel is garbage from its birth: its cleanup runs after the
// collection that finds it, which is how the tuner hears of each cycle.
// The pointer field keeps it out of the tiny allocator, whose blocks are
// shared with other objects and may outlive it.
type sentinel struct {
	_ *byte
	_ [8]byte
}

// tune sets the percentage for the live heap now and arms itself to run
// again after the next collection.
func (t *Tuner) tune() {
	if t.stopped.Load() {
		return
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	var live uint64
	if s[0].Value.Kind() == metrics.KindUint64 {
		live = s[0].Value.Uint64()
	}
	debug.SetGCPercent(t.Percent(live))
	runtime.AddCleanup(new(sentinel), (*Tuner).tune, t)
}
