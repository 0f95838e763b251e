package markdown

import (
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// linkTransformer rewrites internal link destinations with Page.Link and
// rejects images from other origins (the site makes no foreign requests).
type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	st := stateOf(pc)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = st.rewrite(n, n.Destination)
		case *ast.Image:
			if isExternal(string(n.Destination)) {
				st.errorf(offsetOf(n, st.src), "image %s is on another site: copy it into static/ (the site makes no requests to other origins)", n.Destination)
			}
		}
		return ast.WalkContinue, nil
	})
}

func (st *state) rewrite(n ast.Node, dest []byte) []byte {
	d := string(dest)
	if st.page.Link == nil || d == "" || isExternal(d) {
		return dest
	}
	off := offsetOf(n, st.src)
	href, err := st.page.Link(d, st.lineAt(off))
	if err != nil {
		st.errorf(off, "link %s: %v", d, err)
		return dest
	}
	return []byte(href)
}

// isExternal reports whether dest has a scheme (https:, mailto:) or is
// protocol-relative.
func isExternal(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	u, err := url.Parse(dest)
	return err == nil && u.Scheme != ""
}

// offsetOf returns the byte offset of the first text inside n, or of the
// nearest block ancestor, for line numbers in messages.
func offsetOf(n ast.Node, src []byte) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off >= 0 {
		return off
	}
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
