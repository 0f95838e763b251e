package search

import "unicode/utf8"

// tokenKind says what a token is made of.
type tokenKind uint8

const (
	kindWord tokenKind = iota // a run of letters or digits
	kindHan                   // a Han character, and the pair it ends
)

// token is one token reported by scan, or two: a Han character that follows
// another in its run also stands for the pair of both, whose position is
// the one before its own. Word bytes are valid only during the callback.
type token struct {
	kind tokenKind
	han  rune   // the Han character
	prev rune   // the Han character before it in its run, or 0
	word []byte // folded UTF-8 of a word
	pos  int32  // position: Han characters and words count one each
}

// hanPair returns the index's text of a pair of Han characters.
func hanPair(a, b rune) string {
	return string([]rune{a, b})
}

// Tokenize splits s into search tokens, in order, as the index does at build
// time and static/js/search.js does at query time: text is folded (full-width
// to ASCII, lower case, Traditional to Simplified); each run of Han characters
// gives every character and every overlapping pair of characters (甲, 甲乙, 乙,
// 乙丙, 丙); each run of letters or digits gives one word; everything else
// (punctuation, spaces, symbols, emoji) separates tokens and is dropped.
func Tokenize(s string) []string {
	var out []string
	scan(s, 0, func(t *token) {
		switch {
		case t.kind == kindWord:
			out = append(out, string(t.word))
			return
		case t.prev != 0:
			out = append(out, hanPair(t.prev, t.han))
		}
		out = append(out, string(t.han))
	})
	return out
}

// scan tokenizes s, numbering positions from pos, and calls fn for each
// token (once for a Han character and the pair it ends). It returns the
// position after the last token.
func scan(s string, pos int32, fn func(*token)) int32 {
	var sc scanner
	return sc.scan(s, pos, fn)
}

// scanner is scan's state, which a caller that scans many texts keeps: the
// token handed to fn and the word buffer would otherwise be allocated by
// each call, as fn may keep them.
type scanner struct {
	tok  token
	word []byte
}

// scan is scan, with sc's token and buffer.
func (sc *scanner) scan(s string, pos int32, fn func(*token)) int32 {
	tab := table()
	var (
		tok  = &sc.tok
		word = sc.word[:0]
		prev rune // previous Han character of the current run, or 0
	)
	flushWord := func() {
		if len(word) > 0 {
			*tok = token{kind: kindWord, word: word, pos: pos}
			fn(tok)
			pos++
			word = word[:0]
		}
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		switch {
		case r < utf8.RuneSelf:
		case fast3(s, i):
			// Decoded inline: Han text and its punctuation are most of
			// the input.
			r, n = (r&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		default:
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		if r >= 0x4E00 && r <= 0x9FFF {
			// The main Han block, most of the input: never ignored, and
			// folded by the table alone (fold's other cases are outside it).
			r = tab.lookup(r)
		} else {
			if isIgnored(r) {
				continue
			}
			r = tab.fold(r)
		}
		switch {
		case isHan(r):
			flushWord()
			*tok = token{kind: kindHan, han: r, prev: prev, pos: pos}
			fn(tok)
			pos++
			prev = r
		case isWordRune(r):
			prev = 0
			word = utf8.AppendRune(word, r)
		default:
			prev = 0
			flushWord()
		}
	}
	flushWord()
	sc.word = word
	return pos
}

// fast3 reports whether s[i:] starts with a three-byte UTF-8 sequence that
// cannot be overlong or a surrogate (lead byte E1–EC, EE or EF), which covers
// the main Han block and full-width punctuation.
func fast3(s string, i int) bool {
	c := s[i]
	return (c >= 0xE1 && c <= 0xEC || c >= 0xEE) && c <= 0xEF && i+2 < len(s) &&
		s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}
