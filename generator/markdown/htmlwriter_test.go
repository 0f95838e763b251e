package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

// sameAsGoldmark fails t when htmlTextWriter writes s otherwise than goldmark's
// writer with escaped spaces (the one extension.CJK sets) does.
func sameAsGoldmark(t *testing.T, s string) {
	t.Helper()
	gm := html.NewWriter(html.WithEscapedSpace())
	ours := htmlTextWriter{gm}
	for _, raw := range []bool{false, true} {
		var want, got scratchBuffer
		if raw {
			gm.RawWrite(&want, []byte(s))
			ours.RawWrite(&got, []byte(s))
		} else {
			gm.Write(&want, []byte(s))
			ours.Write(&got, []byte(s))
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("raw %v: htmlTextWriter writes %q as %q, goldmark as %q", raw, s, got.Bytes(), want.Bytes())
		}
	}
}

func TestHTMLTextWriter(t *testing.T) {
	for _, s := range []string{"", "a", "中文，标点。", "a < b", "a > b", "a & b", "&amp;", "&#x4e2d;", "&#20013;", "\\*", "\\ ", "a\\", "\"q\"", "x\x00y", "'", "1 + 1 = 2"} {
		sameAsGoldmark(t, s)
	}
}

func FuzzHTMLTextWriter(f *testing.F) {
	for _, s := range []string{"中文", "a &lt; b", "\\# x", "&#0;", "<b>"} {
		f.Add(s)
	}
	f.Fuzz(sameAsGoldmark)
}
