package markdown

import (
	"github.com/alecthomas/chroma/v2"
)

// yamlTokens is a hand-written lexer for YAML, used instead of chroma's
// regexp lexer (see jsonTokens for what that cost). It reads each byte once,
// a line at a time, and gives the token types chroma's lexer gives:
// keys are NameTag, ":" and flow brackets Punctuation, a sequence's "- "
// Text (chroma's choice, kept), plain scalars Literal, LiteralNumber,
// LiteralDate or KeywordConstant, comments Comment, anchors, aliases and
// tags CommentPreproc, "---" and "..." NameNamespace, and the body of a "|"
// or ">" block LiteralStringDoc.
//
// Where chroma's regexps misread YAML's structure, this lexer follows YAML
// and types each part as chroma types that construct elsewhere:
//   - a flow collection ("[main, dev]", "{a: 1}") is split into its items;
//     chroma makes the rest of the line after "[" one Literal, and "{" Text;
//   - a plain scalar is typed as a whole: "no-cache" is a Literal and "-12"
//     a number, where chroma types a prefix ("no" a constant, "-" Text);
//   - a key may hold "{" ("/pets/{id}:", common in OpenAPI), a quoted key's
//     ":" is Punctuation as after any key, and a value holding ": " is no key;
//   - "!Ref" tags are CommentPreproc like "!!str" (chroma: "!" then Literal);
//   - a comment starts at the first " #" of a line (chroma: the last), and
//     " //" starts none;
//   - a block scalar's indentation and blank lines are TextWhitespace, its
//     body must be indented more than its key, and "| # comment" or "|2"
//     still start one;
//   - whitespace in and around scalars is TextWhitespace (chroma keeps it
//     in the Literal), which looks the same.
func yamlTokens(s string) []chroma.Token {
	// About a token per 5 bytes in docs' YAML: growing the slice would
	// take most of the time.
	y := &yamlScan{s: s, toks: tokenList{s: s, toks: make([]chroma.Token, 0, len(s)/4+1)}, unclosed: newUnclosedQuotes(s)}
	for i := 0; i < len(s); {
		i = y.line(i)
	}
	return y.toks.toks
}

// yamlScan is the state of lexing one YAML text.
type yamlScan struct {
	s          string
	toks       tokenList
	flow       int // depth of open flow collections ("[", "{")
	flowIndent int // indentation of the line the outermost of them opened on
	unclosed   unclosedQuotes
}

func (y *yamlScan) emit(t chroma.TokenType, i, j int) {
	if j > i {
		y.toks.add(t, i, j, true)
	}
}

// line lexes the line starting at s[i], its newline included, and returns
// where the next line starts.
func (y *yamlScan) line(i int) int {
	s := y.s
	k := i
	for k < len(s) && s[k] == ' ' {
		k++
	}
	indent := k - i
	for k < len(s) && (s[k] == '\t' || s[k] == '\r' || s[k] == ' ') {
		k++
	}
	y.emit(chroma.TextWhitespace, i, k)
	if k == len(s) || s[k] == '\n' || s[k] == '#' {
		return y.rest(k, i, indent, indent-1)
	}
	// A "[" or "{" left open ("title: [WIP fix") ends at the next line
	// that is not indented past it, so one stray bracket does not turn the
	// rest of the text into a flow collection.
	if y.flow > 0 && indent <= y.flowIndent && s[k] != ']' && s[k] != '}' {
		y.flow = 0
	}
	if k == i && isDocMarker(s, i) {
		y.emit(chroma.NameNamespace, i, i+3)
		y.flow = 0
		return y.rest(i+3, i, indent, -1)
	}
	return y.rest(k, i, indent, indent-1)
}

// rest lexes the line from s[i] to its newline included; the line starts
// at lineStart with indent spaces. parent is the column a block scalar's
// body must be indented past, until a key or "- " on the line moves it.
func (y *yamlScan) rest(i, lineStart, indent, parent int) int {
	s := y.s
	node := true // a key, "- " or "? " may come next, not only a value
	for i < len(s) {
		c := s[i]
		j := i + 1
		switch {
		case c == '\n':
			y.emit(chroma.TextWhitespace, i, j)
			return j
		case c == ' ' || c == '\t' || c == '\r':
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
				j++
			}
			y.emit(chroma.TextWhitespace, i, j)
		case c == '#':
			j = lineEnd(s, i)
			y.emit(chroma.Comment, i, j)
		case c == '&' || c == '*' || c == '!':
			j = y.propertyEnd(i)
			y.emit(chroma.CommentPreproc, i, j)
		case c == '"' || c == '\'':
			var multiline bool
			j, multiline = y.quoted(i)
			t := chroma.LiteralStringDouble
			if c == '\'' {
				t = chroma.LiteralStringSingle
			}
			if (node || y.flow > 0) && !multiline && y.colonAfter(j) {
				t, parent = chroma.NameTag, i-lineStart
			}
			y.emit(t, i, j)
			node = false
		case y.flow > 0:
			j = y.flowToken(i)
		case (c == '-' || c == '?') && node && (j == len(s) || isYAMLSpace(s[j])):
			t := chroma.Punctuation
			if c == '-' {
				t = chroma.Text // chroma's "- ", space included
				if j < len(s) && s[j] == ' ' {
					j++
				}
			}
			parent = i - lineStart
			y.emit(t, i, j)
		case c == ':' && (j == len(s) || isYAMLSpace(s[j])):
			y.emit(chroma.Punctuation, i, j)
			node = false
		case c == '[' || c == '{':
			y.emit(chroma.Punctuation, i, j)
			y.flow, y.flowIndent = 1, indent
			node = false
		case c == ']' || c == '}' || c == ',':
			y.emit(chroma.Punctuation, i, j)
		case c == '|' || c == '>':
			if end, ok := y.blockScalar(i, parent); ok {
				j = end
				break
			}
			fallthrough
		default:
			var key bool
			j, key = y.plain(i, node)
			if key {
				y.emit(chroma.NameTag, i, j)
				parent = i - lineStart
			} else {
				y.scalar(i, j)
			}
			node = false
		}
		i = j
	}
	return i
}

// flowToken lexes the token at s[i] inside a flow collection and returns
// its end. Whitespace, comments, quoted strings and properties are rest's.
func (y *yamlScan) flowToken(i int) int {
	s := y.s
	switch s[i] {
	case '[', '{':
		y.flow++
	case ']', '}':
		y.flow--
	case ',', ':':
	default:
		j, key := y.plain(i, true)
		if key {
			y.emit(chroma.NameTag, i, j)
		} else {
			y.scalar(i, j)
		}
		return j
	}
	y.emit(chroma.Punctuation, i, i+1)
	return i + 1
}

// plain returns the end of the plain scalar at s[i], before any trailing
// whitespace, and whether it is a key: followed by ": " where a key may
// stand (inside a flow collection, by ":" and a flow bracket or comma too).
func (y *yamlScan) plain(i int, keyHere bool) (int, bool) {
	s := y.s
	flow := y.flow > 0
	j := i
	for ; j < len(s); j++ {
		c := s[j]
		if c == '\n' || (c == ' ' || c == '\t') && j+1 < len(s) && s[j+1] == '#' {
			break
		}
		if flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}') {
			break
		}
		if c == ':' && keyHere && j > i && (j+1 == len(s) || isYAMLSpace(s[j+1]) || flow && isFlowIndicator(s[j+1])) {
			return trimSpaceEnd(s, i, j), true
		}
	}
	return trimSpaceEnd(s, i, j), false
}

// scalar emits the plain scalar s[i:j] with the type chroma gives it.
func (y *yamlScan) scalar(i, j int) {
	v := y.s[i:j]
	switch {
	case yamlConstants[v]:
		y.emit(chroma.KeywordConstant, i, j)
	case isYAMLNumber(v):
		y.emit(chroma.LiteralNumber, i, j)
	case isYAMLDate(v):
		y.emit(chroma.LiteralDate, i, j)
	case isSexagesimal(v):
		// "8080:80", "12:30": numbers and a colon, as chroma lexes them.
		for k := i; k < j; {
			e := k + 1
			t := chroma.Punctuation
			if y.s[k] != ':' {
				t = chroma.LiteralNumber
				for e < j && y.s[e] != ':' {
					e++
				}
			}
			y.emit(t, k, e)
			k = e
		}
	default:
		y.emit(chroma.Literal, i, j)
	}
}

// blockScalar lexes a "|" or ">" block scalar at s[i] whose body is
// indented past column parent, and returns the end of its body (the
// newline after its last line). It reports false when s[i] does not start
// one: something other than a comment follows on its line.
func (y *yamlScan) blockScalar(i, parent int) (int, bool) {
	s := y.s
	j := i + 1
	for n := 0; n < 2 && j < len(s) && (s[j] == '+' || s[j] == '-' || '1' <= s[j] && s[j] <= '9'); n++ {
		j++
	}
	k := j
	for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r') {
		k++
	}
	e := k
	if k < len(s) && s[k] == '#' && k > j {
		e = lineEnd(s, k)
	} else if k < len(s) && s[k] != '\n' {
		return 0, false
	}
	y.emit(chroma.Punctuation, i, j)
	y.emit(chroma.TextWhitespace, j, k)
	y.emit(chroma.Comment, k, e)
	return y.blockBody(e, parent), true
}

// blockBody lexes the lines after the newline at s[nl] that belong to a
// block scalar: those indented as much as its first non-blank line, which
// must be indented past column parent, and the blank lines between them.
// It returns the newline after the last of them; blank lines after it are
// left to the caller.
func (y *yamlScan) blockBody(nl, parent int) int {
	s := y.s
	end, indent := nl, -1
	for p := nl + 1; end < len(s) && p < len(s); {
		k := p
		for k < len(s) && s[k] == ' ' {
			k++
		}
		e := lineEnd(s, k)
		if trimSpaceEnd(s, k, e) == k { // blank
			p = e + 1
			continue
		}
		if k == p && isDocMarker(s, p) {
			break
		}
		if indent < 0 {
			if k-p <= parent {
				break
			}
			indent = k - p
		}
		if k-p < indent {
			break
		}
		y.emit(chroma.TextWhitespace, end, k)
		y.emit(chroma.LiteralStringDoc, k, e)
		end, p = e, e+1
	}
	return end
}

// quoted returns the end of the quoted scalar at s[i], which may go on over
// lines as YAML's do, and whether it does. One left open ends with its line.
// A backslash escapes the next byte in either quote, as in chroma's lexer;
// YAML's single quotes have no escapes (a doubled quote there ends one
// string and starts another of the same type), but this keeps the memo of
// unclosed quotes sound.
func (y *yamlScan) quoted(i int) (int, bool) {
	s := y.s
	q := s[i]
	if y.unclosed.known(q, i) {
		return lineEnd(s, i), false
	}
	multiline := false
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			if j+1 < len(s) && s[j+1] != '\n' {
				j++
			}
		case '\n':
			multiline = true
		case q:
			return j + 1, multiline
		}
	}
	y.unclosed.found(q, i)
	return lineEnd(s, i), false
}

// colonAfter reports whether a key's ":" follows s[j], after spaces.
func (y *yamlScan) colonAfter(j int) bool {
	s := y.s
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if j == len(s) || s[j] != ':' {
		return false
	}
	return j+1 == len(s) || isYAMLSpace(s[j+1]) || y.flow > 0
}

// propertyEnd returns the end of the anchor, alias or tag at s[i].
func (y *yamlScan) propertyEnd(i int) int {
	s := y.s
	j := i + 1
	for j < len(s) && !isYAMLSpace(s[j]) && !(y.flow > 0 && isFlowIndicator(s[j])) {
		j++
	}
	return j
}

// yamlConstants are the scalars chroma's YAML lexer shows as constants.
var yamlConstants = map[string]bool{
	"false": true, "False": true, "FALSE": true, "true": true, "True": true, "TRUE": true, "null": true,
	"Off": true, "off": true, "OFF": true, "On": true, "ON": true, "on": true, "yes": true, "Yes": true, "YES": true,
	"no": true, "No": true, "NO": true, "n": true, "N": true, "Y": true, "y": true,
}

// isYAMLNumber reports whether v is a number as chroma's YAML lexer types
// one: 12, -1.5, 6.8e+5, 0x1f, 0o17, and dotted versions such as 1.0.0
// (chroma reads those as a run of numbers).
func isYAMLNumber(v string) bool {
	if len(v) > 0 && (v[0] == '-' || v[0] == '+') {
		v = v[1:]
	}
	if len(v) > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'o') {
		for _, c := range []byte(v[2:]) {
			if !('0' <= c && c <= '7' || v[1] == 'x' && ('8' <= c && c <= '9' || 'a' <= c && c <= 'f')) {
				return false
			}
		}
		return true
	}
	mantissa, exp := v, ""
	for k := 0; k < len(v); k++ {
		if v[k] == 'e' {
			mantissa, exp = v[:k], v[k+1:]
			if len(exp) > 0 && (exp[0] == '+' || exp[0] == '-') {
				exp = exp[1:]
			}
			if exp == "" || !allDigits(exp) {
				return false
			}
			break
		}
	}
	// Digits in groups joined by single dots; a leading dot is chroma's
	// Literal at the start of a value, a trailing one a number and Text.
	if mantissa == "" || mantissa[0] == '.' || mantissa[len(mantissa)-1] == '.' {
		return false
	}
	for k := 0; k < len(mantissa); k++ {
		c := mantissa[k]
		if c == '.' && mantissa[k-1] == '.' || c != '.' && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// isYAMLDate reports whether v is a date or timestamp: 2002-12-14,
// 2001-12-14T21:59:43.10Z, 2024-01-15 10:00:00 +01:00.
func isYAMLDate(v string) bool {
	if len(v) < 10 || !allDigits(v[0:4]) || v[4] != '-' || !allDigits(v[5:7]) || v[7] != '-' || !allDigits(v[8:10]) {
		return false
	}
	v = v[10:]
	if v == "" {
		return true
	}
	if len(v) < 9 || (v[0] != 'T' && v[0] != 't' && v[0] != ' ') || !allDigits(v[1:3]) || v[3] != ':' || !allDigits(v[4:6]) || v[6] != ':' || !allDigits(v[7:9]) {
		return false
	}
	v = v[9:]
	if len(v) > 1 && v[0] == '.' {
		k := 1
		for k < len(v) && '0' <= v[k] && v[k] <= '9' {
			k++
		}
		v = v[k:]
	}
	for len(v) > 0 && v[0] == ' ' {
		v = v[1:]
	}
	switch {
	case v == "" || v == "Z":
		return true
	case v[0] == '+' || v[0] == '-':
		v = v[1:]
		return len(v) == 2 && allDigits(v) || len(v) == 5 && allDigits(v[:2]) && v[2] == ':' && allDigits(v[3:])
	}
	return false
}

// isSexagesimal reports whether v is digits joined by colons: "8080:80".
func isSexagesimal(v string) bool {
	if v == "" || v[0] == ':' || v[len(v)-1] == ':' {
		return false
	}
	for k := 0; k < len(v); k++ {
		if c := v[k]; c == ':' && v[k-1] == ':' || c != ':' && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func allDigits(v string) bool {
	for k := 0; k < len(v); k++ {
		if v[k] < '0' || v[k] > '9' {
			return false
		}
	}
	return v != ""
}

// isDocMarker reports whether the line at s[i] starts with "---" or "...".
func isDocMarker(s string, i int) bool {
	return len(s)-i >= 3 && (s[i:i+3] == "---" || s[i:i+3] == "...") && (i+3 == len(s) || isYAMLSpace(s[i+3]))
}

func isYAMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isFlowIndicator(c byte) bool {
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'
}

// trimSpaceEnd returns j moved back over the spaces, tabs and carriage
// returns that end s[i:j].
func trimSpaceEnd(s string, i, j int) int {
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t' || s[j-1] == '\r') {
		j--
	}
	return j
}
