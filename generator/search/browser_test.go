package search

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"guidebook/generator/internal/browsertest"
	synth "guidebook/generator/internal/corpus"
)

// searchJS is the browser half of the tokenizer contract.
const searchJS = "../../static/js/search.js"

// testPage is the smallest page search.js works on: the root attributes the
// layout sets, and the header's search box.
const testPage = `<!DOCTYPE html>
<html lang="zh-CN" data-root="./" data-search-manifest="search/%MANIFEST%">
<head><meta charset="utf-8"><title>t</title><script src="search.js" defer></script></head>
<body><form role="search" action="./search/" method="get" data-search-form data-search-count="找到 {n} 个相关页面" data-search-none="没有找到与“{q}”相关的内容。">
<label for="q">搜索</label><input id="q" type="search" name="q"></form>
<main><p>page</p></main></body></html>`

// serveIndex writes ix, search.js and the test page to a folder and serves
// it; it returns the page's URL.
func serveIndex(t testing.TB, ix *Index) string {
	t.Helper()
	dir := t.TempDir()
	js, err := os.ReadFile(searchJS)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"index.html": []byte(strings.Replace(testPage, "%MANIFEST%", ix.Manifest, 1)),
		"search.js":  js,
	}
	for name, b := range ix.Files {
		files["search/"+name] = b
	}
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL + "/index.html"
}

// openIndex builds docs, serves them and opens the test page in a new tab.
func openIndex(t *testing.T, b *browsertest.Browser, docs []Doc, opts ...func(*Options)) (context.Context, *browsertest.Recorder) {
	t.Helper()
	opt := Options{KindLabels: map[string]string{"faq": "常见问题", "step": "步骤"}, Suggest: []string{"appeal-types/ban/"}}
	for _, o := range opts {
		o(&opt)
	}
	ix, err := Build(context.Background(), docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	u := serveIndex(t, ix)
	ctx, rec := b.Tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	return ctx, rec
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestTokenizerParity runs the Go and JavaScript tokenizers on the same
// strings, including the whole seed text and its Traditional-Chinese form,
// and requires identical tokens.
func TestTokenizerParity(t *testing.T) {
	b := browsertest.New(t)
	ctx, rec := openIndex(t, b, []Doc{{Page: "a/", Title: "标题", Body: "正文"}})
	for _, c := range parityCases(seedText(t)) {
		t.Run(c.name, func(t *testing.T) {
			want := Tokenize(c.text)
			if want == nil {
				want = []string{}
			}
			var got []string
			browsertest.EvalJSON(t, ctx, "Guidebook.search.tokenizeAsync("+jsString(c.text)+")", &got)
			if len(got) != len(want) {
				t.Fatalf("JavaScript gave %d tokens, Go %d", len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					lo := max(0, i-3)
					t.Fatalf("token %d: JavaScript %q, Go %q (Go context %q)", i, got[i], want[i], want[lo:min(len(want), i+3)])
				}
			}
		})
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("browser problems: %v", p)
	}
}

type parityCase struct{ name, text string }

// parityCases returns the strings both tokenizers must agree on.
func parityCases(seed string) []parityCase {
	tab := table()
	// The seed written in Traditional characters: each character replaced
	// by a key that folds to it.
	trad := map[rune]rune{}
	for _, p := range tab.pairs {
		if _, ok := trad[p[1]]; !ok && isHan(p[0]) && p[0] < 0xF900 {
			trad[p[1]] = p[0]
		}
	}
	traditional := strings.Map(func(r rune) rune {
		if k, ok := trad[r]; ok {
			return k
		}
		return r
	}, seed)
	var keys, lower strings.Builder
	for _, p := range tab.pairs {
		keys.WriteRune(p[0])
		keys.WriteRune(p[1])
		keys.WriteByte(' ')
	}
	for r := rune(0x20); r <= 0x52F; r++ {
		lower.WriteRune(r)
		if r%8 == 0 {
			lower.WriteByte(' ')
		}
	}
	var fullWidth strings.Builder
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		fullWidth.WriteRune(r)
	}
	return []parityCase{
		{"seed", seed},
		{"seed in Traditional", traditional},
		{"table keys and values", keys.String()},
		{"Latin, Greek, Cyrillic", lower.String()},
		{"full width", fullWidth.String() + "\u3000ＷｈａｔｓＡｐｐ　封號"},
		{"mixed", "WhatsApp封号怎么办? 第1步：登录。24小时内ＯＫ"},
		{"ignorable characters", "账\u200b号\u200d被\ufe0f封 what\u00adsapp 葛\U000E0100优"},
		{"emoji", "😀🎉 👍🏽 账号👨‍👩‍👧被封 ❤️"},
		{"supplementary Han", "𠀀𠀁𪚥 𫝈 abc𠀀"},
		{"kana hangul", "アカウント 계정 ひらがな"},
		{"markup", `<script>alert("x")</script> &amp; "quotes"`},
		{"numbers", "① ½ ٣ 〇 Ⅻ ²"},
		{"empty", ""},
		{"punctuation only", "！？。，、…—·「」『』（）【】《》"},
	}
}

// result is what search.js's query() resolves to, reduced for tests.
type result struct {
	Total   int `json:"total"`
	Results []struct {
		Href    string `json:"href"`
		Title   string `json:"title"`
		Label   string `json:"label"`
		Heading string `json:"heading"`
		Snippet struct {
			Text  string   `json:"text"`
			Marks [][2]int `json:"marks"`
		} `json:"snippet"`
	} `json:"results"`
	Suggest []struct{ Href, Title string } `json:"suggest"`
}

func query(t *testing.T, ctx context.Context, q string) result {
	t.Helper()
	var r result
	browsertest.EvalJSON(t, ctx, "Guidebook.search.query("+jsString(q)+", 8, {exact: true})", &r)
	return r
}

func (r result) hrefs() []string {
	var out []string
	for _, x := range r.Results {
		out = append(out, x.Href)
	}
	return out
}

// rankingDocs make each ranking rule visible on its own.
func rankingDocs() []Doc {
	return []Doc{
		{Page: "phrase/", Title: "甲", Kind: "article", Body: "我的账号被封了，不知道为什么。"},
		{Page: "scattered/", Title: "乙", Kind: "article", Body: "我的账号。号被。被封了，为什么。"},
		{Page: "title/", Title: "两步验证", Kind: "article", Body: "开启以后更安全。"},
		{Page: "body/", Title: "丙", Kind: "article", Body: "设置里可以开启两步验证。"},
		{Page: "sections/", Title: "丁", Kind: "faq", Body: "引言。"},
		{Page: "sections/", Anchor: "保存证据", Title: "丁", Heading: "保存证据", Kind: "faq", Body: "截图保存聊天记录。"},
		{Page: "sections/", Anchor: "其他", Title: "丁", Heading: "其他", Kind: "faq", Body: "聊天记录也是证据。"},
		{Page: "xss/", Title: "<img src=x onerror=window.__xss=1>", Kind: "article",
			Body: `注意 <script>window.__xss=2</script> 和 "><img src=x onerror=window.__xss=3> 都是文字。`},
		{Page: "appeal-types/ban/", Title: "账号被封禁", Kind: "appeal-type", Body: "申请审核。"},
	}
}

func TestRanking(t *testing.T) {
	b := browsertest.New(t)
	ctx, rec := openIndex(t, b, rankingDocs())
	t.Run("phrase bonus", func(t *testing.T) {
		h := query(t, ctx, "账号被封").hrefs()
		if p, s := slices.Index(h, "./phrase/"), slices.Index(h, "./scattered/"); p < 0 || s < 0 || p > s {
			t.Errorf("hrefs = %v", h)
		}
	})
	t.Run("Traditional query", func(t *testing.T) {
		if h := query(t, ctx, "帳號被封").hrefs(); slices.Index(h, "./phrase/") < 0 || slices.Index(h, "./phrase/") > slices.Index(h, "./scattered/") {
			t.Errorf("hrefs = %v", h)
		}
	})
	t.Run("title before body", func(t *testing.T) {
		if h := query(t, ctx, "两步验证").hrefs(); len(h) < 2 || h[0] != "./title/" || h[1] != "./body/" {
			t.Errorf("hrefs = %v", h)
		}
	})
	t.Run("grouped by page, deep link to the best section", func(t *testing.T) {
		r := query(t, ctx, "保存证据")
		n := 0
		for _, h := range r.hrefs() {
			if strings.HasPrefix(h, "./sections/") {
				n++
			}
		}
		if n != 1 || len(r.Results) == 0 || r.Results[0].Href != "./sections/#"+url.PathEscape("保存证据") ||
			r.Results[0].Heading != "保存证据" || r.Results[0].Label != "常见问题" {
			t.Errorf("results = %+v", r.Results)
		}
	})
	t.Run("snippet marks", func(t *testing.T) {
		r := query(t, ctx, "聊天记录")
		if len(r.Results) == 0 || r.Results[0].Href != "./sections/#"+url.PathEscape("保存证据") {
			t.Fatalf("results = %+v", r.Results)
		}
		s := r.Results[0].Snippet
		cps := []rune(s.Text)
		if len(s.Marks) != 1 || string(cps[s.Marks[0][0]:s.Marks[0][1]]) != "聊天记录" {
			t.Errorf("snippet %q marks %v", s.Text, s.Marks)
		}
	})
	t.Run("nothing found suggests appeal types", func(t *testing.T) {
		r := query(t, ctx, "火星")
		if r.Total != 0 || len(r.Suggest) != 1 || r.Suggest[0].Title != "账号被封禁" {
			t.Errorf("result = %+v", r)
		}
	})
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("browser problems: %v", p)
	}
}

// TestBadInput sends hostile and degenerate queries through the API and the
// search box: each returns quickly, without an error, and nothing from the
// query or the index becomes markup.
func TestBadInput(t *testing.T) {
	b := browsertest.New(t)
	ctx, rec := openIndex(t, b, rankingDocs())
	queries := map[string]string{
		"10,000 characters":   `"账号被封怎么办".repeat(1500) + "x".repeat(10000)`,
		"only punctuation":    `"！？。，、…——「」『』（）!?.,;:'\"()[]{}"`,
		"emoji":               `"😀🎉👍🏽👨‍👩‍👧❤️"`,
		"script tag":          `"<script>window.__xss=9</script>"`,
		"attribute injection": `"\"><img src=x onerror=window.__xss=8>"`,
		"index text as HTML":  `"onerror script"`,
		"control characters":  `"\u0000\u0001\u202e\ufeff"`,
		"lone surrogate":      `"账号\ud800被封"`,
		"whitespace":          `"   \t\n  "`,
	}
	for name, expr := range queries {
		t.Run(name, func(t *testing.T) {
			var out struct {
				MS       float64 `json:"ms"`
				N        int     `json:"n"`
				Injected int     `json:"injected"`
				XSS      any     `json:"xss"`
			}
			browsertest.EvalJSON(t, ctx, `(async () => {
				const q = `+expr+`;
				const t0 = performance.now();
				const r = await Guidebook.search.query(q, 8);
				const ms = performance.now() - t0;
				const input = document.querySelector("#q");
				input.value = q;
				input.dispatchEvent(new Event("input", {bubbles: true}));
				await new Promise(res => setTimeout(res, 400));
				const injected = document.querySelectorAll("form script, form img, form iframe, form [onerror]").length;
				return {ms, n: r.results.length, injected, xss: window.__xss || null};
			})()`, &out)
			if out.MS > 500 {
				t.Errorf("query took %.0f ms", out.MS)
			}
			if out.Injected != 0 || out.XSS != nil {
				t.Errorf("markup injected: %d elements, window.__xss = %v", out.Injected, out.XSS)
			}
		})
	}
	var shown string
	browsertest.EvalJSON(t, ctx, `(async () => {
		const input = document.querySelector("#q");
		input.value = "onerror";
		input.dispatchEvent(new Event("input", {bubbles: true}));
		await new Promise(res => setTimeout(res, 400));
		return document.querySelector(".search-results").textContent;
	})()`, &shown)
	if !strings.Contains(shown, "<img src=x onerror=window.__xss=1>") {
		t.Errorf("index text not shown as text: %q", shown)
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("browser problems: %v", p)
	}
}

// TestTails compares results of an index whose common tokens are split into
// head and tail with one where nothing is split: reading tails only when the
// heads cannot decide must not change the top results.
func TestTails(t *testing.T) {
	b := browsertest.New(t)
	docs := corpusDocs(t, synth.Generate(seedText(t), 400))
	split, rec := openIndex(t, b, docs, func(o *Options) { o.HeadPages, o.TailShare = 25, 1 })
	whole, _ := openIndex(t, b, docs, func(o *Options) { o.HeadPages, o.TailShare = 1000, 1 })
	for _, q := range []string{"申诉", "申诉流程", "WhatsApp 账号", "提交申诉后没有回复", "隐私", "证据", "服务条款和隐私政策"} {
		a, w := query(t, split, q).hrefs(), query(t, whole, q).hrefs()
		if !slices.Equal(a, w) {
			t.Errorf("%q:\nsplit %v\nwhole %v", q, a, w)
		}
	}
	tails := 0
	for _, u := range rec.Requests() {
		if strings.Contains(u, "/search/t") {
			tails++
		}
	}
	if tails == 0 {
		t.Error("no tail shard was loaded: the test does not exercise tails")
	}
	t.Logf("%d tail shards loaded", tails)
}

// TestSnippets checks that section texts, compressed in the document
// shards, come back as snippets, and that a browser without
// DecompressionStream still shows the results, without snippets.
func TestSnippets(t *testing.T) {
	b := browsertest.New(t)
	for _, c := range []struct {
		name    string
		setup   string
		snippet string
	}{
		{"inflated", "", "截图保存聊天记录。"},
		{"no DecompressionStream", "delete window.DecompressionStream", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx, rec := openIndex(t, b, rankingDocs())
			if c.setup != "" {
				var ignored any
				browsertest.EvalJSON(t, ctx, "("+c.setup+", null)", &ignored)
			}
			r := query(t, ctx, "截图保存")
			if len(r.Results) == 0 || !strings.HasSuffix(r.Results[0].Href, "sections/#"+url.PathEscape("保存证据")) {
				t.Fatalf("results %v", r.hrefs())
			}
			if got := r.Results[0].Snippet.Text; got != c.snippet {
				t.Errorf("snippet %q, want %q", got, c.snippet)
			}
			if p := rec.Problems(); len(p) > 0 {
				t.Errorf("browser problems: %v", p)
			}
		})
	}
}

// TestSnippetsWithDictionary checks that texts compressed with the
// dictionary inflate in the browser: the synthetic corpus repeats its seed's
// clauses on many pages, so its index has a dictionary, and every snippet
// must be a piece of its section's text.
func TestSnippetsWithDictionary(t *testing.T) {
	b := browsertest.New(t)
	docs := corpusDocs(t, synth.Generate(seedText(t), 120))
	if ix := mustBuild(t, docs, Options{}); ix.Stats.DictionaryBytes == 0 {
		t.Fatal("no dictionary: the test does not exercise it")
	}
	bodies := map[string]string{}
	for _, d := range docs {
		href := "./" + d.Page
		if d.Anchor != "" {
			href += "#" + url.PathEscape(d.Anchor)
		}
		bodies[href] = d.Body
	}
	ctx, rec := openIndex(t, b, docs)
	snippets := 0
	for _, q := range []string{"申诉流程", "隐私政策", "保存聊天记录", "联系客服"} {
		for _, r := range query(t, ctx, q).Results {
			body, ok := bodies[r.Href]
			if !ok {
				t.Fatalf("%q: result %s is no section", q, r.Href)
			}
			if r.Snippet.Text == "" || !strings.Contains(body, r.Snippet.Text) {
				t.Errorf("%q: %s: snippet %q is not in its section's text %q", q, r.Href, r.Snippet.Text, body)
			}
			snippets++
		}
	}
	if snippets == 0 {
		t.Error("no results")
	}
	loaded := false
	for _, u := range rec.Requests() {
		loaded = loaded || strings.Contains(u, "/search/z0.")
	}
	if !loaded {
		t.Error("the dictionary was not loaded")
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("browser problems: %v", p)
	}
}

// TestAnchors checks the links of results: a heading alone in a document
// shard stands for its derived anchor, and other anchors are given.
func TestAnchors(t *testing.T) {
	b := browsertest.New(t)
	docs := []Doc{
		{Page: "a/", Title: "甲", Body: "引言。"},
		{Page: "a/", Anchor: "whatsapp-business-账号", Title: "甲", Heading: "WhatsApp Business 账号", Body: "商业账号的审核。"},
		{Page: "a/", Anchor: "封号了怎么办", Title: "甲", Heading: "封号了，怎么办？", Body: "先申请复核。"},
		{Page: "a/", Anchor: "custom-id", Title: "甲", Heading: "临时封禁", Body: "倒计时结束前安装官方应用。"},
	}
	ctx, rec := openIndex(t, b, docs)
	for q, want := range map[string]string{
		"商业账号": "./a/#" + url.PathEscape("whatsapp-business-账号"),
		"申请复核": "./a/#" + url.PathEscape("封号了怎么办"),
		"倒计时":  "./a/#custom-id",
		"引言":   "./a/",
	} {
		if h := query(t, ctx, q).hrefs(); len(h) == 0 || h[0] != want {
			t.Errorf("%q: hrefs %v, want %s first", q, h, want)
		}
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("browser problems: %v", p)
	}
}

// TestTokenShardLookup queries tokens from every token shard of an index
// with many of them: search.js must find each in the shard the layout
// names.
func TestTokenShardLookup(t *testing.T) {
	b := browsertest.New(t)
	docs := corpusDocs(t, synth.Generate(seedText(t), 300))
	ix := mustBuild(t, docs, Options{})
	var m manifest
	json.Unmarshal(payload(t, ix, ix.Manifest), &m)
	if m.Head.N < 10 {
		t.Fatalf("%d token shards: the test needs many", m.Head.N)
	}
	var queries []string
	for i := range m.Head.N {
		var shard map[string]any
		json.Unmarshal(payload(t, ix, m.Head.name("h", i)), &shard)
		for _, token := range slices.Sorted(maps.Keys(shard)) {
			if hasSignature(token) || !isHanChar(token) {
				queries = append(queries, token) // pairs and words: a query of its own
				break
			}
		}
	}
	ctx, rec := openIndex(t, b, docs)
	var missing []string
	browsertest.EvalJSON(t, ctx, `(async () => {
		const out = [];
		for (const q of `+jsString(strings.Join(queries, "\n"))+`.split("\n")) {
			const r = await Guidebook.search.query(q, 1);
			if (!r.total) out.push(q);
		}
		return out;
	})()`, &missing)
	if len(missing) > 0 {
		t.Errorf("%d of %d tokens not found: %v", len(missing), len(queries), missing)
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("browser problems: %v", p)
	}
}

// TestPostingsParity decodes every token's head postings of an index in Go
// and in search.js and requires the same hits.
func TestPostingsParity(t *testing.T) {
	b := browsertest.New(t)
	ix := mustBuild(t, corpusDocs(t, synth.Generate(seedText(t), 300)), Options{HeadPages: 100, TailShare: 1})
	var m manifest
	json.Unmarshal(payload(t, ix, ix.Manifest), &m)
	type entry struct {
		Packed string `json:"p"`
		Sig    bool   `json:"s"`
	}
	var entries []entry
	var want [][][2]int
	add := func(token string, v any) {
		packed := v.(string)
		e := entry{packed, hasSignature(token)}
		var hits [][2]int
		for _, h := range decodeHits(t, packed, e.Sig) {
			hits = append(hits, [2]int{h.page*4096 + h.sec, h.imp*65536 + int(h.sig)})
		}
		entries = append(entries, e)
		want = append(want, hits)
	}
	for i := range m.Head.N {
		var shard map[string]any
		json.Unmarshal(payload(t, ix, m.Head.name("h", i)), &shard)
		for token, v := range shard {
			if a, ok := v.([]any); ok {
				v = a[0]
			}
			add(token, v)
		}
	}
	for i := range m.Tail.N {
		var shard map[string]any
		json.Unmarshal(payload(t, ix, m.Tail.name("t", i)), &shard)
		for token, v := range shard {
			add(token, v)
		}
	}
	ctx, rec := openIndex(t, b, []Doc{{Page: "a/", Title: "标题", Body: "正文"}})
	in, _ := json.Marshal(entries)
	var got [][][2]int
	browsertest.EvalJSON(t, ctx, `(() => {
		return `+string(in)+`.map((e) => Guidebook.search.decodePostings(e.p, e.s));
	})()`, &got)
	if len(got) != len(want) {
		t.Fatalf("%d decoded, want %d", len(got), len(want))
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("postings %d: search.js %v, Go %v", i, got[i], want[i])
		}
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("browser problems: %v", p)
	}
}
