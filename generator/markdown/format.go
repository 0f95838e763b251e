package markdown

import (
	"bytes"
	"slices"
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

// stringWriter is where highlighted code goes: goldmark's writer, or a
// bytes.Buffer in tests. Write errors are the page writer's to report.
type stringWriter interface {
	WriteString(s string) (int, error)
}

// write writes tokens as a highlighted block to out, adding the classes of
// its spans to classes. Tokens are split into lines as they are written,
// as chroma's SplitTokensIntoLines splits them, without copying them.
func (w *tokenWriter) write(out stringWriter, tokens []chroma.Token, classes map[string]bool) {
	out.WriteString(preWrapper{}.Start(true, ""))
	if slices.ContainsFunc(tokens, func(t chroma.Token) bool { return t.Value == "" }) {
		// chroma keeps empty tokens and strips a last line of one; none of
		// our lexers makes them, so the rare block that has one takes
		// chroma's own line splitting.
		for _, line := range chroma.SplitTokensIntoLines(tokens) {
			out.WriteString(codeLineStart)
			for _, t := range line {
				w.token(out, t.Type, t.Value, classes)
			}
			out.WriteString(codeLineEnd)
		}
		out.WriteString(preWrapper{}.End(true))
		return
	}
	open := false
	for _, t := range tokens {
		for v := t.Value; v != ""; {
			part := v
			if k := strings.IndexByte(v, '\n'); k >= 0 {
				part = v[:k+1]
			}
			if !open {
				out.WriteString(codeLineStart)
				open = true
			}
			w.token(out, t.Type, part, classes)
			if part[len(part)-1] == '\n' {
				out.WriteString(codeLineEnd)
				open = false
			}
			v = v[len(part):]
		}
	}
	if open {
		out.WriteString(codeLineEnd)
	}
	out.WriteString(preWrapper{}.End(true))
}

const (
	codeLineStart = `<span class="line"><span class="cl">`
	codeLineEnd   = `</span></span>`
)

// token writes one token's text, escaped, in its span.
func (w *tokenWriter) token(out stringWriter, t chroma.TokenType, text string, classes map[string]bool) {
	a := w.attr(t)
	if a == "" {
		escapeTo(out, text)
		return
	}
	if cls, ok := strings.CutPrefix(a, ` class="`); ok && classes != nil {
		classes[strings.TrimSuffix(cls, `"`)] = true
	}
	out.WriteString("<span")
	out.WriteString(a)
	out.WriteString(">")
	escapeTo(out, text)
	out.WriteString("</span>")
}

// escapeTo writes s to out escaped as html.EscapeString escapes it.
func escapeTo(out stringWriter, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		out.WriteString(s[last:i])
		out.WriteString(esc)
		last = i + 1
	}
	out.WriteString(s[last:])
}
