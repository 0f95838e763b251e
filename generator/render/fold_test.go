package render

import (
	"html/template"
	"strings"
	"testing"
)

func TestFoldedConstantsPrintWhatTheActionsPrinted(t *testing.T) {
	const src = `{{define "base"}}<title>{{"a<b"}}</title><p title="{{"a+b\"c"}}">{{"x&y'"}}</p>` +
		`<a href="/{{"é s"}}">{{.}}</a><script>var s = {{"q"}};</script>{{end}}`
	parse := func() *template.Template { return template.Must(template.New("base").Parse(src)) }
	var want, got strings.Builder
	if err := parse().ExecuteTemplate(&want, "base", "data"); err != nil {
		t.Fatal(err)
	}
	folded := parse()
	newFolder().constants(folded, "base")
	if err := folded.ExecuteTemplate(&got, "base", "data"); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("folded:\n%s\nwant:\n%s", got.String(), want.String())
	}
	tree := folded.Lookup("base").Tree.Root.String()
	for _, kept := range []string{`"é s" | _html_template_urlnormalizer`, `"q" | _html_template_jsvalescaper`} {
		if !strings.Contains(tree, kept) {
			t.Errorf("a constant outside HTML text or attribute was folded: no %s in %s", kept, tree)
		}
	}
	for _, gone := range []string{"htmlescaper", "attrescaper", "rcdataescaper"} {
		if strings.Contains(tree, `" | _html_template_`+gone) {
			t.Errorf("a constant escaped with %s is still an action: %s", gone, tree)
		}
	}
}
