package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLexers checks the hand-written lexers on any text: they never panic,
// their tokens put together give the text back exactly, and no token is
// empty (chroma's formatter would write an empty span) or splits a character.
func FuzzLexers(f *testing.F) {
	for _, s := range []string{
		"", "\n", "x := `raw\nstring`", "/* open", "// c", "\"esc \\\" q\"", "'\\", "0x", "0x1F 2.5e3 .5",
		"#include <a.h>\n#define X 1", "a /= b // c", "数据 → 值", "\xff\xfe", "$ echo $HOME ${X} $? # c\n> more",
		"echo \"a\nb\" 'c' | grep -v x && y; z > f 2>&1", "${", "$", "it's", "a#b #c",
	} {
		f.Add(s)
	}
	lexers := clikeLexers()
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
		}
	})
}
