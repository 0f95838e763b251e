package markdown

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// nodeIndex holds the nodes our AST transformers work on, found in one walk
// of the document by the first of them to run (lineBreaks) instead of a walk
// of the whole tree by each of seven transformers. One index
// serves them all because no transformer creates a node of a kind another
// looks for, or takes one out of the tree before another looks at it (raw
// HTML drops only the inline content of <script> and the like, links are
// done by then and a task checkbox is always the first inline), and each
// still checks, when its turn comes, the conditions it checked in its walk.
type nodeIndex struct {
	breaks   []*ast.Text // soft line breaks before an inline other than text
	links    []ast.Node  // *ast.Link and *ast.Image
	rawHTML  []ast.Node  // *ast.HTMLBlock and *ast.RawHTML
	quotes   []*ast.Blockquote
	boxes    []*east.TaskCheckBox
	headings []*ast.Heading
}

// nodes returns the index of doc, walking it on the first call.
func (st *state) nodes(doc *ast.Document) *nodeIndex {
	if st.index != nil {
		return st.index
	}
	idx := &nodeIndex{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			if n.SoftLineBreak() && !n.HardLineBreak() && n.NextSibling() != nil && n.NextSibling().Kind() != ast.KindText {
				idx.breaks = append(idx.breaks, n)
			}
		case *ast.Link, *ast.Image:
			idx.links = append(idx.links, n)
		case *ast.HTMLBlock, *ast.RawHTML:
			idx.rawHTML = append(idx.rawHTML, n)
		case *ast.Blockquote:
			idx.quotes = append(idx.quotes, n)
		case *east.TaskCheckBox:
			idx.boxes = append(idx.boxes, n)
		case *ast.Heading:
			idx.headings = append(idx.headings, n)
		}
		return ast.WalkContinue, nil
	})
	st.index = idx
	return idx
}
