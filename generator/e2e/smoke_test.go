package e2e

import (
	"strings"
	"testing"

	"guidebook/generator/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// TestSmokeEveryPage loads every page of the guide over http and requires no
// console errors, no uncaught exceptions and no failed requests.
func TestSmokeEveryPage(t *testing.T) {
	b := browsertest.New(t)
	dir := builtSite(t)
	base := serveDir(t, dir, "/")
	pages := htmlPages(t, dir)
	if len(pages) < 40 {
		t.Fatalf("only %d pages built", len(pages))
	}
	ctx, rec := b.Tab(t)
	for _, p := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(pageURL(base, p))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		title, err := chromedp.Run(ctx, chromedp.Title())
		if err != nil || strings.TrimSpace(title) == "" {
			t.Errorf("%s: no title (%v)", p, err)
		}
		for _, problem := range rec.Problems() {
			if p == "404.html" && strings.Contains(problem, "404") {
				continue
			}
			t.Errorf("%s: %s", p, problem)
		}
	}
}
