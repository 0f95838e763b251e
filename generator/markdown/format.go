package markdown

import (
	"bytes"
	"html"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// tokenWriter writes highlighted tokens as HTML exactly as chroma's HTML
// formatter does with classes and our preWrapper, without its per-token
// style lookups and fmt calls (0.3 s of the real-world corpus build). The
// class of each token type is asked of chroma's formatter once, so the two
// cannot disagree on which types get a span; TestTokenWriterMatchesChroma
// and FuzzLexers compare whole blocks.
type tokenWriter struct {
	chroma *chtml.Formatter
	once   sync.Once
	attrs  map[chroma.TokenType]string // ` class="k"`, or "" for plain text
}

func newTokenWriter(f *chtml.Formatter) *tokenWriter { return &tokenWriter{chroma: f} }

// attr returns the span attribute chroma writes for a token of type t.
func (w *tokenWriter) attr(t chroma.TokenType) string {
	w.once.Do(func() {
		w.attrs = make(map[chroma.TokenType]string, len(chroma.StandardTypes))
		for tt := range chroma.StandardTypes {
			w.attrs[tt] = w.ask(tt)
		}
	})
	if a, ok := w.attrs[t]; ok {
		return a
	}
	return w.ask(t) // a type chroma does not list: rare, asked each time
}

// ask formats one token of type t with chroma and reads the attribute of
// its span.
func (w *tokenWriter) ask(t chroma.TokenType) string {
	var b bytes.Buffer
	if err := w.chroma.Format(&b, styles.Fallback, chroma.Literator(chroma.Token{Type: t, Value: "x"})); err != nil {
		return ""
	}
	const line = `<span class="cl">`
	s := b.String()
	i := strings.Index(s, line)
	if i < 0 {
		return ""
	}
	rest := s[i+len(line):]
	if !strings.HasPrefix(rest, "<span") {
		return ""
	}
	return rest[len("<span"):strings.IndexByte(rest, '>')]
}

// write writes tokens as a highlighted block to out.
func (w *tokenWriter) write(out *bytes.Buffer, tokens []chroma.Token) {
	out.WriteString(preWrapper{}.Start(true, ""))
	for _, line := range chroma.SplitTokensIntoLines(tokens) {
		out.WriteString(`<span class="line"><span class="cl">`)
		for _, t := range line {
			text := html.EscapeString(t.Value)
			if a := w.attr(t.Type); a != "" {
				out.WriteString("<span")
				out.WriteString(a)
				out.WriteString(">")
				out.WriteString(text)
				out.WriteString("</span>")
			} else {
				out.WriteString(text)
			}
		}
		out.WriteString(`</span></span>`)
	}
	out.WriteString(preWrapper{}.End(true))
}
