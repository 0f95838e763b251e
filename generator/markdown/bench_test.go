package markdown

import (
	"guidebook/generator/internal/cputime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
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

// BenchmarkDataLexers compares chroma's JSON and YAML lexers, coalesced as
// the converter used them, with ours on the samples of testdata/lexers:
// ns/byte of input, cpu-ns/byte (the process's CPU time, GC included,
// which other jobs on a loaded machine do not inflate as they do the
// wall clock), and allocations with -benchmem. The JSON5 sample is left
// out: chroma writes most of it as one-byte Error tokens, which are slow
// and would flatter ours.
func BenchmarkDataLexers(b *testing.B) {
	for _, lang := range []string{"json", "yaml"} {
		samples := dataSamples(b, lang)
		samples = slices.DeleteFunc(samples, func(s string) bool { return strings.HasPrefix(s, "// JSON5") })
		text := strings.Join(samples, "\n")
		for _, l := range []struct {
			name  string
			lexer chroma.Lexer
		}{{"chroma", chroma.Coalesce(lexers.Get(lang))}, {"ours", ownLexers()[lang]}} {
			b.Run(lang+"/"+l.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(text)))
				cpu := cputime.Used()
				for b.Loop() {
					if _, err := tokenise(l.lexer, text); err != nil {
						b.Fatal(err)
					}
				}
				perByte := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / float64(b.N) / float64(len(text)) }
				b.ReportMetric(perByte(b.Elapsed()), "ns/byte")
				b.ReportMetric(perByte(cputime.Used()-cpu), "cpu-ns/byte")
			})
		}
	}
}
