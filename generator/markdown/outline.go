package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// outline returns the page's headings and its plain text split at ##
// headings.
func outline(doc ast.Node, src []byte) ([]Heading, []Section) {
	var heads []Heading
	sections := []Section{{}}
	var body strings.Builder
	flush := func() {
		sections[len(sections)-1].Text = collapse(body.String())
		body.Reset()
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			id, _ := h.AttributeString("id")
			idStr, _ := id.([]byte)
			txt := strings.TrimSpace(plainText(h, src))
			if len(idStr) > 0 {
				heads = append(heads, Heading{Level: h.Level, ID: string(idStr), Text: txt})
			}
			if h.Level <= 2 {
				flush()
				sections = append(sections, Section{ID: string(idStr), Heading: txt})
				continue
			}
		}
		writePlainText(&body, n, src)
		body.WriteString("\n")
	}
	flush()
	if sections[0].Text == "" && len(sections) > 1 {
		sections = sections[1:]
	}
	return heads, sections
}

// plainText returns the text of n and its descendants, with code verbatim and
// a newline after each block.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	writePlainText(&b, n, src)
	return b.String()
}

// writePlainText writes the text plainText returns to b: a section's text
// is written block by block without a string per block.
func writePlainText(b *strings.Builder, n ast.Node, src []byte) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch c := c.(type) {
		case *ast.Text:
			if entering {
				b.Write(c.Segment.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte('\n')
				}
			}
		case *ast.String:
			if entering {
				b.Write(c.Value)
			}
		case *ast.CodeSpan:
			if entering {
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if tx, ok := t.(*ast.Text); ok {
						b.Write(tx.Segment.Value(src))
					}
				}
				return ast.WalkSkipChildren, nil
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if entering {
				lines := c.Lines()
				for i := range lines.Len() {
					seg := lines.At(i)
					b.Write(seg.Value(src))
				}
				return ast.WalkSkipChildren, nil
			}
		case *Placeholder:
			if entering {
				b.Write(c.Raw)
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock, *htmlFragment, *east.TaskCheckBox:
			return ast.WalkSkipChildren, nil
		default:
			if !entering && c.Type() == ast.TypeBlock {
				b.WriteByte('\n')
			}
		}
		return ast.WalkContinue, nil
	})
}

// collapse folds runs of blank lines and spaces, which carry no meaning in a
// section's plain text, into one space and trims both ends, as strings.Join(strings.Fields(s),
// " ") does, in one pass and one allocation: text between spaces is copied
// whole, and only lead bytes that can start a space are decoded.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	word := -1 // start of the text being read, -1 between words
	for i := 0; i < len(s); {
		n := spaceAt(s, i)
		if n == 0 {
			if word < 0 {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				word = i
			}
			i++
			continue
		}
		if word >= 0 {
			b.WriteString(s[word:i])
			word = -1
		}
		i += n
	}
	if word >= 0 {
		b.WriteString(s[word:])
	}
	return b.String()
}

// spaceAt returns the length of the space character at s[i] (as
// unicode.IsSpace has it), or 0 when there is none there. Only bytes that
// start a space are decoded: ASCII spaces, and the lead bytes of U+0085,
// U+00A0, U+1680, U+2000–U+205F and U+3000.
func spaceAt(s string, i int) int {
	c := s[i]
	switch {
	case c < utf8.RuneSelf:
		if c == ' ' || '\t' <= c && c <= '\r' {
			return 1
		}
		return 0
	case c == 0xc2 || c == 0xe1 || c == 0xe2 || c == 0xe3:
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return n
		}
	}
	return 0
}
