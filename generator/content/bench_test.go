package content

import (
	"context"
	"os"
	"testing"

	"guidebook/generator/internal/corpus"
	"guidebook/generator/internal/cputime"
)

// BenchmarkLoad loads the synthetic 1,000-page corpus the site benchmark
// builds: reading, front matter, titles and linking, the load stage of a
// build.
func BenchmarkLoad(b *testing.B) {
	seed, err := os.ReadFile("testdata/source.zh.txt")
	if err != nil {
		b.Fatal(err)
	}
	fsys := corpus.Generate(string(seed), 1000)
	start := cputime.Used()
	for b.Loop() {
		if _, err := Load(context.Background(), fsys, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cputime.Used()-start)/float64(b.N), "cpu-ns/op")
}
