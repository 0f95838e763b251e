// Package diff compares two versions of a text, line by line, and marks the
// changed characters inside a changed line. It works on runes, so Chinese
// text (which has no spaces between words) diffs character by character.
package diff

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
	ops := lcs(len(a), len(b), func(i, j int) bool { return a[i] == b[j] })
	var out []Line
	for _, o := range ops {
		switch o.op {
		case Equal:
			out = append(out, Line{Op: Equal, Text: a[o.i]})
		case Delete:
			out = append(out, Line{Op: Delete, Text: a[o.i]})
		case Insert:
			out = append(out, Line{Op: Insert, Text: b[o.j]})
		}
	}
	pairChanges(out)
	return out
}

// pairChanges adds character spans to runs of deletions followed by the same
// number of insertions.
func pairChanges(lines []Line) {
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
			del, add := Chars(lines[d+k].Text, lines[ins+k].Text)
			lines[d+k].Spans, lines[ins+k].Spans = del, add
		}
	}
}

// Chars diffs two lines by character and returns the spans of each side:
// the old line's spans are Equal or Delete, the new line's Equal or Insert.
func Chars(a, b string) (old, new []Span) {
	ra, rb := []rune(a), []rune(b)
	for _, o := range lcs(len(ra), len(rb), func(i, j int) bool { return ra[i] == rb[j] }) {
		switch o.op {
		case Equal:
			old = appendSpan(old, Equal, ra[o.i])
			new = appendSpan(new, Equal, rb[o.j])
		case Delete:
			old = appendSpan(old, Delete, ra[o.i])
		case Insert:
			new = appendSpan(new, Insert, rb[o.j])
		}
	}
	return old, new
}

func appendSpan(s []Span, op Op, r rune) []Span {
	if n := len(s); n > 0 && s[n-1].Op == op {
		s[n-1].Text += string(r)
		return s
	}
	return append(s, Span{Op: op, Text: string(r)})
}

type step struct {
	op   Op
	i, j int
}

// lcs returns the edit script turning a sequence of length n into one of
// length m, from a longest common subsequence table. Texts here are short
// (pages), so the O(n·m) table is fine.
func lcs(n, m int, eq func(i, j int) bool) []step {
	t := make([][]int32, n+1)
	for i := range t {
		t[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if eq(i, j) {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	var out []step
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && eq(i, j):
			out = append(out, step{Equal, i, j})
			i++
			j++
		case i < n && (j == m || t[i+1][j] >= t[i][j+1]):
			out = append(out, step{Delete, i, j})
			i++
		default:
			out = append(out, step{Insert, i, j})
			j++
		}
	}
	return out
}
