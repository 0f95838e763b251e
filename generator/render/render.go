// Package render turns pages into HTML with html/template: template lookup
// (site first, embedded default last), page data, relative URLs, and the
// site files (sitemap, feed, robots.txt, 404).
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"

	"guidebook/generator/config"
	"guidebook/generator/content"
	"guidebook/generator/diag"
	"guidebook/generator/markdown"
)

// Assets names the bundled files every page loads, relative to the site root.
type Assets struct {
	CSS            string // e.g. "assets/site.1a2b3c4d.css"
	JS             string
	SearchManifest string // e.g. "search/manifest.1a2b3c4d.js"
	Dev            bool   // serve mode: load the live-reload script
}

// Renderer renders pages of one build. It is safe for concurrent use.
type Renderer struct {
	cfg     *config.Config
	strs    Strings
	assets  Assets
	layouts map[string]*template.Template
}

// Layouts are the page layouts a theme provides, each templates/<name>.html.
var Layouts = []string{"home", "section", "page", "step", "procedure", "faq", "faq-list", "letter", "revision", "history", "search", "print", "404"}

// New parses the theme's templates (theme is the layered site + embedded FS).
func New(theme fs.FS, cfg *config.Config, assets Assets) (*Renderer, error) {
	strs, err := LoadStrings(theme, cfg.Language)
	if err != nil {
		return nil, err
	}
	r := &Renderer{cfg: cfg, strs: strs, assets: assets, layouts: map[string]*template.Template{}}
	partials, err := fs.Glob(theme, "templates/partials/*.html")
	if err != nil {
		return nil, err
	}
	var errs diag.List
	for _, name := range Layouts {
		files := append([]string{"templates/base.html"}, partials...)
		files = append(files, "templates/"+name+".html")
		t, err := template.New(name).Funcs(r.funcs()).ParseFS(theme, files...)
		if err != nil {
			errs.Add(fmt.Errorf("template %s: %w", name, err))
			continue
		}
		r.layouts[name] = t
	}
	return r, errs.Err()
}

func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"t":    r.strs.T,
		"rel":  Rel,
		"safe": func(s string) template.HTML { return template.HTML(s) },
		"add":  func(a, b int) int { return a + b },
	}
}

// T returns a UI string of the site's language.
func (r *Renderer) T(key string) string { return r.strs.T(key) }

// LayoutFor decides which layout renders a page.
func LayoutFor(p *content.Page) string {
	switch {
	case p.Kind == content.KindHome:
		return "home"
	case p.IsIndex && p.Section == "steps":
		return "procedure"
	case p.IsIndex && p.Section == "faq":
		return "faq-list"
	case p.IsIndex:
		return "section"
	}
	switch p.Kind {
	case content.KindStep, content.KindFAQ, content.KindLetter, content.KindRevision,
		"history", "search", "print", "404":
		return p.Kind
	}
	return "page"
}

// Page renders one page of in.
func (r *Renderer) Page(in *Input, p *content.Page) ([]byte, error) {
	d, err := r.data(in, p)
	if err != nil {
		return nil, err
	}
	t := r.layouts[d.Layout]
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", d); err != nil {
		return nil, fmt.Errorf("%s: layout %s: %w", p.File, d.Layout, err)
	}
	return buf.Bytes(), nil
}

// OutputPath is where a page's HTML is written: "steps/submit/index.html".
func OutputPath(p *content.Page) string {
	if p.Kind == "404" {
		return "404.html"
	}
	return path.Join(p.URL, "index.html")
}

// Input is everything rendering needs besides the page itself.
type Input struct {
	Site    *content.Site
	Results map[*content.Page]*markdown.Result
	// Body returns page's body as shown inside host (links relative to host,
	// heading IDs prefixed); Body(p, p) is the page's own.
	Body    func(page, host *content.Page) *markdown.Result
	Updated map[string]string // content path → last-updated date from git
}

// MaxPrintPages is the largest site that gets a whole-guide print page: past
// it, one page holding everything would be too big for a browser to print.
const MaxPrintPages = 500

// HasPrintPage reports whether site gets the whole-guide print page.
func HasPrintPage(site *content.Site) bool { return site.Len() <= MaxPrintPages }

// GeneratedPages returns the pages the theme adds to the content: a history
// page per page with revisions, the search page, the whole-guide print page
// (for sites of at most MaxPrintPages pages) and the 404 page.
func GeneratedPages(site *content.Site, s Strings) []*content.Page {
	var out []*content.Page
	for _, p := range site.All() {
		if len(p.Revisions) > 0 {
			out = append(out, &content.Page{
				FrontMatter: content.FrontMatter{Title: s.T("history.title") + "：" + p.Title, Description: p.Description},
				File:        p.File, Path: p.Path, Kind: "history", Section: p.Section, URL: p.URL + "history/",
				Revisions: p.Revisions, RevisionOf: p,
			})
		}
	}
	gen := func(kind, url, title string) *content.Page {
		return &content.Page{FrontMatter: content.FrontMatter{Title: title}, File: kind, Path: kind, Kind: kind, URL: url}
	}
	out = append(out, gen("search", "search/", s.T("search.title")), gen("404", "", s.T("notfound.title")))
	if HasPrintPage(site) {
		out = append(out, gen("print", "print/", s.T("print.title")))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out
}

// Link is a ready-to-use link from the current page.
type Link struct {
	Title   string
	Href    string
	Current bool
}
