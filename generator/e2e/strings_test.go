package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"guidebook/generator/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// TestUIStringsBundleAndTheme: the scripts show the site's UI strings from
// the script bundle (Guidebook.strings, with site.yaml strings: overrides),
// and a theme that still puts strings in data-* attributes (the search
// form's data-search-*, #checklist-strings) wins over the bundle. theme.js
// adds the buttons the templates lack, and only those.
func TestUIStringsBundleAndTheme(t *testing.T) {
	b := browsertest.New(t)
	dir := copySite(t)
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(repoRoot, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	cfg := read("site.yaml")
	write("site.yaml", strings.Replace(cfg, "strings:\n", "strings:\n  checklist.done: \"进度 {0}/{1}\"\n", 1))
	box := read("templates/partials/search-box.html")
	write("templates/partials/search-box.html", strings.Replace(box, "data-search-form", `data-search-form data-search-count="主题：{n} 条"`, 1))
	footer := read("templates/partials/footer.html")
	write("templates/partials/footer.html", strings.Replace(footer, "</footer>", `</footer><div id="checklist-strings" hidden data-reset="主题的清除"></div>`, 1))
	links := read("templates/partials/footer-frame.html")
	write("templates/partials/footer-frame.html", strings.Replace(links, `<p class="footer-links">`, `<p class="footer-links"><button type="button" class="print-button" hidden>主题的打印</button>`, 1))
	base := serveDir(t, buildSite(t, dir), "/")
	ctx, rec := b.Tab(t)

	do(t, ctx, "open step page", chromedp.Navigate(base+"steps/log-in/index.html"))
	if got := eval[string](t, ctx, summary); !strings.HasPrefix(got, "进度 0/") {
		t.Errorf("progress %q, want the site's checklist.done from the bundle", got)
	}
	if got := eval[string](t, ctx, `document.querySelector(".checklist-reset").textContent`); got != "主题的清除" {
		t.Errorf("reset button %q, want the theme's data-reset", got)
	}
	buttons := eval[string](t, ctx, `[...document.querySelectorAll(".theme-toggle, .print-button")].map(b => b.className + ":" + b.textContent + ":" + b.hidden).join(" ")`)
	if buttons != "theme-toggle:深色模式:false print-button:主题的打印:false" {
		t.Errorf("buttons %q, want the toggle theme.js adds and the theme's own print button, both shown", buttons)
	}
	do(t, ctx, "search", chromedp.SendKeys("form[data-search-form] input[type=search]", "账号被封"))
	browsertest.WaitFor(t, ctx, `document.querySelectorAll(".search-results [role=option]").length > 0`, 5*time.Second)
	if got := eval[string](t, ctx, `document.querySelector("form[data-search-form] .search-status").textContent`); !strings.HasPrefix(got, "主题：") {
		t.Errorf("search status %q, want the theme's data-search-count", got)
	}
	if got := eval[string](t, ctx, `document.querySelector("form[data-search-form] .search-results").getAttribute("aria-label")`); got != "搜索结果" {
		t.Errorf("results label %q, want search.results from the bundle", got)
	}
	noProblems(t, rec)
}
