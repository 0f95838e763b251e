package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headingAnchors ends ## to #### headings with a link to themselves (on pages
// converted with Page.Anchors). It runs after headingIDs.
type headingAnchors struct{ label string }

// Extend implements goldmark.Extender.
func (e *headingAnchors) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(anchorTransformer{}, 140)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(anchorRenderer{label: e.label}, 100)))
}

// HeadingAnchor is the link a heading gets to itself, shown on hover and
// focus, so a reader can copy the address of a section.
type HeadingAnchor struct {
	ast.BaseInline
	ID []byte
}

// KindHeadingAnchor is the node kind of HeadingAnchor.
var KindHeadingAnchor = ast.NewNodeKind("HeadingAnchor")

// Kind implements ast.Node.
func (*HeadingAnchor) Kind() ast.NodeKind { return KindHeadingAnchor }

// Dump implements ast.Node.
func (a *HeadingAnchor) Dump(src []byte, level int) {
	ast.DumpHelper(a, src, level, map[string]string{"ID": string(a.ID)}, nil)
}

// anchorTransformer ends every ## to #### heading that has an ID with a
// HeadingAnchor, on pages converted with Page.Anchors.
type anchorTransformer struct{}

func (anchorTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	if !stateOf(pc).page.Anchors {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering || h.Level < 2 || h.Level > 4 {
			return ast.WalkContinue, nil
		}
		if id, ok := h.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				h.AppendChild(h, &HeadingAnchor{ID: b})
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

type anchorRenderer struct{ label string }

func (r anchorRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindHeadingAnchor, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			id := util.EscapeHTML(n.(*HeadingAnchor).ID)
			_, _ = w.WriteString(`<a class="anchor" href="#`)
			_, _ = w.Write(id)
			_, _ = w.WriteString(`" aria-label="`)
			_, _ = w.Write(util.EscapeHTML([]byte(r.label)))
			_, _ = w.WriteString(`">#</a>`)
		}
		return ast.WalkSkipChildren, nil
	})
}
