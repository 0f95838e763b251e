package search

import (
	"encoding/binary"
	"math/bits"
)

// bitWriter appends bits to a byte slice, least significant bit first:
// the order base92 reads them in, so a value's bits stay together.
type bitWriter struct {
	b   []byte
	acc uint64
	n   uint // bits in acc, fewer than 32 between calls
}

// bits appends the n low bits of v, n ≤ 32.
func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= (v & (1<<n - 1)) << w.n
	w.n += n
	if w.n >= 32 {
		w.b = binary.LittleEndian.AppendUint32(w.b, uint32(w.acc))
		w.acc >>= 32
		w.n -= 32
	}
}

// gamma appends x ≥ 1 in Elias gamma code: as many 0 bits as x has bits
// after its leading 1, a 1, then those bits (as a number, low bit first).
func (w *bitWriter) gamma(x uint64) {
	if v, n, ok := gammaCode(x); ok {
		w.bits(v, n)
		return
	}
	z := uint(bits.Len64(x)) - 1
	w.bits(1<<z, z+1)
	w.bits(x, z)
}

// gammaCode returns the gamma code of x ≥ 1 as n bits of v, when it fits
// 31 bits (x < 2^15), so that a caller writes it with one call to bits,
// with other bits if they fit too.
func gammaCode(x uint64) (v uint64, n uint, ok bool) {
	z := uint(bits.Len64(x)) - 1
	if z > 15 {
		return 0, 0, false
	}
	return 1<<z | (x&(1<<z-1))<<(z+1), 2*z + 1, true
}

// expGolomb appends v ≥ 0 in exponential-Golomb code of order k: gamma of
// v>>k plus 1, then the k low bits of v.
func (w *bitWriter) expGolomb(v uint64, k uint) {
	if g, n, ok := gammaCode(v>>k + 1); ok && n+k <= 32 {
		w.bits(g|(v&(1<<k-1))<<n, n+k)
		return
	}
	w.gamma(v>>k + 1)
	w.bits(v, k)
}

// bytes returns the bits written, the last byte padded with 0 bits.
func (w *bitWriter) bytes() []byte {
	for ; w.n > 0; w.n -= min(w.n, 8) {
		w.b = append(w.b, byte(w.acc))
		w.acc >>= 8
	}
	return w.b
}

// bestOrder returns the order k ≤ 15 of exponential-Golomb code that
// writes vs in about the fewest bits. It needs only how many values have
// each length: a value of b bits has m = max(b−k, 0) bits above the k low
// ones, and their gamma code (of them plus 1) takes 1 bit if m = 0, 3 if
// m = 1, else 2m−1 or 2m+1 (when they are all 1s), counted as 2m.
func bestOrder(vs []uint32) uint {
	var count [33]int
	top := 0 // the longest length
	for _, v := range vs {
		b := bits.Len32(v)
		count[b]++
		top = max(top, b)
	}
	// Orders past the longest length only add bits.
	best, bestLen := uint(0), -1
	for k := range min(15, top) + 1 {
		n := 0
		for b, c := range count[:top+1] {
			m := max(b-k, 0)
			g := 2 * m
			if m < 2 {
				g = 2*m + 1
			}
			n += c * (g + k)
		}
		if bestLen < 0 || n < bestLen {
			best, bestLen = uint(k), n
		}
	}
	return best
}
