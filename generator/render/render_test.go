package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"guidebook/generator/config"
	"guidebook/generator/content"
)

func TestLayersSiteFirst(t *testing.T) {
	site := fstest.MapFS{"templates/page.html": {Data: []byte("site")}}
	theme := fstest.MapFS{"templates/page.html": {Data: []byte("theme")}, "templates/home.html": {Data: []byte("theme home")}}
	l := Layers{site, theme}
	tests := []struct{ name, want string }{
		{"templates/page.html", "site"},
		{"templates/home.html", "theme home"},
	}
	for _, tt := range tests {
		got, err := fs.ReadFile(l, tt.name)
		if err != nil || string(got) != tt.want {
			t.Errorf("%s = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	if _, err := fs.ReadFile(l, "templates/none.html"); err == nil {
		t.Error("missing file found")
	}
	entries, err := fs.ReadDir(l, "templates")
	if err != nil || len(entries) != 2 {
		t.Errorf("ReadDir = %d entries, %v; want the union of 2", len(entries), err)
	}
}

func TestRel(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"", "", "index.html"},
		{"", "steps/", "steps/index.html"},
		{"steps/submit/", "faq/how-long/", "../../faq/how-long/index.html"},
		{"steps/", "", "../index.html"},
		{"steps/submit/", "steps/submit/#准备", "index.html#%E5%87%86%E5%A4%87"},
		{"faq/", "assets/site.css", "../assets/site.css"},
		{"account/p-1/", "account/p-2/", "../p-2/index.html"},
		{"account/p-1/", "account/p-1/", "index.html"},
		{"account/", "account/p-2/", "p-2/index.html"},
		{"account/p-1/", "accounts/", "../../accounts/index.html"},
		{"a/b/c/", "a/x/", "../../x/index.html"},
		{"a/b/", "a/b/img/x.png", "img/x.png"},
	}
	for _, tt := range tests {
		if got := Rel(tt.from, tt.to); got != tt.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestRoot(t *testing.T) {
	for in, want := range map[string]string{"": "./", "steps/": "../", "steps/submit/": "../../"} {
		if got := Root(in); got != want {
			t.Errorf("Root(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSidebarWindowIsBounded(t *testing.T) {
	pages := make([]*content.Page, 1000)
	for i := range pages {
		pages[i] = &content.Page{Path: fmt.Sprint(i)}
	}
	for _, at := range []int{0, 500, 999} {
		w := sidebarWindow(pages, pages[at])
		found := false
		for _, q := range w {
			found = found || q == pages[at]
		}
		if len(w) != SidebarWindow || !found {
			t.Errorf("window around %d: %d pages, current included %v", at, len(w), found)
		}
	}
	if got := sidebarWindow(pages[:10], pages[3]); len(got) != 10 {
		t.Errorf("a small section lists all its pages, got %d", len(got))
	}
}

// TestAbsURL: structured data resolves a page's relative links against the
// page's own address. A regression row: stripping the page's Root from the
// shortest relative path made "../index.html" from steps/login/ the site root.
func TestAbsURL(t *testing.T) {
	r := &Renderer{cfg: &config.Config{BaseURL: "https://example.org/guide/"}}
	tests := []struct{ from, to, want string }{
		{"", "", "https://example.org/guide/"},
		{"steps/login/", "", "https://example.org/guide/"},
		{"steps/login/", "steps/", "https://example.org/guide/steps/"},
		{"steps/login/", "steps/login/", "https://example.org/guide/steps/login/"},
		{"steps/", "steps/submit/", "https://example.org/guide/steps/submit/"},
		{"问题/账号/", "问题/", "https://example.org/guide/%E9%97%AE%E9%A2%98/"},
	}
	for _, tt := range tests {
		if got := r.absURL(tt.from, Rel(tt.from, tt.to)); got != tt.want {
			t.Errorf("absURL(%q, Rel(…, %q)) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

// TestInlineStrings: a template whose {{t "key"}} calls New replaced by
// constants renders as the template calling t does, in every context
// html/template escapes for.
func TestInlineStrings(t *testing.T) {
	strs := Strings{"a": `<"甲"&>`, "b": "javascript:x", "c": "%s 的历史"}
	src := `{{define "x"}}<p title="{{t "a"}}">{{t "a"}}</p><a href="{{t "b"}}">{{t "missing"}}</a>` +
		`<script>var s = {{t "a"}};</script>{{if (t "a")}}{{t "c" "页"}}{{end}}{{with t "b"}}{{.}}{{end}}{{t "a" | printf "%s!"}}{{end}}`
	r := &Renderer{strs: strs}
	var want, got strings.Builder
	plain := template.Must(template.New("x").Funcs(r.funcs()).Parse(src))
	inlined := template.Must(template.New("x").Funcs(r.funcs()).Parse(src))
	inlineStrings(inlined, strs)
	if tree := inlined.Lookup("x").Tree.Root.String(); strings.Contains(tree, `t "a"`) || !strings.Contains(tree, `t "c"`) {
		t.Errorf("inlined tree: %s", tree)
	}
	if err := plain.ExecuteTemplate(&want, "x", nil); err != nil {
		t.Fatal(err)
	}
	if err := inlined.ExecuteTemplate(&got, "x", nil); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("inlined:\n%s\nwant\n%s", got.String(), want.String())
	}
	if !strings.Contains(want.String(), "页 的历史") {
		t.Errorf("t with arguments not called: %s", want.String())
	}
}
