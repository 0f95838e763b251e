package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// sameAsChroma reports a difference between what a reader sees of the
// tokenWriter's HTML and of chroma's formatter's for text lexed by l, or a
// break of the tokenWriter's own contract (see compactProblem); "" when
// there is none.
func sameAsChroma(w *tokenWriter, l chroma.Lexer, text string) string {
	it, err := l.Tokenise(nil, text)
	if err != nil {
		return err.Error()
	}
	tokens := it.Tokens()
	var ours, theirs bytes.Buffer
	w.write(&ours, tokens, nil)
	if err := w.chroma.Format(&theirs, styles.Fallback, chroma.Literator(tokens...)); err != nil {
		return err.Error()
	}
	look := newCodeLook(w)
	if problem := look.compactProblem(ours.String()); problem != "" {
		return problem + " in\n" + ours.String()
	}
	if a, b := look.shown(ours.String()), look.shown(theirs.String()); a != b {
		return "tokenWriter shows:\n" + a + "\nchroma shows:\n" + b + "\n(tokenWriter: " + ours.String() + ")"
	}
	return ""
}

// codeLook is what chroma's classes look like in our palettes.
type codeLook struct {
	paints   map[string]bool // the class shows on whitespace
	unstyled map[string]bool // the class styles nothing
}

func newCodeLook(w *tokenWriter) codeLook {
	l := codeLook{paints: map[string]bool{}, unstyled: map[string]bool{"line": true, "cl": true}}
	for tt := range chroma.StandardTypes {
		class := className(w.chromaAttr(tt))
		if paintsWhitespace(tt) {
			l.paints[class] = true
		}
		if !styled(tt) {
			l.unstyled[class] = true
		}
	}
	return l
}

func className(attr string) string {
	return strings.TrimSuffix(strings.TrimPrefix(attr, ` class="`), `"`)
}

const (
	preStart = `<pre class="chroma" tabindex="0"><code>`
	preEnd   = "</code></pre>\n"
)

// codeParts splits a highlighted block into its tags and texts.
func codeParts(html string) []string {
	html = strings.TrimSuffix(strings.TrimPrefix(html, preStart), preEnd)
	var parts []string
	for html != "" {
		end := strings.IndexByte(html, '<')
		if end == 0 {
			end = strings.IndexByte(html, '>') + 1
		} else if end < 0 {
			end = len(html)
		}
		parts = append(parts, html[:end])
		html = html[end:]
	}
	return parts
}

// shown is what a reader sees of a highlighted block: one line per
// character, with the class that styles it; chroma's line wrappers and
// classes without a style of their own style nothing, and whitespace shows
// a class only if the class paints it.
func (l codeLook) shown(html string) string {
	var b strings.Builder
	var stack []string
	for _, part := range codeParts(html) {
		switch {
		case strings.HasPrefix(part, "<span"):
			stack = append(stack, className(part[len("<span"):len(part)-1]))
		case part == "</span>":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		default:
			class := ""
			for i := len(stack) - 1; i >= 0; i-- {
				if !l.unstyled[stack[i]] {
					class = stack[i]
					break
				}
			}
			for _, r := range unescapeCode(part) {
				c := class
				if unicode.IsSpace(r) && !l.paints[c] {
					c = ""
				}
				fmt.Fprintf(&b, "%q %s\n", r, c)
			}
		}
	}
	return b.String()
}

func unescapeCode(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&#39;", "'", "&#34;", `"`).Replace(s)
}

// compactProblem checks the tokenWriter's contract: no line wrappers, no
// nested or empty spans, no span of a class that styles nothing or around
// whitespace its class does not paint, and no two spans of one class with
// nothing (or only whitespace the class does not paint) between them, which
// should have been one span.
func (l codeLook) compactProblem(html string) string {
	paints := l.paints
	if !strings.HasPrefix(html, preStart) || !strings.HasSuffix(html, preEnd) {
		return "no pre wrapper"
	}
	open, last, between := "", "", ""
	for _, part := range codeParts(html) {
		switch {
		case strings.HasPrefix(part, "<span"):
			class := className(part[len("<span") : len(part)-1])
			if open != "" {
				return "nested span " + class
			}
			if l.unstyled[class] {
				return "span of class " + class + ", which styles nothing"
			}
			if class == last && (between == "" || strings.TrimSpace(between) == "" && !paints[class]) {
				return "two spans of class " + class + " in a row"
			}
			open, between = class, ""
		case part == "</span>":
			if open == "" {
				return "unmatched </span>"
			}
			if strings.TrimSpace(unescapeCode(between)) == "" && !paints[open] {
				return "span of class " + open + " around " + strconv.Quote(between)
			}
			last, open, between = open, "", ""
		default:
			between += part
		}
	}
	if open != "" {
		return "span left open"
	}
	return ""
}

func newTestWriter() *tokenWriter {
	return newTokenWriter(chtml.New(chtml.WithClasses(true), chtml.WithPreWrapper(preWrapper{})))
}

// TestTokenWriterShowsWhatChromaShows: a reader sees in the tokenWriter's
// compact HTML what chroma's HTML formatter shows, for chroma's lexers and
// ours, every token type included.
func TestTokenWriterShowsWhatChromaShows(t *testing.T) {
	w := newTestWriter()
	lc := &lexerCache{}
	texts := []string{"", "x", "a < b && c > 'd'\n", "key: [1, \"two\"]\n# c\n", "def f(x):\n    return x\n\n",
		"<p class=\"x\">&amp;</p>", "- a\n+ b\n", "fn main() { println!(\"hi\"); }", "$ go test ./...\nok\n", "数据 → 值\n"}
	for _, name := range []string{"yaml", "python", "rust", "html", "diff", "markdown", "plaintext", "js", "go", "c", "console", "json", "toml", "sql"} {
		for _, text := range texts {
			if diff := sameAsChroma(w, lc.get(name), text); diff != "" {
				t.Errorf("%s %q:\n%s", name, text, diff)
			}
		}
	}
	look := newCodeLook(w)
	if !look.paints["gd"] || !look.paints["err"] || look.paints["w"] || look.paints["k"] {
		t.Errorf("classes that paint whitespace: %v", look.paints)
	}
	if !look.unstyled["n"] || look.unstyled["k"] || look.unstyled["w"] {
		t.Errorf("classes that style nothing: %v", look.unstyled)
	}
	for tt := range chroma.StandardTypes {
		for _, tokens := range [][]chroma.Token{
			{{Type: tt, Value: "v"}, {Type: chroma.Text, Value: "\n"}},
			{{Type: tt, Value: "a"}, {Type: chroma.Whitespace, Value: " "}, {Type: tt, Value: "b"}, {Type: tt, Value: " \n"}, {Type: chroma.Text, Value: "c"}},
		} {
			var ours, theirs bytes.Buffer
			w.write(&ours, tokens, nil)
			_ = w.chroma.Format(&theirs, styles.Fallback, chroma.Literator(tokens...))
			if problem := look.compactProblem(ours.String()); problem != "" {
				t.Errorf("%v: %s in %q", tt, problem, ours.String())
			}
			if a, b := look.shown(ours.String()), look.shown(theirs.String()); a != b {
				t.Errorf("%v: %q shows\n%s\nchroma %q shows\n%s", tt, ours.String(), a, theirs.String(), b)
			}
		}
	}
}

// FuzzLexers checks the hand-written lexers on any text: they never panic,
// their tokens put together give the text back exactly, and no token is
// empty (chroma's formatter would write an empty span) or splits a character,
// and the tokenWriter shows them as chroma's formatter does.
func FuzzLexers(f *testing.F) {
	for _, s := range []string{
		"", "\n", "x := `raw\nstring`", "/* open", "// c", "\"esc \\\" q\"", "'\\", "0x", "0x1F 2.5e3 .5",
		"#include <a.h>\n#define X 1", "a /= b // c", "数据 → 值", "\xff\xfe", "$ echo $HOME ${X} $? # c\n> more",
		"echo \"a\nb\" 'c' | grep -v x && y; z > f 2>&1", "${", "$", "it's", "a#b #c",
	} {
		f.Add(s)
	}
	lexers := clikeLexers()
	w := newTestWriter()
	f.Fuzz(func(t *testing.T, text string) {
		for name, l := range lexers {
			it, err := l.Tokenise(nil, text)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			var b strings.Builder
			for _, tok := range it.Tokens() {
				if tok.Value == "" {
					t.Fatalf("%s: empty %v token in %q", name, tok.Type, text)
				}
				if utf8.ValidString(text) && !utf8.ValidString(tok.Value) {
					t.Fatalf("%s: token %q splits a character of %q", name, tok.Value, text)
				}
				b.WriteString(tok.Value)
			}
			if b.String() != text {
				t.Fatalf("%s: tokens give %q, want %q", name, b.String(), text)
			}
			if diff := sameAsChroma(w, l, text); diff != "" {
				t.Fatalf("%s %q: %s", name, text, diff)
			}
		}
	})
}
