package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	"guidebook/generator/internal/browsertest"
)

// TestInPageLinksFindTheirHeading follows every table-of-contents link and
// heading anchor of a page, over http and from file://: the fragment is
// written as raw UTF-8 (markdown.Fragment), and the browser must land on the
// heading whose id it names.
func TestInPageLinksFindTheirHeading(t *testing.T) {
	b := browsertest.New(t)
	dir := builtSite(t)
	ctx, rec := b.Tab(t)
	const page = "tips/evidence/index.html"
	for _, u := range []string{serveDir(t, dir, "/") + page, fileURL(dir, page)} {
		do(t, ctx, "open "+u, chromedp.Navigate(u))
		var res struct {
			Links  int      `json:"links"`
			Missed []string `json:"missed"`
		}
		browsertest.EvalJSON(t, ctx, `(() => {
			const links = [...document.querySelectorAll(".toc a, a.anchor")];
			const missed = [];
			for (const a of links) {
				a.click();
				const target = document.querySelector(":target");
				const want = a.closest("h2, h3, h4") || document.getElementById(a.getAttribute("href").slice(1));
				if (!target || target !== want) missed.push(a.getAttribute("href") + " → " + (target ? target.id : "nothing"));
			}
			return {links: links.length, missed};
		})()`, &res)
		if res.Links < 4 || len(res.Missed) > 0 {
			t.Errorf("%s: %d in-page links, missed %v", u, res.Links, res.Missed)
		}
	}
	noProblems(t, rec)
}
