package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// clike is a hand-written lexer for the languages whose code fills most
// docs — JavaScript, TypeScript, Go, C, C++, Java — used instead of chroma's
// regexp lexers for them. Those cost about 2 µs a byte: on a corpus of 730
// real READMEs and docs (testdata/realworld) highlighting took 3.2 s of a
// 5.6 s build, 2.7 s of it in these languages. This one reads each byte
// once and tells keywords, strings, comments, numbers, operators,
// punctuation and names apart, which is what a reader of docs needs.
type clike struct {
	name     string
	keywords map[string]chroma.TokenType
	hash     bool // # starts a preprocessor line (C, C++)
}

func newCLike(name string, keywords, declarations, types, constants string, hash bool) *clike {
	kw := map[string]chroma.TokenType{}
	for _, set := range []struct {
		words string
		t     chroma.TokenType
	}{{keywords, chroma.Keyword}, {declarations, chroma.KeywordDeclaration}, {types, chroma.KeywordType}, {constants, chroma.KeywordConstant}} {
		for _, w := range strings.Fields(set.words) {
			kw[w] = set.t
		}
	}
	return &clike{name: name, keywords: kw, hash: hash}
}

// clikeLexers are the hand-written lexers by chroma lexer name (shell is
// in shell.go).
func clikeLexers() map[string]chroma.Lexer {
	const jsKeywords = "break case catch continue debugger default delete do else export extends finally for from if import in instanceof new of return super switch throw try typeof void while with yield await async as"
	const jsConstants = "true false null undefined this NaN Infinity"
	js := newCLike("JavaScript", jsKeywords, "var let const function class static get set", "", jsConstants, false)
	ts := newCLike("TypeScript", jsKeywords+" implements interface namespace declare abstract readonly keyof satisfies is enum type private protected public",
		"var let const function class static get set", "string number boolean any unknown never object symbol bigint void", jsConstants, false)
	golang := newCLike("Go", "break case chan continue default defer else fallthrough for go goto if import map package range return select switch",
		"const func interface struct type var", "bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any",
		"true false nil iota", false)
	cKeywords := "break case continue default do else for goto if return sizeof switch while"
	cTypes := "char double float int long short signed unsigned void bool size_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t"
	c := newCLike("C", cKeywords, "auto const enum extern inline register restrict static struct typedef union volatile", cTypes, "NULL true false", true)
	cpp := newCLike("C++", cKeywords+" catch delete new operator throw try using namespace template typename co_await co_return co_yield",
		"auto class const constexpr enum explicit extern friend inline mutable private protected public static struct typedef union virtual volatile override final", cTypes+" wchar_t char8_t char16_t char32_t",
		"nullptr true false this NULL", true)
	java := newCLike("Java", "break case catch continue default do else finally for if instanceof new return switch throw throws try while assert import package",
		"abstract class enum extends final implements interface native private protected public static strictfp synchronized transient volatile var record",
		"boolean byte char double float int long short void", "true false null this super", false)
	m := map[string]chroma.Lexer{"bash": ownLexer{"Bash", shellTokens}}
	for key, l := range map[string]*clike{"javascript": js, "typescript": ts, "go": golang, "c": c, "c++": cpp, "java": java} {
		m[key] = ownLexer{l.name, l.tokens}
	}
	return m
}

func (l *clike) tokens(s string) []chroma.Token {
	toks := tokenList{s: s, toks: make([]chroma.Token, 0, len(s)/4+1)} // sized like the JSON and YAML lexers: growing it was half their time
	emit := func(t chroma.TokenType, i, j int) {
		toks.add(t, i, j, t != chroma.Keyword && t != chroma.KeywordDeclaration)
	}
	lineStart := true
	for i := 0; i < len(s); {
		c := s[i]
		j := i + 1
		var t chroma.TokenType
		switch {
		case c == '\n':
			t = chroma.TextWhitespace
			lineStart = true
			emit(t, i, j)
			i = j
			continue
		case c == ' ' || c == '\t' || c == '\r':
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
				j++
			}
			t = chroma.TextWhitespace
			emit(t, i, j)
			i = j
			continue
		case l.hash && c == '#' && lineStart:
			j = lineEnd(s, i)
			t = chroma.CommentPreproc
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			j = lineEnd(s, i)
			t = chroma.CommentSingle
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			if k := strings.Index(s[i+2:], "*/"); k >= 0 {
				j = i + 2 + k + 2
			} else {
				j = len(s)
			}
			t = chroma.CommentMultiline
		case c == '"' || c == '\'':
			j = quoted(s, i, c)
			t = chroma.LiteralStringDouble
			if c == '\'' {
				t = chroma.LiteralStringSingle
			}
		case c == '`':
			if k := strings.IndexByte(s[i+1:], '`'); k >= 0 {
				j = i + 1 + k + 1
			} else {
				j = len(s)
			}
			t = chroma.LiteralStringBacktick
		case '0' <= c && c <= '9':
			for j < len(s) && (isWordByte(s[j]) || s[j] == '.') {
				j++
			}
			t = chroma.LiteralNumberInteger
			switch {
			case j > i+1 && c == '0' && s[i+1]|0x20 == 'x':
				t = chroma.LiteralNumberHex
			case strings.IndexByte(s[i:j], '.') >= 0:
				t = chroma.LiteralNumberFloat
			}
		case isWordByte(c) || c == '$' || c >= utf8.RuneSelf:
			j = wordEnd(s, i)
			t = l.word(s, i, j)
			if r, _ := utf8.DecodeRuneInString(s[i:]); c >= utf8.RuneSelf && !unicode.IsLetter(r) {
				t = chroma.Text
			}
		case strings.IndexByte("+-*/%=&|^!<>~?:", c) >= 0:
			for j < len(s) && strings.IndexByte("+-*/%=&|^!<>~?:", s[j]) >= 0 && !(s[j] == '/' && j+1 < len(s) && (s[j+1] == '/' || s[j+1] == '*')) {
				j++
			}
			t = chroma.Operator
		case strings.IndexByte("()[]{},;.@", c) >= 0:
			t = chroma.Punctuation
		default:
			t = chroma.Text
		}
		lineStart = false
		emit(t, i, j)
		i = j
	}
	return toks.toks
}

// word classifies the identifier s[i:j]: a keyword, a function being
// called or declared (followed by "("), or another name.
func (l *clike) word(s string, i, j int) chroma.TokenType {
	if t, ok := l.keywords[s[i:j]]; ok {
		return t
	}
	k := j
	for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
		k++
	}
	if k < len(s) && s[k] == '(' {
		return chroma.NameFunction
	}
	return chroma.NameOther
}

func lineEnd(s string, i int) int {
	if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
		return i + k
	}
	return len(s)
}

// quoted returns the end of the string literal opened by q at s[i]: after
// the closing quote, or at the end of the line for one left open.
func quoted(s string, i int, q byte) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q:
			return j + 1
		case '\n':
			return j
		}
	}
	return len(s)
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z'
}

// wordEnd returns the end of the identifier starting at s[i]: ASCII word
// bytes, $, and letters and digits of any script.
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if isWordByte(c) || c == '$' {
			j++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j += size
	}
	if j == i { // a symbol or punctuation outside ASCII
		_, size := utf8.DecodeRuneInString(s[i:])
		j = i + size
	}
	return j
}

// tokenList collects the tokens of s, each a substring of s, in order and
// without gaps. A token of the same type as the one before extends it
// (without copying: appending strings made 47 MB of garbage on the corpus)
// when merge says so.
type tokenList struct {
	s     string
	toks  []chroma.Token
	start int // where the last token starts in s
}

func (l *tokenList) add(t chroma.TokenType, i, j int, merge bool) {
	if n := len(l.toks); merge && n > 0 && l.toks[n-1].Type == t {
		l.toks[n-1].Value = l.s[l.start:j]
		return
	}
	l.start = i
	l.toks = append(l.toks, chroma.Token{Type: t, Value: l.s[i:j]})
}
