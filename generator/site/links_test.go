package site

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

func TestExternal(t *testing.T) {
	tests := []struct {
		dest string
		want bool
	}{
		{"https://example.org/", true},
		{"mailto:a@example.org", true},
		{"tel:+8613800000000", true},
		{"//cdn.example.org/x.png", true},
		{"../tips/evidence.md", false},
		{"img/a:b.png", false}, // a colon after a slash is part of a path
		{"#anchor", false},
		{"/tips/evidence/", false},
		{"file.md?x=a:b", false},
		{"git+ssh://host/repo", true},
		// gin's CHANGELOG: [#3227]((https://…)) is a relative link to a
		// missing file; taken as external, it went out broken and unreported.
		{"(https://github.com/gin-gonic/gin/pull/3227)", false},
		{"1password:open", false},
	}
	for _, tt := range tests {
		if got := external(tt.dest); got != tt.want {
			t.Errorf("external(%q) = %v, want %v", tt.dest, got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		from, target, want string
		inside             bool
	}{
		{"tips/a.md", "evidence.md", "tips/evidence.md", true},
		{"tips/a.md", "../steps/submit.md", "steps/submit.md", true},
		{"tips/a.md", "./img/shot.png", "tips/img/shot.png", true},
		{"tips/a.md", "/steps/submit/", "steps/submit", true},
		{"tips/_index.md", "evidence", "tips/evidence", true},
		{"tips/a.md", "../../etc/passwd", "", false},
		{"a.md", "..", "", false},
		{"tips/a.md", "%E8%AF%81%E6%8D%AE.md", "tips/证据.md", true},
		{"tips/a.md", "..", "", true},
	}
	for _, tt := range tests {
		got, inside := resolve(tt.from, tt.target)
		if got != tt.want || inside != tt.inside {
			t.Errorf("resolve(%q, %q) = %q, %v; want %q, %v", tt.from, tt.target, got, inside, tt.want, tt.inside)
		}
	}
}

// TestLinksAndBundles builds a site whose pages link the ways other tools
// write links, with images beside a nested page, and checks the rewritten
// hrefs on the page itself and on the print page that embeds it.
func TestLinksAndBundles(t *testing.T) {
	site := fstest.MapFS{
		"site.yaml":                           f("title: T\nlanguage: en\n"),
		"content/_index.md":                   f("---\ntitle: Home\n---\n"),
		"content/docs/_index.md":              f("---\ntitle: Docs\n---\n"),
		"content/docs/guide/intro.md":         f("---\ntitle: Intro\n---\n![shot](img/shot.png) [pdf](./files/manual.pdf) [no md](../setup) [slash](/docs/setup/) [web](../setup/index.html#install) [icon](/favicon.svg)\n"),
		"content/docs/guide/img/shot.png":     {Data: []byte("png")},
		"content/docs/guide/files/manual.pdf": {Data: []byte("pdf")},
		"content/docs/setup.md":               f("---\ntitle: Setup\n---\n## Install\n"),
	}
	out, err := Build(context.Background(), Options{Site: site, Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	for _, asset := range []string{"docs/guide/img/shot.png", "docs/guide/files/manual.pdf"} {
		if _, ok := out.Files[asset]; !ok {
			t.Errorf("asset %s not copied beside its page", asset)
		}
	}
	tests := []struct {
		page string
		want []string
	}{
		{"docs/guide/intro/index.html", []string{
			`src="../img/shot.png"`, `href="../files/manual.pdf"`,
			`href="../../setup/index.html"`, `href="../../setup/index.html#install"`,
			`href="../../../favicon.svg"`,
		}},
		{"print/index.html", []string{
			`src="../docs/guide/img/shot.png"`, `href="../docs/guide/files/manual.pdf"`, `href="../docs/setup/index.html#install"`,
		}},
	}
	for _, tt := range tests {
		html := string(out.Files[tt.page])
		for _, w := range tt.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %s", tt.page, w)
			}
		}
	}
}

func TestBrokenLinksWarn(t *testing.T) {
	site := fstest.MapFS{
		"site.yaml":          f("title: T\nlanguage: en\nbrokenLinks: warn\n"),
		"content/_index.md":  f("---\ntitle: Home\n---\n[gone](docs/gone.md) [gone too](docs/gone/) [bad anchor](docs/a.md#nope)\n"),
		"content/docs/a.md":  f("---\ntitle: A\n---\n## Here\n"),
		"content/docs/up.md": f("---\ntitle: Up\n---\n[out](../../x.md)\n"),
	}
	out, err := Build(context.Background(), Options{Site: site, Theme: theme})
	if err != nil {
		t.Fatalf("brokenLinks: warn still failed: %v", err)
	}
	var got []string
	for _, w := range out.Warnings {
		got = append(got, w.Error())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"content/_index.md:4: warning: link docs/gone.md: no page content/docs/gone.md",
		"content/_index.md:4: warning: link docs/gone/: no page or file content/docs/gone",
		"content/_index.md:4: warning: link docs/a.md#nope: content/docs/a.md has no heading #nope",
		"content/docs/up.md:4: warning: link ../../x.md: leaves the site",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
}

func TestAliasesRedirect(t *testing.T) {
	site := fstest.MapFS{
		"site.yaml":         f("title: T\nlanguage: en\nbaseURL: https://example.org/docs/\n"),
		"content/_index.md": f("---\ntitle: Home\n---\n"),
		"content/a/new.md":  f("---\ntitle: New\naliases: [/old/page/, legacy.html]\n---\n"),
	}
	out, err := Build(context.Background(), Options{Site: site, Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string][]string{
		"old/page/index.html": {`<meta http-equiv="refresh" content="0; url=../../a/new/index.html">`, `<link rel="canonical" href="https://example.org/docs/a/new/">`, `<meta name="robots" content="noindex">`},
		"legacy/index.html":   {`url=../a/new/index.html`},
	} {
		html := string(out.Files[page])
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %s:\n%s", page, w, html)
			}
		}
	}
	if strings.Contains(string(out.Files["sitemap.xml"]), "old/page") {
		t.Error("an alias is listed in the sitemap")
	}
}
