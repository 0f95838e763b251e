package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// outline returns the page's headings and its plain text split at ##
// headings. The text is folded as it is written, into scratch (grown as
// needed) for the whole page, which becomes one string the sections' texts
// are cut from.
func outline(doc ast.Node, src, scratch []byte) ([]Heading, []Section) {
	var heads []Heading
	sections := []Section{{}}
	w := foldWriter{buf: scratch[:0]}
	bounds := make([]int, 1, 8) // where each section's text starts in w.buf, then where the last ends
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			id, _ := h.AttributeString("id")
			idStr, _ := id.([]byte)
			txt := strings.TrimSpace(plainText(h, src))
			if len(idStr) > 0 {
				heads = append(heads, Heading{Level: h.Level, ID: string(idStr), Text: txt})
			}
			if h.Level <= 2 {
				bounds = append(bounds, w.newSection())
				sections = append(sections, Section{ID: string(idStr), Heading: txt})
				continue
			}
		}
		writePlainText(&w, n, src)
		_ = w.WriteByte('\n')
	}
	bounds = append(bounds, len(w.buf))
	all := string(w.buf)
	for i := range sections {
		sections[i].Text = all[bounds[i]:bounds[i+1]]
	}
	if sections[0].Text == "" && len(sections) > 1 {
		sections = sections[1:]
	}
	return heads, sections
}

// textWriter is where writePlainText writes: a strings.Builder, or a
// foldWriter for a section's text.
type textWriter interface {
	Write(p []byte) (int, error)
	WriteByte(c byte) error
}

// plainText returns the text of n and its descendants, with code verbatim and
// a newline after each block.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	writePlainText(&b, n, src)
	return b.String()
}

// writePlainText writes the text plainText returns to b: a section's text
// is written block by block without a string per block. It recurses itself
// rather than through ast.Walk: it runs on every node of every page.
func writePlainText(b textWriter, n ast.Node, src []byte) {
	switch c := n.(type) {
	case *ast.Text:
		_, _ = b.Write(c.Segment.Value(src))
		if c.SoftLineBreak() || c.HardLineBreak() {
			_ = b.WriteByte('\n')
		}
		return
	case *ast.String:
		_, _ = b.Write(c.Value)
		return
	case *ast.CodeSpan:
		for t := c.FirstChild(); t != nil; t = t.NextSibling() {
			if tx, ok := t.(*ast.Text); ok {
				_, _ = b.Write(tx.Segment.Value(src))
			}
		}
		return
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := c.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			_, _ = b.Write(seg.Value(src))
		}
		return
	case *Placeholder:
		_, _ = b.Write(c.Raw)
		return
	case *ast.RawHTML, *ast.HTMLBlock, *htmlFragment, *east.TaskCheckBox:
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writePlainText(b, c, src)
	}
	if n.Type() == ast.TypeBlock {
		_ = b.WriteByte('\n')
	}
}

// foldWriter folds the runs of spaces and newlines written to it, which
// carry no meaning in a section's plain text, into one space, and trims each
// section's text at both ends, as strings.Join(strings.Fields(s), " ") does
// to the whole of what is written: text between spaces is copied whole, and
// only lead bytes that can start a space are decoded.
type foldWriter struct {
	buf   []byte
	start int  // where the current section's text starts in buf
	space bool // a space was written since the last word
}

// newSection ends the current section's text and returns where the next
// one starts.
func (w *foldWriter) newSection() int {
	w.start, w.space = len(w.buf), false
	return w.start
}

// Write implements io.Writer.
func (w *foldWriter) Write(p []byte) (int, error) {
	for i := 0; i < len(p); {
		j := i
		for ; j < len(p); j++ {
			// Most bytes cannot start a space: printable ASCII, UTF-8
			// continuation bytes and the lead bytes of most scripts (Han
			// from 0xe4) are passed over with two comparisons.
			if c := p[j]; c-'!' < 0xc2-'!' || c >= 0xe4 {
				continue
			}
			if spaceAt(p, j) > 0 {
				break
			}
		}
		if j > i {
			if w.space && len(w.buf) > w.start {
				w.buf = append(w.buf, ' ')
			}
			w.space = false
			w.buf = append(w.buf, p[i:j]...)
		}
		for j < len(p) {
			n := spaceAt(p, j)
			if n == 0 {
				break
			}
			w.space = true
			j += n
		}
		i = j
	}
	return len(p), nil
}

// WriteByte implements io.ByteWriter.
func (w *foldWriter) WriteByte(c byte) error {
	if c == ' ' || '\t' <= c && c <= '\r' {
		w.space = true
		return nil
	}
	_, err := w.Write([]byte{c})
	return err
}

// spaceAt returns the length of the space character at s[i] (as
// unicode.IsSpace has it), or 0 when there is none there. Only bytes that
// start a space are decoded: ASCII spaces, and the lead bytes of U+0085,
// U+00A0, U+1680, U+2000–U+205F and U+3000 (after 0xe3, the lead byte of
// most CJK punctuation, only 0x80 0x80 is a space).
func spaceAt(s []byte, i int) int {
	c := s[i]
	switch {
	case c < utf8.RuneSelf:
		if c == ' ' || '\t' <= c && c <= '\r' {
			return 1
		}
		return 0
	case c == 0xe3:
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
			return 3
		}
	case c == 0xc2 || c == 0xe1 || c == 0xe2:
		r, n := utf8.DecodeRune(s[i:])
		if unicode.IsSpace(r) {
			return n
		}
	}
	return 0
}
