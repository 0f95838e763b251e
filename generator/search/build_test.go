package search

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	synth "guidebook/generator/internal/corpus"
)

// fixture is a small guide: a home page, an appeal type, an FAQ and a step
// page that starts with a heading (no top section given).
func fixture() []Doc {
	return []Doc{
		{Page: "", Title: "WhatsApp 投诉与申诉指南", Description: "账号被封、消息发不出去时怎么办。", Kind: "home", Body: "这份指南帮你弄清问题属于哪一类。"},
		{Page: "appeal-types/account-ban/", Title: "账号被封禁", Description: "账号不能使用时怎样申请审核。", Kind: "appeal-type", Body: ""},
		{Page: "appeal-types/account-ban/", Anchor: "怎么申诉", Title: "账号被封禁", Heading: "怎么申诉", Kind: "appeal-type", Body: "打开 WhatsApp，在封禁提示页面点“申请审核”。"},
		{Page: "appeal-types/account-ban/", Anchor: "商业账号", Title: "账号被封禁", Heading: "商业账号", Kind: "appeal-type", Body: "商业账号在 Meta Business Manager 里申请审核。"},
		{Page: "faq/how-long/", Title: "申诉要多久才有结果？", Description: "没有固定时限。", Kind: "faq", Body: "封禁审核可能在一天左右。<script>alert(1)</script>"},
		{Page: "steps/track/", Anchor: "在哪里看", Title: "跟踪进度", Heading: "在哪里看", Description: "提交后在哪里看进度。", Kind: "step", Body: "重新打开 WhatsApp 就能看到审核状态。"},
		{Page: "steps/track/", Anchor: "要等多久", Title: "跟踪进度", Heading: "要等多久", Kind: "step", Body: "账号被封的审核据报道约一天。"},
	}
}

func mustBuild(t testing.TB, docs []Doc, opt Options) *Index {
	t.Helper()
	ix, err := Build(context.Background(), docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// payload returns the JSON a script file registers, checking the wrapper.
func payload(t testing.TB, ix *Index, name string) []byte {
	t.Helper()
	b, ok := ix.Files[name]
	if !ok {
		t.Fatalf("no file %s", name)
	}
	prefix := fmt.Sprintf("Guidebook.search.add(%q,", strings.TrimSuffix(name, ".js"))
	if !bytes.HasPrefix(b, []byte(prefix)) || !bytes.HasSuffix(b, []byte(");\n")) {
		t.Fatalf("%s: not a registration script: %.60s…", name, b)
	}
	p := b[len(prefix) : len(b)-3]
	if !json.Valid(p) {
		t.Fatalf("%s: invalid JSON", name)
	}
	return p
}

func TestBuildFiles(t *testing.T) {
	ix := mustBuild(t, fixture(), Options{KindLabels: map[string]string{"faq": "常见问题"}, Suggest: []string{"appeal-types/account-ban/", "not/indexed/"}})
	var m manifest
	if err := json.Unmarshal(payload(t, ix, ix.Manifest), &m); err != nil {
		t.Fatal(err)
	}
	if m.V != formatVersion || m.Pages != 4 || m.Kinds["faq"] != "常见问题" {
		t.Errorf("manifest = %+v", m)
	}
	if want := [][2]string{{"appeal-types/account-ban/", "账号被封禁"}}; !slices.Equal(m.Suggest, want) {
		t.Errorf("suggest = %v, want %v", m.Suggest, want)
	}
	named := map[string]bool{ix.Manifest: true}
	for _, s := range []struct {
		set    shardSet
		prefix string
	}{{m.Head, "h"}, {m.Tail, "t"}, {m.Docs, "d"}, {m.Fold, "f"}} {
		for i := range s.set.N {
			name := s.set.name(s.prefix, i)
			payload(t, ix, name)
			named[name] = true
		}
	}
	if m.Fold.N != foldChunks {
		t.Errorf("%d fold chunks", m.Fold.N)
	}
	for name := range ix.Files {
		if !named[name] {
			t.Errorf("%s is not named by the manifest", name)
		}
	}
	if ix.Stats.Bytes == 0 || ix.Stats.Postings == 0 || ix.Stats.Docs != 8 {
		t.Errorf("stats = %+v", ix.Stats)
	}
}

// TestBuildDeterministic requires byte-identical files whatever the number
// of workers.
func TestBuildDeterministic(t *testing.T) {
	docs := corpusDocs(t, synth.Generate(seedText(t), 200))
	a := mustBuild(t, docs, Options{Workers: 1, HeadPages: 50})
	b := mustBuild(t, docs, Options{Workers: 3, HeadPages: 50})
	if a.Manifest != b.Manifest || !maps.EqualFunc(a.Files, b.Files, bytes.Equal) {
		t.Error("two builds of the same docs differ")
	}
}

// docPage is a page entry of a document shard, with its section texts.
type docPage struct {
	URL, Title, Kind, Desc string
	Secs                   [][3]string // anchor, heading, text
}

// docPages decodes every document shard: [pages, base92 zlib texts], the
// texts' stream following the dictionary's when there is one.
func docPages(t testing.TB, ix *Index) []docPage {
	t.Helper()
	var m manifest
	json.Unmarshal(payload(t, ix, ix.Manifest), &m)
	var dict []byte
	dictLen := 0
	if m.Dict.N > 0 {
		var z struct {
			N      int
			Stream string
		}
		var raw [2]json.RawMessage
		if err := json.Unmarshal(payload(t, ix, m.Dict.name("z", 0)), &raw); err != nil {
			t.Fatal(err)
		}
		json.Unmarshal(raw[0], &z.N)
		json.Unmarshal(raw[1], &z.Stream)
		dict, dictLen = decodeBase92(t, z.Stream), z.N
	}
	var pages []docPage
	for i := range m.Docs.N {
		var shard struct {
			Pages [][5]json.RawMessage
			Texts [][]string
		}
		var raw [2]json.RawMessage
		if err := json.Unmarshal(payload(t, ix, m.Docs.name("d", i)), &raw); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw[0], &shard.Pages); err != nil {
			t.Fatal(err)
		}
		var z string
		if err := json.Unmarshal(raw[1], &z); err != nil {
			t.Fatal(err)
		}
		r, err := zlib.NewReader(bytes.NewReader(append(slices.Clip(dict), decodeBase92(t, z)...)))
		if err != nil {
			t.Fatal(err)
		}
		text, err := io.ReadAll(r) // checks the Adler-32 of dictionary and texts
		if err != nil {
			t.Fatalf("shard %d: %v", i, err)
		}
		if err := json.Unmarshal(text[dictLen:], &shard.Texts); err != nil {
			t.Fatal(err)
		}
		if len(shard.Texts) != len(shard.Pages) {
			t.Fatalf("shard %d: %d pages, %d texts", i, len(shard.Pages), len(shard.Texts))
		}
		for k, e := range shard.Pages {
			var p docPage
			for f, dst := range []*string{&p.URL, &p.Title, &p.Kind, &p.Desc} {
				if err := json.Unmarshal(e[f], dst); err != nil {
					t.Fatal(err)
				}
			}
			var secs []json.RawMessage
			if err := json.Unmarshal(e[4], &secs); err != nil {
				t.Fatal(err)
			}
			if len(secs) != len(shard.Texts[k]) {
				t.Fatalf("%s: %d sections, %d texts", p.URL, len(secs), len(shard.Texts[k]))
			}
			for j, sec := range secs {
				var pair [2]string
				if err := json.Unmarshal(sec, &pair[1]); err == nil {
					pair[0] = derivedAnchor(pair[1])
				} else if err := json.Unmarshal(sec, &pair); err != nil {
					t.Fatal(err)
				}
				p.Secs = append(p.Secs, [3]string{pair[0], pair[1], shard.Texts[k][j]})
			}
			pages = append(pages, p)
		}
	}
	return pages
}

func TestDocShards(t *testing.T) {
	pages := docPages(t, mustBuild(t, fixture(), Options{}))
	if len(pages) != 4 {
		t.Fatalf("%d pages", len(pages))
	}
	ban := pages[1]
	if ban.URL != "appeal-types/account-ban/" || ban.Desc != "账号不能使用时怎样申请审核。" || len(ban.Secs) != 3 ||
		ban.Secs[1] != [3]string{"怎么申诉", "怎么申诉", "打开 WhatsApp，在封禁提示页面点“申请审核”。"} {
		t.Errorf("account-ban = %+v", ban)
	}
	// A page that starts with a heading gets an empty top section, which
	// carries its title and description.
	track := pages[3]
	if len(track.Secs) != 3 || track.Secs[0] != [3]string{} || track.Desc != "提交后在哪里看进度。" {
		t.Errorf("track = %+v", track)
	}
	if !strings.Contains(pages[2].Secs[0][2], "<script>") {
		t.Errorf("faq text = %q", pages[2].Secs[0][2])
	}
}

// hit is one decoded posting.
type hit struct {
	page, sec int
	imp       int
	sig       uint8
}

// decodeHits decodes postings as search.js does.
func decodeHits(t testing.TB, b92 string, sig bool) []hit {
	t.Helper()
	r := bitReader{b: decodeBase92(t, b92)}
	var out []hit
	if len(r.b) == 0 {
		return nil
	}
	pages := r.gamma()
	k, lo, width := r.bits(4), r.bits(8), r.bits(4)
	page := -1
	for range pages {
		page += r.expGolomb(k) + 1
		secs := []int{r.gamma() - 1}
		for r.bits(1) == 1 {
			secs = append(secs, secs[len(secs)-1]+r.gamma())
		}
		for _, sec := range secs {
			h := hit{page: page, sec: sec, imp: lo + r.bits(width)}
			if sig {
				if r.bits(1) == 1 {
					h.sig = 1 << r.bits(3)
				} else {
					h.sig = uint8(r.bits(8))
				}
			}
			out = append(out, h)
		}
	}
	if r.pos > 8*len(r.b) || 8*len(r.b)-r.pos >= 8 {
		t.Fatalf("postings of %d bytes: read %d bits", len(r.b), r.pos)
	}
	return out
}

// bitReader reads what bitWriter writes.
type bitReader struct {
	b   []byte
	pos int
}

func (r *bitReader) bits(n int) int {
	v := 0
	for i := range n {
		if r.pos < 8*len(r.b) && r.b[r.pos>>3]>>(r.pos&7)&1 == 1 {
			v |= 1 << i
		}
		r.pos++
	}
	return v
}

func (r *bitReader) gamma() int {
	z := 0
	for r.bits(1) == 0 && r.pos <= 8*len(r.b) {
		z++
	}
	return 1<<z | r.bits(z)
}

func (r *bitReader) expGolomb(k int) int {
	return (r.gamma()-1)<<k | r.bits(k)
}

// lookup returns a token's head postings and cutoff.
func lookup(t testing.TB, ix *Index, token string) ([]hit, int) {
	t.Helper()
	var m manifest
	json.Unmarshal(payload(t, ix, ix.Manifest), &m)
	var shard map[string]any
	json.Unmarshal(payload(t, ix, m.Head.name("h", m.Buckets.shard(token))), &shard)
	switch v := shard[token].(type) {
	case string:
		return decodeHits(t, v, hasSignature(token)), 0
	case []any:
		return decodeHits(t, v[0].(string), hasSignature(token)), int(v[1].(float64))
	}
	return nil, 0
}

func TestPostings(t *testing.T) {
	ix := mustBuild(t, fixture(), Options{})
	hits, _ := lookup(t, ix, "审核")
	impact := map[[2]int]int{}
	for _, h := range hits {
		impact[[2]int{h.page, h.sec}] = h.imp
	}
	// In the ban page's description and both sections, the FAQ, and both
	// sections of the track page.
	if len(impact) != 6 {
		t.Fatalf("审核 found in %v", impact)
	}
	// The ban page's top section has 审核 in its description, weighted
	// above the body of its 怎么申诉 section.
	if impact[[2]int{1, 0}] <= impact[[2]int{1, 1}] {
		t.Errorf("description %d ≤ body %d", impact[[2]int{1, 0}], impact[[2]int{1, 1}])
	}
	hits, _ = lookup(t, ix, "商业")
	if len(hits) != 1 || hits[0].page != 1 || hits[0].sec != 2 {
		t.Fatalf("商业 = %+v", hits)
	}
	// Heading 商业账号 then body 商业账号: 商业 at positions p and 业账 at p+1.
	next, _ := lookup(t, ix, "业账")
	if next[0].sig&(hits[0].sig<<1|hits[0].sig>>7) == 0 {
		t.Errorf("signatures %08b and %08b show no adjacency", hits[0].sig, next[0].sig)
	}
	if _, ok := ix.Files["no"]; ok {
		t.Error("unexpected file")
	}
}

// TestHeadTail splits common tokens and checks that head and tail together
// hold every page once, the head holding the best ones.
func TestHeadTail(t *testing.T) {
	docs := corpusDocs(t, synth.Generate(seedText(t), 300))
	ix := mustBuild(t, docs, Options{HeadPages: 40, TailShare: 1})
	var m manifest
	json.Unmarshal(payload(t, ix, ix.Manifest), &m)
	full := mustBuild(t, docs, Options{HeadPages: 1000, TailShare: 1})
	for _, token := range []string{"申诉", "whatsapp", "证"} {
		all, cutoff := lookup(t, full, token)
		if cutoff != 0 {
			t.Fatalf("%s: split with the default head size", token)
		}
		head, cutoff := lookup(t, ix, token)
		if cutoff == 0 {
			t.Fatalf("%s: not split", token)
		}
		var tail map[string]string
		json.Unmarshal(payload(t, ix, m.Tail.name("t", bucketOf(token, m.Tail.N))), &tail)
		rest := decodeHits(t, tail[token], hasSignature(token))
		best := map[int]int{}
		for _, h := range head {
			best[h.page] = max(best[h.page], h.imp)
		}
		if want := map[bool]int{true: 20, false: 40}[len([]rune(token)) == 1]; len(best) != want {
			t.Errorf("%s: %d head pages", token, len(best))
		}
		for p, b := range best {
			if b < cutoff {
				t.Errorf("%s: head page %d has best impact %d < cutoff %d", token, p, b, cutoff)
			}
		}
		for _, h := range rest {
			if h.imp > cutoff {
				t.Errorf("%s: tail impact %d > cutoff %d", token, h.imp, cutoff)
			}
			if _, dup := best[h.page]; dup {
				t.Errorf("%s: page %d in head and tail", token, h.page)
			}
		}
		if len(head)+len(rest) != len(all) {
			t.Errorf("%s: head %d + tail %d ≠ %d postings", token, len(head), len(rest), len(all))
		}
	}
}

func TestKeepsTail(t *testing.T) {
	for _, c := range []struct {
		name         string
		token        string
		pages, total int
		share        float64
		want         bool
	}{
		{"rare pair", "申诉", 100, 1000, 1.0 / 8, true},
		{"pair at the share", "申诉", 125, 1000, 1.0 / 8, true},
		{"ubiquitous pair", "申诉", 126, 1000, 1.0 / 8, false},
		{"ubiquitous word", "whatsapp", 900, 1000, 1.0 / 8, false},
		{"rare word", "gdpr", 20, 1000, 1.0 / 8, true},
		{"single character", "申", 20, 1000, 1.0 / 8, false},
		{"single character, all kept", "申", 900, 1000, 1, true},
		{"single digit is a word", "7", 20, 1000, 1.0 / 8, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := keepsTail(c.token, c.pages, c.total, c.share); got != c.want {
				t.Errorf("keepsTail(%q, %d, %d, %g) = %v", c.token, c.pages, c.total, c.share, got)
			}
		})
	}
}

// TestPruned checks that a ubiquitous token keeps its best pages and no
// tail, and that the index then has no tail for it.
func TestPruned(t *testing.T) {
	docs := corpusDocs(t, synth.Generate(seedText(t), 300))
	full := mustBuild(t, docs, Options{HeadPages: 1000, TailShare: 1})
	ix := mustBuild(t, docs, Options{HeadPages: 40})
	for _, token := range []string{"申诉", "whatsapp", "证"} {
		all, _ := lookup(t, full, token)
		head, cutoff := lookup(t, ix, token)
		if cutoff != 0 {
			t.Errorf("%s: cutoff %d, want 0 (no tail)", token, cutoff)
		}
		pages := map[int]bool{}
		for _, h := range head {
			pages[h.page] = true
		}
		if want := map[bool]int{true: 20, false: 40}[len([]rune(token)) == 1]; len(pages) != want {
			t.Errorf("%s: %d head pages, want %d", token, len(pages), want)
		}
		if len(head) >= len(all) {
			t.Errorf("%s: %d postings of %d kept", token, len(head), len(all))
		}
	}
	if ix.Stats.TailShards != 0 {
		t.Errorf("%d tail shards", ix.Stats.TailShards)
	}
}

func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "plain", `"quoted" \back\`, "<script>&</script>", "line\nbreak\ttab\x01",
		"sep\u2028par\u2029", "汉字，全角！", "bad\xffutf8", "𠀀 emoji 😀", "\u00e2\u0080\u00a8"} {
		b := appendString(nil, s)
		var got string
		if err := json.Unmarshal(b, &got); err != nil {
			t.Errorf("%q: %s: %v", s, b, err)
			continue
		}
		if want := strings.ToValidUTF8(s, "\uFFFD"); got != want {
			t.Errorf("%q: round trip gave %q", s, got)
		}
		if bytes.ContainsAny(b, "<>&\u2028\u2029") {
			t.Errorf("%q: unescaped in %s", s, b)
		}
	}
}

func TestBuildCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	docs := corpusDocs(t, synth.Generate(seedText(t), 50))
	if _, err := Build(ctx, docs, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestBuildEmpty(t *testing.T) {
	ix := mustBuild(t, nil, Options{})
	if ix.Manifest == "" || len(ix.Files) == 0 {
		t.Errorf("index of nothing: %+v", ix)
	}
}

func TestDocShardSize(t *testing.T) {
	for _, c := range []struct {
		name  string
		total int
		want  int
	}{
		{"small site", 60 << 10, 2 << 10},
		{"1,000 pages", 900 << 10, 2 << 10},
		{"2,000 pages", 1500 << 10, 3000},
		{"10,000 pages", 6 << 20, 4 << 10},
	} {
		if got := docShardSize(c.total); got != c.want {
			t.Errorf("%s: docShardSize(%d) = %d, want %d", c.name, c.total, got, c.want)
		}
	}
}

// TestDocSections checks how a document shard stores a section: its
// heading alone when the anchor derives from it, both otherwise.
func TestDocSections(t *testing.T) {
	docs := []Doc{
		{Page: "a/", Title: "甲", Body: "引言。"},
		{Page: "a/", Anchor: "whatsapp-business-账号", Title: "甲", Heading: "WhatsApp Business 账号", Body: "一"},
		{Page: "a/", Anchor: "封号了怎么办", Title: "甲", Heading: "封号了，怎么办？", Body: "二"},
	}
	ix := mustBuild(t, docs, Options{})
	var m manifest
	json.Unmarshal(payload(t, ix, ix.Manifest), &m)
	got := string(payload(t, ix, m.Docs.name("d", 0)))
	want := `[[["a/","甲","","",["","WhatsApp Business 账号",["封号了怎么办","封号了，怎么办？"]]]],`
	if !strings.HasPrefix(got, want) {
		t.Errorf("shard = %.120s…, want it to start with %s", got, want)
	}
}

func TestTextDictionary(t *testing.T) {
	const common = "请先截图保存聊天记录，"
	var texts [][]byte
	for i := range 40 {
		text := fmt.Sprintf(`["第%d页独有的文字。"]`, i)
		if i%2 == 0 {
			text = `["` + common + fmt.Sprintf(`第%d页。"]`, i)
		}
		texts = append(texts, []byte(text))
	}
	dict := string(textDictionary(texts))
	if !strings.Contains(dict, common) || strings.Contains(dict, "独有") {
		t.Errorf("dictionary %q: want the clause on half the pages, not those on one page", dict)
	}
	if d := textDictionary(texts[1:2]); d != nil {
		t.Errorf("dictionary of one page = %q, want none", d)
	}
}

func TestEndsClause(t *testing.T) {
	for r := rune(0); r <= 0x10ffff; r++ {
		want := unicode.IsPunct(r) || unicode.IsSpace(r)
		if r < 0x80 {
			want = !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
		if endsClause(r) != want {
			t.Fatalf("endsClause(%U) = %v, want %v", r, endsClause(r), want)
		}
	}
}

func TestPackBuckets(t *testing.T) {
	for _, c := range []struct {
		name   string
		sizes  []int
		target int
		runs   string
	}{
		{"one shard", []int{1, 2, 3}, 10, "3"},
		{"filled up to the target", []int{4, 4, 4, 4, 4}, 10, "221"},
		{"a large bucket alone", []int{1, 20, 1, 1}, 10, "112"},
		{"empty buckets join", []int{0, 0, 9, 0, 0, 9}, 10, "51"},
		{"runs over 35 buckets", append(append(make([]int, 80), 9, 9), make([]int, 40)...), 10, "00b06"},
	} {
		t.Run(c.name, func(t *testing.T) {
			layout, shardOf := packBuckets(c.sizes, c.target)
			if layout.Runs != c.runs || layout.Buckets != len(c.sizes) {
				t.Fatalf("layout %+v, want runs %q", layout, c.runs)
			}
			b := 0
			for i, n := range layout.runs() {
				for range n {
					if shardOf[b] != i {
						t.Errorf("bucket %d in shard %d, want %d", b, shardOf[b], i)
					}
					b++
				}
			}
		})
	}
}

// TestTokenShardsFilled checks that token shards are not left empty and
// that every token is in the shard the layout names.
func TestTokenShardsFilled(t *testing.T) {
	ix := mustBuild(t, corpusDocs(t, synth.Generate(seedText(t), 300)), Options{})
	var m manifest
	json.Unmarshal(payload(t, ix, ix.Manifest), &m)
	if m.Head.N < 2 {
		t.Fatalf("%d token shards", m.Head.N)
	}
	tokens := 0
	for i := range m.Head.N {
		var shard map[string]any
		json.Unmarshal(payload(t, ix, m.Head.name("h", i)), &shard)
		if len(shard) == 0 {
			t.Errorf("token shard %d is empty", i)
		}
		for token := range shard {
			if s := m.Buckets.shard(token); s != i {
				t.Errorf("%q is in shard %d, the layout says %d", token, i, s)
			}
		}
		tokens += len(shard)
	}
	if tokens != ix.Stats.Tokens {
		t.Errorf("%d tokens in shards, %d indexed", tokens, ix.Stats.Tokens)
	}
}

// TestPostingsCoding decodes the postings of a token on pages far apart,
// in many sections (the first not 0, numbers past 7), repeated in a
// section (a signature with more than one bit set) or not.
func TestPostingsCoding(t *testing.T) {
	var docs []Doc
	want := map[[2]int]bool{}
	for p := range 300 {
		url := fmt.Sprintf("p%d/", p)
		docs = append(docs, Doc{Page: url, Title: "页", Body: "无关"})
		for s := 1; s <= 20; s++ {
			body := "其他内容"
			switch {
			case p == 0 && s == 3, p == 1 && s == 1, p == 299 && s%2 == 0:
				body = "申请审核"
			case p == 150 && s == 20:
				body = "审核，再审核，三审核"
			}
			if body != "其他内容" {
				want[[2]int{p, s}] = true
			}
			docs = append(docs, Doc{Page: url, Anchor: fmt.Sprint(s), Title: "页", Heading: fmt.Sprint(s), Body: body})
		}
	}
	ix := mustBuild(t, docs, Options{})
	hits, _ := lookup(t, ix, "审核")
	got := map[[2]int]bool{}
	for _, h := range hits {
		got[[2]int{h.page, h.sec}] = true
		if h.imp < 1 || h.sig == 0 {
			t.Errorf("hit %+v", h)
		}
		if h.page == 150 && bits.OnesCount8(h.sig) < 2 {
			t.Errorf("signature %08b of a pair found three times", h.sig)
		}
	}
	if !maps.Equal(got, want) {
		t.Errorf("decoded %v, want %v", got, want)
	}
}

// TestBitWriter reads back what bitWriter wrote, across 32-bit flushes.
func TestBitWriter(t *testing.T) {
	type op struct {
		kind int // 0 bits, 1 gamma, 2 expGolomb
		v, n int
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	var ops []op
	var w bitWriter
	for range 5000 {
		o := op{kind: rnd.IntN(3)}
		switch o.kind {
		case 0:
			o.n = rnd.IntN(33)
			o.v = rnd.IntN(1<<o.n+1) & (1<<o.n - 1)
			w.bits(uint64(o.v), uint(o.n))
		case 1:
			o.v = 1 + rnd.IntN(1<<rnd.IntN(31))
			w.gamma(uint64(o.v))
		case 2:
			o.n = rnd.IntN(16)
			o.v = rnd.IntN(1 << rnd.IntN(31))
			w.expGolomb(uint64(o.v), uint(o.n))
		}
		ops = append(ops, o)
	}
	r := bitReader{b: w.bytes()}
	for i, o := range ops {
		var got int
		switch o.kind {
		case 0:
			got = r.bits(o.n)
		case 1:
			got = r.gamma()
		case 2:
			got = r.expGolomb(o.n)
		}
		if got != o.v {
			t.Fatalf("op %d %+v: read %d", i, o, got)
		}
	}
	if len(r.b)*8-r.pos >= 8 {
		t.Errorf("%d bytes for %d bits", len(r.b), r.pos)
	}
}

// TestBestOrder checks that the order bestOrder estimates writes page gaps
// in close to the fewest bits.
func TestBestOrder(t *testing.T) {
	cost := func(vs []uint32, k uint) int {
		n := 0
		for _, v := range vs {
			n += 2*bits.Len32(v>>k+1) - 1 + int(k)
		}
		return n
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	for _, mean := range []float64{0.5, 1, 3, 10, 40, 200, 1000} {
		vs := make([]uint32, 300)
		for i := range vs {
			vs[i] = uint32(rnd.ExpFloat64() * mean)
		}
		best := cost(vs, 0)
		for k := range uint(16) {
			best = min(best, cost(vs, k))
		}
		if got := cost(vs, bestOrder(vs)); float64(got) > 1.03*float64(best) {
			t.Errorf("gaps of mean %g: order %d takes %d bits, the best %d", mean, bestOrder(vs), got, best)
		}
	}
}

// TestImpactRounds checks impact against math.Round, clamped, near every
// half and at random scores.
func TestImpactRounds(t *testing.T) {
	want := func(x float64) uint8 { return uint8(min(255, max(1, math.Round(x)))) }
	xs := []float64{0, 0.49, 1, 1.5, 254.5, 255, 300}
	for n := 0.5; n < 256; n++ {
		xs = append(xs, n, math.Nextafter(n, 0), math.Nextafter(n, 300))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		xs = append(xs, rng.Float64()*260)
	}
	for _, x := range xs {
		if got := impact(x); got != want(x) {
			t.Fatalf("impact(%v) = %d, want %d", x, got, want(x))
		}
	}
}
