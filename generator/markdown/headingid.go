package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headingIDs gives every heading an ID the way GitHub does (see Slug and
// Slugger), so links written for GitHub work here. An explicit {#id} wins;
// of a heading's attributes only id and class are kept (no inline styles or
// handlers). Page.IDPrefix is prepended last.
type headingIDs struct{}

// Extend implements goldmark.Extender.
func (*headingIDs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(headingIDTransformer{}, 130)))
}

type headingIDTransformer struct{}

func (headingIDTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	src := reader.Source()
	heads := st.nodes(doc).headings
	slugs := NewSlugger()
	// Explicit IDs first, so a generated ID never takes one written later.
	for _, h := range heads {
		keepHeadingAttributes(h)
		if id, ok := attrBytes(h, "id"); ok {
			slugs.Reserve(string(id))
		}
	}
	if t := st.page.TitleHeading; t != "" {
		st.titleID = st.page.IDPrefix + slugs.Slug(strings.TrimSpace(t))
		st.ids[st.titleID] = true
	}
	for _, h := range heads {
		id, ok := attrBytes(h, "id")
		if !ok {
			id = []byte(slugs.Slug(strings.TrimSpace(plainText(h, src))))
		}
		id = append([]byte(st.page.IDPrefix), id...)
		h.SetAttributeString("id", id)
		st.ids[string(id)] = true
	}
}

// keepHeadingAttributes drops every heading attribute but id and class: the
// site promises no inline styles and no event handlers.
func keepHeadingAttributes(h *ast.Heading) {
	attrs := h.Attributes()
	if len(attrs) == 0 {
		return
	}
	h.RemoveAttributes()
	for _, a := range attrs {
		switch string(a.Name) {
		case "id", "class":
			if _, ok := a.Value.([]byte); ok {
				h.SetAttribute(a.Name, a.Value)
			}
		}
	}
}

func attrBytes(n ast.Node, name string) ([]byte, bool) {
	v, ok := n.AttributeString(name)
	if !ok {
		return nil, false
	}
	b, ok := v.([]byte)
	return b, ok && len(b) > 0
}

// Slug turns heading text into an ID as GitHub does (github-slugger): Latin
// letters are lower-cased; letters of any script, marks, decimal and letter
// numbers, "_" and "-" are kept; every space becomes "-" (runs are not
// collapsed) and everything else is dropped. "第 1 步：登录" → "第-1-步登录",
// "fs.readFile(path)" → "fsreadfilepath". Text with nothing left gives "".
func Slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || keptInSlug(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// keptInSlug reports whether github-slugger keeps r: it removes other numbers,
// punctuation but connectors and "-", symbols, controls, formats, private use,
// unassigned code points and separators but " ", except alphabetic ones.
func keptInSlug(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.M, r) || unicode.Is(unicode.Nd, r) ||
		unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Pc, r) || unicode.Is(unicode.Other_Alphabetic, r)
}

// Slugger hands out unique IDs for one page like github-slugger: the second
// "same" is "same-1", the third "same-2". Each base remembers its last
// number, so n identical headings take linear time.
type Slugger struct{ seen map[string]int }

// NewSlugger returns a Slugger with no IDs taken.
func NewSlugger() *Slugger { return &Slugger{seen: map[string]int{}} }

// Reserve marks id as taken, e.g. an explicit {#id}.
func (s *Slugger) Reserve(id string) {
	if _, ok := s.seen[id]; !ok {
		s.seen[id] = 0
	}
}

// Slug returns a unique ID for heading text; text that slugs to nothing
// (only punctuation or emoji) is named "section".
func (s *Slugger) Slug(text string) string {
	base := Slug(text)
	if base == "" {
		base = "section"
	}
	id := base
	for {
		if _, taken := s.seen[id]; !taken {
			break
		}
		s.seen[base]++
		id = base + "-" + strconv.Itoa(s.seen[base])
	}
	s.seen[id] = 0
	return id
}
