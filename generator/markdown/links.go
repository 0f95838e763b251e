package markdown

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// links sends every Markdown link destination through Page.Link and every
// image source through Page.Image, and rejects images from other origins (the
// site makes no foreign requests). Raw HTML links and images take the same
// path in rawhtml.go.
type links struct{}

// Extend implements goldmark.Extender.
func (*links) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 100)))
}

type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	st := stateOf(pc)
	for _, n := range st.nodes(doc).links {
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = []byte(st.rewriteLink(string(n.Destination), offsetOf(n, st.src)))
		case *ast.Image:
			n.Destination = []byte(st.rewriteImage(string(n.Destination), offsetOf(n, st.src)))
		}
	}
}

// rewriteLink returns the href for a link to dest written at byte offset off.
func (st *state) rewriteLink(dest string, off int) string {
	return st.rewrite("link", st.page.Link, dest, off)
}

// rewriteImage returns the src for an image dest written at byte offset off.
// Page.Image decides every image, an image from another origin included;
// without it, such an image is an error (the site makes no requests to
// other origins).
func (st *state) rewriteImage(dest string, off int) string {
	if st.page.Image != nil && dest != "" {
		src, err := st.page.Image(dest, st.lineAt(off))
		if err != nil {
			st.errorf(off, "image %s: %v", dest, err)
			return dest
		}
		return src
	}
	if isExternal(dest) {
		st.errorf(off, "image %s is on another site: copy it into static/ (the site makes no requests to other origins)", dest)
	}
	return dest
}

func (st *state) rewrite(what string, fn func(string, int) (string, error), dest string, off int) string {
	if fn == nil || dest == "" || isExternal(dest) {
		return dest
	}
	href, err := fn(dest, st.lineAt(off))
	if err != nil {
		st.errorf(off, "%s %s: %v", what, dest, err)
		return dest
	}
	return href
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

// offsetOf returns a byte offset on the line where inline n starts, for line
// numbers in messages: its first text, else the end of the text before it,
// else the first line of its block.
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
	if t, ok := n.PreviousSibling().(*ast.Text); ok {
		if t.SoftLineBreak() || t.HardLineBreak() {
			if i := bytes.IndexByte(src[t.Segment.Stop:], '\n'); i >= 0 {
				return t.Segment.Stop + i + 1
			}
		}
		return t.Segment.Stop
	}
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
