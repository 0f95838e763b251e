package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Slug turns heading text into an ID that works for Chinese headings: Latin
// letters are lower-cased, letters of any script and digits are kept, and
// every run of other characters becomes one "-". "第 1 步：登录" → "第-1-步-登录".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '_':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// ids hands out unique element IDs for one page: a repeated ID gets "-2", "-3".
type ids struct{ used map[string]bool }

func newIDs() *ids { return &ids{used: map[string]bool{}} }

// Generate implements parser.IDs.
func (x *ids) Generate(value []byte, _ ast.NodeKind) []byte {
	return []byte(x.unique(Slug(stripMarkup(string(value)))))
}

// Put implements parser.IDs; it records an explicit {#id}.
func (x *ids) Put(value []byte) { x.used[string(value)] = true }

func (x *ids) unique(base string) string {
	id := base
	for n := 2; x.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	x.used[id] = true
	return id
}

// stripMarkup removes an explicit attribute block and inline markers from a
// raw heading line, so "**重要** {#x}" slugs as "重要".
func stripMarkup(s string) string {
	if i := strings.LastIndex(s, "{"); i >= 0 && strings.HasSuffix(strings.TrimSpace(s), "}") {
		s = s[:i]
	}
	return s
}

// prefixTransformer prepends Page.IDPrefix to every heading ID.
type prefixTransformer struct{}

func (prefixTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	prefix := stateOf(pc).page.IDPrefix
	if prefix == "" {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if id, ok := h.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					h.SetAttributeString("id", append([]byte(prefix), b...))
				}
			}
		}
		return ast.WalkContinue, nil
	})
}
