package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fold returns s written to a foldWriter, in two pieces cut at a character
// boundary near the middle when s is valid UTF-8 (text nodes are cut at
// characters), whole otherwise.
func fold(s string) string {
	w := foldWriter{}
	cut := len(s)
	if utf8.ValidString(s) {
		cut = len(s) / 2
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	_, _ = w.Write([]byte(s[:cut]))
	_, _ = w.Write([]byte(s[cut:]))
	return string(w.buf)
}

// TestFold checks foldWriter against the strings.Fields definition it
// implements.
func TestFold(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a ", "a  b", "a\n\nb\t c", "第一段。\n\n第二段\u3000全角空格", "\u00a0x\u2003y\u0085", "a\xffb c", "  多  个  ", "x\u1680y\u2028z\u205f。\u3000\ufeff末", "\u3000\u3000", "a\v\fb\rc", "\xc2", "\xe2\x80", "é à", "\xe3\x80", "\xe3\x80\x81、", "ab cd"} {
		if got, want := fold(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFoldSections checks that each section's text is trimmed on its own.
func TestFoldSections(t *testing.T) {
	w := foldWriter{}
	_, _ = w.Write([]byte(" one  two\n"))
	_ = w.WriteByte('\n')
	mid := w.newSection()
	_, _ = w.Write([]byte("\u3000three "))
	_ = w.WriteByte('x')
	if got, want := string(w.buf[:mid])+"|"+string(w.buf[mid:]), "one two|three x"; got != want {
		t.Errorf("sections = %q, want %q", got, want)
	}
}

func BenchmarkFold(b *testing.B) {
	s := []byte(strings.Repeat("选择适当的申诉类型,明确申诉原因。 访问申诉页面后\n\n", 40))
	b.Run("fold", func(b *testing.B) {
		w := foldWriter{}
		for b.Loop() {
			w.buf = w.buf[:0]
			_, _ = w.Write(s)
		}
	})
	b.Run("fields", func(b *testing.B) {
		for b.Loop() {
			_ = strings.Join(strings.Fields(string(s)), " ")
		}
	})
}

// FuzzCollapse checks foldWriter against strings.Fields on any text,
// invalid UTF-8 included.
func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"a  b", "第一段。\n\n第二段\u3000", "\u00a0x\u2003y\u0085", "\xe2\x80\xa8", "\xc2\xa0\xc2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}
