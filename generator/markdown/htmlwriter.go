package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// plainTextWriter writes text that has nothing to escape or resolve as it
// stands, and hands anything else to goldmark's own writer. goldmark's
// writer reads every byte of every text twice (references and backslash
// escapes, then HTML escaping), and nearly all the text of a page, Chinese
// prose, has neither. It must come after extension.CJK, whose writer
// (html.WithEscapedSpace) it wraps and replaces.
type plainTextWriter struct{}

// Extend implements goldmark.Extender.
func (plainTextWriter) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(html.WithWriter(htmlTextWriter{html.NewWriter(html.WithEscapedSpace())}))
}

// htmlTextWriter is an html.Writer that skips the work for text without the
// bytes goldmark's writer acts on (TestHTMLTextWriter and FuzzHTMLTextWriter hold
// it to writing exactly what goldmark's writer writes).
type htmlTextWriter struct{ html.Writer }

var _ html.Writer = htmlTextWriter{}

// Write implements html.Writer: the wrapped writer resolves references
// (&), backslash escapes and NUL, and escapes <, >, & and ".
func (t htmlTextWriter) Write(w util.BufWriter, source []byte) {
	if bytes.IndexAny(source, "\\&\x00<>\"") < 0 {
		if len(source) > 0 {
			_, _ = w.Write(source)
		}
		return
	}
	t.Writer.Write(w, source)
}

// RawWrite implements html.Writer: the wrapped writer escapes NUL, <, >,
// & and ".
func (t htmlTextWriter) RawWrite(w util.BufWriter, source []byte) {
	if bytes.IndexAny(source, "&\x00<>\"") < 0 {
		if len(source) > 0 {
			_, _ = w.Write(source)
		}
		return
	}
	t.Writer.RawWrite(w, source)
}
