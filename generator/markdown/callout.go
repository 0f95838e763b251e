package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// callouts turns GitHub-style alert blockquotes ("> [!WARNING]") into
// titled callout boxes.
type callouts struct{ titles map[string]string }

// Extend implements goldmark.Extender.
func (e *callouts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(calloutTransformer{}, 110)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(calloutRenderer{titles: e.titles}, 100)))
}

var defaultCalloutTitles = map[string]string{
	"note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution",
}

var calloutRE = regexp.MustCompile(`^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*$`)

// Callout is a blockquote marked with [!NOTE], [!TIP], [!IMPORTANT],
// [!WARNING] or [!CAUTION] on its first line.
type Callout struct {
	ast.BaseBlock
	Variant string // lower case: "note", "tip", …
}

// KindCallout is the node kind of Callout.
var KindCallout = ast.NewNodeKind("Callout")

// Kind implements ast.Node.
func (*Callout) Kind() ast.NodeKind { return KindCallout }

// Dump implements ast.Node.
func (c *Callout) Dump(src []byte, level int) {
	ast.DumpHelper(c, src, level, map[string]string{"Variant": c.Variant}, nil)
}

type calloutTransformer struct{}

func (calloutTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	for _, q := range stateOf(pc).nodes(doc).quotes {
		para, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || para.Lines().Len() == 0 {
			continue
		}
		first := para.Lines().At(0)
		m := calloutRE.FindSubmatch(bytes.TrimSpace(first.Value(src)))
		if m == nil {
			continue
		}
		// Drop the inline nodes of the marker line.
		for c := para.FirstChild(); c != nil; {
			next := c.NextSibling()
			if offsetOf(c, src) >= first.Stop {
				break
			}
			para.RemoveChild(para, c)
			c = next
		}
		if para.ChildCount() == 0 {
			q.RemoveChild(q, para)
		}
		co := &Callout{Variant: strings.ToLower(string(m[1]))}
		for c := q.FirstChild(); c != nil; {
			next := c.NextSibling()
			co.AppendChild(co, c)
			c = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, co)
	}
}

type calloutRenderer struct{ titles map[string]string }

func (r calloutRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCallout, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		c := n.(*Callout)
		if entering {
			title := r.titles[c.Variant]
			if title == "" {
				title = defaultCalloutTitles[c.Variant]
			}
			_, _ = w.WriteString(`<div class="callout callout-` + c.Variant + `" role="note"><p class="callout-title">`)
			_, _ = w.Write(util.EscapeHTML([]byte(title)))
			_, _ = w.WriteString("</p>\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}
