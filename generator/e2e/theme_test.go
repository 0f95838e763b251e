package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"guidebook/generator/internal/browsertest"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// voidElements have no end tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// TestThemeMarkup scans every built page, without a browser, for what a
// strict Content-Security-Policy or a file:// reader would trip over: inline
// scripts (ld+json data blocks excepted), on* handler and style attributes,
// absolute or foreign asset URLs, page links without index.html, duplicate
// IDs and badly nested elements.
func TestThemeMarkup(t *testing.T) {
	dir := builtSite(t)
	for _, p := range htmlPages(t, dir) {
		var problems []string
		bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
		ids := map[string]bool{}
		var stack []string
		nested := true
		for _, tk := range scanAllTags(readFile(t, filepath.Join(dir, p))) {
			if tk.end {
				if nested && (len(stack) == 0 || stack[len(stack)-1] != tk.name) {
					bad("</%s> does not close the open element (open: %s)", tk.name, strings.Join(stack, ">"))
					nested = false
				}
				if nested {
					stack = stack[:len(stack)-1]
				}
				continue
			}
			if !voidElements[tk.name] && !strings.HasSuffix(tk.raw, "/>") {
				stack = append(stack, tk.name)
			}
			if tk.name == "script" && tk.attrs["src"] == "" && tk.attrs["type"] != "application/ld+json" {
				bad("inline script %.60s", tk.raw)
			}
			for name, v := range tk.attrs {
				switch {
				case strings.HasPrefix(name, "on"):
					bad("event handler attribute %s in %.60s", name, tk.raw)
				case name == "style":
					bad("style attribute in %.60s", tk.raw)
				case name == "id":
					if ids[v] {
						bad("duplicate id %q", v)
					}
					ids[v] = true
				case name == "href" || name == "src" || name == "action":
					if msg := checkURL(tk.tag, name, v); msg != "" {
						bad("%s: %.80s", msg, tk.raw)
					}
				}
			}
		}
		if nested && len(stack) != 0 {
			bad("elements left open: %s", strings.Join(stack, ">"))
		}
		for _, msg := range problems {
			t.Errorf("%s: %s", p, msg)
		}
	}
}

// checkURL returns what is wrong with an href, src or action, or "".
// Assets must be relative; page links relative and ending in index.html
// (file:// shows a folder listing otherwise); links to other sites are
// allowed on <a> only, since following one is the reader's choice.
func checkURL(tk tag, attr, v string) string {
	switch {
	case tk.name == "link" && tk.attrs["rel"] == "canonical":
		return ""
	case strings.HasPrefix(v, "#"), strings.HasPrefix(v, "mailto:"), strings.HasPrefix(v, "tel:"):
		return ""
	case strings.HasPrefix(v, "//"), strings.HasPrefix(v, "/"):
		return "root- or protocol-relative URL " + v
	case schemeRE.MatchString(v):
		if tk.name == "a" && (strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://")) {
			return ""
		}
		return "absolute URL " + v
	}
	u, _ := url.Parse(v)
	if tk.name == "a" || tk.name == "form" {
		if u != nil && (u.Path == "" || strings.HasSuffix(u.Path, "/") || !strings.Contains(u.Path, ".")) {
			return "page link without index.html " + v
		}
	}
	return ""
}

// TestThemeBrowser drives the real guide in Chromium: it follows every
// link served under a sub-path and from file://, records every request
// (none may leave the site), checks the dark-mode toggle is remembered,
// checks the mobile sidebar and touch targets, and writes screenshots.
func TestThemeBrowser(t *testing.T) {
	b := browsertest.New(t)
	dir := builtSite(t)
	ctx, rec := b.Tab(t)

	// Each crawl has a tab of its own: a request a page of the previous crawl
	// starts late (the favicon) must not be counted against the next one.
	t.Run("sub-path", func(t *testing.T) {
		base := serveDir(t, dir, "/guide/sub/")
		tab, tabRec := b.Tab(t)
		crawl(t, tab, tabRec, base+"index.html", base)
	})
	t.Run("file", func(t *testing.T) {
		base := fileURL(dir, "")
		tab, tabRec := b.Tab(t)
		crawl(t, tab, tabRec, fileURL(dir, "index.html"), strings.TrimSuffix(base, "/")+"/")
	})
	base := serveDir(t, dir, "/")
	t.Run("dark-toggle", func(t *testing.T) { darkToggle(t, ctx, base) })
	t.Run("mobile", func(t *testing.T) { mobile(t, ctx, base) })
	t.Run("screenshots", func(t *testing.T) { screenshots(t, ctx, base) })
	rec.Problems()
}

// crawl visits every page reachable from start by links, requiring each
// link to stay under base, each page to load with a title and no errors,
// and every request to go to base only.
func crawl(t *testing.T, ctx context.Context, rec *browsertest.Recorder, start, base string) {
	rec.Problems()
	rec.Requests()
	seen := map[string]bool{start: true}
	queue := []string{start}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("a[href]")).map(a => a.href)`))
		if err != nil {
			t.Fatalf("%s: links: %v", u, err)
		}
		title, _ := chromedp.Run(ctx, chromedp.Title())
		if strings.TrimSpace(title) == "" {
			t.Errorf("%s: no title", u)
		}
		for _, p := range rec.Problems() {
			t.Errorf("%s: %s", u, p)
		}
		for _, r := range rec.Requests() {
			if !strings.HasPrefix(r, base) && !strings.HasPrefix(r, "data:") {
				t.Errorf("%s: request outside the site: %s", u, r)
			}
		}
		for _, l := range links {
			l, _, _ = strings.Cut(l, "#")
			if !strings.HasPrefix(l, base) {
				if !otherSite(l, base) {
					t.Errorf("%s: link leaves the site folder: %s", u, l)
				}
				continue
			}
			if strings.HasSuffix(l, ".html") && !seen[l] {
				seen[l] = true
				queue = append(queue, l)
			}
		}
	}
	if len(seen) < 40 {
		t.Errorf("reached only %d pages from %s", len(seen), start)
	}
	t.Logf("followed links to %d pages under %s", len(seen), base)
}

// otherSite reports whether link points to another web site (allowed: it
// is not a request until the reader follows it) rather than out of base.
func otherSite(link, base string) bool {
	lu, err := url.Parse(link)
	if err != nil || (lu.Scheme != "http" && lu.Scheme != "https") {
		return false
	}
	bu, _ := url.Parse(base)
	return bu.Scheme == "file" || lu.Host != bu.Host
}

// darkToggle clicks the theme toggle and checks the choice survives
// navigation and a reload, and overrides the system preference.
func darkToggle(t *testing.T, ctx context.Context, base string) {
	err := chromedp.Do(ctx,
		colorScheme("light"),
		chromedp.Navigate(base+"steps/submit/index.html"),
		chromedp.Evaluate[chromedp.Void](`localStorage.clear()`),
		chromedp.Reload(),
		chromedp.WaitVisible(".theme-toggle"),
		chromedp.Click(".theme-toggle"),
	)
	if err != nil {
		t.Fatal(err)
	}
	state := func() string {
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.dataset.theme + " " +
			document.querySelector(".theme-toggle").getAttribute("aria-pressed") + " " + getComputedStyle(document.body).backgroundColor`))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	const dark = "dark true rgb(13, 17, 23)"
	if s := state(); s != dark {
		t.Fatalf("after toggling: %q, want %q", s, dark)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"faq/index.html"), chromedp.WaitVisible(".theme-toggle")); err != nil {
		t.Fatal(err)
	}
	if s := state(); s != dark {
		t.Fatalf("on the next page: %q, want %q (not remembered)", s, dark)
	}
	if err := chromedp.Do(ctx, chromedp.Click(".theme-toggle"), chromedp.Reload(), chromedp.WaitVisible(".theme-toggle")); err != nil {
		t.Fatal(err)
	}
	if s := state(); !strings.HasPrefix(s, "light false rgb(255, 255, 255)") {
		t.Fatalf("after toggling back and reloading: %q", s)
	}
	_ = chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`localStorage.clear()`))
}

// mobile checks, at 390×844, that the sidebar opens without script help and
// that navigation controls are at least 44px high.
func mobile(t *testing.T, ctx context.Context, base string) {
	defer func() { _ = chromedp.Do(ctx, clearViewport()) }()
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2)),
		chromedp.Navigate(base+"steps/submit/index.html"),
	)
	if err != nil {
		t.Fatal(err)
	}
	visible := `getComputedStyle(document.querySelector(".sidebar-nav")).display !== "none"`
	if v, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](visible)); v {
		t.Error("sidebar open before the reader asks for it")
	}
	if err := chromedp.Do(ctx, chromedp.Click(".sidebar-label")); err != nil {
		t.Fatal(err)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](visible)); !v {
		t.Error("sidebar does not open from its label")
	}
	small, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(
		".site-menu a, .sidebar-label, .sidebar-nav a, .breadcrumbs a, .toc a, .pagenav a, button:not([hidden]), summary, .footer-links a, .cards a, .site-title"))
		.filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height < 44; })
		.map(e => e.className + " " + e.textContent.trim().slice(0, 20) + " " + Math.round(e.getBoundingClientRect().height) + "px")`))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range small {
		t.Errorf("touch target under 44px: %s", s)
	}
	overflow, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if overflow {
		t.Error("page scrolls sideways at 390px")
	}
}

// colorScheme emulates prefers-color-scheme: light or dark.
func colorScheme(v string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: v}}})
		return err
	})
}

// clearViewport undoes EmulateViewport.
func clearViewport() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.ClearDeviceMetricsOverride, cdp.Empty{})
		return err
	})
}

// screenshotPages are photographed at mobile and desktop size for a person to look at.
var screenshotPages = []string{"index.html", "steps/index.html", "steps/submit/index.html", "faq/index.html",
	"appeal-types/account-ban/index.html", "letters/account-ban-appeal/index.html", "revisions/steps-revised/index.html", "404.html"}

func artifactDir(t *testing.T) string {
	d := os.Getenv("GUIDEBOOK_ARTIFACTS")
	if d == "" {
		d = filepath.Join(os.TempDir(), "guidebook-artifacts")
	}
	d = filepath.Join(d, "theme")
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

func screenshots(t *testing.T, ctx context.Context, base string) {
	out := artifactDir(t)
	defer func() { _ = chromedp.Do(ctx, clearViewport()) }()
	sizes := []struct {
		name string
		w, h int64
		opts []chromedp.EmulateViewportOption
	}{
		{"mobile", 390, 844, []chromedp.EmulateViewportOption{chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2)}},
		{"desktop", 1280, 900, nil},
	}
	n := 0
	for _, scheme := range []string{"light", "dark"} {
		media := colorScheme(scheme)
		for _, sz := range sizes {
			if err := chromedp.Do(ctx, media, chromedp.EmulateViewport(sz.w, sz.h, sz.opts...)); err != nil {
				t.Fatal(err)
			}
			for _, p := range screenshotPages {
				if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
					t.Fatal(err)
				}
				img, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100: PNG
				if err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				name := fmt.Sprintf("%s-%s-%s.png", sz.name, scheme, strings.NewReplacer("/index.html", "", "/", "-", ".html", "").Replace(p))
				if err := os.WriteFile(filepath.Join(out, name), img, 0o644); err != nil {
					t.Fatal(err)
				}
				n++
			}
		}
	}
	t.Logf("%d screenshots written to %s", n, out)
}

// axeResult is one violation reported by axe-core.
type axeResult struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// TestThemeAxe runs axe-core (WCAG 2.1 A and AA rules) on every page, in the
// light and the dark theme. It needs GUIDEBOOK_AXE, the path of axe.min.js.
func TestThemeAxe(t *testing.T) {
	axePath := os.Getenv("GUIDEBOOK_AXE")
	if axePath == "" {
		msg := "GUIDEBOOK_AXE is not set: `npm i axe-core` and set it to the path of axe.min.js to run the accessibility test"
		if browsertest.Required() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	axeSrc, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	b := browsertest.New(t)
	dir := builtSite(t)
	base := serveDir(t, dir, "/")
	ctx, rec := b.Tab(t)
	const run = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
		.then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))})))`
	pages := htmlPages(t, dir)
	checked := 0
	for _, p := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(pageURL(base, p)), chromedp.Evaluate[chromedp.Void](string(axeSrc))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, theme := range []string{"light", "dark"} {
			if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.documentElement.dataset.theme = "`+theme+`"`)); err != nil {
				t.Fatal(err)
			}
			vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeResult](run, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("%s: axe: %v", p, err)
			}
			for _, v := range vs {
				t.Errorf("%s (%s): %s [%s, %s] at %s", p, theme, v.ID, v.Help, v.Impact, strings.Join(v.Nodes, "; "))
			}
			checked++
		}
		rec.Problems()
	}
	t.Logf("axe-core: %d pages checked in both themes, WCAG 2.1 A/AA", checked/2)
}
