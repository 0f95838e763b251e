package gctune

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestPercent(t *testing.T) {
	tu := &Tuner{floor: 32 << 20, min: 35}
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 700},        // an empty heap counts as the runtime's 4 MB minimum
		{4 << 20, 700},  // 4 MB may grow by 28 MB: 700 %
		{8 << 20, 300},  // 8 → 32 MB
		{16 << 20, 100}, // 16 → 32 MB
		{24 << 20, 35},  // 24 → 32 MB would be 33 %: the minimum wins
		{32 << 20, 35},  // at the floor
		{1 << 30, 35},   // far above it
	} {
		if got := tu.Percent(c.live); got != c.want {
			t.Errorf("Percent(%d MB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
	huge := &Tuner{floor: 1 << 40, min: 35}
	if got := huge.Percent(0); got != maxPercent {
		t.Errorf("a huge floor over an empty heap: %d %%, want the cap %d", got, maxPercent)
	}
}

// TestTunerFollowsCollections: Start sets the percentage for the heap as
// it is, each collection sets it again (the cleanup runs), and Stop leaves
// the minimum in place for good.
func TestTunerFollowsCollections(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	tu := Start(64<<20, 35)
	if got := gogc(); got <= 35 {
		t.Errorf("after Start with a small heap: GOGC %d, want more than the minimum", got)
	}
	// A live heap above the floor: after the next collection the tuner
	// must have fallen back to the minimum. The value stays live until
	// the checks are done.
	big := make([]byte, 80<<20)
	for i := range big {
		if i%4096 == 0 {
			big[i] = 1
		}
	}
	debug.SetGCPercent(1000)
	if !waitFor(func() bool { runtime.GC(); return gogc() == 35 }) {
		t.Error("a collection over a heap above the floor did not bring GOGC to the minimum")
	}
	runtime.KeepAlive(big)
	tu.Stop()
	debug.SetGCPercent(500)
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	runtime.GC()
	if got := gogc(); got != 500 {
		t.Errorf("after Stop a collection changed GOGC to %d", got)
	}
}

// gogc reads the GC percentage (setting it is the only way to read it).
func gogc() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

// waitFor polls cond for up to a second: cleanups run on their own
// goroutine some time after the collection that frees their object.
func waitFor(cond func() bool) bool {
	for range 100 {
		if cond() {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}
