package site

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"guidebook/generator/content"
	"guidebook/generator/markdown"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// theme is the repository's default theme (what main.go embeds).
var theme = os.DirFS("../..")

func f(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// fixtureSite is a small site using every kind of page.
func fixtureSite() fstest.MapFS {
	return fstest.MapFS{
		"site.yaml":                   f("title: 测试指南\nlanguage: zh-CN\nmenu:\n  - {name: 流程, page: steps/_index.md}\n"),
		"content/_index.md":           f("---\ntitle: 首页\ndescription: 测试首页\n---\n欢迎。[开始](steps/_index.md)\n"),
		"content/steps/_index.md":     f("---\ntitle: 申诉流程\nweight: 1\nlayout: procedure\n---\n按顺序完成。\n"),
		"content/steps/login.md":      f("---\ntitle: 登录账号\nweight: 10\n---\n## 清单\n\n- [ ] 打开应用\n- [x] 确认手机号\n\n[下一步](submit.md#准备材料)\n"),
		"content/steps/submit.md":     f("---\ntitle: 提交申诉\nweight: 20\ntoc: true\n---\n## 准备材料\n\n> [!TIP]\n> 先截图。\n\n```bash\necho 申诉\n```\n"),
		"content/faq/_index.md":       f("---\ntitle: 常见问题\nlayout: faq\n---\n"),
		"content/faq/how-long.md":     f("---\ntitle: 要多久？\n---\n通常几天。[流程](../steps/_index.md)\n"),
		"content/letters/_index.md":   f("---\ntitle: 模板\nlayout: forms\n---\n"),
		"content/letters/appeal.md":   f("---\ntitle: 申诉信\nfields:\n  - {name: phone, label: 手机号, kind: tel, required: true}\n  - {name: evidence, label: 证据, kind: list}\n---\n您好，我的号码是 {{phone}}。\n\n{{evidence}}\n"),
		"content/revisions/old.md":    f("---\ntitle: 旧版流程\nrevises: steps/_index.md\ndate: 2024-03-01\nsummary: 初稿\n---\n登录账号\n追跟处理情况\n"),
		"content/revisions/newer.md":  f("---\ntitle: 修订稿\nrevises: steps/_index.md\ndate: 2024-06-15\nsummary: 修订\n---\n登录账号\n跟进处理情况\n"),
		"content/revisions/_index.md": f("---\ntitle: 修订\nlayout: revisions\n---\n"),
	}
}

func TestGolden(t *testing.T) {
	out, err := Build(context.Background(), Options{Site: fixtureSite(), Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	mainRE := regexp.MustCompile(`(?s)<main[^>]*>.*</main>`)
	for _, page := range []string{"index.html", "steps/index.html", "steps/login/index.html", "steps/submit/index.html",
		"faq/index.html", "letters/appeal/index.html", "revisions/newer/index.html", "steps/history/index.html"} {
		t.Run(page, func(t *testing.T) {
			html, ok := out.Files[page]
			if !ok {
				t.Fatalf("%s not built", page)
			}
			checkGolden(t, filepath.Join("testdata/golden", strings.ReplaceAll(page, "/", "_")), mainRE.Find(html))
		})
	}
}

// TestGoldenChrome pins what surrounds <main> on each kind of page: the
// head, the header and its menu, the sidebar, the breadcrumbs and the footer,
// which are assembled from fragments shared between pages.
func TestGoldenChrome(t *testing.T) {
	out, err := Build(context.Background(), Options{Site: fixtureSite(), Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	mainRE := regexp.MustCompile(`(?s)<main[^>]*>.*</main>`)
	hashRE := regexp.MustCompile(`(manifest|site)\.[0-9a-f]{8}\.(js|css)`)
	for _, page := range []string{"index.html", "steps/index.html", "steps/login/index.html", "steps/history/index.html",
		"faq/how-long/index.html", "revisions/newer/index.html", "search/index.html", "404.html"} {
		t.Run(page, func(t *testing.T) {
			html, ok := out.Files[page]
			if !ok {
				t.Fatalf("%s not built", page)
			}
			got := mainRE.ReplaceAll(html, []byte("<main>…</main>"))
			got = hashRE.ReplaceAll(got, []byte("$1.HASH.$2"))
			checkGolden(t, filepath.Join("testdata/golden/chrome", strings.ReplaceAll(page, "/", "_")), got)
		})
	}
}

// checkGolden compares got with the golden file, or rewrites the file with
// -update.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/site -update)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs (rerun with -update and review the diff):\n%s", golden, got)
	}
}

// TestGoldenSiteFiles pins the files around the pages (sitemap, feed,
// robots.txt, _headers, web manifest) and the <html> element of each kind of
// page, whose data-* attributes are the contract with the scripts
// (docs/browser-contract.md).
func TestGoldenSiteFiles(t *testing.T) {
	out, err := Build(context.Background(), Options{Site: fixtureSite(), Theme: theme, BaseURL: "https://example.org/guide/"})
	if err != nil {
		t.Fatal(err)
	}
	htmlRE := regexp.MustCompile(`<html[^>]*>`)
	ldRE := regexp.MustCompile(`<script type="application/ld\+json">(.*)</script>`)
	var elems, ld strings.Builder
	for _, page := range []string{"index.html", "steps/index.html", "steps/login/index.html", "faq/index.html",
		"letters/appeal/index.html", "revisions/newer/index.html", "steps/history/index.html", "search/index.html",
		"print/index.html", "404.html"} {
		elems.WriteString(page + ": " + string(htmlRE.Find(out.Files[page])) + "\n")
		for _, m := range ldRE.FindAllSubmatch(out.Files[page], -1) {
			ld.WriteString(page + ": " + string(m[1]) + "\n")
		}
	}
	files := map[string][]byte{"html-elements.txt": []byte(elems.String()), "structured-data.txt": []byte(ld.String())}
	for _, name := range []string{"sitemap.xml", "feed.xml", "robots.txt", "_headers", "manifest.webmanifest"} {
		files[name] = out.Files[name]
	}
	// The head of a page: what a site with baseURL tells other sites.
	files["steps_login_head.html"] = regexp.MustCompile(`(?s)<head>.*</head>`).Find(out.Files["steps/login/index.html"])
	hashRE := regexp.MustCompile(`(manifest|site)\.[0-9a-f]{8}\.(js|css)`)
	for name, got := range files {
		t.Run(name, func(t *testing.T) {
			if got == nil {
				t.Fatalf("%s not built", name)
			}
			got = hashRE.ReplaceAll(got, []byte("$1.HASH.$2")) // the hashes change with any content or theme edit
			checkGolden(t, filepath.Join("testdata/golden/site", name), got)
		})
	}
}

// TestNoBaseURLNoStructuredData: what only makes sense with absolute URLs
// (canonical links, schema.org data, Open Graph, sitemap.xml) is left out
// of a site without baseURL.
func TestNoBaseURLNoStructuredData(t *testing.T) {
	out, err := Build(context.Background(), Options{Site: fixtureSite(), Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := out.Files["sitemap.xml"]; ok {
		t.Error("sitemap.xml written without baseURL")
	}
	for name, data := range out.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, unwanted := range []string{"application/ld+json", `rel="canonical"`, `property="og:`} {
			if strings.Contains(string(data), unwanted) {
				t.Errorf("%s has %s without baseURL", name, unwanted)
			}
		}
	}
}

func TestBrokenSiteReportsEveryProblem(t *testing.T) {
	site := fixtureSite()
	site["site.yaml"] = f("title: x\ntitel: y\n")
	site["content/tips/bad-yaml.md"] = f("---\ntitle: [x\n---\n")
	site["content/tips/unknown.md"] = f("---\ntitle: A\nweigth: 1\n---\n")
	site["content/tips/dead.md"] = f("---\ntitle: D\n---\n第一行\n\n[坏链接](../steps/nope.md)\n")
	site["content/tips/anchor.md"] = f("---\ntitle: E\n---\n[坏锚点](../steps/submit.md#不存在)\n")
	site["content/letters/bad.md"] = f("---\ntitle: L\nfields:\n  - {name: a, label: A, kind: colour}\n---\n{{a}} {{b}}\n")
	// site.yaml problems stop the build first; fix it to see every content problem.
	_, err := Build(context.Background(), Options{Site: site, Theme: theme})
	if err == nil || !strings.Contains(err.Error(), `site.yaml:2: unknown key "titel"`) {
		t.Fatalf("want site.yaml error, got %v", err)
	}
	site["site.yaml"] = f("title: x\n")
	_, err = Build(context.Background(), Options{Site: site, Theme: theme})
	if err == nil {
		t.Fatal("broken site built")
	}
	for _, want := range []string{
		"content/tips/bad-yaml.md:2: front matter: invalid YAML",
		`content/tips/unknown.md:3: front matter: unknown key "weigth" (did you mean "weight"?)`,
		`content/letters/bad.md:4: field "a": unknown kind "colour"`,
		"content/letters/bad.md:6: placeholder {{b}} has no field",
		// Front-matter errors elsewhere do not hide link problems.
		"content/tips/dead.md:6: link ../steps/nope.md: no page content/steps/nope.md",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error list lacks %q:\n%v", want, err)
		}
	}
	// Link problems are found once the content loads.
	delete(site, "content/tips/bad-yaml.md")
	delete(site, "content/tips/unknown.md")
	delete(site, "content/letters/bad.md")
	_, err = Build(context.Background(), Options{Site: site, Theme: theme})
	for _, want := range []string{
		"content/tips/dead.md:6: link ../steps/nope.md: no page content/steps/nope.md",
		"content/tips/anchor.md:4: link ../steps/submit.md#不存在: content/steps/submit.md has no heading #不存在",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error list lacks %q:\n%v", want, err)
		}
	}
}

func TestWriteRefusesForeignFolder(t *testing.T) {
	out, err := Build(context.Background(), Options{Site: fixtureSite(), Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	precious := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(precious, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = out.Write(dir)
	if err == nil || !strings.Contains(err.Error(), "refusing to replace a folder Guidebook did not create") {
		t.Fatalf("Write into a foreign folder: %v", err)
	}
	if data, err := os.ReadFile(precious); err != nil || string(data) != "mine" {
		t.Fatalf("foreign file touched: %q, %v", data, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".new-") {
			t.Errorf("temporary folder left behind: %s", e.Name())
		}
	}
}

func TestWriteReplacesItsOwnOutput(t *testing.T) {
	out, err := Build(context.Background(), Options{Site: fixtureSite(), Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := out.Write(dir); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "stale.html")
	if err := os.WriteFile(stale, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := out.Write(dir); err != nil {
		t.Fatalf("second write: %v", err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a file of the previous build survived the swap")
	}
	if _, err := os.Stat(filepath.Join(dir, "steps/login/index.html")); err != nil {
		t.Error(err)
	}
}

func TestMinify(t *testing.T) {
	if got, err := MinifyCSS("/* c */\na , b {\n  color: red;\n}\n"); err != nil || got != "a,b{color:red}" {
		t.Errorf("MinifyCSS = %q, %v", got, err)
	}
	got, err := MinifyJS("(function () {\n  // c\n  var longName = 1;\n  longName++;\n  window.x = `a\nb`;\n})();\n")
	if err != nil || strings.Contains(got, "longName") || strings.Contains(got, "// c") || !strings.Contains(got, "`a\nb`") {
		t.Errorf("MinifyJS = %q, %v", got, err)
	}
	if _, err := MinifyJS("function ( {"); err == nil {
		t.Error("a syntax error in the theme's JavaScript must fail the build")
	}
}

// A page that starts with a ## heading still has its description searched
// (regression: it was dropped when the first section had an anchor).
func TestSearchDocsKeepDescription(t *testing.T) {
	p := &content.Page{FrontMatter: content.FrontMatter{Title: "服务质量问题", Description: "客服不回复怎么办"}, URL: "appeal-types/service-quality/"}
	res := &markdown.Result{Sections: []markdown.Section{{ID: "怎么判断", Heading: "怎么判断", Text: "正文"}}}
	docs := appendSearchDocs(nil, p, res)
	if len(docs) != 1 || docs[0].Description != "客服不回复怎么办" {
		t.Errorf("docs = %+v", docs)
	}
}

// TestLinkPartialsFollowTheTheme: the links of the sidebar, breadcrumbs and
// menu are made once per build and shared between pages, but always by the
// partials the site's theme defines, and by the layout's own definition when
// a layout redefines one.
func TestLinkPartialsFollowTheTheme(t *testing.T) {
	site := fixtureSite()
	site["templates/partials/sidebar-item.html"] = f(`{{define "sidebar-item"}}<li class="own">{{.Title}}{{if .Current}} (here){{end}}</li>{{end}}`)
	site["templates/partials/breadcrumb-item.html"] = f(`{{define "breadcrumb-item"}}<li class="own-crumb">{{.Title}}</li>{{end}}`)
	site["templates/step.html"] = f(`{{define "main"}}{{template "article" .}}{{end}}{{define "menu-item"}}<li class="step-menu">{{.Title}}</li>{{end}}`)
	out, err := Build(context.Background(), Options{Site: site, Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ page, want string }{
		{"steps/login/index.html", `<li class="own">登录账号 (here)</li><li class="own">提交申诉</li>`},
		{"steps/submit/index.html", `<li class="own">登录账号</li><li class="own">提交申诉 (here)</li>`},
		{"steps/login/index.html", `<li class="own-crumb">首页</li>`},
		{"steps/login/index.html", `<li class="step-menu">流程</li>`},
		{"steps/index.html", `<li><a href="index.html" aria-current="page">流程</a></li>`}, // the procedure layout keeps the theme's menu item
	}
	for _, tt := range tests {
		if !strings.Contains(string(out.Files[tt.page]), tt.want) {
			t.Errorf("%s lacks %s", tt.page, tt.want)
		}
	}
}

// TestFramePartials: the header, head links and footer links are made once
// per distinct Frame by the site's own partials, and a site whose header.html
// predates them (ranging over .Menu with the page's data) still builds.
func TestFramePartials(t *testing.T) {
	site := fixtureSite()
	site["templates/partials/footer-frame.html"] = f(`{{define "footer-frame"}}<p class="own-footer">{{.Site.Title}} {{.Home}}</p>{{end}}`)
	site["templates/partials/header.html"] = f(`{{define "header"}}<header>{{.Title}}<a href="{{rel .URL ""}}">{{.Site.Title}}</a>{{range .Menu}}<a href="{{.Href}}">{{.Title}}</a>{{end}}</header>{{end}}`)
	out, err := Build(context.Background(), Options{Site: site, Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ page, want string }{
		{"steps/login/index.html", `<p class="own-footer">测试指南 ../../index.html</p>`},
		{"index.html", `<p class="own-footer">测试指南 index.html</p>`},
		{"steps/login/index.html", `<header>登录账号<a href="../../index.html">测试指南</a><a href="../index.html">流程</a></header>`},
	}
	for _, tt := range tests {
		if !strings.Contains(string(out.Files[tt.page]), tt.want) {
			t.Errorf("%s lacks %s", tt.page, tt.want)
		}
	}
}
