package content

import (
	"bytes"
	"html"
	"path"
	"regexp"
	"strings"
)

// attributeRE matches a heading's trailing attribute block, e.g. {#my-id}.
var attributeRE = regexp.MustCompile(`\s*\{[^{}]*\}$`)

// firstH1 finds the first level-1 ATX heading (# Title) of a Markdown body,
// outside fenced code. It returns the heading's text and, when the heading is
// the body's first non-blank line, the body after it and how many lines were
// cut, so the caller can drop it and keep later line numbers right.
func firstH1(body []byte) (title string, rest []byte, cut int, leading bool) {
	if !mayHaveH1(body) {
		return "", body, 0, false
	}
	return firstH1Lines(body)
}

// firstH1Lines is firstH1 reading every line.
func firstH1Lines(body []byte) (title string, rest []byte, cut int, leading bool) {
	fence := ""
	sawText := false
	for off, line := 0, 0; off < len(body); line++ {
		next := len(body)
		if i := bytes.IndexByte(body[off:], '\n'); i >= 0 {
			next = off + i + 1
		}
		// Lines stay bytes: a body without an H1 is read to its end, and
		// a string per line was most of the loading stage's allocations.
		text := bytes.TrimRight(body[off:next], "\r\n")
		trimmed := bytes.TrimLeft(text, " ")
		indented := len(text)-len(trimmed) > 3
		switch {
		case fence != "":
			if bytes.HasPrefix(trimmed, []byte(fence)) {
				fence = ""
			}
		case !indented && (bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~"))):
			fence = string(trimmed[:3])
		case !indented && isH1(trimmed):
			if h := h1Text(string(trimmed)); h != "" {
				return h, body[next:], line + 1, !sawText
			}
		}
		if len(bytes.TrimSpace(text)) != 0 {
			sawText = true
		}
		off = next
	}
	return "", body, 0, false
}

// mayHaveH1 reports whether some line of body, fenced or not, could be an
// H1: a # after nothing but spaces, followed by a space, a tab or the end of
// the line. Most bodies have none (their title is in front matter), and a
// search for # is cheaper than reading them line by line.
func mayHaveH1(body []byte) bool {
	for off := 0; ; {
		i := bytes.IndexByte(body[off:], '#')
		if i < 0 {
			return false
		}
		i += off
		off = i + 1
		start := i
		for start > 0 && body[start-1] == ' ' {
			start--
		}
		if start > 0 && body[start-1] != '\n' {
			continue
		}
		if i+1 == len(body) {
			return true
		}
		switch body[i+1] {
		case ' ', '\t', '\r', '\n':
			return true
		}
	}
}

func isH1(line []byte) bool {
	return len(line) > 0 && line[0] == '#' && (len(line) == 1 || line[1] == ' ' || line[1] == '\t')
}

// h1Text is the text of an ATX heading line: without the opening #, an
// optional closing run of #, and an attribute block.
func h1Text(line string) string {
	s := strings.TrimSpace(attributeRE.ReplaceAllString(strings.TrimSpace(line[1:]), ""))
	if t := strings.TrimRight(s, "#"); t != s && (t == "" || strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t")) {
		s = strings.TrimSpace(t)
	}
	return s
}

// nameTitle is the title of a page with neither title: nor an H1: its file
// name without .md, or for a folder's index page the folder's name.
func nameTitle(p string) string {
	dir, file := path.Split(p)
	if isIndexName(file) {
		if dir == "" {
			return "Home"
		}
		return path.Base(dir)
	}
	return strings.TrimSuffix(file, path.Ext(file))
}

var (
	// htmlTagRE matches a raw HTML tag or comment in heading text.
	htmlTagRE = regexp.MustCompile(`<!--.*?-->|</?[a-zA-Z][^<>]*>`)
	// imageRE matches a Markdown image, ![alt](src), and linkRE a link,
	// [text](dest) or [text][ref], whose text it keeps.
	imageRE = regexp.MustCompile(`!\[[^\[\]]*\](\([^()]*\)|\[[^\[\]]*\])?`)
	linkRE  = regexp.MustCompile(`\[([^\[\]]*)\](\([^()]*\)|\[[^\[\]]*\])`)
	// emphasisRE matches the markers of strong emphasis and code spans;
	// single * and _ stay, as they are as often part of a name (snake_case).
	emphasisRE = regexp.MustCompile("\\*\\*|__|~~|`+")
	spacesRE   = regexp.MustCompile(`\s+`)
	// altRE finds the first image's alt text, raw HTML or Markdown.
	altRE = regexp.MustCompile(`alt="([^"]*)"|!\[([^\[\]]*)\]`)
)

// plainHeading is the text a reader sees in a heading written in Markdown,
// for use as a title: links keep their text, images and raw HTML tags are
// dropped (a logo's alt text stands in when nothing else is left), emphasis
// and code markers go, entities and backslash escapes are decoded. A README
// starting "# <img alt="chi" src="logo.svg">" is titled "chi", not the tag.
func plainHeading(h string) string {
	alt := ""
	if m := altRE.FindStringSubmatch(h); m != nil {
		alt = m[1] + m[2]
	}
	s := htmlTagRE.ReplaceAllString(h, " ")
	s = imageRE.ReplaceAllString(s, " ")
	s = linkRE.ReplaceAllString(s, "$1")
	s = emphasisRE.ReplaceAllString(s, "")
	s = backslashRE.ReplaceAllString(s, "$1")
	s = strings.TrimSpace(spacesRE.ReplaceAllString(html.UnescapeString(s), " "))
	if s == "" {
		return strings.TrimSpace(html.UnescapeString(alt))
	}
	return s
}

// backslashRE matches a Markdown backslash escape of punctuation.
var backslashRE = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)

// hasImage reports whether heading text shows an image (a logo), which a
// title in plain text cannot carry.
func hasImage(h string) bool {
	return strings.Contains(h, "![") || strings.Contains(strings.ToLower(h), "<img") || strings.Contains(strings.ToLower(h), "<picture")
}
