package search

// base92 is the alphabet of the binary strings in index files: the
// printable ASCII characters except '"' and '\' (so that a JSON string needs
// no escapes) and '<' (so that no file can contain "</script"). It packs 13
// bits into two characters (92² ≥ 2¹³), 8/6.5 ≈ 1.23 characters a byte
// where base64 takes 1.33.
const base92 = " !#$%&'()*+,-./0123456789:;=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~"

// appendBase92 appends data as a quoted JSON string in base92: the bytes
// are read as a little-endian bit stream, each 13 bits v give the two
// characters base92[v%92] and base92[v/92], and the r < 13 bits left at the
// end give one character if r ≤ 6, two otherwise. search.js decodes it
// (unpack).
func appendBase92(b []byte, data []byte) []byte {
	b = append(b, '"')
	var acc uint32
	bits := 0
	for _, x := range data {
		acc |= uint32(x) << bits
		bits += 8
		if bits >= 13 {
			v := acc & (1<<13 - 1)
			b = append(b, base92[v%92], base92[v/92])
			acc >>= 13
			bits -= 13
		}
	}
	switch {
	case bits > 6:
		b = append(b, base92[acc%92], base92[acc/92])
	case bits > 0:
		b = append(b, base92[acc])
	}
	return append(b, '"')
}

// base92Len returns the length of n bytes in base92, without quotes.
func base92Len(n int) int {
	bits := 8 * n
	l := bits / 13 * 2
	switch r := bits % 13; {
	case r > 6:
		l += 2
	case r > 0:
		l++
	}
	return l
}
