package markdown

import (
	"strings"
	"testing"
)

// TestGitHubHeadingIDs converts the headings as one page, in order (so
// duplicates count), and compares each ID with what GitHub gives. Rows
// marked "slugger" are github-slugger's own fixtures (test/fixtures.json);
// the others follow its algorithm: lower-case, drop everything but letters,
// marks, decimal and letter numbers, connector punctuation ("_"), "-" and
// " ", then each space → "-".
func TestGitHubHeadingIDs(t *testing.T) {
	tests := []struct{ heading, want string }{
		{"alpha", "alpha"}, // slugger
		{"alpha", "alpha-1"},
		{"bravoCharlieDelta", "bravocharliedelta"},
		{`\_\_proto\_\_`, "__proto__"},
		{"hasOwnProperty", "hasownproperty"},
		{"echo", "echo"},
		{"echo", "echo-1"},
		{"echo 1", "echo-1-1"},
		{"echo-1", "echo-1-2"},
		{"echo", "echo-2"},
		{"foxtrot-1", "foxtrot-1"},
		{"foxtrot", "foxtrot"},
		{"foxtrot", "foxtrot-2"},
		{"heading with a - dash", "heading-with-a---dash"},
		{"heading with an _ underscore", "heading-with-an-_-underscore"},
		{"heading with a period.txt", "heading-with-a-periodtxt"},
		{"exchange.bind_headers(exchange, routing [, bindCallback])", "exchangebind_headersexchange-routing--bindcallback"},
		{"apostrophe’s should be trimmed", "apostrophes-should-be-trimmed"},
		{"I ♥ unicode", "i--unicode"},
		{"dash-dash", "dash-dash"},
		{"en–dash", "endash"},
		{"😄 unicode emoji", "-unicode-emoji"},
		{"😄-😄 unicode emoji", "--unicode-emoji"},
		{"😄 - an emoji", "---an-emoji"},
		{":smile: - a gemoji", "smile---a-gemoji"},
		{"Привет", "привет"},
		{"Профили пользователей", "профили-пользователей"},
		{"Привет non-latin 你好", "привет-non-latin-你好"},
		{":ok_hand: Single", "ok_hand-single"}, // slugger (end)
		{"第 1 步：登录", "第-1-步登录"},
		{"保存哪些证据？", "保存哪些证据"},
		{"事实在前，感受在后", "事实在前感受在后"},
		{"WhatsApp 申诉（2024 版）", "whatsapp-申诉2024-版"},
		{"《服务条款》第 3.1 条", "服务条款第-31-条"},
		{"`fs.readFile(path[, options], callback)`", "fsreadfilepath-options-callback"},
		{"**重要**：先备份", "重要先备份"},
		{"Unix/macOS", "unixmacos"},
		{"C++ & C#", "c--c"},
		{"Q&A", "qa"},
		{"v1.2.3 release", "v123-release"},
		{"日本語のテキスト", "日本語のテキスト"},
		{"한국어 제목", "한국어-제목"},
		{"Ünïcödé Àccents", "ünïcödé-àccents"},
		{"[链接](x.md) 文字", "链接-文字"},
		{"Full-width ＡＢＣ１２３", "full-width-ａｂｃ１２３"},
		{"第 1 步：登录", "第-1-步登录-1"},
		// Not GitHub: it gives an empty ID; an element needs a name.
		{"？！", "section"},
		{"🎉🎉", "section-1"},
	}
	var src strings.Builder
	for _, tt := range tests {
		src.WriteString("## " + tt.heading + "\n\n")
	}
	res, err := New().Convert([]byte(src.String()), Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Headings) != len(tests) {
		t.Fatalf("%d headings, want %d", len(res.Headings), len(tests))
	}
	for i, tt := range tests {
		if got := res.Headings[i].ID; got != tt.want {
			t.Errorf("## %s: ID %q, want %q", tt.heading, got, tt.want)
		}
		if !res.HasID(tt.want) {
			t.Errorf("HasID(%q) = false", tt.want)
		}
	}
}

func TestSluggerIsLinear(t *testing.T) {
	s := NewSlugger()
	for range 100000 {
		s.Slug("same")
	}
	if got := s.Slug("same"); got != "same-100000" {
		t.Errorf("got %q", got)
	}
}

func TestRawHTMLAnchorsCountAsIDs(t *testing.T) {
	src := "## 标题\n\n<a id=\"x\"></a>\n\n文字 <a name=\"old-name\"></a> <span id=\"s\">s</span>\n\n<div id=\"d\" onclick=\"x()\">\n\n</div>\n"
	tests := []struct {
		name   string
		opts   []Option
		prefix string
		has    []string
		hasNot []string
	}{
		{"sanitize", nil, "", []string{"标题", "x", "old-name", "s", "d"}, []string{"y"}},
		{"unsafe", []Option{WithUnsafe(true)}, "", []string{"x", "old-name", "s", "d"}, nil},
		{"escape: shown as text, so no anchors", []Option{WithHTML(HTMLEscape)}, "", []string{"标题"}, []string{"x", "old-name"}},
		{"prefixed on a host page", nil, "p-", []string{"p-标题", "p-x", "p-old-name"}, []string{"x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := New(tt.opts...).Convert([]byte(src), Page{IDPrefix: tt.prefix})
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range tt.has {
				if !res.HasID(id) {
					t.Errorf("HasID(%q) = false; IDs %v", id, res.IDs)
				}
			}
			for _, id := range tt.hasNot {
				if res.HasID(id) {
					t.Errorf("HasID(%q) = true", id)
				}
			}
			if len(res.Headings) != 1 {
				t.Errorf("headings = %+v", res.Headings)
			}
		})
	}
}

func TestTitleHeadingKeepsItsAnchor(t *testing.T) {
	res, err := New().Convert([]byte("Intro.\n\n## Stream\n\n## Other\n"), Page{File: "x.md", Line: 1, TitleHeading: "Stream"})
	if err != nil {
		t.Fatal(err)
	}
	html := string(res.HTML)
	if !strings.HasPrefix(html, `<a id="stream"></a>`) || !strings.Contains(html, `<h2 id="stream-1">`) || !res.HasID("stream") {
		t.Errorf("the removed title heading must keep GitHub's first ID:\n%s", html)
	}
}
