package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// placeholders turns {{name}} in the text of a page that declares fields
// (Page.Fields) into the element letter.js fills in. It is an inline parser,
// so code spans, code blocks, link destinations and titles and raw HTML never
// see it. Without JavaScript a field shows the blank (WithBlank), so the
// printed letter can be completed by hand. A list, table or textarea field
// alone in a paragraph becomes a block.
type placeholders struct{ blank string }

// Extend implements goldmark.Extender.
func (e *placeholders) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(placeholderParser{}, 150)),
		parser.WithASTTransformers(util.Prioritized(placeholderTransformer{}, 125)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(placeholderRenderer{blank: e.blank}, 100)))
}

// Placeholder is a {{name}} standing for a declared field.
type Placeholder struct {
	ast.BaseInline
	Field Field
	Raw   []byte // as written, e.g. "{{ phone }}", for plain text
	Block bool   // alone in its paragraph and rendered as a block
}

// KindPlaceholder is the node kind of Placeholder.
var KindPlaceholder = ast.NewNodeKind("Placeholder")

// Kind implements ast.Node.
func (*Placeholder) Kind() ast.NodeKind { return KindPlaceholder }

// Dump implements ast.Node.
func (p *Placeholder) Dump(src []byte, level int) {
	ast.DumpHelper(p, src, level, map[string]string{"Field": p.Field.Name, "Kind": p.Field.Kind}, nil)
}

// ParsePlaceholder reads "{{ name }}" at the start of b: a letter, then
// letters, digits and "_", with optional spaces or tabs inside the braces. It
// returns the name and the length consumed, or n == 0.
func ParsePlaceholder(b []byte) (name string, n int) {
	if len(b) < 5 || b[0] != '{' || b[1] != '{' {
		return "", 0
	}
	i := skipBlanks(b, 2)
	start := i
	for i < len(b) && (isASCIILetter(b[i]) || (i > start && (b[i] == '_' || b[i] >= '0' && b[i] <= '9'))) {
		i++
	}
	if i == start {
		return "", 0
	}
	name = string(b[start:i])
	i = skipBlanks(b, i)
	if i+1 >= len(b) || b[i] != '}' || b[i+1] != '}' {
		return "", 0
	}
	return name, i + 2
}

func skipBlanks(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return i
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

type placeholderParser struct{}

func (placeholderParser) Trigger() []byte { return []byte{'{'} }

func (placeholderParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	st := stateOf(pc)
	if len(st.page.Fields) == 0 {
		return nil
	}
	line, _ := block.PeekLine()
	name, n := ParsePlaceholder(line)
	if n == 0 {
		return nil
	}
	for _, f := range st.page.Fields {
		if f.Name == name {
			p := &Placeholder{Field: f, Raw: append([]byte(nil), line[:n]...)}
			block.Advance(n)
			return p
		}
	}
	return nil
}

// FieldBlock is a list, table or textarea field that stands alone in a
// paragraph; it replaces the paragraph and keeps the Placeholder as its child.
type FieldBlock struct {
	ast.BaseBlock
	Field Field
}

// KindFieldBlock is the node kind of FieldBlock.
var KindFieldBlock = ast.NewNodeKind("FieldBlock")

// Kind implements ast.Node.
func (*FieldBlock) Kind() ast.NodeKind { return KindFieldBlock }

// Dump implements ast.Node.
func (b *FieldBlock) Dump(src []byte, level int) {
	ast.DumpHelper(b, src, level, map[string]string{"Field": b.Field.Name, "Kind": b.Field.Kind}, nil)
}

// placeholderTransformer turns paragraphs that hold only a list, table or
// textarea field into FieldBlocks.
type placeholderTransformer struct{}

func (placeholderTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	if len(stateOf(pc).page.Fields) == 0 {
		return
	}
	var paras []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if para, ok := n.(*ast.Paragraph); ok && entering {
			if p, ok := para.FirstChild().(*Placeholder); ok && para.ChildCount() == 1 {
				switch p.Field.Kind {
				case "list", "table", "textarea":
					paras = append(paras, para)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, para := range paras {
		p := para.FirstChild().(*Placeholder)
		b := &FieldBlock{Field: p.Field}
		b.SetLines(para.Lines())
		b.AppendChild(b, p)
		para.Parent().ReplaceChild(para.Parent(), para, b)
	}
}

type placeholderRenderer struct{ blank string }

func (r placeholderRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindPlaceholder, r.renderField)
	reg.Register(KindFieldBlock, r.renderBlock)
}

func (r placeholderRenderer) renderBlock(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.writeBlock(w, n.(*FieldBlock).Field)
	}
	return ast.WalkSkipChildren, nil
}

func (r placeholderRenderer) renderField(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.writeInline(w, n.(*Placeholder).Field)
	}
	return ast.WalkSkipChildren, nil
}

// writeInline writes the inline element of a field. The markup is the
// browser contract letter.js reads (docs/browser-contract.md).
func (r placeholderRenderer) writeInline(w util.BufWriter, f Field) {
	_, _ = w.WriteString(`<span class="letter-field"`)
	writeFieldAttrs(w, f)
	_ = w.WriteByte('>')
	_, _ = w.WriteString(html.EscapeString(r.blank))
	_, _ = w.WriteString("</span>")
}

// writeBlock writes a field that stands alone: a list with three empty
// items, a table with five empty rows, or a block-level paragraph. (The blank
// line after a list or table is what the earlier HTML rewrite left.)
func (r placeholderRenderer) writeBlock(w util.BufWriter, f Field) {
	blank := html.EscapeString(r.blank)
	switch f.Kind {
	case "list":
		_, _ = w.WriteString(`<ol class="letter-field letter-list"`)
		writeFieldAttrs(w, f)
		_ = w.WriteByte('>')
		_, _ = w.WriteString(strings.Repeat("<li>"+blank+"</li>", 3))
		_, _ = w.WriteString("</ol>\n\n")
	case "table":
		_, _ = w.WriteString(`<table class="letter-field letter-table"`)
		writeFieldAttrs(w, f)
		_, _ = w.WriteString("><thead><tr>")
		for _, c := range f.Columns {
			_, _ = w.WriteString(`<th scope="col">`)
			_, _ = w.WriteString(html.EscapeString(c))
			_, _ = w.WriteString("</th>")
		}
		_, _ = w.WriteString("</tr></thead><tbody>")
		row := "<tr>" + strings.Repeat("<td>"+blank+"</td>", len(f.Columns)) + "</tr>"
		_, _ = w.WriteString(strings.Repeat(row, 5))
		_, _ = w.WriteString("</tbody></table>\n\n")
	default:
		_, _ = w.WriteString(`<p class="letter-block">`)
		r.writeInline(w, f)
		_, _ = w.WriteString("</p>\n")
	}
}

func writeFieldAttrs(w util.BufWriter, f Field) {
	_, _ = w.WriteString(` data-field="` + html.EscapeString(f.Name) + `" data-label="` + html.EscapeString(f.Label) + `"`)
}
