package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // substrings, one per expected problem
	}{
		{"unknown key with hint", "title: x\ntitel: y\n", []string{`site.yaml:2: unknown key "titel" (did you mean "title"?)`}},
		{"wrong type", "title: x\nmarkdown:\n  unsafe: maybe\n", []string{`site.yaml:3: "markdown.unsafe": expected true or false, got "maybe"`}},
		{"invalid yaml", "title: [x\n", []string{"site.yaml:", "invalid YAML"}},
		{"bad language", "language: Français\n", []string{`site.yaml:1: language "Français" is not a language tag`}},
		{"bad base URL", "baseURL: example.org\n", []string{`site.yaml:1: baseURL "example.org" must be an absolute`}},
		{"menu item needs page or url", "menu:\n  - {name: 步骤}\n", []string{`site.yaml:2: menu item "步骤" needs exactly one of page`}},
		{"all problems together", "titel: x\nlanguage: 'fr FR'\nfooter: [1]\n", []string{`site.yaml:1: unknown key "titel"`, `site.yaml:3: "footer": expected text`, `site.yaml:2: language`}},
		{"broken links setting", "brokenLinks: warning\n", []string{`site.yaml:1: brokenLinks "warning" is not one of error, warn`}},
		{"external images setting", "externalImages: deny\n", []string{`site.yaml:1: externalImages "deny" is not one of allow, warn, error`}},
		{"markdown html mode", "markdown:\n  html: raw\n", []string{`site.yaml:2: markdown.html "raw" is not one of sanitize, escape, unsafe`}},
		// Issue 10 case 12: these became href="#ZgotmplZ" with no error.
		{"javascript editURL", "editURL: javascript:alert(1)//\n", []string{`site.yaml:1: editURL "javascript:alert(1)//" uses the javascript: scheme`}},
		{"data editURL", "title: x\neditURL: ' DATA:text/html,<b>'\n", []string{`site.yaml:2: editURL`, "data: scheme"}},
		{"menu javascript url", "menu:\n  - name: 坏\n    url: \"java\\tscript:alert(1)\"\n", []string{`site.yaml:3: menu item "坏": url`, "javascript: scheme"}},
		{"menu vbscript url", "menu:\n  - {name: 坏, url: 'VBScript:x'}\n", []string{`site.yaml:2: menu item "坏"`, "vbscript: scheme"}},
		{"unknown nested key", "markdown:\n  unsfe: true\n", []string{`site.yaml:2: unknown key "markdown.unsfe" (did you mean "unsafe"?)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("site.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\ndoes not contain %q", err, w)
				}
			}
		})
	}
}

func TestParseValid(t *testing.T) {
	c, err := Parse("site.yaml", []byte("title: 指南\nlanguage: en\nbaseURL: https://example.org/guide\nmenu:\n  - {name: 步骤, page: steps/_index.md}\n  - {name: 邮件, url: 'mailto:a@example.org'}\n  - {name: 数据, url: 'https://example.org/data:1'}\neditURL: https://git.example.org/edit/\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "指南" || c.Language != "en" || c.BaseURL != "https://example.org/guide/" {
		t.Errorf("got %+v", c)
	}
	if c.Menu[0].Line != 5 {
		t.Errorf("menu line = %d, want 5", c.Menu[0].Line)
	}
}

func TestMarkdownHTMLModes(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"title: x\n", "sanitize"},
		{"markdown: {unsafe: true}\n", "unsafe"},
		{"markdown: {html: escape}\n", "escape"},
		{"markdown: {html: sanitize, unsafe: true}\n", "sanitize"},
	}
	for _, tt := range tests {
		c, err := Parse("site.yaml", []byte(tt.yaml))
		if err != nil || c.Markdown.HTML != tt.want {
			t.Errorf("Parse(%q): html = %q, %v; want %q", tt.yaml, c.Markdown.HTML, err, tt.want)
		}
	}
}

func TestLoadMissingFileGivesDefaults(t *testing.T) {
	c, err := Load(fstest.MapFS{})
	if err != nil || c.Language != "en" {
		t.Fatalf("Load = %+v, %v", c, err)
	}
}
