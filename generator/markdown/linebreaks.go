package markdown

import (
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// lineBreaks completes goldmark's East Asian line breaks. The CJK extension
// drops a soft line break between two wide characters (中文第一行 / 第二行
// join without a space), but it decides only when the next inline is plain
// text: before a link, code span or emphasis it drops the break in every
// language, so "the usual\n[review](x)" rendered as "the usualreview"
// (goldmark issue 582). This transformer looks at the first character of
// that next inline and, unless both sides are wide, puts the line break back.
type lineBreaks struct{}

// Extend implements goldmark.Extender.
func (*lineBreaks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(lineBreakTransformer{}, 90)))
}

type lineBreakTransformer struct{}

func (lineBreakTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var fix []*ast.Text
	for _, t := range stateOf(pc).nodes(doc).breaks {
		next := t.NextSibling()
		if next == nil || next.Kind() == ast.KindText {
			continue // goldmark decides these itself
		}
		value := t.Value(src)
		if len(value) == 0 {
			continue
		}
		last, _ := utf8.DecodeLastRune(value)
		first, ok := firstRune(next, src)
		if !ok || !(util.IsEastAsianWideRune(last) && util.IsEastAsianWideRune(first)) {
			fix = append(fix, t)
		}
	}
	for _, t := range fix {
		t.Parent().InsertAfter(t.Parent(), t, ast.NewString([]byte("\n")))
	}
}

// firstRune returns the first character of the text inside n.
func firstRune(n ast.Node, src []byte) (rune, bool) {
	var r rune
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var b []byte
		switch c := c.(type) {
		case *ast.Text:
			b = c.Value(src)
		case *ast.String:
			b = c.Value
		}
		if len(b) > 0 {
			r, _ = utf8.DecodeRune(b)
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return r, found
}
