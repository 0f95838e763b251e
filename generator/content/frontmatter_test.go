package content

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// loadOne loads a site holding one page, content/tips/a.md, and returns the
// page, the error text ("" for none) and the notices, one per line.
func loadOne(t *testing.T, src string) (*Page, string, string) {
	t.Helper()
	site, err := Load(context.Background(), fstest.MapFS{"tips/a.md": file(src)}, Options{})
	if site == nil {
		t.Fatalf("Load returned no site (err %v)", err)
	}
	var errText string
	if err != nil {
		errText = err.Error()
	}
	var notices []string
	for _, n := range site.Notices {
		notices = append(notices, n.Error())
	}
	return site.Page("tips/a.md"), errText, strings.Join(notices, "\n")
}

// frontMatterRow is one case of a front-matter rule: the source of
// content/tips/a.md, substrings the error and notices must hold (none means
// there must be none), and a check of the decoded page.
type frontMatterRow struct {
	name    string
	src     string
	errs    []string
	notices []string
	check   func(p *Page) string // "" when the page is right
}

func runFrontMatterRows(t *testing.T, rows []frontMatterRow) {
	t.Helper()
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			p, errText, notices := loadOne(t, tt.src)
			matchAll(t, "error", errText, tt.errs)
			matchAll(t, "notices", notices, tt.notices)
			if p == nil {
				t.Fatal("page missing from the site")
			}
			if tt.check != nil {
				if msg := tt.check(p); msg != "" {
					t.Error(msg)
				}
			}
		})
	}
}

func matchAll(t *testing.T, what, got string, want []string) {
	t.Helper()
	if len(want) == 0 && got != "" {
		t.Errorf("unexpected %s:\n%s", what, got)
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s:\n%s\nlacks %q", what, got, w)
		}
	}
}

func title(want string) func(*Page) string {
	return func(p *Page) string {
		if p.Title != want {
			return fmt.Sprintf("title = %q, want %q", p.Title, want)
		}
		return ""
	}
}

func TestTitleFallback(t *testing.T) {
	bodyIs := func(wantTitle, wantBody string, wantLine int) func(*Page) string {
		return func(p *Page) string {
			if p.Title != wantTitle || string(p.Body) != wantBody || p.BodyLine != wantLine {
				return fmt.Sprintf("title %q body %q line %d, want %q %q %d", p.Title, p.Body, p.BodyLine, wantTitle, wantBody, wantLine)
			}
			return ""
		}
	}
	runFrontMatterRows(t, []frontMatterRow{
		{name: "title key wins", src: "---\ntitle: T\n---\n# H\n", check: bodyIs("T", "# H\n", 4)},
		{name: "first H1, removed when first line", src: "---\nweight: 1\n---\n\n# Getting started\n\nText\n",
			check: bodyIs("Getting started", "\nText\n", 6)},
		{name: "H1 without front matter", src: "# Hello **world**\nText\n", check: bodyIs("Hello world", "Text\n", 2)},
		// Real READMEs (go-chi/chi, sirupsen/logrus, fastify) put logos,
		// badges and links in their H1; the title showed the raw tags.
		{name: "H1 of a logo: its alt text, and the logo stays", src: "# <img alt=\"chi\" src=\"chi.svg\" width=\"220\" />\nText\n",
			check: bodyIs("chi", "# <img alt=\"chi\" src=\"chi.svg\" width=\"220\" />\nText\n", 1)},
		{name: "H1 with an emoji image", src: "# Logrus <img src=\"w.png\" alt=\":walrus:\" class=\"emoji\">\n", check: title("Logrus")},
		{name: "H1 with badges", src: "# fastify [![CI](https://x/ci.svg)](https://x/ci) ![npm](n.svg)\n", check: title("fastify")},
		{name: "H1 with a link, code and entities", src: "# The [`ws`](https://x) module &amp; friends\nText\n", check: bodyIs("The ws module & friends", "Text\n", 2)},
		{name: "H1 with escapes and snake_case", src: "# my_var \\*not emphasis\\*\n", check: title("my_var *not emphasis*")},
		{name: "H1 of an image without alt: file name", src: "# ![](logo.png)\n", check: bodyIs("a", "# ![](logo.png)\n", 1)},
		{name: "H1 with markup repeating the title is not shown twice", src: "---\ntitle: Hello world\n---\n# Hello **world**\nText\n", check: bodyIs("Hello world", "Text\n", 5)},
		{name: "H1 later in the body is kept in the body", src: "Intro\n\n# Later\n", check: bodyIs("Later", "Intro\n\n# Later\n", 1)},
		{name: "H1 inside fenced code is not a title", src: "```\n# not a title\n```\n", check: title("a")},
		{name: "H2 is not a title", src: "## Section\n", check: title("a")},
		{name: "closing hashes and attributes trimmed", src: "# Title ## {#id}\n", check: title("Title")},
		{name: "hashtag is not a heading", src: "#hashtag\n", check: title("a")},
		{name: "empty H1 is skipped", src: "#\n", check: title("a")},
		{name: "no H1: file name", src: "---\ndescription: d\n---\ntext\n", check: title("a")},
		{name: "H1 repeating the title is not shown twice", src: "---\ntitle: Same\n---\n# Same\nText\n", check: bodyIs("Same", "Text\n", 5)},
		{name: "H1 differing from the title stays", src: "---\ntitle: One\n---\n# Two\n", check: bodyIs("One", "# Two\n", 4)},
		{name: "revision body stays verbatim", src: "---\nrevises: tips/a.md\nsummary: s\n---\n# Old\n",
			errs: []string{"is not a page"}, check: bodyIs("a", "# Old\n", 5)},
		{name: "regression: no more title is missing", src: "---\nweight: 1\n---\n", check: title("a")},
	})
}

func TestNameTitle(t *testing.T) {
	for in, want := range map[string]string{
		"tips/getting-started.md": "getting-started",
		"tips/_index.md":          "tips",
		"guides/setup/README.md":  "setup",
		"tips/index.md":           "tips",
		"_index.md":               "Home",
		"README.md":               "Home",
	} {
		if got := nameTitle(in); got != want {
			t.Errorf("nameTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnknownKeys(t *testing.T) {
	const f = "content/tips/a.md"
	params := func(want map[string]any) func(*Page) string {
		return func(p *Page) string {
			if fmt.Sprint(p.Params) != fmt.Sprint(want) {
				return fmt.Sprintf("Params = %v, want %v", p.Params, want)
			}
			return ""
		}
	}
	typo := func(key, want string) frontMatterRow {
		return frontMatterRow{name: "typo " + key, src: "---\ntitle: A\n" + key + ": x\n---\n",
			errs: []string{fmt.Sprintf(`%s:3: front matter: unknown key %q (did you mean %q?)`, f, key, want)}}
	}
	kept := func(key string) frontMatterRow {
		return frontMatterRow{name: "kept " + key, src: "---\ntitle: A\n" + key + ": x\n---\n",
			notices: []string{fmt.Sprintf(`%s:3: notice: front-matter key %q is not used by Guidebook (kept in .Params)`, f, key)},
			check:   params(map[string]any{key: "x"})}
	}
	rows := []frontMatterRow{
		typo("titel", "title"), typo("wieght", "weight"), typo("descripton", "description"),
		typo("Title", "title"), typo("tag", "tags"), typo("weigth", "weight"), typo("sumary", "summary"),
		typo("descriptoin", "description"), typo("updatd", "updated"),
		kept("name"), kept("slug"), kept("id"), kept("author"), kept("keywords"), kept("permalink"),
		kept("categories"), kept("image"), kept("sitemap"),
		{name: "sidebar_position is kept and read as weight", src: "---\ntitle: A\nsidebar_position: 3\n---\n",
			check: func(p *Page) string {
				if p.Weight != 3 || p.Params["sidebar_position"] != 3 {
					return fmt.Sprintf("weight %d params %v", p.Weight, p.Params)
				}
				return ""
			}},
		{name: "structured values decode", src: "---\ntitle: A\nauthor: {name: Li, links: [a, b]}\n---\n",
			notices: []string{`key "author"`},
			check:   params(map[string]any{"author": map[string]any{"name": "Li", "links": []any{"a", "b"}}})},
		{name: "nested keys stay strict", src: "---\ntitle: A\ncards: {titel: x}\n---\n",
			errs: []string{f + `:3: front matter: unknown key "cards.titel" (did you mean "title"?)`}},
		{name: "notices and errors together", src: "---\ntitel: A\nslug: s\n---\n",
			errs: []string{f + ":2:"}, notices: []string{f + ":3: notice:"}},
		{name: "a key that is not a name", src: "---\ntitle: A\n? [a, b]\n: c\n---\n",
			errs: []string{f + ":3: front matter: a key must be a name"}},
	}
	runFrontMatterRows(t, rows)
}

func TestLikelyTypo(t *testing.T) {
	keys := knownKeys()
	for _, key := range []string{"titel", "wieght", "descripton", "Title", "weigth", "reivses", "layuot"} {
		if _, ok := likelyTypo(key, keys); !ok {
			t.Errorf("%q should be a likely typo", key)
		}
	}
	for _, key := range []string{"name", "slug", "layout", "id", "author", "keywords", "permalink", "categories",
		"nav_order", "lastmod", "sidebar_position", "image", "lang", "menu", "hidden"} {
		if k, ok := likelyTypo(key, keys); ok && k != key {
			t.Errorf("%q taken for a typo of %q; it should be kept", key, k)
		}
	}
}

func TestOtherToolsKeys(t *testing.T) {
	const f = "content/tips/a.md"
	page := func(weight int, updated string) func(*Page) string {
		return func(p *Page) string {
			if p.Weight != weight || p.Updated != updated {
				return fmt.Sprintf("weight %d updated %q, want %d %q", p.Weight, p.Updated, weight, updated)
			}
			return ""
		}
	}
	runFrontMatterRows(t, []frontMatterRow{
		{name: "lastmod is updated", src: "---\ntitle: A\nlastmod: 2024-01-15T10:00:00Z\n---\n", check: page(0, "2024-01-15")},
		{name: "updated wins over lastmod", src: "---\ntitle: A\nupdated: 2024-02-01\nlastmod: 2024-01-15\n---\n", check: page(0, "2024-02-01")},
		{name: "bad lastmod is located", src: "---\ntitle: A\nlastmod: 2024-13-01\n---\n",
			errs: []string{f + `:3: front matter: lastmod "2024-13-01" is not a real calendar date (month out of range)`}},
		{name: "sidebar_position is weight", src: "---\ntitle: A\nsidebar_position: 4\n---\n", check: page(4, "")},
		{name: "nav_order is weight", src: "---\ntitle: A\nnav_order: \"5\"\n---\n", check: page(5, "")},
		{name: "weight wins", src: "---\ntitle: A\nweight: 2\nnav_order: 5\n---\n", check: page(2, "")},
		{name: "first of sidebar_position and nav_order", src: "---\ntitle: A\nsidebar_position: 1\nnav_order: 5\n---\n", check: page(1, "")},
		{name: "bad nav_order is located", src: "---\ntitle: A\nnav_order: first\n---\n",
			errs: []string{f + `:3: front matter: nav_order "first" is not a whole number`}},
		// urfave/cli's docs (MkDocs Material) set search: {boost: 2}; it was
		// "expected true or false, got a mapping", failing the whole build.
		{name: "MkDocs search mapping is kept", src: "---\ntitle: A\nsearch:\n  boost: 2\n---\n",
			notices: []string{f + `:3: notice: front-matter key "search" is a mapping, as MkDocs writes it: only search: false or search: {exclude: true} is read`},
			check: func(p *Page) string {
				if !p.Indexed() || fmt.Sprint(p.Params) != "map[search:map[boost:2]]" {
					return fmt.Sprintf("indexed %v params %v", p.Indexed(), p.Params)
				}
				return ""
			}},
		{name: "MkDocs search exclude", src: "---\ntitle: A\nsearch: {exclude: true}\n---\n",
			notices: []string{f + `:3: notice: front-matter key "search" is a mapping`},
			check: func(p *Page) string {
				if p.Indexed() {
					return "page with search: {exclude: true} is indexed"
				}
				return ""
			}},
		{name: "search that is neither", src: "---\ntitle: A\nsearch: maybe\n---\n",
			errs: []string{f + `:3: front matter: "search": expected true or false, got "maybe"`}},
		{name: "categories and keywords kept", src: "---\ntitle: A\ncategories: [x]\nkeywords: [y]\n---\n",
			notices: []string{`"categories"`, `"keywords"`},
			check: func(p *Page) string {
				if len(p.Params) != 2 || len(p.Tags) != 0 {
					return fmt.Sprintf("params %v tags %v", p.Params, p.Tags)
				}
				return ""
			}},
	})
}

func TestDates(t *testing.T) {
	const f = "content/tips/a.md"
	date := func(want string, wantTime time.Time) func(*Page) string {
		return func(p *Page) string {
			if p.Date != want || !p.DateTime.Equal(wantTime) {
				return fmt.Sprintf("date %q %v, want %q %v", p.Date, p.DateTime, want, wantTime)
			}
			return ""
		}
	}
	utc := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	bad := func(name, value, why string) frontMatterRow {
		return frontMatterRow{name: name, src: "---\ntitle: A\ndate: " + value + "\n---\n",
			errs: []string{fmt.Sprintf("%s:3: front matter: date %q %s", f, strings.Trim(value, `"`), why)}}
	}
	runFrontMatterRows(t, []frontMatterRow{
		{name: "plain date", src: "---\ntitle: A\ndate: 2024-01-15\n---\n", check: date("2024-01-15", utc("2024-01-15T00:00:00Z"))},
		{name: "quoted date", src: "---\ntitle: A\ndate: \"2024-01-15\"\n---\n", check: date("2024-01-15", utc("2024-01-15T00:00:00Z"))},
		{name: "RFC 3339 UTC", src: "---\ntitle: A\ndate: 2024-01-15T10:00:00Z\n---\n", check: date("2024-01-15", utc("2024-01-15T10:00:00Z"))},
		{name: "RFC 3339 offset keeps its day", src: "---\ntitle: A\ndate: 2024-01-15T23:30:00-05:00\n---\n",
			check: date("2024-01-15", utc("2024-01-16T04:30:00Z"))},
		{name: "fractional seconds", src: "---\ntitle: A\ndate: 2024-01-15T10:00:00.5+08:00\n---\n", check: date("2024-01-15", utc("2024-01-15T02:00:00.5Z"))},
		{name: "YAML timestamp with space", src: "---\ntitle: A\ndate: 2024-01-15 10:00:00 +0800\n---\n", check: date("2024-01-15", utc("2024-01-15T02:00:00Z"))},
		{name: "lower-case t and z", src: "---\ntitle: A\ndate: 2024-01-15t10:00:00z\n---\n", check: date("2024-01-15", utc("2024-01-15T10:00:00Z"))},
		{name: "no zone", src: "---\ntitle: A\ndate: 2024-01-15T10:00:00\n---\n", check: date("2024-01-15", utc("2024-01-15T10:00:00Z"))},
		bad("month out of range", "2024-13-45", "is not a real calendar date (month out of range)"),
		bad("not a leap year", "2023-02-29", "is not a real calendar date (day out of range)"),
		bad("day out of range", "2024-04-31", "is not a real calendar date (day out of range)"),
		bad("wrong order", "15/6/2024", "is not a date like 2024-06-15"),
		bad("bad time", "2024-01-15T25:00:00Z", "is not a date like"),
		bad("regression: trailing text", "2024-01-15x", "is not a date like"),
		{name: "updated checked too", src: "---\ntitle: A\nupdated: 2024-02-30\n---\n", errs: []string{f + `:3: front matter: updated "2024-02-30" is not a real calendar date`}},
	})
}

func TestWeight(t *testing.T) {
	const f = "content/tips/a.md"
	weight := func(want int) func(*Page) string {
		return func(p *Page) string {
			if p.Weight != want {
				return fmt.Sprintf("weight %d, want %d", p.Weight, want)
			}
			return ""
		}
	}
	runFrontMatterRows(t, []frontMatterRow{
		{name: "number", src: "---\ntitle: A\nweight: 3\n---\n", check: weight(3)},
		{name: "quoted whole number", src: "---\ntitle: A\nweight: \"3\"\n---\n", check: weight(3)},
		{name: "single-quoted, spaced", src: "---\ntitle: A\nweight: ' 7 '\n---\n", check: weight(7)},
		{name: "negative", src: "---\ntitle: A\nweight: \"-2\"\n---\n", check: weight(-2)},
		{name: "words", src: "---\ntitle: A\nweight: \"three\"\n---\n", errs: []string{f + `:3: front matter: "weight": expected a whole number, got "three"`}},
		{name: "fraction", src: "---\ntitle: A\nweight: 2.5\n---\n", errs: []string{f + `:3: front matter: "weight": expected a whole number, got "2.5"`}},
	})
}

func TestTOML(t *testing.T) {
	const f = "content/tips/a.md"
	runFrontMatterRows(t, []frontMatterRow{
		{name: "keys", src: "+++\ntitle = \"T\"\nweight = 2\ndate = 2024-01-15\ntags = [\"a\", \"b\"]\ndraft = false\n+++\nBody\n",
			check: func(p *Page) string {
				if p.Title != "T" || p.Weight != 2 || p.Date != "2024-01-15" || len(p.Tags) != 2 || string(p.Body) != "Body\n" || p.BodyLine != 8 {
					return fmt.Sprintf("%+v body %q line %d", p.FrontMatter, p.Body, p.BodyLine)
				}
				if p.Line("weight") != 3 || p.Line("tags") != 5 {
					return fmt.Sprintf("lines weight %d tags %d", p.Line("weight"), p.Line("tags"))
				}
				return ""
			}},
		{name: "offset date-time", src: "+++\ntitle = \"T\"\ndate = 2024-01-15T10:00:00+08:00\nlastmod = 2024-02-01T00:00:00Z\n+++\n",
			check: func(p *Page) string {
				if p.Date != "2024-01-15" || p.Updated != "2024-02-01" {
					return fmt.Sprintf("date %q updated %q", p.Date, p.Updated)
				}
				return ""
			}},
		{name: "syntax error located", src: "+++\ntitle = \"T\"\nweight = = 2\n+++\n", errs: []string{f + ":3: front matter: invalid TOML:"}},
		{name: "duplicate key located", src: "+++\ntitle = \"T\"\ntitle = \"U\"\n+++\n", errs: []string{f + ":3: front matter: invalid TOML:"}},
		{name: "typo with hint", src: "+++\ntitle = \"T\"\n\nwieght = 2\n+++\n", errs: []string{f + `:4: front matter: unknown key "wieght" (did you mean "weight"?)`}},
		{name: "wrong type", src: "+++\ntitle = \"T\"\ndraft = 3\n+++\n", errs: []string{f + `:3: front matter: "draft": expected true or false, got "3"`}},
		{name: "bad date", src: "+++\ntitle = \"T\"\ndate = \"2023-02-29\"\n+++\n", errs: []string{f + `:3: front matter: date "2023-02-29" is not a real calendar date`}},
		{name: "quoted weight", src: "+++\nweight = \"3\"\n+++\n", check: func(p *Page) string {
			if p.Weight != 3 {
				return fmt.Sprintf("weight %d", p.Weight)
			}
			return ""
		}},
		{name: "unknown table kept", src: "+++\ntitle = \"T\"\n[params]\nauthor = \"Li\"\n+++\n",
			notices: []string{f + `:3: notice: front-matter key "params"`}},
		{name: "unclosed", src: "+++\ntitle = \"T\"\n", errs: []string{f + ":1: front matter opened with +++ is never closed"}},
	})
}

func TestTOMLLetter(t *testing.T) {
	src := "+++\ntitle = \"信\"\n\n[[fields]]\nname = \"phone\"\nlabel = \"手机号\"\nkind = \"tel\"\n\n[[fields]]\nname = \"mail\"\nlabel = \"邮箱\"\nkind = \"emial\"\n+++\n{{phone}} {{mail}}\n"
	site, err := Load(context.Background(), fstest.MapFS{"letters/a.md": file(src)}, Options{})
	if err == nil || !strings.Contains(err.Error(), `content/letters/a.md:9: field "mail": unknown kind "emial"`) {
		t.Errorf("want the second field's kind error at its [[fields]] line, got %v", err)
	}
	if p := site.Page("letters/a.md"); len(p.Fields) != 2 || p.Fields[0].Name != "phone" || p.Fields[0].Line != 4 {
		t.Errorf("fields = %+v", p.Fields)
	}
}

func TestUTF8(t *testing.T) {
	const f = "content/tips/a.md"
	runFrontMatterRows(t, []frontMatterRow{
		{name: "bad byte in body", src: "---\ntitle: A\n---\nok\nbad \xff here\n",
			errs: []string{f + ":5: byte 0xff is not UTF-8 text"},
			check: func(p *Page) string {
				if strings.Contains(string(p.Body), "\xff") {
					return "invalid byte copied into the body"
				}
				return ""
			}},
		{name: "bad byte in front matter", src: "---\ntitle: A\ndescription: \xc3(\n---\n", errs: []string{f + ":3: byte 0xc3 is not UTF-8 text"}},
		{name: "UTF-16", src: "\xff\xfe-\x00-\x00", errs: []string{f + ":1: the file is UTF-16 text"}},
		{name: "BOM is fine", src: "\ufeff---\ntitle: A\n---\n", check: title("A")},
	})
}

func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: A\na: &a [x, x, x, x, x, x, x, x, x, x]\n")
	prev := "a"
	for i := range 8 {
		name := fmt.Sprintf("b%d", i)
		fmt.Fprintf(&b, "%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", name, name, prev, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = name
	}
	b.WriteString("---\n")
	_, errText, _ := loadOne(t, b.String())
	if !strings.Contains(errText, "YAML aliases expand to more than") {
		t.Errorf("want an alias budget error, got %q", errText)
	}
}

func TestPartialLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"tips/bad.md":     file("---\ntitle: Bad\nweight: heavy\ndescription: kept\n---\n[x](good.md)\n"),
		"tips/good.md":    file("---\ntitle: Good\n---\n"),
		"tips/open.md":    file("---\ntitle: never closed\n"),
		"tips/invalid.md": file("---\ntitle: [\n---\n"),
	}
	site, err := Load(context.Background(), fsys, Options{})
	if err == nil || site == nil {
		t.Fatalf("want the site and the errors, got %v, %v", site, err)
	}
	if n := len(site.Section("tips").Pages); n != 4 {
		t.Errorf("tips has %d pages, want 4 (pages with errors included)", n)
	}
	if p := site.Page("tips/bad.md"); p.Description != "kept" || p.Title != "Bad" || string(p.Body) != "[x](good.md)\n" {
		t.Errorf("bad page kept %+v", p.FrontMatter)
	}
	var list interface{ Unwrap() []error }
	if !errors.As(err, &list) || len(list.Unwrap()) != 3 {
		t.Errorf("want 3 errors, got %v", err)
	}
}
