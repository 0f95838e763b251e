package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// renderers returns the node renderers that replace goldmark's defaults.
func renderers(s settings) renderer.Option {
	list := []util.PrioritizedValue{
		util.Prioritized(checklistRenderer{}, 100),
		util.Prioritized(calloutRenderer{titles: s.calloutTitles}, 100),
		util.Prioritized(anchorRenderer{label: s.anchorLabel}, 100),
		util.Prioritized(codeRenderer{formatter: chtml.New(chtml.WithClasses(true), chtml.WithPreWrapper(preWrapper{}))}, 100),
	}
	if !s.unsafe {
		list = append(list, util.Prioritized(escapeHTMLRenderer{}, 100))
	}
	return renderer.WithNodeRenderers(list...)
}

// codeRenderer highlights fenced and indented code with chroma CSS classes.
type codeRenderer struct{ formatter *chtml.Formatter }

func (r codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
	reg.Register(ast.KindCodeBlock, r.render)
}

func (r codeRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var lang string
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		lang, _, _ = strings.Cut(string(f.Info.Segment.Value(src)), " ")
	}
	var code strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	lexer := lexers.Get(lang)
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
	if err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkSkipChildren, r.formatter.Format(w, styles.Fallback, it)
}

// preWrapper makes code blocks focusable, so keyboard users can scroll them.
type preWrapper struct{}

func (preWrapper) Start(code bool, _ string) string {
	if code {
		return `<pre class="chroma" tabindex="0"><code>`
	}
	return `<pre class="chroma" tabindex="0">`
}

func (preWrapper) End(code bool) string {
	if code {
		return "</code></pre>\n"
	}
	return "</pre>\n"
}

// escapeHTMLRenderer shows raw HTML as text instead of dropping it.
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

// HighlightCSS returns the stylesheet for highlighted code: a light palette by
// default and a dark one when the page is in dark mode, either chosen by the
// reader (html[data-theme="dark"]) or by the system with no choice made.
// Only rules for the token classes in used are kept (see UsedCodeClasses),
// so a site without code pays nothing for highlighting.
func HighlightCSS(used map[string]bool) (string, error) {
	if len(used) == 0 {
		return "", nil
	}
	f := chtml.New(chtml.WithClasses(true))
	var light, dark strings.Builder
	if err := f.WriteCSS(&light, styles.Get("github")); err != nil {
		return "", err
	}
	if err := f.WriteCSS(&dark, styles.Get("github-dark")); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(keepUsed(light.String(), used))
	scoped := func(prefix string) string {
		var out strings.Builder
		for _, line := range strings.Split(keepUsed(dark.String(), used), "\n") {
			if strings.HasPrefix(line, "/*") && strings.Contains(line, "*/ .") {
				_, rule, _ := strings.Cut(line, "*/ ")
				line = rule
			}
			if strings.HasPrefix(line, ".") {
				line = prefix + line
			}
			out.WriteString(line + "\n")
		}
		return out.String()
	}
	b.WriteString(scoped(`html[data-theme="dark"] `))
	b.WriteString("@media (prefers-color-scheme: dark) {\n" + scoped(`html:not([data-theme="light"]) `) + "}\n")
	return b.String(), nil
}

var codeClassRE = regexp.MustCompile(`<span class="([a-z0-9]+)"`)

// UsedCodeClasses returns the chroma token classes that occur in html.
func UsedCodeClasses(html []byte, into map[string]bool) {
	if !bytes.Contains(html, []byte(`class="chroma"`)) {
		return
	}
	into["chroma"] = true
	for _, m := range codeClassRE.FindAllSubmatch(html, -1) {
		into[string(m[1])] = true
	}
}

// keepUsed drops the rules of a chroma stylesheet whose token class is unused.
func keepUsed(css string, used map[string]bool) string {
	var out strings.Builder
	for _, line := range strings.Split(css, "\n") {
		rule := line
		if strings.HasPrefix(rule, "/*") {
			_, rule, _ = strings.Cut(rule, "*/ ")
		}
		sel, _, _ := strings.Cut(rule, " {")
		fields := strings.Fields(sel)
		if len(fields) > 0 {
			last := strings.TrimPrefix(fields[len(fields)-1], ".")
			if last != "bg" && last != "chroma" && !used[last] {
				continue
			}
		}
		out.WriteString(line + "\n")
	}
	return out.String()
}
