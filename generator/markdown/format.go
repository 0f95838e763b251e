package markdown

import (
	"bytes"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
)

// tokenWriter writes highlighted tokens as HTML with chroma's CSS classes,
// more compactly than chroma's HTML formatter, which wraps every line in
// <span class="line"><span class="cl"> and every token in a span: a block
// here is its text with a span around each run of one class. A class that
// styles nothing (Name, Other, Generic in our palettes) gets no span; a token of
// whitespace only gets none unless its class paints whitespace (a
// background, border or underline), and such whitespace joins the span
// around it; tokens of the same class share one span. What a reader sees is
// what chroma's formatter shows: TestTokenWriterShowsWhatChromaShows and
// FuzzLexers compare each character's class. The class of each token type
// is asked of chroma's formatter once, so the two cannot disagree on which
// types get a span.
type tokenWriter struct {
	chroma *chtml.Formatter
	once   sync.Once
	styles map[chroma.TokenType]tokenStyle
}

// tokenStyle is how a token type is written.
type tokenStyle struct {
	attr   string // ` class="k"`, or "" for plain text
	paints bool   // the class shows on whitespace too (see paintsWhitespace)
}

func newTokenWriter(f *chtml.Formatter) *tokenWriter { return &tokenWriter{chroma: f} }

// style returns how a token of type t is written.
func (w *tokenWriter) style(t chroma.TokenType) tokenStyle {
	w.once.Do(func() {
		w.styles = make(map[chroma.TokenType]tokenStyle, len(chroma.StandardTypes))
		for tt := range chroma.StandardTypes {
			w.styles[tt] = w.ask(tt)
		}
	})
	if s, ok := w.styles[t]; ok {
		return s
	}
	return w.ask(t) // a type chroma does not list: rare, asked each time
}

// ask returns how a token of type t is written: in the span chroma's
// formatter puts it in, unless its class styles nothing in either palette
// (no stylesheet rule would match the span).
func (w *tokenWriter) ask(t chroma.TokenType) tokenStyle {
	if !styled(t) {
		return tokenStyle{}
	}
	return tokenStyle{attr: w.chromaAttr(t), paints: paintsWhitespace(t)}
}

// chromaAttr formats one token of type t with chroma and reads the
// attribute of its span ("" for none).
func (w *tokenWriter) chromaAttr(t chroma.TokenType) string {
	var b bytes.Buffer
	light, _ := palettes() // any style: a class names the type, whatever its colour
	if err := w.chroma.Format(&b, light, chroma.Literator(chroma.Token{Type: t, Value: "x"})); err != nil {
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
// its spans to classes.
func (w *tokenWriter) write(out stringWriter, tokens []chroma.Token, classes map[string]bool) {
	out.WriteString(preWrapper{}.Start(true, ""))
	var open tokenStyle // the span being written; attr "" when none
	for _, t := range tokens {
		if t.Value == "" {
			continue
		}
		st := w.style(t.Type)
		if !st.paints && strings.TrimSpace(t.Value) == "" {
			if !open.paints {
				// Whitespace looks the same in the open span or outside any.
				escapeTo(out, t.Value)
				continue
			}
			st = tokenStyle{}
		}
		if st.attr != open.attr {
			if open.attr != "" {
				out.WriteString("</span>")
			}
			open = st
			if st.attr != "" {
				if cls, ok := strings.CutPrefix(st.attr, ` class="`); ok && classes != nil {
					classes[strings.TrimSuffix(cls, `"`)] = true
				}
				out.WriteString("<span")
				out.WriteString(st.attr)
				out.WriteString(">")
			}
		}
		escapeTo(out, t.Value)
	}
	if open.attr != "" {
		out.WriteString("</span>")
	}
	out.WriteString(preWrapper{}.End(true))
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
