package markdown

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
)

// unknownFences is a page of 200 code blocks whose fence names chroma does
// not know (or that have none), the case that cost 7–24 ms per block when
// every unknown name made chroma try every lexer.
func unknownFences() []byte {
	var b strings.Builder
	names := []string{"mjs", "txt", "", "console", "text", "plaintext", "jsonc", "nosuchlang"}
	for i := range 200 {
		b.WriteString("```" + names[i%len(names)] + "\nconst x = require('y'); // line\nif (x) { run(x) }\n```\n\n")
	}
	return []byte(b.String())
}

func BenchmarkUnknownFences(b *testing.B) {
	c := New()
	src := unknownFences()
	for b.Loop() {
		if _, err := c.Convert(src, Page{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLexerLookup compares, per fence name of unknownFences, the old
// lookup (chroma's lexers.Get, which tries every lexer's file patterns for a
// name it does not know) with the converter's cache.
func BenchmarkLexerLookup(b *testing.B) {
	names := []string{"mjs", "txt", "", "console", "text", "plaintext", "jsonc", "nosuchlang"}
	b.Run("chroma-Get", func(b *testing.B) {
		for b.Loop() {
			for _, n := range names {
				if l := lexers.Get(n); l == nil {
					_ = lexers.Fallback
				}
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		lc := &lexerCache{}
		for b.Loop() {
			for _, n := range names {
				_ = lc.get(n)
			}
		}
	})
}
