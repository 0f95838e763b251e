package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestThemeErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name string
		file string
		text string
		want string
	}{
		{"CSS declaration without colon", "static/css/zz.css", "a { color: red; }\n\nb { color blue; }\n", "static/css/zz.css:3: CSS syntax error"},
		{"CSS stray brace", "static/css/zz.css", "a { color: red; }\n}\nb { color: blue; }\n", "static/css/zz.css:2: CSS syntax error"},
		{"JS syntax", "static/js/zz.js", "(function () {\n  var a = ;\n}());\n", "static/js/zz.js:2:"},
		{"template syntax", "templates/landing.html", "{{define \"main\"}}\n<h1>{{.Title</h1>\n{{end}}\n", "templates/landing.html:2:"},
		{"partial syntax", "templates/partials/zz.html", "{{define \"zz\"}}{{if}}{{end}}\n", "templates/partials/zz.html:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := fixtureSite()
			site[tt.file] = &fstest.MapFile{Data: []byte(tt.text)}
			_, err := Build(t.Context(), Options{Site: site, Theme: theme})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
