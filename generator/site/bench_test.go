package site

import (
	"context"
	"fmt"
	"os"
	"testing"
	"testing/fstest"

	"guidebook/generator/internal/corpus"
)

// benchSite is a synthetic corpus of n Chinese pages made from the seed text,
// with the repository's site.yaml-less defaults.
func benchSite(b *testing.B, n int) fstest.MapFS {
	b.Helper()
	seed, err := os.ReadFile("../content/testdata/source.zh.txt")
	if err != nil {
		b.Fatal(err)
	}
	fsys := corpus.Generate(string(seed), n)
	site := fstest.MapFS{"site.yaml": {Data: []byte("title: 基准\nlanguage: zh-CN\n")}}
	for name, f := range fsys {
		site[name] = f
	}
	return site
}

// BenchmarkBuild measures a whole build into memory (load, convert, check
// links, index, render) of 1,000 and 10,000 pages. It reports pages per
// second and output megabytes; compare the sizes within one run.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			site := benchSite(b, n)
			b.ResetTimer()
			var out *Output
			for b.Loop() {
				var err error
				out, err = Build(context.Background(), Options{Site: site, Theme: theme})
				if err != nil {
					b.Fatal(err)
				}
			}
			var bytes int
			for _, d := range out.Files {
				bytes += len(d)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(bytes)/1e6, "MB-out")
		})
	}
}

// BenchmarkRender measures rendering alone (html/template execution and
// page data) of every entry of a 1,000-page build, on one core, so that
// template work can be profiled without the rest of the build.
func BenchmarkRender(b *testing.B) {
	st, err := build(context.Background(), Options{Site: benchSite(b, 1000), Theme: theme})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		files := &store{files: map[string][]byte{}}
		if err := renderAll(context.Background(), 1, st.renderer, st.in, st.plan.Entries, files); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}
