package markdown

import (
	"fmt"
	"strings"
	"unicode/utf8"

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
	st := stateOf(pc)
	if !st.page.Anchors {
		return
	}
	for _, h := range st.nodes(doc).headings {
		if h.Level < 2 || h.Level > 4 {
			continue
		}
		if id, ok := h.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				h.AppendChild(h, &HeadingAnchor{ID: b})
			}
		}
	}
}

type anchorRenderer struct{ label string }

func (r anchorRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindHeadingAnchor, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<a class="anchor" href="#`)
			_, _ = w.Write(util.EscapeHTML([]byte(Fragment(string(n.(*HeadingAnchor).ID)))))
			_, _ = w.WriteString(`" aria-label="`)
			_, _ = w.Write(util.EscapeHTML([]byte(r.label)))
			_, _ = w.WriteString(`">#</a>`)
		}
		return ast.WalkSkipChildren, nil
	})
}

// Fragment returns id as written after "#" in a link to it: raw UTF-8, so
// "#第-1-步登录" stays readable and takes 3 bytes a Han character, not 9,
// with only what a URL fragment may not hold percent-encoded (controls,
// space, "\"#%<>[\\]^`{|}", DEL to U+009F, noncharacters and invalid UTF-8).
// A browser percent-decodes the fragment before it looks the ID up, so both
// forms find the element. Write it HTML-escaped (&); heading anchors and the
// table of contents both link with it.
func Fragment(id string) string {
	if !strings.ContainsFunc(id, needsEscape) && utf8.ValidString(id) {
		return id
	}
	var b strings.Builder
	for i := 0; i < len(id); {
		r, size := utf8.DecodeRuneInString(id[i:])
		if (r == utf8.RuneError && size <= 1) || needsEscape(r) {
			for _, c := range []byte(id[i : i+size]) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		} else {
			b.WriteString(id[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsEscape reports whether r is not a URL code point (WHATWG URL
// standard), so a valid URL fragment holds it only percent-encoded.
func needsEscape(r rune) bool {
	switch {
	case r < 0x80:
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("!$&'()*+,-./:;=?@_~", r))
	case r < 0xA0:
		return true
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return true
	}
	return false
}
