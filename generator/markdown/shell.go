package markdown

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// shellBuiltins are the commands shown as builtins.
var shellBuiltins = map[string]bool{
	"cd": true, "echo": true, "export": true, "set": true, "unset": true, "source": true, "alias": true,
	"exit": true, "return": true, "read": true, "eval": true, "exec": true, "test": true, "printf": true,
	"if": true, "then": true, "else": true, "elif": true, "fi": true, "for": true, "in": true, "do": true,
	"done": true, "while": true, "case": true, "esac": true, "function": true, "local": true,
}

// shellTokens is a hand-written lexer for shell commands and sessions (sh, bash,
// console), the second most common code in docs after JavaScript; chroma's
// Bash lexer took 0.25 s on the real-world corpus. It marks comments,
// strings, variables, a session's "$ " prompts, builtins and operators.
func shellTokens(s string) []chroma.Token {
	toks := tokenList{s: s, toks: make([]chroma.Token, 0, len(s)/4+1)} // sized up front, see clike.tokens
	emit := func(t chroma.TokenType, i, j int) { toks.add(t, i, j, t != chroma.NameBuiltin) }
	lineStart, wordStart := true, true
	for i := 0; i < len(s); {
		c := s[i]
		j := i + 1
		t := chroma.Text
		space := false
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			for c != '\n' && j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			space = true // plain Text, as chroma's Bash lexer writes it
		case lineStart && (c == '$' || c == '>' || c == '#') && j < len(s) && s[j] == ' ':
			j++ // a session's prompt: "$ npm install"
			t = chroma.GenericPrompt
		case c == '#' && wordStart:
			j = lineEnd(s, i)
			t = chroma.CommentSingle
		case c == '"' || c == '\'':
			j = quoted(s, i, c) // to the end of the line at most: "don't" in output
			t = chroma.LiteralStringDouble
			if c == '\'' {
				t = chroma.LiteralStringSingle
			}
		case c == '$' && j < len(s) && s[j] == '{':
			if k := strings.IndexByte(s[j:], '}'); k >= 0 {
				j += k + 1
			}
			t = chroma.NameVariable
		case c == '$' && j < len(s) && (isWordByte(s[j]) || strings.IndexByte("?#@*!$-", s[j]) >= 0):
			if isWordByte(s[j]) {
				for j < len(s) && isWordByte(s[j]) {
					j++
				}
			} else {
				j++
			}
			t = chroma.NameVariable
		case strings.IndexByte("|&;<>()", c) >= 0:
			for j < len(s) && strings.IndexByte("|&;<>", s[j]) >= 0 {
				j++
			}
			t = chroma.Operator
		default:
			for j < len(s) && strings.IndexByte(" \t\n\"'$|&;<>()", s[j]) < 0 {
				j++
			}
			if wordStart && shellBuiltins[s[i:j]] {
				t = chroma.NameBuiltin
			}
		}
		lineStart = c == '\n'
		wordStart = space || t == chroma.Operator || t == chroma.GenericPrompt
		emit(t, i, j)
		i = j
	}
	return toks.toks
}
