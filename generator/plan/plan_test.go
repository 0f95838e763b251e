package plan

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"guidebook/generator/config"
	"guidebook/generator/content"
	"guidebook/generator/diag"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func page(title string, extra ...string) *fstest.MapFile {
	return file("---\ntitle: " + title + "\n" + strings.Join(extra, "\n") + "\n---\nbody\n")
}

// theme is the default theme's layouts and templates, as declared in
// templates/layouts.yaml, plus a site template "landing".
func theme(t *testing.T) Theme {
	t.Helper()
	layouts, err := ParseLayouts(LayoutsFile, []byte(`list: {list: list, page: page}
cards: {list: cards, page: page}
procedure: {list: procedure, page: step, embeds: true, schema: HowTo}
faq: {list: faq-list, page: faq, embeds: true, schema: FAQPage}
forms: {list: list, page: letter}
revisions: {list: list, page: revision}
`))
	if err != nil {
		t.Fatal(err)
	}
	return Theme{Layouts: layouts, Templates: []string{"404", "alias", "cards", "faq", "faq-list", "history", "home",
		"landing", "letter", "list", "page", "print", "procedure", "revision", "search", "step"}}
}

func load(t *testing.T, fsys fstest.MapFS) *content.Site {
	t.Helper()
	site, err := content.Load(context.Background(), fsys, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return site
}

func TestPlanEntries(t *testing.T) {
	site := load(t, fstest.MapFS{
		"_index.md":               page("Home"),
		"guides/_index.md":        page("Guides", "layout: procedure"),
		"guides/install.md":       page("Install", "weight: 1"),
		"guides/special.md":       page("Special", "layout: landing"),
		"guides/typed.md":         page("Typed", "type: faq"),
		"reference/_index.md":     page("Reference"),
		"reference/api.md":        page("API", "aliases: [/old/api/, docs/api.html]"),
		"archive/_index.md":       page("Archive", "layout: revisions"),
		"archive/install-v1.md":   page("Install v1", "revises: guides/install.md", "summary: first"),
		"forms/_index.md":         page("Forms", "layout: forms"),
		"forms/request.md":        file("---\ntitle: Request\nfields: [{name: who, label: Who, kind: text}]\n---\n{{who}}\n"),
		"cards/_index.md":         page("Cards", "layout: cards"),
		"cards/one.md":            page("One"),
		"landing-page/_index.md":  page("Landing list", "layout: landing"),
		"landing-page/member.md":  page("Member"),
		"reference/nested/api.md": page("Nested"),
	})
	pl, err := New(site, Options{Theme: theme(t), Config: &config.Config{BaseURL: "https://example.org/"}, Static: []string{"favicon.svg"}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		output string
		kind   Kind
		layout string
		url    string
		embeds int
	}{
		{"index.html", KindHome, "home", "", 0},
		{"guides/index.html", KindSection, "procedure", "guides/", 3},
		{"guides/install/index.html", KindPage, "step", "guides/install/", 0},
		{"guides/special/index.html", KindPage, "landing", "guides/special/", 0},
		{"guides/typed/index.html", KindPage, "faq", "guides/typed/", 0},
		{"guides/install/history/index.html", KindHistory, "history", "guides/install/history/", 0},
		{"reference/index.html", KindSection, "list", "reference/", 0},
		{"reference/api/index.html", KindPage, "page", "reference/api/", 0},
		{"reference/nested/api/index.html", KindPage, "page", "reference/nested/api/", 0},
		{"old/api/index.html", KindAlias, "alias", "old/api/", 0},
		{"docs/api/index.html", KindAlias, "alias", "docs/api/", 0},
		{"archive/index.html", KindSection, "list", "archive/", 0},
		{"archive/install-v1/index.html", KindPage, "revision", "archive/install-v1/", 0},
		{"forms/request/index.html", KindPage, "letter", "forms/request/", 0},
		{"cards/index.html", KindSection, "cards", "cards/", 0},
		{"cards/one/index.html", KindPage, "page", "cards/one/", 0},
		{"forms/index.html", KindSection, "list", "forms/", 0},
		{"landing-page/index.html", KindSection, "landing", "landing-page/", 0},
		{"landing-page/member/index.html", KindPage, "page", "landing-page/member/", 0},
		{"search/index.html", KindSearch, "search", "search/", 0},
		{"print/index.html", KindPrint, "print", "print/", 14},
		{"404.html", KindNotFound, "404", "", 0},
		{"feed.xml", KindFeed, "", "feed.xml", 0},
		{"sitemap.xml", KindSitemap, "", "sitemap.xml", 0},
		{"robots.txt", KindRobots, "", "robots.txt", 0},
		{"_headers", KindHeaders, "", "_headers", 0},
		{"manifest.webmanifest", KindManifest, "", "manifest.webmanifest", 0},
		{"favicon.svg", KindStatic, "", "favicon.svg", 0},
	}
	for _, tt := range tests {
		t.Run(tt.output, func(t *testing.T) {
			e := pl.Output(tt.output)
			if e == nil {
				t.Fatalf("no entry writes %s", tt.output)
			}
			if e.Kind != tt.kind || e.Layout != tt.layout || e.URL != tt.url || len(e.Embeds) != tt.embeds {
				t.Errorf("entry = kind %s layout %q url %q embeds %d; want %s %q %q %d", e.Kind, e.Layout, e.URL, len(e.Embeds), tt.kind, tt.layout, tt.url, tt.embeds)
			}
		})
	}
	if n := len(pl.Entries); n != len(tests) {
		listed := map[string]bool{}
		for _, tt := range tests {
			listed[tt.output] = true
		}
		for _, e := range pl.Entries {
			if !listed[e.Output] {
				t.Errorf("entry %s (%s) is not in the table", e.Output, e.Kind)
			}
		}
	}
	install := pl.Output("guides/install/index.html")
	if deps := strings.Join(install.Deps(), ","); deps != "guides/install.md,archive/install-v1.md" {
		t.Errorf("Deps of a page with a revision = %s", deps)
	}
	if deps := strings.Join(pl.Output("archive/install-v1/index.html").Deps(), ","); deps != "archive/install-v1.md,guides/install.md" {
		t.Errorf("Deps of an earlier version = %s (it shows the page it revises)", deps)
	}
	if deps := strings.Join(pl.Output("guides/index.html").Deps(), ","); deps != "guides/_index.md,guides/install.md,guides/special.md,guides/typed.md" {
		t.Errorf("Deps of an embedding list page = %s", deps)
	}
	for _, e := range pl.Output("print/index.html").Embeds {
		if e.IsRevision() || e.Path == "archive/_index.md" {
			t.Errorf("print page embeds %s, an earlier version or the archive's list", e.Path)
		}
	}
}

func TestPlanErrors(t *testing.T) {
	tests := []struct {
		name string
		fs   fstest.MapFS
		want []string
	}{
		{"search page reserved", fstest.MapFS{"search/_index.md": page("S")},
			[]string{"content/search/_index.md:1: URL search/ is reserved for the search page and its index"}},
		{"inside search reserved", fstest.MapFS{"search/deep.md": page("S")},
			[]string{"content/search/deep.md:1: URL search/deep/ is reserved"}},
		{"print page reserved", fstest.MapFS{"print/_index.md": page("P")},
			[]string{"content/print/_index.md:1: URL print/ is reserved for the print page"}},
		{"history page clash", fstest.MapFS{
			"tips/_index.md": page("Tips"), "tips/history.md": page("H"),
			"old/v1.md": page("V1", "revises: tips/_index.md", "summary: s"),
		}, []string{"content/tips/_index.md:1: URL tips/history/ is also the URL of the page content/tips/history.md"}},
		{"alias clash", fstest.MapFS{"a/x.md": page("X"), "b/y.md": page("Y", "aliases: [a/x/]")},
			[]string{"content/b/y.md:3: URL a/x/ is also the URL of the page content/a/x.md"}},
		{"alias leaving the site", fstest.MapFS{"b/y.md": page("Y", "aliases: ['https://evil.example/', ../../x]")},
			[]string{`content/b/y.md:3: alias "https://evil.example/" is not a path inside the site`, `alias "../../x" is not a path`}},
		{"two pages one URL", fstest.MapFS{"tips/a.md": page("A"), "tips/a/_index.md": page("B")},
			[]string{"URL tips/a/ is also the URL of the page"}},
		{"letter case", fstest.MapFS{"tips/Upper.md": page("U"), "tips/upper.md": page("u")},
			[]string{"differ only in letter case"}},
		{"static file clash", fstest.MapFS{"favicon.svg/_index.md": page("F")},
			[]string{"URL favicon.svg/ is also the URL of the static file static/favicon.svg/index.html"}},
		{"unknown layout with hint", fstest.MapFS{"g/x.md": page("X", "type: lnading")},
			[]string{`content/g/x.md:3: type "lnading" is not a layout of this site or its theme (did you mean "landing"?)`}},
		{"unknown section layout", fstest.MapFS{"g/_index.md": page("G", "weight: 1", "layout: procedur")},
			[]string{`content/g/_index.md:4: layout "procedur" is not a layout`, `did you mean "procedure"?`}},
		{"generated templates are not layouts", fstest.MapFS{"g/x.md": page("X", "type: history"), "g/y.md": page("Y", "layout: 404")},
			[]string{`content/g/x.md:3: type "history" is not a layout`, `content/g/y.md:3: layout "404" is not a layout`}},
		// Packages ship an index.html beside the README.md that becomes the
		// folder's page (pino's docsify shell, Node's generated API HTML),
		// and marked ships man/marked.1 beside man/marked.1.md: each failed
		// the real-world corpus build (the second while writing the output).
		{"file at a page's output", fstest.MapFS{"pino/README.md": page("P"), "pino/index.html": file("<html>")},
			[]string{"content/pino/index.html: warning: not copied: the page content/pino/README.md is written to pino/index.html"}},
		{"file named like a page's folder", fstest.MapFS{"m/marked.1.md": page("M"), "m/marked.1": file(".TH")},
			[]string{"content/m/marked.1: warning: not copied: the page content/m/marked.1.md is written into a folder of this name, m/marked.1/"}},
		{"another tool's layout is a warning", fstest.MapFS{"g/x.md": page("X", "layout: default"), "g/y.md": page("Y", "layout: post")},
			[]string{`content/g/x.md:3: warning: layout "default" is not a layout of this site or its theme`, `content/g/y.md:3: warning: layout "post"`}},
		{"missing action and card pages", fstest.MapFS{"_index.md": file("---\ntitle: H\nactions:\n  - {text: Go, page: nope.md}\ncards: {pages: [gone/_index.md]}\n---\n")},
			[]string{`content/_index.md:3: action "Go": page "nope.md" does not exist`, `content/_index.md:5: cards: page "gone/_index.md" does not exist`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := load(t, tt.fs)
			static := []string{"favicon.svg/index.html"}
			_, err := New(site, Options{Theme: theme(t), Config: &config.Config{}, Static: static})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error:\n%v\ndoes not contain %q", err, w)
				}
			}
		})
	}
}

func TestAliasURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"/old/path/", "old/path/", true},
		{"old/path", "old/path/", true},
		{"old/page.html", "old/page/", true},
		{"old/index.html", "old/", true},
		{"/", "", false},
		{"../up", "", false},
		{"https://x.example/", "", false},
		{"//x.example/a", "", false},
		{"a?b", "", false},
	}
	for _, tt := range tests {
		got, ok := AliasURL(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("AliasURL(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestThemeCheck(t *testing.T) {
	th := theme(t)
	th.Layouts["broken"] = Layout{List: "lisst", Line: 7}
	err := th.Check()
	if err == nil || !strings.Contains(err.Error(), `templates/layouts.yaml:7: layout "broken": no template templates/lisst.html (did you mean "list"?)`) {
		t.Errorf("Check() = %v", err)
	}
}

// TestOtherToolsLayouts: a page naming a layout of another tool (systemd's
// docs say Jekyll's layout: default) gets the layout it would have without
// the key, and the build goes on.
func TestOtherToolsLayouts(t *testing.T) {
	site := load(t, fstest.MapFS{
		"q/_index.md": page("Q", "layout: faq"), "q/a.md": page("A", "layout: default"),
		"g/_index.md": page("G", "layout: post"),
	})
	pl, err := New(site, Options{Theme: theme(t), Config: &config.Config{}})
	if diag.IsError(err) {
		t.Fatal(err)
	}
	for file, want := range map[string]string{"q/a.md": "faq", "g/_index.md": "list"} {
		if got := pl.Page(site.Page(file)).Layout; got != want {
			t.Errorf("%s: layout %q, want %q", file, got, want)
		}
	}
}
