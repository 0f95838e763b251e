package search

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Dictionary limits. A deflate back-reference reaches 32 KB, so a longer
// dictionary could not be used. A clause must be on at least a share of the
// pages: a first query inflates the texts of a few dozen pages, and a clause
// rarer than that would add to the dictionary, which every first query
// loads, more than it saves the query.
const (
	maxDictionary   = 32 << 10
	dictShare       = 16 // a clause is on at least 1/dictShare of the pages
	minClause       = 6  // bytes: two Han characters
	maxDictSample   = 512 << 10
	maxClauseLength = 1 << 10
)

// textDictionary returns a preset dictionary for the document shards'
// texts: the clauses (runs of text up to and including punctuation or a
// space) that recur on many pages, the most valuable last, where deflate
// reaches them with the shortest distances. Guides repeat a lot of phrasing
// (steps, warnings, product names), and a document shard holds only a few
// pages, too few to find the repeats inside itself. texts holds each page's
// JSON; pages are sampled evenly when they hold more than maxDictSample
// bytes. It returns nil when no clause recurs enough.
func textDictionary(texts [][]byte) []byte {
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	step := max(1, (total+maxDictSample-1)/maxDictSample)
	type count struct {
		pages, last int
	}
	counts := map[string]*count{}
	sampled := 0
	for p := 0; p < len(texts); p += step {
		sampled++
		for c := range clauses(texts[p]) {
			k := counts[string(c)]
			if k == nil {
				k = &count{last: -1}
				counts[string(c)] = k
			}
			if k.last != p {
				k.last = p
				k.pages++
			}
		}
	}
	minPages := max(2, sampled/dictShare)
	type clause struct {
		text  string
		saved int // bytes the clause saves over the sample
	}
	var picked []clause
	for text, k := range counts {
		if k.pages >= minPages {
			picked = append(picked, clause{text, (k.pages - 1) * len(text)})
		}
	}
	slices.SortFunc(picked, func(a, b clause) int {
		return cmp.Or(cmp.Compare(b.saved, a.saved), cmp.Compare(a.text, b.text))
	})
	n := 0
	kept := picked[:0]
	for _, c := range picked {
		if n+len(c.text) <= maxDictionary {
			kept = append(kept, c)
			n += len(c.text)
		}
	}
	dict := make([]byte, 0, n)
	for i := len(kept) - 1; i >= 0; i-- {
		dict = append(dict, kept[i].text...)
	}
	if len(dict) == 0 {
		return nil
	}
	return dict
}

// endsClause reports whether r ends a clause: an ASCII character but a
// letter or digit, or punctuation or a space. It decides the common
// characters (ASCII, Han) without the Unicode tables.
func endsClause(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	case r >= 0x4e00 && r <= 0x9fff:
		return false
	}
	return unicode.IsPunct(r) || unicode.IsSpace(r)
}

// clauses yields the clauses of b that are at least minClause bytes long:
// runs ending after a character that endsClause, or at the end of b.
func clauses(b []byte) func(yield func([]byte) bool) {
	return func(yield func([]byte) bool) {
		start := 0
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			i += n
			if (endsClause(r) || i == len(b)) && i > start {
				if c := b[start:i]; len(c) >= minClause && len(c) <= maxClauseLength && !yield(c) {
					return
				}
				start = i
			}
		}
	}
}
