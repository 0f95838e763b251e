package plan

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"guidebook/generator/content"
	"guidebook/generator/diag"

	"go.yaml.in/yaml/v3"
)

// LayoutsFile is the theme file that declares section layouts. The embedded
// theme ships one; a site's own file adds layouts or replaces them by name.
const LayoutsFile = "templates/layouts.yaml"

// Layout is a section layout: the template of a section's list page, the
// template of its pages, and what the list page shows. A section chooses one
// with layout: in its _index.md; the theme (or the site) declares them in
// templates/layouts.yaml, so no layout is known to Go code.
type Layout struct {
	List   string `yaml:"list"`   // template of the section's list page
	Page   string `yaml:"page"`   // template of the section's pages
	Embeds bool   `yaml:"embeds"` // the list page shows its pages' bodies, not only their titles
	Schema string `yaml:"schema"` // schema.org type the list page describes: FAQPage or HowTo
	Line   int    `yaml:"-"`      // line in LayoutsFile, for messages
}

// Theme is what the plan needs to know of the theme: its section layouts and
// the names of its page templates (templates/<name>.html).
type Theme struct {
	Layouts   map[string]Layout
	Templates []string
}

// ParseLayouts reads a layouts file (LayoutsFile) of the site or the theme.
func ParseLayouts(file string, data []byte) (map[string]Layout, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := diag.YAMLErrorLine(err)
		return nil, diag.Errorf(file, line, "invalid YAML: %s", msg)
	}
	out := map[string]Layout{}
	if err := diag.DecodeStrict(file, 0, &doc, &out); err != nil {
		return nil, err
	}
	for name, l := range out {
		if k, _ := diag.MappingEntry(&doc, name); k != nil {
			l.Line = k.Line
		}
		out[name] = l
	}
	return out, nil
}

// Check reports layouts that name templates the theme does not have.
func (t Theme) Check() error {
	var errs diag.List
	for _, name := range slices.Sorted(maps.Keys(t.Layouts)) {
		l := t.Layouts[name]
		for _, tmpl := range []string{l.List, l.Page} {
			if tmpl != "" && !slices.Contains(t.Templates, tmpl) {
				errs.Add(diag.Errorf(LayoutsFile, l.Line, "layout %q: no template templates/%s.html%s", name, tmpl, diag.SuggestAmong(tmpl, t.Templates, "templates")))
			}
		}
	}
	return errs.Err()
}

// names returns every name a page may give in layout:, sorted.
func (t Theme) names() []string {
	set := map[string]bool{}
	for n := range t.Layouts {
		set[n] = true
	}
	for _, n := range t.Templates {
		if !reserved(n) {
			set[n] = true
		}
	}
	out := slices.Collect(maps.Keys(set))
	sort.Strings(out)
	return out
}

// reserved reports whether a template is for the theme's own use (generated
// pages), so no page may choose it.
func reserved(name string) bool {
	switch name {
	case "base", string(KindHistory), string(KindSearch), string(KindPrint), string(KindNotFound), string(KindAlias):
		return true
	}
	return false
}

// LayoutOf decides the template that renders page p, whose section's list
// page is sec (nil for the home page). It is the one place that decides:
//   - a page's own layout: (or type:) wins: a section layout of that name
//     gives its list template (for a list page) or page template, else a
//     template of that name is used as it is;
//   - otherwise a page takes its section's layout's page template;
//   - the defaults are "home" for the home page, "list" for a section's
//     list page and "page" for a page.
//
// It also returns the section layout in force (zero when none), and an error
// at the layout: line for a name that is neither a layout nor a template.
//
// A name that is none of these and is no likely typo of one (Jekyll's
// layout: default, post) was written for another tool: the page gets the
// layout it would have without the key, and the error is a warning.
func (t Theme) LayoutOf(p, sec *content.Page) (string, Layout, error) {
	return t.layoutNamed(p.LayoutName(), p, sec)
}

func (t Theme) layoutNamed(name string, p, sec *content.Page) (string, Layout, error) {
	list := p.Kind != content.KindPage
	if name == "" && !list && sec != nil {
		if secName := sec.LayoutName(); secName != "" {
			if l, ok := t.Layouts[secName]; ok {
				return orDefault(l.Page, "page"), l, nil
			}
		}
	}
	if name == "" {
		switch p.Kind {
		case content.KindHome:
			name = "home"
		case content.KindSection:
			name = "list"
		default:
			return "page", Layout{}, nil
		}
	}
	if l, ok := t.Layouts[name]; ok {
		if list {
			return orDefault(l.List, "list"), l, nil
		}
		return orDefault(l.Page, "page"), l, nil
	}
	if slices.Contains(t.Templates, name) && !reserved(name) {
		return name, Layout{}, nil
	}
	key := "layout"
	if p.Layout == "" {
		key = "type"
	}
	if !reserved(name) && !likelyTypo(name, t.names()) {
		tmpl, l, _ := t.layoutNamed("", p, sec)
		return tmpl, l, diag.Warning(p.File, p.LayoutLine(), "%s %q is not a layout of this site or its theme%s; the page gets the layout it would have without %s:",
			key, name, diag.SuggestAmong(name, t.names(), "layouts"), key)
	}
	return "", Layout{}, diag.Errorf(p.File, p.LayoutLine(), "%s %q is not a layout of this site or its theme%s (a layout is declared in %s or is a file templates/<name>.html)",
		key, name, diag.SuggestAmong(name, t.names(), "layouts"), LayoutsFile)
}

// likelyTypo reports whether name is probably a misspelt layout: one edit
// from a known name (a swapped pair counts as one), or two from a name of
// six letters or more — the rule front-matter keys follow. "lnading" and
// "procedur" are typos; Jekyll's "post" and "default" are not.
func likelyTypo(name string, known []string) bool {
	for _, k := range known {
		limit := 1
		if len([]rune(k)) >= 6 {
			limit = 2
		}
		if diag.Distance(strings.ToLower(name), k) <= limit {
			return true
		}
	}
	return false
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
