// Package markdown converts a page body to HTML with goldmark: GFM, CJK line
// breaks, footnotes, definition lists, GitHub-style heading IDs, callouts,
// interactive checklists, letter placeholders, chroma highlighting, raw HTML
// (sanitised by default) and link rewriting. Each of our features is a
// goldmark Extender in its own file. It takes bytes and returns HTML,
// headings and plain text; it knows nothing of the content tree.
package markdown

import (
	"bytes"
	"fmt"
	"guidebook/generator/diag"
	"html"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Converter is one goldmark pipeline, built once per build and safe for
// concurrent use.
type Converter struct {
	md     goldmark.Markdown
	limits Limits
	// scratch holds the buffers bodies are rendered into before they are
	// copied out at their exact size: a body stays in memory for the
	// whole build, a growing buffer's spare capacity need not.
	scratch sync.Pool
}

// scratchBuffer is a bytes.Buffer that goldmark writes to directly: with
// the Available, Buffered and Flush of util.BufWriter it is not wrapped
// in a bufio.Writer of its own on every conversion.
type scratchBuffer struct{ bytes.Buffer }

func (*scratchBuffer) Buffered() int { return 0 }
func (*scratchBuffer) Flush() error  { return nil }

var _ util.BufWriter = (*scratchBuffer)(nil)

type settings struct {
	html          HTMLMode
	calloutTitles map[string]string
	anchorLabel   string
	blank         string
	limits        Limits
}

// Option configures a Converter.
type Option func(*settings)

// WithUnsafe(true) lets raw HTML through as written; it is an alias of
// WithHTML(HTMLUnsafe) kept for older callers. WithUnsafe(false) keeps the
// default mode (HTMLSanitize).
func WithUnsafe(on bool) Option {
	return func(s *settings) {
		if on {
			s.html = HTMLUnsafe
		}
	}
}

// WithCalloutTitles sets the visible title of each callout kind
// ("note", "tip", "important", "warning", "caution").
func WithCalloutTitles(t map[string]string) Option {
	return func(s *settings) { s.calloutTitles = t }
}

// WithAnchorLabel names the heading anchor links for screen readers, e.g.
// "本节链接" (see Page.Anchors).
func WithAnchorLabel(label string) Option { return func(s *settings) { s.anchorLabel = label } }

// WithBlank sets what a letter field shows without JavaScript (the UI string
// "letter.blank", e.g. "＿＿＿＿"), so a printed letter can be completed by hand.
func WithBlank(blank string) Option { return func(s *settings) { s.blank = blank } }

// WithLimits replaces the bounds that keep hostile input fast (see Limits).
func WithLimits(l Limits) Option { return func(s *settings) { s.limits = l } }

// New returns a converter.
func New(opts ...Option) *Converter {
	s := settings{calloutTitles: defaultCalloutTitles, html: HTMLSanitize, limits: Limits{Nesting: DefaultNesting, LinkDefinitions: DefaultLinkDefinitions}}
	for _, o := range opts {
		o(&s)
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.DefinitionList,
			extension.NewCJK(extension.WithEastAsianLineBreaks(), extension.WithEscapedSpace()),
			plainTextWriter{}, // after CJK: it wraps the writer CJK sets
			&lineBreaks{},
			// Ours, in the order their AST transformers run (see each file).
			&links{},
			&callouts{titles: s.calloutTitles},
			&checklists{},
			&placeholders{blank: s.blank},
			&headingIDs{},
			&headingAnchors{label: s.anchorLabel},
			&rawHTML{mode: s.html},
			newCode(),
		),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
	return &Converter{md: md, limits: s.limits}
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
	// written at line of File, in Markdown or in a raw HTML <a href>; it
	// returns the href to write, or an error that is reported at that line.
	// Nil leaves links unchanged.
	Link func(dest string, line int) (string, error)
	// Image rewrites the source of a Markdown image or a raw HTML <img src>
	// written at line of File, like Link. Nil leaves sources unchanged.
	Image func(dest string, line int) (string, error)
	// TitleHeading is the text of a "# " heading taken out of the body to
	// become the page's title. As on GitHub, where it is the document's
	// first heading, its ID comes before all others (later headings with the
	// same text get -1, -2), and an empty anchor with that ID starts the
	// HTML, so links written for GitHub (stream.md#stream) still land.
	TitleHeading string
	// Fields are the fill-in fields the page declares; {{name}} in its text
	// becomes the field's element (see placeholder.go). Without fields, {{…}}
	// is plain text.
	Fields []Field
	// ValidUTF8 says the body is known to be UTF-8 (content.Load replaces
	// what is not, and reports it), so Convert need not check it again.
	ValidUTF8 bool
}

// Field is one fill-in field of a letter, as the page declares it.
type Field struct {
	Name    string
	Label   string
	Kind    string   // "list", "table" and "textarea" alone in a paragraph become blocks
	Columns []string // the columns of a "table" field
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
	Text    string // whitespace folded to single spaces, trimmed
}

// Result is a converted page.
type Result struct {
	HTML     string
	Headings []Heading // every top-level heading with an ID, in order
	Sections []Section
	Tasks    []Task // checklist items, in order
	// IDs holds every element ID a link may point at: all heading IDs
	// (nested ones too) and the id= and <a name=> of raw HTML.
	IDs map[string]bool
	// CodeClasses are the chroma CSS classes the page's code uses, for
	// HighlightCSS, recorded as the code is written (no scan of the HTML).
	CodeClasses map[string]bool
}

// HasID reports whether the page has an element with the given ID: a heading
// or an anchor in raw HTML.
func (r *Result) HasID(id string) bool {
	if r.IDs != nil {
		return r.IDs[id]
	}
	for _, h := range r.Headings {
		if h.ID == id {
			return true
		}
	}
	return false
}

// Convert renders src, the body of page p. Link problems are returned as a
// diag.List located in p.File; the HTML is still returned. Input beyond the
// converter's Limits is refused with an error and no result.
func (c *Converter) Convert(src []byte, p Page) (*Result, error) {
	if err := c.limits.check(src, p); err != nil {
		return nil, err
	}
	var bad error
	if !p.ValidUTF8 && !utf8.Valid(src) {
		// goldmark panics on some invalid UTF-8 and the page is UTF-8 HTML:
		// report the first bad line and convert the text with U+FFFD.
		line := p.Line + bytes.Count(src[:firstInvalid(src)], []byte("\n"))
		bad = diag.Errorf(p.File, line, "text is not valid UTF-8: save the file as UTF-8")
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	}
	st := &state{page: p, src: src, ids: map[string]bool{}, codeClasses: map[string]bool{}, lines: newLineIndex(src)}
	st.errs.Add(bad)
	pc := parser.NewContext()
	pc.Set(stateKey, st)
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	if d, ok := doc.(*ast.Document); ok {
		d.AddMeta(stateMetaKey, st)
	}
	buf, _ := c.scratch.Get().(*scratchBuffer)
	if buf == nil {
		buf = new(scratchBuffer)
	}
	defer c.scratch.Put(buf)
	buf.Reset()
	if err := c.md.Renderer().Render(buf, src, doc); err != nil {
		return nil, fmt.Errorf("%s: render: %w", p.File, err)
	}
	var prefix string
	if st.titleID != "" {
		prefix = `<a id="` + html.EscapeString(st.titleID) + `"></a>` + "\n"
	}
	var out strings.Builder
	out.Grow(len(prefix) + buf.Len())
	out.WriteString(prefix)
	out.Write(buf.Bytes())
	res := &Result{HTML: out.String(), Tasks: st.tasks, IDs: st.ids, CodeClasses: st.codeClasses}
	buf.Reset() // the HTML is copied out: its buffer holds the plain text now
	res.Headings, res.Sections = outline(doc, src, buf.AvailableBuffer())
	return res, st.errs.Err()
}

// firstInvalid returns the offset of the first invalid UTF-8 sequence.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// state is the per-conversion state shared by the transformers through the
// parser context.
type state struct {
	page  Page
	src   []byte
	lines lineIndex
	ids   map[string]bool // element IDs of the page, see Result.IDs
	// titleID is the ID of Page.TitleHeading, "" without one.
	titleID string
	// codeClasses are the chroma classes the code renderer wrote.
	codeClasses map[string]bool
	tasks       []Task
	errs        diag.List
	// index is the nodes the transformers work on, see nodes.
	index *nodeIndex
}

var stateKey = parser.NewContextKey()

func stateOf(pc parser.Context) *state {
	if st, ok := pc.Get(stateKey).(*state); ok {
		return st
	}
	// A goldmark pipeline used without Convert (tests, tools): fresh state.
	st := &state{ids: map[string]bool{}}
	pc.Set(stateKey, st)
	return st
}

// lineAt returns the file line of byte offset off in the body.
func (st *state) lineAt(off int) int {
	return st.page.Line + st.lines.line(off)
}

func (st *state) errorf(off int, format string, args ...any) {
	st.errs.Add(diag.Errorf(st.page.File, st.lineAt(off), format, args...))
}

// lineIndex finds the line of a byte offset by binary search, so pages with
// many links do not count newlines from the start each time.
type lineIndex []int // offsets of the newlines

func newLineIndex(src []byte) lineIndex {
	idx := make(lineIndex, 0, bytes.Count(src, []byte("\n")))
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return idx
		}
		idx = append(idx, off+i)
		off += i + 1
	}
}

// line returns the number of newlines before off (0 for the first line).
func (idx lineIndex) line(off int) int {
	lo, hi := 0, len(idx)
	for lo < hi {
		m := (lo + hi) / 2
		if idx[m] < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
