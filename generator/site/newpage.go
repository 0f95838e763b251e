package site

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"guidebook/generator/config"
	"guidebook/generator/content"
	"guidebook/generator/render"
)

// NewPage returns the text of a new draft page at content path rel (as
// `guidebook new` writes it): front matter with a title from the file name
// and the date today, and, when the page's section lays its pages out as
// fill-in letters (its layout's page template is "letter"), a sample field
// and its placeholder, labelled in the site's language.
func NewPage(ctx context.Context, opts Options, rel, today string) (string, error) {
	title := strings.TrimSuffix(path.Base(rel), ".md")
	body := fmt.Sprintf("---\ntitle: %s\ndescription: \nweight: 0\ndate: %s\ndraft: true\n---\n\n", yamlString(title), today)
	form, label, err := formSection(ctx, opts, rel)
	if err != nil || !form {
		return body, err
	}
	field := fmt.Sprintf("fields:\n  - {name: date, label: %s, kind: date, required: true}\n", yamlString(label))
	return strings.Replace(body, "draft: true\n", "draft: true\n"+field, 1) + "{{date}}\n", nil
}

// formSection reports whether the section rel belongs to shows its pages as
// letters, and the label of the sample field in the site's language.
func formSection(ctx context.Context, opts Options, rel string) (bool, string, error) {
	cfg, err := config.Load(opts.Site)
	if err != nil {
		return false, "", err
	}
	theme := render.Layers{opts.Site, opts.Theme}
	strs, _, err := render.LoadStrings(theme, cfg)
	if err != nil {
		return false, "", err
	}
	thm, err := loadTheme(opts.Site, opts.Theme, theme)
	if err != nil {
		return false, "", err
	}
	contentFS, err := fs.Sub(opts.Site, "content")
	if err != nil {
		return false, "", err
	}
	site, _ := content.Load(ctx, contentFS, content.Options{Drafts: true}) // problems are check's to report
	section, _, ok := strings.Cut(rel, "/")
	if site == nil || !ok {
		return false, "", nil
	}
	sec := site.Section(section)
	if sec == nil {
		return false, "", nil
	}
	l, ok := thm.Layouts[sec.Index.LayoutName()]
	return ok && l.Page == "letter", strs.T("new.date_field"), nil
}

// yamlString quotes s as a YAML scalar: a JSON string is valid YAML, so a
// title such as "x: y" or "#1" stays text.
func yamlString(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}
