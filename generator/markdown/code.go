package markdown

import (
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// code highlights fenced and indented code with chroma CSS classes (see
// HighlightCSS and Result.CodeClasses for the stylesheet that goes with them).
type code struct {
	tokens *tokenWriter
	lexers *lexerCache
}

func newCode() *code {
	return &code{
		tokens: newTokenWriter(chtml.New(chtml.WithClasses(true), chtml.WithPreWrapper(preWrapper{}))),
		lexers: &lexerCache{},
	}
}

// Extend implements goldmark.Extender.
func (c *code) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(c, 100)))
}

// RegisterFuncs implements renderer.NodeRenderer.
func (c *code) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, c.render)
	reg.Register(ast.KindCodeBlock, c.render)
}

func (c *code) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var lang string
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		lang, _, _ = strings.Cut(string(f.Info.Segment.Value(src)), " ")
	}
	var text strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		text.Write(seg.Value(src))
	}
	tokens, err := tokenise(c.lexers.get(lang), text.String())
	if err != nil {
		return ast.WalkStop, err
	}
	var classes map[string]bool
	if st := renderState(n); st != nil {
		classes = st.codeClasses
		classes["chroma"] = true
	}
	c.tokens.write(w, tokens, classes)
	return ast.WalkSkipChildren, nil
}

// tokenise lexes text with l. Our hand-written lexers hand over their token
// slice; chroma's iterator would copy it.
func tokenise(l chroma.Lexer, text string) ([]chroma.Token, error) {
	if own, ok := l.(ownLexer); ok {
		return own.tokens(text), nil
	}
	it, err := l.Tokenise(nil, text)
	if err != nil {
		return nil, err
	}
	return it.Tokens(), nil
}

// renderState returns the conversion state Convert left on the document, so
// a renderer can report what it wrote (renderers get no parser context).
func renderState(n ast.Node) *state {
	doc := n.OwnerDocument()
	if doc == nil {
		return nil
	}
	st, _ := doc.Meta()[stateMetaKey].(*state)
	return st
}

// stateMetaKey is the document meta key of the conversion state.
const stateMetaKey = "guidebook/markdown.state"

// fenceAliases maps fence names editors write to the chroma lexer meant.
var fenceAliases = map[string]string{
	"mjs": "javascript", "cjs": "javascript", "jsx": "react", "node": "javascript",
	"sh": "bash", "shell": "bash", "console": "bash", "shell-session": "bash", "zsh": "bash",
	"yml": "yaml", "golang": "go", "py": "python", "py3": "python", "rb": "ruby",
	"ts": "typescript", "tsx": "typescript", "rs": "rust", "kt": "kotlin",
	"md": "markdown", "htm": "html", "xhtml": "html", "jsonc": "json", "json5": "json",
	"ps": "powershell", "ps1": "powershell", "bat": "batch", "cmd": "batch", "dockerfile": "docker",
	"txt": "plaintext", "text": "plaintext", "plain": "plaintext", "none": "plaintext",
}

// lexerCache finds a chroma lexer by fence name once per name. Only names
// and aliases are looked up: chroma's own fallback tries every lexer's file
// patterns, which cost milliseconds per unknown block; an unknown name is
// plain text.
type lexerCache struct {
	once   sync.Once
	byName map[string]chroma.Lexer
}

func (lc *lexerCache) get(fence string) chroma.Lexer {
	lc.once.Do(lc.build)
	name := strings.ToLower(fence)
	if alias, ok := fenceAliases[name]; ok {
		name = alias
	}
	if l := lc.byName[name]; l != nil {
		return l
	}
	return lc.byName["plaintext"]
}

// build indexes every registered lexer by its name and aliases, coalesced
// once (a Coalesce wrapper is safe to share).
func (lc *lexerCache) build() {
	lc.byName = map[string]chroma.Lexer{"plaintext": chroma.Coalesce(lexers.Fallback)}
	fast := ownLexers()
	lexer := func(l chroma.Lexer) chroma.Lexer {
		if f := fast[strings.ToLower(l.Config().Name)]; f != nil {
			return f
		}
		return chroma.Coalesce(l)
	}
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		cfg := l.Config()
		co := lexer(l)
		for _, n := range append([]string{cfg.Name}, cfg.Aliases...) {
			n = strings.ToLower(n)
			if _, ok := lc.byName[n]; !ok {
				lc.byName[n] = co
			}
		}
	}
	// File extensions ("*.mjs") answer fence names no lexer has as a name.
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		co := lexer(l)
		for _, g := range l.Config().Filenames {
			ext, ok := strings.CutPrefix(g, "*.")
			if ok && !strings.ContainsAny(ext, "*?[") {
				ext = strings.ToLower(ext)
				if _, taken := lc.byName[ext]; !taken {
					lc.byName[ext] = co
				}
			}
		}
	}
}

// ownLexers are the hand-written lexers used instead of chroma's, by chroma
// lexer name in lower case: the C-like languages and shell (clike.go,
// shell.go), JSON (json.go) and YAML (yaml.go).
func ownLexers() map[string]chroma.Lexer {
	m := clikeLexers()
	m["json"], m["yaml"] = ownLexer{"JSON", jsonTokens}, ownLexer{"YAML", yamlTokens}
	return m
}

// ownLexer is a hand-written lexer as a chroma.Lexer: name is chroma's name
// of the language, tokens splits a text into tokens all at once.
type ownLexer struct {
	name   string
	tokens func(string) []chroma.Token
}

// Config, SetRegistry, SetAnalyser and AnalyseText make ownLexer a chroma.Lexer.
func (l ownLexer) Config() *chroma.Config                         { return &chroma.Config{Name: l.name} }
func (l ownLexer) SetRegistry(*chroma.LexerRegistry) chroma.Lexer { return l }
func (l ownLexer) SetAnalyser(func(string) float32) chroma.Lexer  { return l }
func (ownLexer) AnalyseText(string) float32                       { return 0 }

// Tokenise splits text into tokens, all at once.
func (l ownLexer) Tokenise(_ *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	return chroma.Literator(l.tokens(text)...), nil
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
