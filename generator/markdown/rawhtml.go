package markdown

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// HTMLMode says what happens to raw HTML written in Markdown.
type HTMLMode string

// The raw HTML modes (site.yaml markdown.html).
const (
	// HTMLSanitize keeps an allow-list of structure, tables, <details>,
	// images and anchors, and drops scripts, event handlers, style, iframes,
	// forms and comments. The default.
	HTMLSanitize HTMLMode = "sanitize"
	// HTMLEscape shows raw HTML as text.
	HTMLEscape HTMLMode = "escape"
	// HTMLUnsafe lets raw HTML through as written.
	HTMLUnsafe HTMLMode = "unsafe"
)

// ParseHTMLMode reads a mode as written in site.yaml; "" is the default.
func ParseHTMLMode(s string) (HTMLMode, error) {
	if s == "" {
		return HTMLSanitize, nil
	}
	switch m := HTMLMode(s); m {
	case HTMLSanitize, HTMLEscape, HTMLUnsafe:
		return m, nil
	}
	return "", fmt.Errorf("unknown raw HTML mode %q (use sanitize, escape or unsafe)", s)
}

// WithHTML sets the raw HTML mode; an unknown mode means HTMLSanitize.
func WithHTML(mode HTMLMode) Option {
	return func(s *settings) {
		if _, err := ParseHTMLMode(string(mode)); err == nil && mode != "" {
			s.html = mode
		} else {
			s.html = HTMLSanitize
		}
	}
}

// rawHTML handles raw HTML blocks and inline tags by mode. Outside escape
// mode each piece has its <a href> sent through Page.Link and its <img src>
// through Page.Image, its id= and <a name=> prefixed with Page.IDPrefix and
// recorded in Result.IDs, and (in sanitize mode) is cleaned by the
// allow-list. Only raw HTML goes through the sanitiser, never our own markup.
type rawHTML struct{ mode HTMLMode }

// Extend implements goldmark.Extender.
func (e *rawHTML) Extend(m goldmark.Markdown) {
	if e.mode == HTMLEscape {
		m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(escapeHTMLRenderer{}, 100)))
		return
	}
	t := &rawHTMLTransformer{mode: e.mode}
	if e.mode == HTMLSanitize {
		t.policy = sanitizePolicy()
	}
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(t, 105)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(fragmentRenderer{}, 100)))
}

// sanitizePolicy is the allow-list of HTMLSanitize.
func sanitizePolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("div", "span", "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
		"ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code", "kbd", "samp", "var",
		"sub", "sup", "abbr", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "q", "cite",
		"figure", "figcaption", "details", "summary", "picture",
		"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td")
	p.AllowAttrs("id", "title").Globally()
	p.AllowAttrs("href", "name").OnElements("a")
	p.AllowAttrs("src", "alt", "width", "height").OnElements("img")
	p.AllowAttrs("open").OnElements("details")
	p.AllowAttrs("colspan", "rowspan", "scope").OnElements("th", "td")
	p.AllowAttrs("start", "reversed").OnElements("ol")
	p.AllowAttrs("align").OnElements("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "img", "td", "th")
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(true)
	p.AllowURLSchemes("http", "https", "mailto")
	return p
}

// htmlFragment is raw HTML after processing, written as it stands.
type htmlFragment struct {
	ast.BaseInline
	HTML []byte
}

var kindHTMLFragment = ast.NewNodeKind("HTMLFragment")

func (*htmlFragment) Kind() ast.NodeKind { return kindHTMLFragment }

func (f *htmlFragment) Dump(src []byte, level int) {
	ast.DumpHelper(f, src, level, map[string]string{"HTML": string(f.HTML)}, nil)
}

// htmlBlockFragment is a raw HTML block after processing.
type htmlBlockFragment struct {
	ast.BaseBlock
	HTML []byte
}

var kindHTMLBlockFragment = ast.NewNodeKind("HTMLBlockFragment")

func (*htmlBlockFragment) Kind() ast.NodeKind { return kindHTMLBlockFragment }

func (f *htmlBlockFragment) Dump(src []byte, level int) {
	ast.DumpHelper(f, src, level, map[string]string{"HTML": string(f.HTML)}, nil)
}

type rawHTMLTransformer struct {
	mode   HTMLMode
	policy *bluemonday.Policy
}

func (t *rawHTMLTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	src := reader.Source()
	nodes := st.nodes(doc).rawHTML
	// dropped counts the inline start tags the sanitiser removed, by parent
	// and element, so their end tags go too.
	type openTag struct {
		parent ast.Node
		name   string
	}
	dropped := map[openTag]int{}
	for _, n := range nodes {
		if n.Parent() == nil {
			continue // dropped with a skipped element's content
		}
		var segs []text.Segment
		switch n := n.(type) {
		case *ast.HTMLBlock:
			for i := range n.Lines().Len() {
				segs = append(segs, n.Lines().At(i))
			}
			if n.HasClosure() {
				segs = append(segs, n.ClosureLine)
			}
		case *ast.RawHTML:
			for i := range n.Segments.Len() {
				segs = append(segs, n.Segments.At(i))
			}
			if t.policy != nil {
				dropSkippedContent(n, src)
			}
		}
		parent := n.Parent()
		out := t.process(st, src, segs)
		if r, ok := n.(*ast.RawHTML); ok && t.policy != nil {
			name, end := tagName(r, src)
			key := openTag{parent, name}
			switch {
			case end && dropped[key] > 0:
				dropped[key]--
				out = nil
			case !end && name != "" && len(bytes.TrimSpace(out)) == 0:
				dropped[key]++
			}
		}
		if n.Type() == ast.TypeBlock {
			f := &htmlBlockFragment{HTML: out}
			f.SetLines(n.Lines())
			parent.ReplaceChild(parent, n, f)
		} else {
			parent.ReplaceChild(parent, n, &htmlFragment{HTML: out})
		}
	}
}

// process rewrites links, images and IDs of one piece of raw HTML, cleans it
// in sanitize mode, and records the IDs that remain.
func (t *rawHTMLTransformer) process(st *state, src []byte, segs []text.Segment) []byte {
	var raw []byte
	for _, s := range segs {
		raw = append(raw, s.Value(src)...)
	}
	// srcOffset maps an offset in raw to one in src, for line numbers.
	srcOffset := func(pos int) int {
		for _, s := range segs {
			if pos < s.Len() {
				return s.Start + pos
			}
			pos -= s.Len()
		}
		if len(segs) > 0 {
			return segs[len(segs)-1].Stop
		}
		return 0
	}
	out := eachTag(raw, func(tok *html.Token, pos int) bool {
		changed := false
		for i, a := range tok.Attr {
			v := a.Val
			switch {
			case tok.Data == "a" && a.Key == "href":
				v = st.rewriteLink(a.Val, srcOffset(pos))
			case tok.Data == "img" && a.Key == "src":
				v = st.rewriteImage(a.Val, srcOffset(pos))
			case a.Key == "id" || tok.Data == "a" && a.Key == "name":
				v = st.page.IDPrefix + a.Val
			}
			if v != a.Val {
				tok.Attr[i].Val = v
				changed = true
			}
		}
		return changed
	})
	if t.policy != nil {
		out = t.policy.SanitizeBytes(out)
	}
	eachTag(out, func(tok *html.Token, _ int) bool {
		for _, a := range tok.Attr {
			if a.Key == "id" || tok.Data == "a" && a.Key == "name" {
				st.ids[a.Val] = true
			}
		}
		return false
	})
	return out
}

// eachTag calls fn with every start tag of raw and its offset, and returns
// raw with the tags fn changed (it returns true) written anew; everything
// else is kept byte for byte.
func eachTag(raw []byte, fn func(tok *html.Token, pos int) bool) []byte {
	z := html.NewTokenizer(bytes.NewReader(raw))
	var out bytes.Buffer
	out.Grow(len(raw))
	pos := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() == io.EOF {
				out.Write(z.Raw())
			}
			break
		}
		rawTok := append([]byte(nil), z.Raw()...)
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			tok := z.Token()
			if fn(&tok, pos) {
				out.WriteString(tok.String())
				pos += len(rawTok)
				continue
			}
		}
		out.Write(rawTok)
		pos += len(rawTok)
	}
	return out.Bytes()
}

// skipContent are the elements whose content the sanitiser drops with them.
var skipContent = map[string]bool{
	"script": true, "style": true, "iframe": true, "object": true, "embed": true, "noscript": true,
	"template": true, "textarea": true, "select": true, "title": true, "noembed": true, "noframes": true, "xmp": true,
}

// dropSkippedContent removes what follows an inline start tag of a
// skip-content element (<script>) up to its end tag: goldmark makes each tag
// its own node, so the sanitiser never sees the text between them.
func dropSkippedContent(n *ast.RawHTML, src []byte) {
	name, end := tagName(n, src)
	if end || !skipContent[name] {
		return
	}
	parent := n.Parent()
	for c := n.NextSibling(); c != nil; {
		next := c.NextSibling()
		if r, ok := c.(*ast.RawHTML); ok {
			if cn, cend := tagName(r, src); cend && cn == name {
				parent.RemoveChild(parent, c)
				return
			}
		}
		parent.RemoveChild(parent, c)
		c = next
	}
}

// tagName returns the lower-case element name of an inline tag and whether
// it is an end tag.
func tagName(n *ast.RawHTML, src []byte) (string, bool) {
	if n.Segments.Len() == 0 {
		return "", false
	}
	seg := n.Segments.At(0)
	b := seg.Value(src)
	b = bytes.TrimPrefix(b, []byte("<"))
	end := bytes.HasPrefix(b, []byte("/"))
	b = bytes.TrimPrefix(b, []byte("/"))
	i := 0
	for i < len(b) && (isASCIILetter(b[i]) || b[i] >= '0' && b[i] <= '9' || b[i] == '-') {
		i++
	}
	return strings.ToLower(string(b[:i])), end
}

type fragmentRenderer struct{}

func (fragmentRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	write := func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n := n.(type) {
			case *htmlFragment:
				_, _ = w.Write(n.HTML)
			case *htmlBlockFragment:
				_, _ = w.Write(n.HTML)
			}
		}
		return ast.WalkSkipChildren, nil
	}
	reg.Register(kindHTMLFragment, write)
	reg.Register(kindHTMLBlockFragment, write)
}

// escapeHTMLRenderer shows raw HTML as text (HTMLEscape).
type escapeHTMLRenderer struct{}

func (escapeHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		_, _ = w.WriteString("<p>")
		for i := range b.Lines().Len() {
			seg := b.Lines().At(i)
			_, _ = w.Write(util.EscapeHTML(seg.Value(src)))
		}
		if b.HasClosure() {
			_, _ = w.Write(util.EscapeHTML(b.ClosureLine.Value(src)))
		}
		_, _ = w.WriteString("</p>\n")
		return ast.WalkContinue, nil
	})
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		segs := n.(*ast.RawHTML).Segments
		for i := range segs.Len() {
			seg := segs.At(i)
			_, _ = w.Write(util.EscapeHTML(seg.Value(src)))
		}
		return ast.WalkSkipChildren, nil
	})
}
