// Package corpus generates a deterministic synthetic Chinese site for
// benchmarks: a home page, ten sections and n pages recombined from a seed
// text, in the same shape as shared/bench/gen_corpus.py (which feeds Hugo and
// Pagefind), with front matter this generator accepts.
package corpus

import (
	"fmt"
	"hash/fnv"
	"testing/fstest"
)

// Section is one generated section: its folder and Chinese title.
type Section struct{ Dir, Title string }

// Sections returns the ten sections pages are spread over (page i goes to
// section i mod 10).
func Sections() []Section {
	return []Section{
		{"account", "账户问题"}, {"privacy", "隐私安全"}, {"features", "功能问题"},
		{"service", "服务质量"}, {"appeal", "申诉流程"}, {"report", "举报处理"},
		{"evidence", "证据保存"}, {"policy", "服务条款"}, {"progress", "进度跟踪"},
		{"help", "帮助与反馈"},
	}
}

// PagePath returns the content path of page i (0-based), e.g.
// "content/privacy/p-00002.md".
func PagePath(i int) string {
	return fmt.Sprintf("content/%s/p-%05d.md", Sections()[i%10].Dir, i+1)
}

// Generate returns a site's content/ tree with n pages recombined from seed.
// Page i is the same for every n except for its two link targets; the same
// seed and n always give the same bytes. Each page has front matter (title,
// description, weight) and 600–1200 Chinese characters in an introduction
// and four ## sections, with a bullet list, a task list, a fenced code block,
// a table and two relative links to other pages' .md files.
func Generate(seed string, n int) fstest.MapFS {
	v := newVocab(seed)
	fs := fstest.MapFS{}
	home := newRand("home")
	fs["content/_index.md"] = file(fmt.Sprintf("---\ntitle: \"WhatsApp 申诉与投诉指南\"\ndescription: %q\n---\n\n%s\n",
		v.clause(home), v.paragraph(home, 2, 4)))
	for w, s := range Sections() {
		r := newRand("sec-" + s.Dir)
		fs["content/"+s.Dir+"/_index.md"] = file(fmt.Sprintf("---\ntitle: %q\ndescription: %q\nweight: %d\n---\n\n%s\n",
			s.Title, v.clause(r), w+1, v.paragraph(r, 1, 2)))
	}
	titles := make([]string, n)
	for i := range titles {
		r := newRand(fmt.Sprintf("title-%d", i))
		titles[i] = fmt.Sprintf("%s(第%d篇)", r.pick(v.headings), i+1)
	}
	for i := range n {
		fs[PagePath(i)] = file(v.page(i, n, titles))
	}
	return fs
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }

// rng is splitmix64: small, fast and the same on every platform and Go
// version (math/rand's streams are not promised to stay the same).
type rng struct{ s uint64 }

func newRand(name string) *rng {
	h := fnv.New64a()
	h.Write([]byte(name))
	return &rng{s: h.Sum64()}
}

func (r *rng) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	z := r.s
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// intn returns a number in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

func (r *rng) pick(s []string) string { return s[r.intn(len(s))] }

// sample returns k distinct elements of s in random order.
func (r *rng) sample(s []string, k int) []string {
	idx := make([]int, len(s))
	for i := range idx {
		idx[i] = i
	}
	out := make([]string, 0, k)
	for i := 0; i < k && i < len(s); i++ {
		j := i + r.intn(len(s)-i)
		idx[i], idx[j] = idx[j], idx[i]
		out = append(out, s[idx[i]])
	}
	return out
}

func cjkCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			n++
		}
	}
	return n
}
