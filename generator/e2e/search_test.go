package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	keys "github.com/chromedp/chromedp/kb"

	"guidebook/generator/internal/browsertest"
)

// searchHit is one result as search.js returns it, with its link resolved
// against the page and made relative to the site's base URL.
type searchHit struct {
	Path    string   `json:"path"` // e.g. "appeal-types/account-ban/index.html#怎么申诉"
	Title   string   `json:"title"`
	Heading string   `json:"heading"`
	Label   string   `json:"label"`
	Snippet string   `json:"snippet"`
	Marks   int      `json:"marks"`
	Score   float64  `json:"score"`
	Why     [][2]any `json:"why"`
}

// runQuery runs Guidebook.search.query in the page open in ctx.
func runQuery(t testing.TB, ctx context.Context, base, q string, limit int) []searchHit {
	t.Helper()
	qj, _ := json.Marshal(q)
	js := fmt.Sprintf(`(async () => {
		const out = await Guidebook.search.query(%s, %d);
		return JSON.stringify(out.results.map(r => ({
			path: decodeURIComponent(new URL(r.href, location.href).href),
			title: r.title, heading: r.heading, label: r.label,
			snippet: r.snippet.text, marks: r.snippet.marks.length, score: r.score, why: r.why})));
	})()`, qj, limit)
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("query %q: %v", q, err)
	}
	var hits []searchHit
	if err := json.Unmarshal([]byte(s), &hits); err != nil {
		t.Fatal(err)
	}
	for i := range hits {
		hits[i].Path = strings.TrimPrefix(hits[i].Path, base)
	}
	return hits
}

// qualityCases are queries as readers type them (not copied from headings),
// each with the page it must find in the top three results.
var qualityCases = []struct{ query, page, why string }{
	{"账号被封怎么办", "appeal-types/account-ban/", ""},
	{"打开whatsapp说账号不能用", "appeal-types/account-ban/", "sentence"},
	{"消息发不出去", "appeal-types/function-problems/", ""},
	{"客服一直不回复", "appeal-types/service-quality/", ""},
	{"申诉多久有结果", "faq/how-long/", ""},
	{"申诉后没收到邮件", "faq/no-email/", ""},
	{"找不到申诉按钮", "faq/no-my-tab/", ""},
	{"对结果不满意", "steps/track/", "faq/unsatisfied merged there"},
	{"要保留哪些证据", "faq/what-evidence/", ""},
	{"怎么截图保存聊天记录", "tips/evidence/", ""},
	{"有人冒充朋友借钱", "appeal-types/errors-fraud/", ""},
	{"开启两步验证", "tips/account-security/", ""},
	{"账号被盗了怎么办", "appeal-types/hijacked-account/", "personal-info-leak now only covers leaks"},
	{"被人骚扰怎么举报", "appeal-types/privacy-security/", ""},
	{"找消费者协会投诉", "tips/outside-help/", ""},
	{"封号申诉信怎么写", "letters/account-ban-appeal/", ""},
	{"升级投诉信", "letters/escalation/", ""},
	{"证据记录表", "letters/evidence-log/", ""},
	{"怎么提交申诉", "steps/submit/", ""},
	{"查看申诉进度", "steps/track/", ""},
	{"联系我们在哪里", "steps/find-entry/", ""},
	{"商业账号被封", "appeal-types/account-ban/", ""},
	{"违反服务条款", "tips/account-security/", "steps/follow-policies merged there"},
	{"沟通要礼貌", "tips/communication/", ""},
	{"法律援助", "tips/outside-help/", ""},
	{"商家收钱不发货", "appeal-types/errors-fraud/", ""},
	{"收不到消息", "appeal-types/function-problems/", ""},
	{"帳號被封", "appeal-types/account-ban/", "Traditional"},
	{"申訴要等多久", "faq/how-long/", "Traditional"},
	{"兩步驗證", "tips/account-security/", "Traditional"},
	{"個人信息洩露", "appeal-types/personal-info-leak/", "Traditional"},
	{"被騷擾怎麼辦", "appeal-types/privacy-security/", "Traditional"},
	{"WhatsApp 封号", "appeal-types/account-ban/", "mixed"},
	{"WhatsApp客服不回复", "appeal-types/service-quality/", "mixed"},
	{"ＷｈａｔｓＡｐｐ 申诉流程", "steps/", "full width"},
	{"账号被风", "appeal-types/account-ban/", "typo"},
	{"申述流程", "steps/", "typo"},
	{"两步验正", "tips/account-security/", "typo"},
	{"消息法不出去", "appeal-types/function-problems/", "typo"},
	{"盗号", "appeal-types/hijacked-account/", "synonym: 被盗"},
	{"诈骗", "appeal-types/errors-fraud/", "synonym: 欺诈"},
	{"骗子借钱", "appeal-types/errors-fraud/", "synonym"},
	{"验证码", "appeal-types/verification-code/", ""},
	{"申请审核", "appeal-types/account-ban/", ""},
	// Situations added in the second edition (issue 11), as readers type them.
	{"验证码一直收不到", "appeal-types/verification-code/", ""},
	{"提示请稍后再试", "appeal-types/verification-code/", "the app's own words"},
	{"短信验证码不来", "appeal-types/verification-code/", ""},
	{"GB WhatsApp 被封", "appeal-types/bulk-messaging-ban/", "mixed"},
	{"封号有倒计时", "appeal-types/bulk-messaging-ban/", ""},
	{"群发消息被封号", "appeal-types/bulk-messaging-ban/", ""},
	{"用营销软件被封", "appeal-types/bulk-messaging-ban/", ""},
	{"朋友收到我借钱的消息", "appeal-types/hijacked-account/", ""},
	{"要输入我没设过的PIN", "appeal-types/hijacked-account/", "mixed"},
	{"手机被偷了whatsapp怎么办", "appeal-types/hijacked-account/", "mixed"},
	{"WhatsApp客服电话", "appeal-types/scams/", "mixed"},
	{"投资群被骗", "appeal-types/scams/", ""},
	{"反诈电话是多少", "appeal-types/scams/", ""},
	{"验证码发错了让我转给他", "appeal-types/scams/", "the scammer's words"},
	{"新买的号码被封了", "appeal-types/recycled-number/", ""},
	{"二手号码", "appeal-types/recycled-number/", ""},
	{"换手机聊天没了", "appeal-types/lost-chats/", ""},
	{"怎么备份聊天", "appeal-types/lost-chats/", ""},
	{"很久没用账号被删", "appeal-types/deleted-account/", ""},
	{"导出我的个人资料", "appeal-types/data-request/", ""},
	{"GDPR", "appeal-types/data-request/", "Latin"},
	{"孩子几岁能用", "appeal-types/minors/", ""},
	{"家人去世 账号", "appeal-types/deceased-relative/", ""},
	{"英文申诉信", "letters/account-ban-appeal-en/", ""},
	{"通知朋友别转账", "letters/hijack-warning/", ""},
	{"报警材料怎么写", "letters/scam-report/", ""},
	{"查阅资料要求 模板", "letters/data-access-request/", ""},
	{"帳號被盜", "appeal-types/hijacked-account/", "Traditional"},
	{"收不到驗證碼", "appeal-types/verification-code/", "Traditional"},
	{"驗證碼收不倒", "appeal-types/verification-code/", "Traditional, typo"},
	// FAQ and tips pages added to reach 60 pages (issue 11).
	{"能申诉几次", "faq/how-many-times/", ""},
	{"申诉失败还能再申诉吗", "faq/appeal-rejected/", ""},
	{"花钱解封靠谱吗", "faq/paid-unban/", ""},
	{"PIN忘记了", "faq/forgot-pin/", "mixed"},
	{"封号后聊天记录还在吗", "faq/chats-after-ban/", ""},
	{"有人盗用我头像冒充我", "faq/impersonation/", ""},
	{"被拉进炒股群", "faq/investment-group/", ""},
	{"国内怎么投诉whatsapp", "faq/mainland-china/", "mixed"},
	{"消委会能解封吗", "faq/consumer-council-unban/", ""},
	{"换新手机怎么登录", "faq/change-phone/", ""},
	{"临时封禁和永久封禁区别", "faq/temporary-or-permanent/", ""},
	{"陌生设备登录", "tips/linked-devices/", ""},
	{"两步验证怎么设置", "tips/two-step-verification/", ""},
}

// TestSearchQuality runs every quality query against the real guide in
// Chromium and prints hit@1 and hit@3; each query must find its page in
// the top three.
func TestSearchQuality(t *testing.T) {
	b := browsertest.New(t)
	dir := builtSite(t)
	base := serveDir(t, dir, "/")
	ctx, rec := b.Tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"search/index.html")); err != nil {
		t.Fatal(err)
	}
	hit1, hit3 := 0, 0
	var report strings.Builder
	var misses []string
	for _, c := range qualityCases {
		hits := runQuery(t, ctx, base, c.query, 10)
		rank := 0
		for i, h := range hits {
			if strings.HasPrefix(h.Path, c.page+"index.html") {
				rank = i + 1
				break
			}
		}
		switch {
		case rank == 1:
			hit1++
			hit3++
		case rank > 0 && rank <= 3:
			hit3++
		default:
			var top []string
			for _, h := range hits[:min(3, len(hits))] {
				top = append(top, h.Path)
			}
			misses = append(misses, fmt.Sprintf("%q: %s is at rank %d; top 3: %v", c.query, c.page, rank, top))
		}
		fmt.Fprintf(&report, "  %-2d %-28s %s\n", rank, c.query, c.page)
	}
	n := len(qualityCases)
	t.Logf("rank of the expected page per query (0: not in the top 10):\n%s", report.String())
	fmt.Printf("search quality: %d queries, hit@1 %.2f (%d), hit@3 %.2f (%d)\n",
		n, float64(hit1)/float64(n), hit1, float64(hit3)/float64(n), hit3)
	// Every query must find its page in the top 3.
	for _, m := range misses {
		t.Error(m)
	}
	if n < 30 {
		t.Errorf("only %d quality queries, want at least 30", n)
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("browser problems: %v", p)
	}
}

// boxState reads the search box's ARIA state.
type boxState struct {
	Focused    bool     `json:"focused"`
	Expanded   string   `json:"expanded"`
	Role       string   `json:"role"`
	ListRole   string   `json:"listRole"`
	Options    int      `json:"options"`
	Active     string   `json:"active"`
	Selected   []string `json:"selected"`
	Status     string   `json:"status"`
	Live       string   `json:"live"`
	PanelShown bool     `json:"panelShown"`
	Labels     []string `json:"labels"`
	Marks      int      `json:"marks"`
}

const readBox = `(() => {
	const input = document.querySelector("form[data-search-form] input[type=search]");
	const list = document.getElementById(input.getAttribute("aria-controls") || "none");
	const status = document.querySelector("form[data-search-form] .search-status");
	const panel = document.querySelector("form[data-search-form] .search-panel");
	return {
		focused: document.activeElement === input,
		expanded: input.getAttribute("aria-expanded") || "",
		role: input.getAttribute("role") || "",
		listRole: list ? list.getAttribute("role") : "",
		options: list ? list.querySelectorAll("[role=option]").length : 0,
		active: input.getAttribute("aria-activedescendant") || "",
		selected: list ? Array.from(list.querySelectorAll("[aria-selected=true]")).map(e => e.id) : [],
		status: status ? status.textContent : "",
		live: status ? status.getAttribute("aria-live") : "",
		panelShown: !!panel && !panel.hidden,
		labels: Array.from(document.querySelectorAll(".search-kind")).map(e => e.textContent),
		marks: document.querySelectorAll(".search-results mark").length,
	};
})()`

// TestSearchBox drives the header's search box with the keyboard over http:
// "/" focuses it, typing shows results live with their kind labels and a
// count announced to screen readers, arrows select, Enter opens the
// selected result, Escape closes the list.
func TestSearchBox(t *testing.T) {
	b := browsertest.New(t)
	dir := builtSite(t)
	base := serveDir(t, dir, "/")
	ctx, rec := b.Tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"steps/submit/index.html")); err != nil {
		t.Fatal(err)
	}
	var st boxState
	if err := chromedp.Do(ctx, chromedp.KeyEvent("/")); err != nil {
		t.Fatal(err)
	}
	browsertest.EvalJSON(t, ctx, readBox, &st)
	if !st.Focused || st.Role != "combobox" || st.Expanded != "false" {
		t.Fatalf("after /: %+v", st)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys("form[data-search-form] input[type=search]", "账号被封")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, `document.querySelectorAll(".search-results [role=option]").length > 0`, 5*time.Second)
	browsertest.EvalJSON(t, ctx, readBox, &st)
	if st.Expanded != "true" || st.ListRole != "listbox" || st.Options == 0 || !st.PanelShown {
		t.Errorf("results: %+v", st)
	}
	if st.Live != "polite" || !strings.Contains(st.Status, "个相关页面") {
		t.Errorf("status %q (aria-live %q)", st.Status, st.Live)
	}
	if len(st.Labels) == 0 || st.Marks == 0 {
		t.Errorf("kind labels %v, %d marks", st.Labels, st.Marks)
	}
	for _, key := range []string{keys.ArrowDown, keys.ArrowDown, keys.ArrowUp} {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
			t.Fatal(err)
		}
	}
	browsertest.EvalJSON(t, ctx, readBox, &st)
	if st.Active == "" || len(st.Selected) != 1 || st.Selected[0] != st.Active {
		t.Fatalf("after ↓↓↑: active %q, selected %v", st.Active, st.Selected)
	}
	var want string
	browsertest.EvalJSON(t, ctx, `new URL(document.getElementById("`+st.Active+`").querySelector("a").href).pathname`, &want)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(keys.Enter)); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, `location.pathname !== "/steps/submit/index.html"`, 5*time.Second)
	var got string
	browsertest.EvalJSON(t, ctx, `location.pathname`, &got)
	// http.FileServer redirects …/index.html to …/.
	if got != strings.TrimSuffix(want, "index.html") {
		t.Errorf("Enter opened %s, want %s", got, want)
	}

	// Escape closes the list and keeps the query.
	if err := chromedp.Do(ctx, chromedp.SendKeys("form[data-search-form] input[type=search]", "申诉")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, `!document.querySelector(".search-panel").hidden`, 5*time.Second)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(keys.Escape)); err != nil {
		t.Fatal(err)
	}
	browsertest.EvalJSON(t, ctx, readBox, &st)
	if st.PanelShown || st.Expanded != "false" || !st.Focused {
		t.Errorf("after Escape: %+v", st)
	}
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("browser problems: %v", p)
	}
}

func jsQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestSearchPage opens the full results page with ?q= and without.
func TestSearchPage(t *testing.T) {
	b := browsertest.New(t)
	dir := builtSite(t)
	base := serveDir(t, dir, "/")
	ctx, rec := b.Tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"search/?q="+url.QueryEscape("账号被封"))); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, `document.querySelectorAll(".search-page-results li").length > 0`, 5*time.Second)
	var page struct {
		Value  string `json:"value"`
		Status string `json:"status"`
		First  string `json:"first"`
	}
	browsertest.EvalJSON(t, ctx, `({value: document.querySelector("[data-search-page] input").value,
		status: document.querySelector("[data-search-page] .search-status").textContent,
		first: document.querySelector(".search-page-results a").getAttribute("href")})`, &page)
	if page.Value != "账号被封" || !strings.Contains(page.Status, "个相关页面") || !strings.Contains(page.First, "appeal-types/account-ban/") {
		t.Errorf("search page: %+v", page)
	}
	// No query: the appeal types are suggested.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"search/")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, `document.querySelectorAll(".search-suggest a").length >= 5`, 5*time.Second)
	if p := rec.Problems(); len(p) > 0 {
		t.Errorf("browser problems: %v", p)
	}
}

// TestSearchWhereHosted searches from a deep page of the site served under a
// sub-path and opened from disk, and follows the results.
func TestSearchWhereHosted(t *testing.T) {
	b := browsertest.New(t)
	dir := builtSite(t)
	for _, c := range []struct{ name, base string }{
		{"sub-path", serveDir(t, dir, "/any/sub/path/")},
		{"file", strings.TrimSuffix(fileURL(dir, "index.html"), "index.html")},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx, rec := b.Tab(t)
			if err := chromedp.Do(ctx, chromedp.Navigate(c.base+"steps/submit/index.html")); err != nil {
				t.Fatal(err)
			}
			hits := runQuery(t, ctx, c.base, "帳號被封怎麼辦", 8)
			if len(hits) == 0 || !strings.HasPrefix(hits[0].Path, "appeal-types/account-ban/index.html") {
				t.Fatalf("hits = %+v", hits)
			}
			// The manifest, the one index file without a hash in its
			// name, is asked for past HTTP caches; file:// has none.
			wantFresh, manifests := strings.HasPrefix(c.base, "http"), 0
			for _, r := range rec.Requests() {
				if !strings.HasPrefix(r, c.base) && !strings.HasPrefix(r, "data:") {
					t.Errorf("request outside the site: %s", r)
				}
				if strings.Contains(r, "search/manifest.js") {
					manifests++
					if fresh := strings.Contains(r, "search/manifest.js?v="); fresh != wantFresh {
						t.Errorf("manifest request %s: past caches %v, want %v", r, fresh, wantFresh)
					}
				}
			}
			if manifests != 1 {
				t.Errorf("%d manifest requests, want 1", manifests)
			}
			// Enter without a selection opens the results page, which
			// finds the same first result; following it opens the page.
			if err := chromedp.Do(ctx, chromedp.SendKeys("form[data-search-form] input[type=search]", "账号被封"+keys.Enter)); err != nil {
				t.Fatal(err)
			}
			browsertest.WaitFor(t, ctx, `location.pathname.endsWith("/search/index.html") || location.pathname.endsWith("/search/")`, 5*time.Second)
			browsertest.WaitFor(t, ctx, `document.querySelectorAll(".search-page-results a").length > 0`, 5*time.Second)
			var href string
			browsertest.EvalJSON(t, ctx, `document.querySelector(".search-page-results a").href`, &href)
			if err := chromedp.Do(ctx, chromedp.Navigate(href)); err != nil {
				t.Fatal(err)
			}
			var title string
			browsertest.EvalJSON(t, ctx, `document.querySelector("h1") ? document.querySelector("h1").textContent : ""`, &title)
			if !strings.Contains(title, "账号被封禁") {
				t.Errorf("followed %s to a page titled %q", href, title)
			}
			if p := rec.Problems(); len(p) > 0 {
				t.Errorf("browser problems: %v", p)
			}
		})
	}
}

// TestSearchFirstQueryBytes loads a fresh page for each quality query and
// counts the gzip size of the search/ files its first query loads; the
// guide's budget is 40 KB.
func TestSearchFirstQueryBytes(t *testing.T) {
	b := browsertest.New(t)
	dir := builtSite(t)
	base := serveDir(t, dir, "/")
	ctx, rec := b.Tab(t)
	var sizes []float64
	worst := ""
	kinds := map[byte]float64{} // first letter of the file name → KB over all queries
	for _, c := range qualityCases {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"index.html")); err != nil {
			t.Fatal(err)
		}
		rec.Requests()
		runQuery(t, ctx, base, c.query, 8)
		total := 0
		for _, u := range rec.Requests() {
			p, err := url.Parse(u)
			if err != nil || !strings.HasPrefix(p.Path, "/search/") {
				continue
			}
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p.Path)))
			if err != nil {
				t.Fatal(err)
			}
			total += gzipBytes(data)
			kinds[path.Base(p.Path)[0]] += float64(gzipBytes(data)) / 1024
		}
		kb := float64(total) / 1024
		if len(sizes) == 0 || kb > slices.Max(sizes) {
			worst = c.query
		}
		sizes = append(sizes, kb)
	}
	slices.Sort(sizes)
	fmt.Printf("first query, gzip: median %.1f KB, p95 %.1f KB, max %.1f KB (%q)\n",
		percentile(sizes, 50), percentile(sizes, 95), sizes[len(sizes)-1], worst)
	var mean []string
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		mean = append(mean, fmt.Sprintf("%c %.1f KB", k, kinds[k]/float64(len(qualityCases))))
	}
	t.Logf("mean per query by file kind (manifest, fold, head, tail, document): %s", strings.Join(mean, ", "))
	if p95 := percentile(sizes, 95); p95 > 40 {
		t.Errorf("first query loads %.1f KB (p95), budget 40 KB", p95)
	}
}
