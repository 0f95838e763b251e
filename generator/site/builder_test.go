package site

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// manifestRE matches the search manifest's hashed name, which an
// incremental update leaves behind until the background refresh.
var manifestRE = regexp.MustCompile(`search/manifest\.[0-9a-f]+\.js`)

// sameAsFullBuild fails unless every page of out equals the page a full build
// of site makes (search files and the feed aside: the refresh brings those).
func sameAsFullBuild(t *testing.T, site fstest.MapFS, out *Output, dev bool) {
	t.Helper()
	full, err := Build(context.Background(), Options{Site: site, Theme: theme, Dev: dev})
	if err != nil {
		t.Fatalf("full build: %v", err)
	}
	for name, want := range full.Files {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "search/") {
			continue
		}
		got := manifestRE.ReplaceAll(out.Files[name], []byte("M"))
		if w := manifestRE.ReplaceAll(want, []byte("M")); string(got) != string(w) {
			t.Errorf("%s differs from a full build:\n%s\nwant\n%s", name, got, w)
		}
	}
}

func TestBuilderUpdates(t *testing.T) {
	tests := []struct {
		name      string
		edit      map[string]string // file → new text ("" removes it)
		full      bool
		cssOnly   bool
		rendered  int // -1: any
		wantIn    map[string]string
		wantError string
	}{
		{"body of a step", map[string]string{"content/steps/login.md": "---\ntitle: 登录账号\nweight: 10\n---\n## 清单\n\n- [ ] 打开应用\n\n新的一句。\n"},
			false, false, 3, // the step, the procedure that embeds it, the print page
			map[string]string{"steps/login/index.html": "新的一句。", "steps/index.html": "新的一句。", "print/index.html": "新的一句。"}, ""},
		{"title of an FAQ", map[string]string{"content/faq/how-long.md": "---\ntitle: 究竟要多久？\n---\n通常几天。[流程](../steps/_index.md)\n"},
			false, false, -1,
			map[string]string{"faq/index.html": "究竟要多久？", "faq/how-long/index.html": "究竟要多久？"}, ""},
		{"title of a section with earlier versions", map[string]string{"content/steps/_index.md": "---\ntitle: 申诉的步骤\nweight: 1\nlayout: procedure\n---\n按顺序完成。\n"},
			false, false, -1,
			map[string]string{"steps/login/index.html": "申诉的步骤", "revisions/old/index.html": "申诉的步骤", "steps/history/index.html": "申诉的步骤"}, ""},
		{"title of the home page", map[string]string{"content/_index.md": "---\ntitle: 新首页\ndescription: 测试首页\n---\n欢迎。[开始](steps/_index.md)\n"},
			false, false, -1,
			map[string]string{"faq/how-long/index.html": "新首页"}, ""},
		{"a title that reorders its section", map[string]string{"content/revisions/newer.md": "---\ntitle: 旧版流程二\nrevises: steps/_index.md\ndate: 2024-06-15\nsummary: 修订\n---\n登录账号\n跟进处理情况\n"},
			true, false, -1, map[string]string{"revisions/index.html": "旧版流程二"}, ""},
		{"body of a revision", map[string]string{"content/revisions/newer.md": "---\ntitle: 修订稿\nrevises: steps/_index.md\ndate: 2024-06-15\nsummary: 修订\n---\n登录账号\n跟进处理进度\n"},
			false, false, -1,
			map[string]string{"revisions/newer/index.html": "处理进度"}, ""},
		{"body of an earlier revision, which the next one's diff reads", map[string]string{"content/revisions/old.md": "---\ntitle: 旧版流程\nrevises: steps/_index.md\ndate: 2024-03-01\nsummary: 初稿\n---\n登录帐号\n追跟处理情况\n"},
			false, false, -1,
			map[string]string{"revisions/old/index.html": "登录帐号", "revisions/newer/index.html": "帐"}, ""},
		{"weight changes the order", map[string]string{"content/steps/login.md": "---\ntitle: 登录账号\nweight: 30\n---\n正文\n"},
			true, false, -1, map[string]string{"steps/index.html": "登录账号"}, ""},
		{"a new page", map[string]string{"content/steps/new.md": "---\ntitle: 新步骤\n---\n正文\n"},
			true, false, -1, map[string]string{"steps/new/index.html": "新步骤"}, ""},
		{"a stylesheet", map[string]string{"static/css/extra.css": ".x{color:red}"},
			false, true, 0, map[string]string{"assets/site.css": "color:red"}, ""},
		{"a broken link", map[string]string{"content/steps/login.md": "---\ntitle: 登录账号\nweight: 10\n---\n[坏](nope.md)\n"},
			false, false, -1, nil, "content/steps/login.md:5: link nope.md: no page content/steps/nope.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := fixtureSite()
			b := NewBuilder(Options{Site: site, Theme: theme, Dev: true})
			if _, err := b.Build(context.Background()); err != nil {
				t.Fatal(err)
			}
			var paths []string
			for name, text := range tt.edit {
				paths = append(paths, name)
				if text == "" {
					delete(site, name)
				} else {
					site[name] = f(text)
				}
			}
			out, upd, err := b.Update(context.Background(), paths)
			if tt.wantError != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantError) {
					t.Fatalf("error = %v, want %q", err, tt.wantError)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if upd.Full != tt.full || upd.CSSOnly != tt.cssOnly {
				t.Errorf("update = %+v; want full %v, CSS only %v", upd, tt.full, tt.cssOnly)
			}
			if tt.rendered >= 0 && !tt.full && upd.Rendered != tt.rendered {
				t.Errorf("rendered %d outputs, want %d", upd.Rendered, tt.rendered)
			}
			for name, want := range tt.wantIn {
				if !strings.Contains(string(out.Files[name]), want) {
					t.Errorf("%s lacks %q", name, want)
				}
			}
			sameAsFullBuild(t, site, out, true)
		})
	}
}

func TestBuilderAfterFailureBuildsEverything(t *testing.T) {
	site := fixtureSite()
	b := NewBuilder(Options{Site: site, Theme: theme})
	if _, err := b.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	site["content/steps/login.md"] = f("---\ntitle: 登录账号\nweight: 10\n---\n[坏](nope.md)\n")
	if _, _, err := b.Update(context.Background(), []string{"content/steps/login.md"}); err == nil {
		t.Fatal("a broken link was accepted")
	}
	site["content/steps/login.md"] = f("---\ntitle: 登录账号\nweight: 10\n---\n修好了。\n")
	out, upd, err := b.Update(context.Background(), []string{"content/steps/login.md"})
	if err != nil || !upd.Full {
		t.Fatalf("after a failed update: %+v, %v; want a full build", upd, err)
	}
	sameAsFullBuild(t, site, out, false)
}
