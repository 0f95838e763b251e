package search

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	synth "guidebook/generator/internal/corpus"
	"guidebook/generator/internal/cputime"
)

func gzipLen(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// BenchmarkBuild builds the index of the synthetic corpus and reports its
// size: total bytes (raw and gzip) and the gzip bytes of the files a first
// query for "账号被封" loads before its result snippets (manifest, fold
// chunks, token shards); BenchmarkSearchBrowser in generator/e2e measures
// the whole first query in Chromium, document shards included. It also
// reports the CPU time of a build (user and system, all goroutines and the
// garbage collector), which a machine shared with other jobs disturbs less
// than the wall clock, and the peak live heap of one more build.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			docs := corpusDocs(b, synth.Generate(seedText(b), n))
			var ix *Index
			cpu := cputime.Used()
			for b.Loop() {
				var err error
				if ix, err = Build(context.Background(), docs, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cputime.Used()-cpu)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(peakLiveHeap(b, docs)), "peak-live-heap-bytes")
			gz := 0
			for _, f := range ix.Files {
				gz += gzipLen(f)
			}
			b.ReportMetric(float64(ix.Stats.Bytes), "index-bytes")
			b.ReportMetric(float64(gz), "index-gzip-bytes")
			b.ReportMetric(float64(firstQueryBytes(ix, "账号被封")), "query-gzip-bytes")
			b.ReportMetric(float64(len(ix.Files)), "files")
		})
	}
}

// peakLiveHeap builds docs once with the garbage collector running after
// every 5 % of heap growth and returns the largest live heap it saw,
// without the docs themselves.
func peakLiveHeap(b *testing.B, docs []Doc) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	old := debug.SetGCPercent(5)
	defer debug.SetGCPercent(old)
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var top uint64
		for {
			metrics.Read(sample)
			top = max(top, sample[0].Value.Uint64())
			select {
			case <-done:
				peak <- top
				return
			case <-time.After(200 * time.Microsecond):
			}
		}
	}()
	if _, err := Build(context.Background(), docs, Options{}); err != nil {
		b.Fatal(err)
	}
	close(done)
	top := <-peak
	return top - min(base, top)
}

// firstQueryBytes returns the gzip size of the manifest, fold chunks and
// head token shards a query needs.
func firstQueryBytes(ix *Index, q string) int {
	m := manifestOf(ix)
	need := map[string]bool{ix.Manifest: true}
	for _, r := range q {
		i := int(r) % foldChunks
		need[m.Fold.name("f", i)] = true
	}
	for _, t := range Tokenize(q) {
		need[m.Head.name("h", m.Buckets.shard(t))] = true
	}
	total := 0
	for name := range need {
		total += gzipLen(ix.Files[name])
	}
	return total
}

func manifestOf(ix *Index) manifest {
	var m manifest
	payload := ix.Files[ix.Manifest]
	s := string(payload)
	s = s[strings.Index(s, ",")+1 : strings.LastIndex(s, ")")]
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		panic(err)
	}
	return m
}

// name returns the file name of shard i.
func (s shardSet) name(prefix string, i int) string {
	g := i / s.Group
	return fmt.Sprintf("%s%d.%s.js", prefix, i, s.Hashes[g*hashLen:(g+1)*hashLen])
}
