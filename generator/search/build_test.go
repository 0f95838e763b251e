package search

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

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

// docPage is a page entry of a document shard.
type docPage struct {
	URL, Title, Kind, Desc string
	Secs                   [][3]string
}

func (p *docPage) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil || len(raw) != 5 {
		return fmt.Errorf("page entry %s: %v", b, err)
	}
	for i, dst := range []*string{&p.URL, &p.Title, &p.Kind, &p.Desc} {
		if err := json.Unmarshal(raw[i], dst); err != nil {
			return err
		}
	}
	return json.Unmarshal(raw[4], &p.Secs)
}

func docPages(t testing.TB, ix *Index) []docPage {
	t.Helper()
	var m manifest
	json.Unmarshal(payload(t, ix, ix.Manifest), &m)
	var pages []docPage
	for i := range m.Docs.N {
		var run []docPage
		if err := json.Unmarshal(payload(t, ix, m.Docs.name("d", i)), &run); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, run...)
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
	sig       uint16
}

// decodeHits decodes postings as search.js does.
func decodeHits(t testing.TB, b64 string, sig bool) []hit {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	var out []hit
	page := 0
	next := func() int {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			t.Fatalf("bad uvarint")
		}
		b = b[n:]
		return int(v)
	}
	for len(b) > 0 {
		page += next()
		for range next() {
			h := hit{page: page, sec: next(), imp: int(b[0])}
			b = b[1:]
			if sig {
				h.sig = uint16(b[0]) | uint16(b[1])<<8
				b = b[2:]
			}
			out = append(out, h)
		}
	}
	return out
}

// lookup returns a token's head postings and cutoff.
func lookup(t testing.TB, ix *Index, token string) ([]hit, int) {
	t.Helper()
	var m manifest
	json.Unmarshal(payload(t, ix, ix.Manifest), &m)
	var shard map[string]any
	json.Unmarshal(payload(t, ix, m.Head.name("h", shardOf(token, m.Head.N))), &shard)
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
	if next[0].sig&(hits[0].sig<<1|hits[0].sig>>15) == 0 {
		t.Errorf("signatures %016b and %016b show no adjacency", hits[0].sig, next[0].sig)
	}
	if _, ok := ix.Files["no"]; ok {
		t.Error("unexpected file")
	}
}

// TestHeadTail splits common tokens and checks that head and tail together
// hold every page once, the head holding the best ones.
func TestHeadTail(t *testing.T) {
	docs := corpusDocs(t, synth.Generate(seedText(t), 300))
	ix := mustBuild(t, docs, Options{HeadPages: 40})
	var m manifest
	json.Unmarshal(payload(t, ix, ix.Manifest), &m)
	full := mustBuild(t, docs, Options{HeadPages: 1000})
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
		json.Unmarshal(payload(t, ix, m.Tail.name("t", shardOf(token, m.Tail.N))), &tail)
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
