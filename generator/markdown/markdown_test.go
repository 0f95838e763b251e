package markdown

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestLinkErrorsNameTheLine(t *testing.T) {
	src := "第一行\n\n见[提交](../steps/missing.md)和![图](https://cdn.example/x.png)\n"
	_, err := New().Convert([]byte(src), Page{File: "content/faq/a.md", Line: 5,
		Link: func(dest string, line int) (string, error) { return "", errors.New("no page content/steps/missing.md") }})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"content/faq/a.md:7: link ../steps/missing.md: no page content/steps/missing.md",
		"content/faq/a.md:7: image https://cdn.example/x.png is on another site",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

func TestUnsafeLetsHTMLThrough(t *testing.T) {
	res, err := New(WithUnsafe(true)).Convert([]byte("<b>粗</b>\n"), Page{})
	if err != nil || !strings.Contains(string(res.HTML), "<b>粗</b>") {
		t.Fatalf("got %s, %v", res.HTML, err)
	}
}

func TestOutline(t *testing.T) {
	src := "开头。\n\n## 准备材料\n\n手机号。\n\n### 截图\n\n聊天截图。\n\n## 提交\n\n点提交。\n"
	res, err := New().Convert([]byte(src), Page{IDPrefix: "p-x-"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Headings) != 3 || res.Headings[0].ID != "p-x-准备材料" || res.Headings[1].Level != 3 {
		t.Errorf("headings = %+v", res.Headings)
	}
	if len(res.Sections) != 3 || res.Sections[1].Heading != "准备材料" || !strings.Contains(res.Sections[1].Text, "聊天截图") {
		t.Errorf("sections = %+v", res.Sections)
	}
}

func TestHighlightCSSKeepsOnlyUsedClasses(t *testing.T) {
	if css, err := HighlightCSS(nil); err != nil || css != "" {
		t.Errorf("a site without code gets highlight CSS: %q, %v", css, err)
	}
	res, err := New().Convert([]byte("```go\nx := 1\n```\n"), Page{})
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	UsedCodeClasses([]byte(res.HTML), used)
	css, err := HighlightCSS(used)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{".chroma .mi", `html[data-theme="dark"] .chroma .mi`, "prefers-color-scheme: dark"} {
		if !strings.Contains(css, want) {
			t.Errorf("highlight CSS lacks %q", want)
		}
	}
	if strings.Contains(css, ".chroma .kd ") {
		t.Error("CSS for an unused token class (.kd) was kept")
	}
}

func TestHeadingAnchors(t *testing.T) {
	c := New(WithAnchorLabel("本节链接"))
	tests := []struct {
		name    string
		src     string
		anchors bool
		want    string
	}{
		{"h2", "## 保存哪些证据？\n", true, `<h2 id="保存哪些证据">保存哪些证据？<a class="anchor" href="#保存哪些证据" aria-label="本节链接">#</a></h2>`},
		{"inline markup kept", "### A `b`\n", true, `<h3 id="a-b">A <code>b</code><a class="anchor" href="#a-b" aria-label="本节链接">#</a></h3>`},
		{"h1 and h5 untouched", "# T\n\n##### 五\n", true, "<h1 id=\"t\">T</h1>\n<h5 id=\"五\">五</h5>"},
		{"off for a page shown inside another", "## 清单\n", false, `<h2 id="清单">清单</h2>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := c.Convert([]byte(tt.src), Page{Anchors: tt.anchors})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(string(res.HTML)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if len(res.Headings) == 0 || strings.Contains(res.Headings[0].Text, "#") {
				t.Errorf("the anchor must not enter the heading text: %+v", res.Headings)
			}
		})
	}
}

// Regression (found by FuzzPlaceholders): a stray continuation byte before a
// line break made goldmark's East Asian line-break check panic.
func TestInvalidUTF8IsReportedNotPanicked(t *testing.T) {
	res, err := New().Convert([]byte("第一行\n\xa6\n0\n"), Page{File: "content/a.md", Line: 4})
	if err == nil || !strings.Contains(err.Error(), "content/a.md:5: text is not valid UTF-8") {
		t.Fatalf("error = %v", err)
	}
	if res == nil || !strings.Contains(string(res.HTML), "\uFFFD") {
		t.Fatalf("result = %v", res)
	}
}

func TestHTMLModes(t *testing.T) {
	src := []byte("<b onclick=\"x()\">粗</b>\n")
	tests := []struct {
		name string
		opts []Option
		want string
	}{
		{"default is sanitize", nil, "<b>粗</b>"},
		{"WithUnsafe(false) keeps the default", []Option{WithUnsafe(false)}, "<b>粗</b>"},
		{"WithUnsafe(true) is an alias of unsafe", []Option{WithUnsafe(true)}, `<b onclick="x()">粗</b>`},
		{"escape", []Option{WithHTML(HTMLEscape)}, "&lt;b onclick=&quot;x()&quot;&gt;粗&lt;/b&gt;"},
		{"unknown mode is sanitize", []Option{WithHTML("loose")}, "<b>粗</b>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := New(tt.opts...).Convert(src, Page{})
			if err != nil || !strings.Contains(string(res.HTML), tt.want) {
				t.Errorf("got %s, %v; want %s", res.HTML, err, tt.want)
			}
		})
	}
	for in, ok := range map[string]bool{"": true, "sanitize": true, "escape": true, "unsafe": true, "Unsafe": false, "raw": false} {
		if _, err := ParseHTMLMode(in); (err == nil) != ok {
			t.Errorf("ParseHTMLMode(%q) error = %v", in, err)
		}
	}
}

func TestCodeClassesMatchTheHTML(t *testing.T) {
	c := New()
	for _, src := range []string{"no code\n", "```go\nx := 1 // c\n```\n", "```yaml\na: [1, \"b\"]\n```\n\n    indented\n", "```nosuch\nx\n```\n"} {
		res, err := c.Convert([]byte(src), Page{})
		if err != nil {
			t.Fatal(err)
		}
		scanned := map[string]bool{}
		UsedCodeClasses([]byte(res.HTML), scanned)
		if fmt.Sprint(scanned) != fmt.Sprint(res.CodeClasses) {
			t.Errorf("%q: CodeClasses %v, HTML has %v", src, res.CodeClasses, scanned)
		}
	}
}

func TestSpanClasses(t *testing.T) {
	for _, tt := range []struct{ html, want string }{
		{`<span class="nx">a</span><span class="o">=</span>`, "nx o"},
		{`<span class="line"><span class="cl">x</span></span>`, "cl line"},
		{`<span class="a b">x</span><span class="">y</span><span class="Up">z</span>`, ""},
		{`<span class="mi`, ""},
		{`no spans`, ""},
	} {
		got := map[string]bool{}
		spanClasses([]byte(tt.html), got)
		if keys := strings.Join(slices.Sorted(maps.Keys(got)), " "); keys != tt.want {
			t.Errorf("spanClasses(%q) = %q, want %q", tt.html, keys, tt.want)
		}
	}
}
