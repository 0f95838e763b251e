package render

import (
	"strings"

	"guidebook/generator/content"
	"guidebook/generator/diff"
)

// DiffLine is one line of a revision's comparison with the version before it.
type DiffLine struct {
	Op    string // "eq", "ins", "del"
	Text  string
	Spans []DiffSpan
}

// DiffSpan is a run of characters inside a changed line.
type DiffSpan struct {
	Op   string
	Text string
}

// diffPrevious compares rev with the revision before it in revs (the
// revisions of one page, oldest first). The first revision has no diff.
func diffPrevious(revs []*content.Page, rev *content.Page) []DiffLine {
	for i, r := range revs {
		if r != rev || i == 0 {
			continue
		}
		return convertDiff(diff.Lines(lines(revs[i-1].Body), lines(rev.Body)))
	}
	return nil
}

func lines(body []byte) []string {
	return strings.Split(strings.TrimRight(string(body), "\n"), "\n")
}

func convertDiff(in []diff.Line) []DiffLine {
	out := make([]DiffLine, len(in))
	for i, l := range in {
		out[i] = DiffLine{Op: l.Op.String(), Text: l.Text}
		for _, s := range l.Spans {
			out[i].Spans = append(out[i].Spans, DiffSpan{Op: s.Op.String(), Text: s.Text})
		}
	}
	return out
}
