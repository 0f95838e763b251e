package search

import "math/bits"

// bitWriter appends bits to a byte slice, least significant bit first:
// the order base92 reads them in, so a value's bits stay together.
type bitWriter struct {
	b   []byte
	acc uint64
	n   uint // bits in acc
}

// bits appends the n low bits of v, n ≤ 32.
func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= (v & (1<<n - 1)) << w.n
	w.n += n
	for w.n >= 8 {
		w.b = append(w.b, byte(w.acc))
		w.acc >>= 8
		w.n -= 8
	}
}

// gamma appends x ≥ 1 in Elias gamma code: as many 0 bits as x has bits
// after its leading 1, a 1, then those bits (as a number, low bit first).
func (w *bitWriter) gamma(x uint64) {
	z := uint(bits.Len64(x)) - 1
	w.bits(1<<z, z+1)
	w.bits(x, z)
}

// expGolomb appends v ≥ 0 in exponential-Golomb code of order k: gamma of
// v>>k plus 1, then the k low bits of v.
func (w *bitWriter) expGolomb(v uint64, k uint) {
	w.gamma(v>>k + 1)
	w.bits(v, k)
}

// bytes returns the bits written, the last byte padded with 0 bits.
func (w *bitWriter) bytes() []byte {
	if w.n > 0 {
		w.b = append(w.b, byte(w.acc))
		w.acc, w.n = 0, 0
	}
	return w.b
}

// gammaLen returns the length in bits of x ≥ 1 in gamma code.
func gammaLen(x uint64) int { return 2*bits.Len64(x) - 1 }

// bestOrder returns the order k ≤ 15 of exponential-Golomb code that
// writes vs in the fewest bits.
func bestOrder(vs []uint32) uint {
	best, bestLen := uint(0), -1
	for k := range uint(16) {
		n := 0
		for _, v := range vs {
			n += gammaLen(uint64(v>>k)+1) + int(k)
		}
		if bestLen < 0 || n < bestLen {
			best, bestLen = k, n
		}
	}
	return best
}
