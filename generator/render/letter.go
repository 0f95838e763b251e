package render

import (
	"fmt"
	"html"
	"regexp"
	"strings"

	"guidebook/generator/content"
)

var (
	blockPlaceholderRE  = regexp.MustCompile(`<p>\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}</p>`)
	inlinePlaceholderRE = regexp.MustCompile(`\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}`)
)

// LetterBody replaces the {{name}} placeholders of a rendered letter with
// elements letter.js fills in. Without JavaScript each shows a blank line
// (blank, e.g. "＿＿＿＿") so the printed letter can be completed by hand. A
// list or table field standing alone in a paragraph becomes a list or table
// with empty rows.
func LetterBody(body []byte, fields []content.Field, blank string) []byte {
	byName := map[string]content.Field{}
	for _, f := range fields {
		byName[f.Name] = f
	}
	out := blockPlaceholderRE.ReplaceAllFunc(body, func(m []byte) []byte {
		name := string(blockPlaceholderRE.FindSubmatch(m)[1])
		f, ok := byName[name]
		switch {
		case ok && f.Kind == "list":
			return []byte(listBlock(f, blank))
		case ok && f.Kind == "table":
			return []byte(tableBlock(f, blank))
		case ok && f.Kind == "textarea":
			return []byte(`<p class="letter-block">` + inlineField(f, blank) + `</p>`)
		}
		return m
	})
	return inlinePlaceholderRE.ReplaceAllFunc(out, func(m []byte) []byte {
		f, ok := byName[string(inlinePlaceholderRE.FindSubmatch(m)[1])]
		if !ok {
			return m
		}
		return []byte(inlineField(f, blank))
	})
}

func inlineField(f content.Field, blank string) string {
	return fmt.Sprintf(`<span class="letter-field" data-field="%s" data-label="%s">%s</span>`,
		html.EscapeString(f.Name), html.EscapeString(f.Label), blank)
}

func listBlock(f content.Field, blank string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<ol class="letter-field letter-list" data-field="%s" data-label="%s">`, html.EscapeString(f.Name), html.EscapeString(f.Label))
	for range 3 {
		b.WriteString("<li>" + blank + "</li>")
	}
	b.WriteString("</ol>\n")
	return b.String()
}

func tableBlock(f content.Field, blank string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<table class="letter-field letter-table" data-field="%s" data-label="%s"><thead><tr>`, html.EscapeString(f.Name), html.EscapeString(f.Label))
	for _, c := range f.Columns {
		b.WriteString("<th scope=\"col\">" + html.EscapeString(c) + "</th>")
	}
	b.WriteString("</tr></thead><tbody>")
	for range 5 {
		b.WriteString("<tr>")
		for range f.Columns {
			b.WriteString("<td>" + blank + "</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>\n")
	return b.String()
}
