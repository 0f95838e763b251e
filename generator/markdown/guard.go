package markdown

import (
	"bytes"

	"guidebook/generator/diag"
)

// Limits bound the input goldmark is slow on, so a hostile or broken page
// fails fast with a message instead of taking minutes: 2,000 nested list
// levels took 70 s and 100,000 link reference definitions 57 s.
type Limits struct {
	// Nesting is the deepest list/blockquote nesting allowed.
	Nesting int
	// LinkDefinitions is the most link reference definitions ("[x]: /url")
	// one page may have.
	LinkDefinitions int
}

// The default limits, far beyond any real page.
const (
	DefaultNesting         = 100
	DefaultLinkDefinitions = 10000
)

// check scans src once, line by line, and reports the first limit exceeded
// at its file:line. The scan is deliberately rough (it counts container
// markers at the start of a line and lines shaped like definitions,
// ignoring code fences): it only has to catch the pathological, never to
// parse.
func (l Limits) check(src []byte, p Page) error {
	defs := 0
	for lineNo, rest := 0, src; len(rest) > 0; lineNo++ {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if len(line) == 0 || !mayOpen(line[0]) {
			continue
		}
		if l.Nesting > 0 {
			if depth := nesting(line); depth > l.Nesting {
				return diag.Errorf(p.File, p.Line+lineNo, "lists and quotes nested %d deep (at most %d): flatten the structure", depth, l.Nesting)
			}
		}
		if l.LinkDefinitions > 0 && looksLikeDefinition(line) {
			if defs++; defs > l.LinkDefinitions {
				return diag.Errorf(p.File, p.Line+lineNo, "more than %d link reference definitions on one page: split the page", l.LinkDefinitions)
			}
		}
	}
	return nil
}

// mayOpen reports whether a line starting with c can open a container or a
// link reference definition: most lines of text cannot, and skip the rest.
func mayOpen(c byte) bool {
	switch c {
	case ' ', '\t', '>', '-', '*', '+', '[':
		return true
	}
	return '0' <= c && c <= '9'
}

// nesting estimates the container depth a line opens: each ">" and each
// list marker ("-", "*", "+", "1." or "1)") followed by a space counts one
// level, and indentation counts one level per two columns.
func nesting(line []byte) int {
	depth, indent := 0, 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			indent++
			i++
		case c == '\t':
			indent += 4
			i++
		case c == '>':
			depth++
			i++
			if i < len(line) && line[i] == ' ' { // part of the marker
				i++
			}
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				depth++
				i = j + 2
				continue
			}
			return levels(depth, indent)
		default:
			return levels(depth, indent)
		}
	}
	return levels(depth, indent)
}

// levels counts the indentation of a line as nesting (two columns a level)
// only when the line opens a container: indented code or text is not nested.
func levels(depth, indent int) int {
	if depth == 0 {
		return 0
	}
	return depth + indent/2
}

// looksLikeDefinition reports whether line starts like "[label]: dest".
func looksLikeDefinition(line []byte) bool {
	line = bytes.TrimLeft(line, " >")
	if len(line) < 4 || line[0] != '[' || line[1] == '^' {
		return false
	}
	end := bytes.Index(line, []byte("]:"))
	return end > 1
}
