package markdown

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// sameAsChroma reports a difference between the tokenWriter's HTML and
// chroma's formatter's for text lexed by l ("" when they agree).
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
	if ours.String() != theirs.String() {
		return "tokenWriter:\n" + ours.String() + "\nchroma:\n" + theirs.String()
	}
	return ""
}

func newTestWriter() *tokenWriter {
	return newTokenWriter(chtml.New(chtml.WithClasses(true), chtml.WithPreWrapper(preWrapper{})))
}

// TestTokenWriterMatchesChroma: the tokenWriter writes what chroma's HTML
// formatter writes, for chroma's lexers and ours, every token type included.
func TestTokenWriterMatchesChroma(t *testing.T) {
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
	for tt := range chroma.StandardTypes {
		tokens := []chroma.Token{{Type: tt, Value: "v"}, {Type: chroma.Text, Value: "\n"}}
		var ours, theirs bytes.Buffer
		w.write(&ours, tokens, nil)
		_ = w.chroma.Format(&theirs, styles.Fallback, chroma.Literator(tokens...))
		if ours.String() != theirs.String() {
			t.Errorf("%v: %q, chroma %q", tt, ours.String(), theirs.String())
		}
	}
}

// FuzzLexers checks the hand-written lexers on any text: they never panic,
// their tokens put together give the text back exactly, and no token is
// empty (chroma's formatter would write an empty span) or splits a character,
// and the tokenWriter writes them as chroma's formatter would.
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
