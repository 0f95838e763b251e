// Package diff compares two versions of a text, line by line, and marks the
// changed characters inside a changed line. It works on runes, so Chinese
// text (which has no spaces between words) diffs character by character.
//
// The search is Myers' algorithm in linear space (myers.go), so memory grows
// with the length of the texts, never with their product. Time is bounded
// too: one diff makes at most Budget comparisons, after which the ranges it
// has not matched yet are shown as replaced; and lines longer than
// MaxLineRunes are compared as whole lines, without character spans.
package diff

import "unicode/utf8"

// Budget is the number of symbol comparisons one call of Lines or Chars may
// make (about a tenth of a second). Ordinary page revisions need a tiny
// fraction of it; only huge, mostly different texts reach it.
const Budget = 40_000_000

// MaxLineRunes is the longest line that gets character-level spans; a longer
// changed line is shown as deleted and inserted whole.
const MaxLineRunes = 20_000

// Op says what happened to a line or a span.
type Op int

// The operations of a diff.
const (
	Equal Op = iota
	Insert
	Delete
)

// String returns "eq", "ins" or "del", used as CSS class suffixes.
func (o Op) String() string {
	return [...]string{"eq", "ins", "del"}[o]
}

// Span is a run of characters with one operation.
type Span struct {
	Op   Op
	Text string
}

// Line is one line of the diff. A changed line (a deletion paired with an
// insertion) carries Spans that mark the changed characters.
type Line struct {
	Op    Op
	Text  string
	Spans []Span
}

// Lines diffs a against b line by line. Where a deleted line is directly
// replaced by an inserted one, both get character-level Spans.
func Lines(a, b []string) []Line {
	work := &budget{left: Budget}
	ids := map[string]int32{}
	idsOf := func(lines []string) []int32 {
		out := make([]int32, len(lines))
		for i, l := range lines {
			id, ok := ids[l]
			if !ok {
				id = int32(len(ids))
				ids[l] = id
			}
			out[i] = id
		}
		return out
	}
	del, ins := editScript(idsOf(a), idsOf(b), work)
	out := make([]Line, 0, max(len(a), len(b)))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && del[i]:
			out = append(out, Line{Op: Delete, Text: a[i]})
			i++
		case j < len(b) && ins[j]:
			out = append(out, Line{Op: Insert, Text: b[j]})
			j++
		default: // a[i] and b[j] are the same line
			out = append(out, Line{Op: Equal, Text: a[i]})
			i, j = i+1, j+1
		}
	}
	pairChanges(out, work)
	return out
}

// pairChanges adds character spans to runs of deletions followed by
// insertions, pairing them in order.
func pairChanges(lines []Line, work *budget) {
	for i := 0; i < len(lines); {
		if lines[i].Op != Delete {
			i++
			continue
		}
		d := i
		for i < len(lines) && lines[i].Op == Delete {
			i++
		}
		ins := i
		for i < len(lines) && lines[i].Op == Insert {
			i++
		}
		for k := 0; k < ins-d && ins+k < i; k++ {
			del, add := chars(lines[d+k].Text, lines[ins+k].Text, work)
			lines[d+k].Spans, lines[ins+k].Spans = del, add
		}
	}
}

// Chars diffs two lines by character and returns the spans of each side:
// the old line's spans are Equal or Delete, the new line's Equal or Insert.
func Chars(a, b string) (old, new []Span) {
	return chars(a, b, &budget{left: Budget})
}

func chars(a, b string, work *budget) (old, new []Span) {
	ra, oa := symbols(a)
	rb, ob := symbols(b)
	if len(ra) > MaxLineRunes || len(rb) > MaxLineRunes {
		return whole(Delete, a), whole(Insert, b)
	}
	del, ins := editScript(ra, rb, work)
	return spans(a, oa, del, Delete), spans(b, ob, ins, Insert)
}

// symbols splits s into characters: each rune is its code point, and each
// byte that is not valid UTF-8 a negative symbol of its own, so spans cut
// from the byte offsets give back s exactly. offsets has one entry more than
// syms: the end of s.
func symbols(s string) (syms []int32, offsets []int) {
	syms = make([]int32, 0, len(s))
	offsets = make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			r = -1 - rune(s[i])
		}
		syms = append(syms, r)
		offsets = append(offsets, i)
		i += size
	}
	return syms, append(offsets, len(s))
}

// whole is the spans of a line changed as a whole.
func whole(op Op, s string) []Span {
	if s == "" {
		return nil
	}
	return []Span{{Op: op, Text: s}}
}

// spans groups the characters of s into runs of the same operation:
// changed[i] marks the characters that get op, the others are Equal.
func spans(s string, offsets []int, changed []bool, op Op) []Span {
	var out []Span
	for i := 0; i < len(changed); {
		j := i
		for j < len(changed) && changed[j] == changed[i] {
			j++
		}
		o := Equal
		if changed[i] {
			o = op
		}
		out = append(out, Span{Op: o, Text: s[offsets[i]:offsets[j]]})
		i = j
	}
	return out
}
