package e2e

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"guidebook/generator/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// handbookDir is the second example site: an English engineering handbook
// with its own sections, a form, a site template (templates/landing.html) and
// a section layout of its own (templates/layouts.yaml).
const handbookDir = repoRoot + "/examples/handbook"

// TestHandbookSmoke walks the handbook as a new reader would: home page,
// a card, a checklist that survives a reload, a form whose preview follows
// the input, an English search and the custom landing page; then opens it
// from disk. No page may log an error or request another origin.
func TestHandbookSmoke(t *testing.T) {
	b := browsertest.New(t)
	dir := buildSite(t, handbookDir)
	base := serveDir(t, dir, "/")
	ctx, rec := b.Tab(t)
	origin := strings.TrimSuffix(base, "/")

	t.Run("home and a card", func(t *testing.T) {
		do(t, ctx, "open home", chromedp.Navigate(base+"index.html"))
		if got := eval[string](t, ctx, `document.querySelector("h1").textContent`); got != "Platform Team Handbook" {
			t.Errorf("home h1 = %q", got)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll(".home .start a.button").length`); n != 2 {
			t.Errorf("home has %d action buttons, want 2", n)
		}
		do(t, ctx, "follow a card", chromedp.Click(chromedp.CSS(`ul.cards a[href*="ship-a-change"]`)))
		browsertest.WaitFor(t, ctx, `location.pathname.replace(/index\.html$/, "") === "/guides/ship-a-change/" && document.readyState === "complete"`, 5*time.Second)
		if got := eval[string](t, ctx, `document.querySelector("h1").textContent`); got != "Ship a change" {
			t.Errorf("card led to %q", got)
		}
	})

	t.Run("checklist persists", func(t *testing.T) {
		do(t, ctx, "open guide", chromedp.Navigate(base+"guides/first-week/index.html"))
		ids := eval[[]string](t, ctx, allIDs)
		if len(ids) < 10 {
			t.Fatalf("first-week guide has %d checklist items, want at least 10", len(ids))
		}
		do(t, ctx, "tick", chromedp.Click(chromedp.CSS(box(ids[1]))))
		do(t, ctx, "reload", chromedp.Reload())
		if got := eval[[]string](t, ctx, checkedIDs); !sameSet(got, ids[1:2]) {
			t.Errorf("after reload ticked %v, want %v", got, ids[1:2])
		}
		if got, want := eval[string](t, ctx, summary), "1/"; !strings.HasPrefix(got, want) {
			t.Errorf("progress = %q, want it to start with %q", got, want)
		}
	})

	t.Run("form preview", func(t *testing.T) {
		do(t, ctx, "open form", chromedp.Navigate(base+"forms/incident-report/index.html"))
		const title = "Checkout errors after gateway deploy"
		do(t, ctx, "type title", chromedp.SendKeys(chromedp.CSS("#f-title"), title))
		got := eval[string](t, ctx, `document.querySelector('#letter-preview [data-field="title"]').textContent`)
		if got != title {
			t.Errorf("preview title = %q, want %q", got, title)
		}
	})

	t.Run("search in English", func(t *testing.T) {
		do(t, ctx, "open a page", chromedp.Navigate(base+"reference/glossary/index.html"))
		do(t, ctx, "type a query", chromedp.SendKeys("form[data-search-form] input[type=search]", "who is paged for sev2"))
		browsertest.WaitFor(t, ctx, `document.querySelectorAll(".search-results [role=option]").length > 0`, 5*time.Second)
		hits := runQuery(t, ctx, base, "who is paged for sev2", 3)
		found := false
		for _, h := range hits {
			found = found || strings.HasPrefix(h.Path, "reference/severity-levels/")
		}
		if !found {
			t.Errorf("query found %+v, want reference/severity-levels/ in the top three", hits)
		}
	})

	t.Run("custom layouts", func(t *testing.T) {
		do(t, ctx, "open landing", chromedp.Navigate(base+"about/index.html"))
		if !eval[bool](t, ctx, `!!document.querySelector("article.landing header.landing-hero h1")`) {
			t.Error("about/ is not rendered with the site's templates/landing.html")
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("article.landing ul.cards li").length`); n != 3 {
			t.Errorf("landing page shows %d cards, want 3", n)
		}
		// decisions/ uses a section layout the site declares in its own
		// templates/layouts.yaml, with a list template of its own.
		do(t, ctx, "open decisions", chromedp.Navigate(base+"decisions/index.html"))
		if n := eval[int](t, ctx, `document.querySelectorAll("table.decisions tbody tr time").length`); n != 2 {
			t.Errorf("decision log shows %d dated rows, want 2", n)
		}
	})

	noProblems(t, rec) // of the walk above; the loop below names each page
	t.Run("every page loads", func(t *testing.T) {
		for _, p := range htmlPages(t, dir) {
			do(t, ctx, "open "+p, chromedp.Navigate(pageURL(base, p)))
			for _, problem := range rec.Problems() {
				if p == "404.html" && strings.Contains(problem, "404") {
					continue
				}
				t.Errorf("%s: %s", p, problem)
			}
		}
	})

	for _, r := range rec.Requests() {
		if !strings.HasPrefix(r, origin+"/") && !strings.HasPrefix(r, "data:") {
			t.Errorf("request to another origin: %s", r)
		}
	}

	t.Run("from disk", func(t *testing.T) {
		fctx, frec := b.Tab(t)
		do(t, fctx, "open home from disk", chromedp.Navigate(fileURL(dir, "index.html")))
		do(t, fctx, "follow an action", chromedp.Click(chromedp.CSS(`.home .start a.button`)))
		browsertest.WaitFor(t, fctx, `location.pathname.endsWith("/guides/first-week/index.html") && document.readyState === "complete"`, 5*time.Second)
		if n := len(eval[[]string](t, fctx, allIDs)); n == 0 {
			t.Error("no checklist on the guide page opened from disk")
		}
		browsertest.WaitFor(t, fctx, `window.Guidebook && Guidebook.search`, 5*time.Second)
		hits := runQuery(t, fctx, fileURL(dir, ""), "rollback", 3)
		if len(hits) == 0 {
			t.Error("search from disk found nothing for rollback")
		}
		noProblems(t, frec)
		for _, r := range frec.Requests() {
			if u, err := url.Parse(r); err != nil || (u.Scheme != "file" && u.Scheme != "data") {
				t.Errorf("request from a page opened from disk: %s", r)
			}
		}
	})
}
