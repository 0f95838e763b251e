package markdown

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"guidebook/generator/internal/corpus"
	"guidebook/generator/internal/cputime"
)

// corpusBodies returns the bodies (front matter cut off) of the synthetic
// 1,000-page corpus the site benchmark builds, with their content paths.
func corpusBodies(b *testing.B) (paths []string, bodies [][]byte) {
	b.Helper()
	seed, err := os.ReadFile("../content/testdata/source.zh.txt")
	if err != nil {
		b.Fatal(err)
	}
	fsys := corpus.Generate(string(seed), 1000)
	for p := range fsys {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		src := fsys[p].Data
		if rest, ok := bytes.CutPrefix(src, []byte("---\n")); ok {
			if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
				src = rest[i+5:]
			}
		}
		bodies = append(bodies, src)
	}
	return paths, bodies
}

// BenchmarkConvertCorpus converts every body of the 1,000-page corpus as the
// site does (anchors, link and image callbacks, a page key), the convert
// stage of BenchmarkBuild without the rest of the build.
func BenchmarkConvertCorpus(b *testing.B) {
	paths, bodies := corpusBodies(b)
	c := New(WithBlank("＿＿＿＿"), WithAnchorLabel("本节链接"))
	link := func(dest string, _ int) (string, error) { return dest, nil }
	start := cputime.Used()
	for b.Loop() {
		for i, src := range bodies {
			p := Page{File: paths[i], Line: 5, Key: strings.TrimSuffix(paths[i], ".md"), Anchors: true,
				Link: link, Image: link, ValidUTF8: true}
			if _, err := c.Convert(src, p); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(cputime.Used()-start)/float64(b.N), "cpu-ns/op")
}
