package markdown

import (
	"strings"
	"testing"
)

// TestCollapse checks collapse against the strings.Fields definition it
// replaces.
func TestCollapse(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a ", "a  b", "a\n\nb\t c", "第一段。\n\n第二段\u3000全角空格", "\u00a0x\u2003y\u0085", "a\xffb c", "  多  个  ", "x\u1680y\u2028z\u205f。\u3000\ufeff末", "\u3000\u3000", "a\v\fb\rc", "\xc2", "\xe2\x80", "é à"} {
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	}
}

func BenchmarkCollapse(b *testing.B) {
	s := strings.Repeat("选择适当的申诉类型,明确申诉原因。 访问申诉页面后\n\n", 40)
	b.Run("collapse", func(b *testing.B) {
		for b.Loop() {
			collapse(s)
		}
	})
	b.Run("fields", func(b *testing.B) {
		for b.Loop() {
			_ = strings.Join(strings.Fields(s), " ")
		}
	})
}

// FuzzCollapse checks collapse against strings.Fields on any text, invalid
// UTF-8 included.
func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"a  b", "第一段。\n\n第二段\u3000", "\u00a0x\u2003y\u0085", "\xe2\x80\xa8", "\xc2\xa0\xc2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	})
}
