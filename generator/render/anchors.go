package render

import (
	"html"
	"regexp"
)

// headingRE matches the opening of a body heading that has an ID, and the
// rest of the heading up to its closing tag.
var headingRE = regexp.MustCompile(`<h([2-4]) id="([^"]+)">(.*?)</h[2-4]>`)

// headingAnchors adds a link to itself at the end of every ## to ####
// heading with an ID, shown on hover and focus (see .anchor in the CSS), so
// a reader can copy the address of a section. label names the link for
// screen readers, e.g. "链接到本节".
func headingAnchors(body []byte, label string) []byte {
	return headingRE.ReplaceAllFunc(body, func(m []byte) []byte {
		s := headingRE.FindSubmatch(m)
		level, id, inner := string(s[1]), string(s[2]), string(s[3])
		return []byte(`<h` + level + ` id="` + id + `">` + inner +
			`<a class="anchor" href="#` + id + `" aria-label="` + html.EscapeString(label) + `">#</a></h` + level + `>`)
	})
}
