package search

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// The folding rules below are mirrored line by line in static/js/search.js
// (function fold and its helpers); change both together, and the parity test
// in browser_test.go checks that they agree.

// Dense part of the table: the ideograph blocks where almost all keys live.
const (
	denseLo = 0x3400
	denseHi = 0xA000
)

// foldTable maps a character to its folded form (compatibility ideograph to
// unified, Traditional to Simplified). It is built once from foldPairs and
// never written afterwards.
type foldTable struct {
	dense  []rune // index r-denseLo; 0 means "no entry"
	sparse map[rune]rune
	pairs  [][2]rune // sorted by key, as in foldPairs
}

// table returns the shared, read-only folding table.
var table = sync.OnceValue(func() *foldTable {
	t := &foldTable{dense: make([]rune, denseHi-denseLo), sparse: map[rune]rune{}}
	for s := foldPairs; s != ""; {
		k, n := utf8.DecodeRuneInString(s)
		v, m := utf8.DecodeRuneInString(s[n:])
		s = s[n+m:]
		t.pairs = append(t.pairs, [2]rune{k, v})
		if k >= denseLo && k < denseHi {
			t.dense[k-denseLo] = v
		} else {
			t.sparse[k] = v
		}
	}
	return t
})

// lookup returns the table's value for r, or r itself.
func (t *foldTable) lookup(r rune) rune {
	if r >= denseLo && r < denseHi {
		if v := t.dense[r-denseLo]; v != 0 {
			return v
		}
		return r
	}
	if r < 0xF900 {
		return r
	}
	if v, ok := t.sparse[r]; ok {
		return v
	}
	return r
}

// fold maps one character to the form that is indexed and searched:
// full-width ASCII (U+FF01–U+FF5E) to ASCII and the ideographic space
// (U+3000) to a space, then letters to lower case (ASCII, Latin-1,
// Latin Extended-A/B, Greek and Cyrillic; U+0130 İ is left alone because its
// lower case is two characters in JavaScript), then the OpenCC table.
func (t *foldTable) fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	case r == 0x3000:
		return ' '
	}
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	if r >= 0xC0 && r <= 0x52F && r != 0x130 {
		return unicode.ToLower(r)
	}
	return t.lookup(r)
}

// isHan reports whether r is a CJK ideograph: the unified blocks, extension A,
// the compatibility block and the supplementary ideographic planes.
func isHan(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) ||
		(r >= 0x3400 && r <= 0x4DBF) ||
		(r >= 0xF900 && r <= 0xFAFF) ||
		(r >= 0x20000 && r <= 0x323AF)
}

// isIgnored reports whether r is dropped without ending a word or a run of
// Han characters: zero-width spaces and joiners, soft hyphens and variation
// selectors.
func isIgnored(r rune) bool {
	return (r >= 0x200B && r <= 0x200D) || r == 0xAD || r == 0x2060 || r == 0xFEFF ||
		(r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xE0100 && r <= 0xE01EF)
}

// isWordRune reports whether r (already folded, not Han) belongs to a word:
// ASCII letters and digits, and any other Unicode letter or number.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}
