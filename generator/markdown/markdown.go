// Package markdown converts a page body to HTML with goldmark: GFM, CJK line
// breaks, footnotes, definition lists, heading IDs for Chinese headings,
// callouts, interactive checklists, chroma highlighting and internal link
// rewriting. It takes bytes and returns HTML, headings and plain text; it
// knows nothing of the content tree.
package markdown

import (
	"bytes"
	"fmt"
	"guidebook/generator/diag"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Converter is one goldmark pipeline, built once per build and safe for
// concurrent use.
type Converter struct {
	md goldmark.Markdown
}

type settings struct {
	unsafe        bool
	calloutTitles map[string]string
	anchorLabel   string
}

// Option configures a Converter.
type Option func(*settings)

// WithUnsafe lets raw HTML through instead of escaping it.
func WithUnsafe(on bool) Option { return func(s *settings) { s.unsafe = on } }

// WithCalloutTitles sets the visible title of each callout kind
// ("note", "tip", "important", "warning", "caution").
func WithCalloutTitles(t map[string]string) Option {
	return func(s *settings) { s.calloutTitles = t }
}

// WithAnchorLabel names the heading anchor links for screen readers, e.g.
// "本节链接" (see Page.Anchors).
func WithAnchorLabel(label string) Option { return func(s *settings) { s.anchorLabel = label } }

// New returns a converter.
func New(opts ...Option) *Converter {
	s := settings{calloutTitles: defaultCalloutTitles}
	for _, o := range opts {
		o(&s)
	}
	var htmlOpts []renderer.Option
	if s.unsafe {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.DefinitionList,
			extension.NewCJK(extension.WithEastAsianLineBreaks(), extension.WithEscapedSpace()),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithAttribute(),
			parser.WithASTTransformers(
				util.Prioritized(linkTransformer{}, 100),
				util.Prioritized(calloutTransformer{}, 110),
				util.Prioritized(checklistTransformer{}, 120),
				util.Prioritized(prefixTransformer{}, 130),
				util.Prioritized(anchorTransformer{}, 140),
			),
		),
		goldmark.WithRendererOptions(htmlOpts...),
	)
	// Our renderers are registered at priority 100-200, lower than goldmark's
	// own (500+), so they replace them for the node kinds they handle.
	md.Renderer().AddOptions(renderers(s))
	return &Converter{md: md}
}

// Page is what Convert needs to know about the page being converted.
type Page struct {
	File string // path for messages, e.g. "content/steps/submit.md"
	Line int    // line of the body's first line in File
	// Key identifies the page for checklist item IDs, e.g. "steps/submit".
	Key string
	// Anchors ends each ## to #### heading with a link to itself; off for a
	// page shown inside another.
	Anchors bool
	// IDPrefix is prepended to every heading ID, for a page shown inside
	// another page where its IDs must not clash.
	IDPrefix string
	// Link rewrites a relative link destination (e.g. "../steps/submit.md#x")
	// written at line of File; it returns the href to write, or an error that
	// is reported at that line. Nil leaves links unchanged.
	Link func(dest string, line int) (string, error)
}

// Heading is a heading of the page, for the table of contents and anchors.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Section is the plain text of the page top or of one ## heading, for search.
type Section struct {
	ID      string // heading ID, "" for the page top
	Heading string
	Text    string
}

// Result is a converted page.
type Result struct {
	HTML     []byte
	Headings []Heading // every heading with an ID, in order
	Sections []Section
	Tasks    []Task // checklist items, in order
}

// HasID reports whether the page has an element with the given heading ID.
func (r *Result) HasID(id string) bool {
	for _, h := range r.Headings {
		if h.ID == id {
			return true
		}
	}
	return false
}

// Convert renders src, the body of page p. Link problems are returned as a
// diag.List located in p.File; the HTML is still returned.
func (c *Converter) Convert(src []byte, p Page) (*Result, error) {
	st := &state{page: p, src: src, ids: newIDs()}
	pc := parser.NewContext(parser.WithIDs(st.ids))
	pc.Set(stateKey, st)
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var buf bytes.Buffer
	if err := c.md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, fmt.Errorf("%s: render: %w", p.File, err)
	}
	res := &Result{HTML: buf.Bytes(), Tasks: st.tasks}
	res.Headings, res.Sections = outline(doc, src)
	return res, st.errs.Err()
}

// state is the per-conversion state shared by the transformers through the
// parser context.
type state struct {
	page  Page
	src   []byte
	ids   *ids
	tasks []Task
	errs  diag.List
}

var stateKey = parser.NewContextKey()

func stateOf(pc parser.Context) *state {
	if st, ok := pc.Get(stateKey).(*state); ok {
		return st
	}
	return &state{ids: newIDs()}
}

// lineAt returns the file line of byte offset off in the body.
func (st *state) lineAt(off int) int {
	if off > len(st.src) {
		off = len(st.src)
	}
	return st.page.Line + bytes.Count(st.src[:off], []byte("\n"))
}

func (st *state) errorf(off int, format string, args ...any) {
	st.errs.Add(diag.Errorf(st.page.File, st.lineAt(off), format, args...))
}
