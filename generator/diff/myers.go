package diff

// This file holds the edit-script search: Myers' O((N+M)·D) algorithm in
// linear space (the "middle snake" bisection, as in Myers 1986 §4b and
// diff-match-patch's bisect), over sequences of int32 symbols (line IDs or
// runes). Work is metered by a budget shared by the whole diff: once it is
// spent, every range still unsolved is reported as replaced (all of a
// deleted, all of b inserted), which is a correct, if not minimal, diff.

// budget counts the comparisons a diff may still make.
type budget struct{ left int }

// differ marks which symbols of a are deleted and which of b are inserted.
type differ struct {
	a, b     []int32
	del, ins []bool
	v1, v2   []int // furthest-reaching paths, reused by every bisect
	work     *budget
}

// editScript returns, for each symbol of a, whether it is deleted, and for
// each symbol of b, whether it is inserted; the unmarked symbols form a
// common subsequence (the longest one unless the budget ran out).
func editScript(a, b []int32, work *budget) (del, ins []bool) {
	d := &differ{a: a, b: b, del: make([]bool, len(a)), ins: make([]bool, len(b)), work: work}
	d.compare(0, len(a), 0, len(b))
	return d.del, d.ins
}

// compare solves a[aLo:aHi] against b[bLo:bHi].
func (d *differ) compare(aLo, aHi, bLo, bHi int) {
	for aLo < aHi && bLo < bHi && d.a[aLo] == d.b[bLo] {
		aLo, bLo = aLo+1, bLo+1
	}
	for aLo < aHi && bLo < bHi && d.a[aHi-1] == d.b[bHi-1] {
		aHi, bHi = aHi-1, bHi-1
	}
	d.work.left -= (aHi - aLo) + (bHi - bLo)
	if aLo == aHi || bLo == bHi || d.work.left <= 0 {
		d.replace(aLo, aHi, bLo, bHi)
		return
	}
	x, y, ok := d.bisect(aLo, aHi, bLo, bHi)
	if !ok || (x == aLo && y == bLo) || (x == aHi && y == bHi) {
		d.replace(aLo, aHi, bLo, bHi)
		return
	}
	d.compare(aLo, x, bLo, y)
	d.compare(x, aHi, y, bHi)
}

func (d *differ) replace(aLo, aHi, bLo, bHi int) {
	for i := aLo; i < aHi; i++ {
		d.del[i] = true
	}
	for j := bLo; j < bHi; j++ {
		d.ins[j] = true
	}
}

// bisect finds the middle snake of a[aLo:aHi] against b[bLo:bHi] (both
// non-empty, first and last symbols differing) and returns the point (x, y)
// where it ends, so the halves can be solved separately. ok is false when
// the two ranges share nothing or the budget ran out.
func (d *differ) bisect(aLo, aHi, bLo, bHi int) (x, y int, ok bool) {
	a, b := d.a[aLo:aHi], d.b[bLo:bHi]
	n, m := len(a), len(b)
	maxD := (n + m + 1) / 2
	off := maxD
	size := 2*maxD + 2
	if cap(d.v1) < size {
		d.v1, d.v2 = make([]int, size), make([]int, size)
	}
	v1, v2 := d.v1[:size], d.v2[:size]
	for i := range v1 {
		v1[i], v2[i] = -1, -1
	}
	v1[off+1], v2[off+1] = 0, 0
	delta := n - m
	front := delta%2 != 0 // the forward path detects the overlap when delta is odd
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for dd := range maxD {
		if d.work.left <= 0 {
			return 0, 0, false
		}
		for k1 := -dd + k1start; k1 <= dd-k1end; k1 += 2 {
			i := off + k1
			var x1 int
			if k1 == -dd || (k1 != dd && v1[i-1] < v1[i+1]) {
				x1 = v1[i+1]
			} else {
				x1 = v1[i-1] + 1
			}
			y1 := x1 - k1
			s := x1
			for x1 < n && y1 < m && a[x1] == b[y1] {
				x1, y1 = x1+1, y1+1
			}
			d.work.left -= 1 + x1 - s
			v1[i] = x1
			switch {
			case x1 > n:
				k1end += 2 // ran off the right edge
			case y1 > m:
				k1start += 2 // ran off the bottom edge
			case front:
				if j := off + delta - k1; j >= 0 && j < size && v2[j] != -1 && x1 >= n-v2[j] {
					return aLo + x1, bLo + y1, true
				}
			}
		}
		for k2 := -dd + k2start; k2 <= dd-k2end; k2 += 2 {
			i := off + k2
			var x2 int
			if k2 == -dd || (k2 != dd && v2[i-1] < v2[i+1]) {
				x2 = v2[i+1]
			} else {
				x2 = v2[i-1] + 1
			}
			y2 := x2 - k2
			s := x2
			for x2 < n && y2 < m && a[n-x2-1] == b[m-y2-1] {
				x2, y2 = x2+1, y2+1
			}
			d.work.left -= 1 + x2 - s
			v2[i] = x2
			switch {
			case x2 > n:
				k2end += 2
			case y2 > m:
				k2start += 2
			case !front:
				if j := off + delta - k2; j >= 0 && j < size && v1[j] != -1 {
					x1 := v1[j]
					y1 := off + x1 - j
					if x1 >= n-x2 {
						return aLo + x1, bLo + y1, true
					}
				}
			}
		}
	}
	return 0, 0, false
}
