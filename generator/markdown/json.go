package markdown

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// jsonTokens is a hand-written lexer for JSON, and the JSONC and JSON5 that
// docs write under the same fence, used instead of chroma's regexp lexer:
// that costs about 2 µs a byte, and chroma's YAML and JSON lexers took
// 5.5 % of the CPU of a 1,000-page build of the benchmark corpus and a
// tenth of its allocated bytes. This one reads each byte once and gives
// chroma's types: object keys NameTag, strings LiteralStringDouble, numbers
// LiteralNumberInteger or LiteralNumberFloat, true, false and null
// KeywordConstant, "{}[],:" Punctuation, "//" comments CommentSingle and
// whitespace Text.
//
// It differs from chroma's lexer where chroma's marks valid JSONC, JSON5
// or a fragment of JSON as an error (a red background):
//   - a string is a key when a ":" follows it, so a fragment such as
//     `"scripts": {…},` has its key and no error;
//   - "/* */" comments are CommentMultiline, single-quoted strings
//     LiteralStringSingle, and unquoted keys NameTag;
//   - any other byte chroma has no rule for (a bare word, a stray "+",
//     punctuation where chroma's state machine wants none) is Text or
//     Punctuation, never Error.
func jsonTokens(s string) []chroma.Token {
	// Sized for pretty-printed JSON, about a token per 4 bytes: growing the
	// slice took four fifths of the time on testdata/lexers.
	toks := tokenList{s: s, toks: make([]chroma.Token, 0, len(s)/3+1)}
	emit := func(t chroma.TokenType, i, j int) {
		if j > i {
			toks.add(t, i, j, true)
		}
	}
	open := newUnclosedQuotes(s)
	for i := 0; i < len(s); {
		c := s[i]
		j := i + 1
		var t chroma.TokenType
		switch {
		case isJSONSpace(c):
			j = jsonSpaceEnd(s, j)
			t = chroma.Text // chroma's JSON lexer writes whitespace as Text
		case c == '"' || c == '\'':
			j = jsonString(s, i, &open)
			t = chroma.LiteralStringDouble
			if c == '\'' {
				t = chroma.LiteralStringSingle
			}
			// The whitespace up to a key's ":" is read here, once.
			if k := jsonSpaceEnd(s, j); k < len(s) && s[k] == ':' {
				t = chroma.NameTag
			} else if k > j {
				emit(t, i, j)
				t, i = chroma.Text, j
				j = k
			}
		case c == '-' || '0' <= c && c <= '9':
			j, t = jsonNumber(s, i)
		case c == '/' && j < len(s) && s[j] == '/':
			j = lineEnd(s, i)
			t = chroma.CommentSingle
		case c == '/' && j < len(s) && s[j] == '*':
			j = len(s)
			if k := indexFrom(s, i+2, "*/"); k >= 0 {
				j = k + 2
			}
			t = chroma.CommentMultiline
		case c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':':
			t = chroma.Punctuation
		case isWordByte(c) || c == '$':
			for j < len(s) && (isWordByte(s[j]) || s[j] == '$') {
				j++
			}
			t = chroma.Text
			if w := s[i:j]; w == "true" || w == "false" || w == "null" {
				t = chroma.KeywordConstant
			} else if k := jsonSpaceEnd(s, j); k < len(s) && s[k] == ':' {
				t = chroma.NameTag // JSON5's unquoted key
			}
		default:
			// Anything else is Text, a run of UTF-8 sequences at a time.
			if c >= 0x80 {
				for j < len(s) && s[j] >= 0x80 {
					j++
				}
			}
			t = chroma.Text
		}
		emit(t, i, j)
		i = j
	}
	return toks.toks
}

// jsonString returns the end of the string at s[i], after its closing
// quote; like chroma's, it may go on over lines. One left open ends with
// its line.
func jsonString(s string, i int, open *unclosedQuotes) int {
	q := s[i]
	if !open.known(q, i) {
		for j := i + 1; j < len(s); j++ {
			switch s[j] {
			case '\\':
				j++
			case q:
				return j + 1
			}
		}
		open.found(q, i)
	}
	return lineEnd(s, i)
}

// jsonNumber returns the end and type of the number at s[i] as chroma's
// rules read it: -?(0|[1-9]\d*), then a fraction or exponent makes it a
// float. A "-" with no digit is Text.
func jsonNumber(s string, i int) (int, chroma.TokenType) {
	j := i
	if s[j] == '-' {
		j++
	}
	d := digitsEnd(s, j)
	if d == j {
		return j, chroma.Text
	}
	j, t := d, chroma.LiteralNumberInteger
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j, t = digitsEnd(s, j+1), chroma.LiteralNumberFloat
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if e := digitsEnd(s, k); e > k {
			j, t = e, chroma.LiteralNumberFloat
		}
	}
	return j, t
}

func digitsEnd(s string, j int) int {
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	return j
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func jsonSpaceEnd(s string, j int) int {
	for j < len(s) && isJSONSpace(s[j]) {
		j++
	}
	return j
}

// indexFrom returns the index of sub in s at or after from, or -1.
func indexFrom(s string, from int, sub string) int {
	if from > len(s) {
		return -1
	}
	if k := strings.Index(s[from:], sub); k >= 0 {
		return from + k
	}
	return -1
}

// unclosedQuotes remembers, for " and ', a position from which the rest of
// the text has no closing quote, so a text full of unclosed quotes is not
// searched to its end from each of them: a search from a later opening
// quote would repeat the end of the same failed search. This holds while a
// backslash escapes one byte and nothing else does.
type unclosedQuotes struct{ from [2]int }

func newUnclosedQuotes(s string) unclosedQuotes {
	return unclosedQuotes{[2]int{len(s) + 1, len(s) + 1}}
}

func quoteIndex(q byte) int {
	if q == '"' {
		return 0
	}
	return 1
}

// known reports whether the quote q at s[i] is known to be unclosed.
func (u *unclosedQuotes) known(q byte, i int) bool { return i >= u.from[quoteIndex(q)] }

// found records that the quote q at s[i] has no closing quote.
func (u *unclosedQuotes) found(q byte, i int) { u.from[quoteIndex(q)] = min(u.from[quoteIndex(q)], i) }
