package markdown

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
)

// HighlightCSS returns the stylesheet for highlighted code: a light palette by
// default and a dark one when the page is in dark mode, either chosen by the
// reader (html[data-theme="dark"]) or by the system with no choice made.
// Only rules for the token classes in used are kept (see Result.CodeClasses),
// so a site without code pays nothing for highlighting.
func HighlightCSS(used map[string]bool) (string, error) {
	if len(used) == 0 {
		return "", nil
	}
	f := chtml.New(chtml.WithClasses(true))
	var light, dark strings.Builder
	lightStyle, darkStyle := codeStyles()
	if err := f.WriteCSS(&light, lightStyle); err != nil {
		return "", err
	}
	if err := f.WriteCSS(&dark, darkStyle); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(keepUsed(light.String(), used))
	scoped := func(prefix string) string {
		var out strings.Builder
		for _, line := range strings.Split(keepUsed(dark.String(), used), "\n") {
			if strings.HasPrefix(line, "/*") && strings.Contains(line, "*/ .") {
				_, rule, _ := strings.Cut(line, "*/ ")
				line = rule
			}
			if strings.HasPrefix(line, ".") {
				line = prefix + line
			}
			out.WriteString(line + "\n")
		}
		return out.String()
	}
	b.WriteString(scoped(`html[data-theme="dark"] `))
	b.WriteString("@media (prefers-color-scheme: dark) {\n" + scoped(`html:not([data-theme="light"]) `) + "}\n")
	return b.String(), nil
}

// codeStyles returns the chroma styles of highlighted code: the light
// palette and the dark one.
func codeStyles() (light, dark *chroma.Style) { return palettes() }

// styled reports whether token type t has a style of its own in either
// palette; one that has not looks like plain text.
func styled(t chroma.TokenType) bool {
	light, dark := codeStyles()
	for _, s := range []*chroma.Style{light, dark} {
		if !s.Get(t).Sub(s.Get(chroma.Background)).IsZero() {
			return true
		}
	}
	return false
}

// paintsWhitespace reports whether the class of token type t shows on
// whitespace in either palette: a background or border of its own, or an
// underline. Whitespace of any other class looks like plain whitespace, so
// the tokenWriter writes it without a span.
func paintsWhitespace(t chroma.TokenType) bool {
	light, dark := codeStyles()
	for _, s := range []*chroma.Style{light, dark} {
		e := s.Get(t).Sub(s.Get(chroma.Background))
		if e.Background.IsSet() || e.Border.IsSet() || e.Underline == chroma.Yes {
			return true
		}
	}
	return false
}

// keepUsed drops the rules of a chroma stylesheet whose token class is unused.
func keepUsed(css string, used map[string]bool) string {
	var out strings.Builder
	for _, line := range strings.Split(css, "\n") {
		rule := line
		if strings.HasPrefix(rule, "/*") {
			_, rule, _ = strings.Cut(rule, "*/ ")
		}
		sel, _, _ := strings.Cut(rule, " {")
		fields := strings.Fields(sel)
		if len(fields) > 0 {
			last := strings.TrimPrefix(fields[len(fields)-1], ".")
			if last != "bg" && last != "chroma" && !used[last] {
				continue
			}
		}
		out.WriteString(line + "\n")
	}
	return out.String()
}
