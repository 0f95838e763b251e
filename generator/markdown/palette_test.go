package markdown

import (
	"math"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b chroma.Colour) float64 {
	lum := func(c chroma.Colour) float64 {
		ch := func(v uint8) float64 {
			s := float64(v) / 255
			if s <= 0.03928 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(c.Red()) + 0.7152*ch(c.Green()) + 0.0722*ch(c.Blue())
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestPalettesContrast checks every token type's colour in both palettes
// against the background it is drawn on (its own, or the palette's): at
// least 4.5:1, WCAG AA for text. The theme's body text colours must pass
// on the palettes' backgrounds too, since unstyled tokens take them.
func TestPalettesContrast(t *testing.T) {
	light, dark := palettes()
	for _, p := range []struct {
		style *chroma.Style
		text  string // the theme's --fg in this mode
	}{{light, "#1b1f23"}, {dark, "#e6edf3"}} {
		bg := p.style.Get(chroma.Background).Background
		if r := contrast(chroma.MustParseColour(p.text), bg); r < 4.5 {
			t.Errorf("%s: body text %s on %s: %.2f:1", p.style.Name, p.text, bg, r)
		}
		for tt := range chroma.StandardTypes {
			e := p.style.Get(tt)
			if !e.Colour.IsSet() {
				continue
			}
			on := bg
			if e.Background.IsSet() {
				on = e.Background
			}
			if r := contrast(e.Colour, on); r < 4.5 {
				t.Errorf("%s: %v %s on %s: %.2f:1, want ≥ 4.5", p.style.Name, tt, e.Colour, on, r)
			}
		}
	}
}

// TestPalettesStyleTheCommonTypes guards against a palette that passes the
// contrast test by styling nothing: the types most code is made of must
// differ from plain text in both palettes.
func TestPalettesStyleTheCommonTypes(t *testing.T) {
	for _, tt := range []chroma.TokenType{chroma.Keyword, chroma.KeywordType, chroma.NameFunction, chroma.NameBuiltin,
		chroma.LiteralString, chroma.LiteralNumber, chroma.Comment, chroma.CommentSingle, chroma.NameTag,
		chroma.NameAttribute, chroma.GenericDeleted, chroma.GenericInserted} {
		if !styled(tt) {
			t.Errorf("%v looks like plain text", tt)
		}
	}
	light, dark := palettes()
	if light.Get(chroma.Keyword).Colour == light.Get(chroma.LiteralString).Colour ||
		dark.Get(chroma.Keyword).Colour == dark.Get(chroma.LiteralString).Colour {
		t.Error("keywords and strings share a colour")
	}
}
