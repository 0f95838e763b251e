// Package render turns pages into HTML with html/template: template lookup
// (site first, embedded default last), page data, relative URLs, and the
// site files (sitemap, feed, robots.txt, 404).
package render

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync"

	"guidebook/generator/config"
	"guidebook/generator/content"
	"guidebook/generator/diag"
	"guidebook/generator/markdown"
	"guidebook/generator/plan"
)

// Assets names the bundled files every page loads, relative to the site root.
type Assets struct {
	CSS            string // e.g. "assets/site.1a2b3c4d.css"
	JS             string
	SearchManifest string // e.g. "search/manifest.1a2b3c4d.js"
	Dev            bool   // serve mode: load the live-reload script
}

// Renderer renders the entries of one build's plan. It is safe for
// concurrent use.
type Renderer struct {
	cfg     *config.Config
	strs    Strings
	assets  Assets
	layouts map[string]*layout
	frags   fragments // the HTML of links shown on many pages
	fold    folder    // turns escaped constants into text (fold.go)
}

// layout is one page template parsed with base.html and the partials. Its
// escaped constants are folded into text when its first page is rendered
// (html/template escapes a set only then, and a site uses few of the
// theme's layouts).
type layout struct {
	set    *template.Template
	folded sync.Once
}

// Templates returns the page templates a theme provides: the names of its
// templates/<name>.html files (base.html, the frame, excluded).
func Templates(theme fs.FS) ([]string, error) {
	files, err := fs.Glob(theme, "templates/*.html")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name != "base" {
			out = append(out, name)
		}
	}
	return out, nil
}

// New parses the theme's templates (theme is the layered site + embedded
// FS): every page template with base.html and the partials.
func New(theme fs.FS, cfg *config.Config, strs Strings, assets Assets) (*Renderer, error) {
	r := &Renderer{cfg: cfg, strs: strs, assets: assets, layouts: map[string]*layout{}, fold: newFolder()}
	partials, err := fs.Glob(theme, "templates/partials/*.html")
	if err != nil {
		return nil, err
	}
	names, err := Templates(theme)
	if err != nil {
		return nil, err
	}
	// base.html and the partials are parsed once; each layout is parsed
	// into a copy of them (parsing them for every layout was most of a
	// small site's build time).
	common, err := template.New("base").Funcs(r.funcs()).ParseFS(theme, append([]string{"templates/base.html"}, partials...)...)
	if err != nil {
		return nil, templateError("base", err)
	}
	var errs diag.List
	for _, name := range names {
		t, err := common.Clone()
		if err == nil {
			_, err = t.ParseFS(theme, "templates/"+name+".html")
		}
		if err != nil {
			errs.Add(templateError(name, err))
			continue
		}
		inlineStrings(t, strs)
		r.layouts[name] = &layout{set: t}
	}
	return r, errs.Err()
}

// templateError locates a template parse error at its file and line
// ("template: page.html:3: unexpected …" → "templates/page.html:3: …").
func templateError(name string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	file, rest, ok := strings.Cut(msg, ":")
	if !ok || !strings.HasSuffix(file, ".html") {
		return fmt.Errorf("template %s: %w", name, err)
	}
	dir := "templates/"
	if file != "base.html" && file != name+".html" {
		dir = "templates/partials/"
	}
	lineStr, rest, _ := strings.Cut(rest, ":")
	line, convErr := strconv.Atoi(lineStr)
	if convErr != nil {
		return diag.Errorf(dir+file, 0, "%s", strings.TrimSpace(msg[len(file)+1:]))
	}
	return diag.Errorf(dir+file, line, "%s", strings.TrimSpace(rest))
}

func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"t":    r.strs.T,
		"rel":  Rel,
		"safe": func(s string) template.HTML { return template.HTML(s) },
		"add":  func(a, b int) int { return a + b },
		// anchorHref is the href attribute of a link to the element with
		// the given id on this page: <a {{anchorHref .ID}}>. html/template
		// would percent-encode every non-ASCII byte of "#{{.ID}}" (9 bytes
		// a Han character); this writes the fragment as the heading anchors
		// do (markdown.Fragment).
		"anchorHref": anchorHref,
	}
}

func anchorHref(id string) template.HTMLAttr {
	return template.HTMLAttr(`href="#` + html.EscapeString(markdown.Fragment(id)) + `"`)
}

// T returns a UI string of the site's language.
func (r *Renderer) T(key string, args ...any) string { return r.strs.T(key, args...) }

// PageTo renders one HTML entry of the plan, appending it to buf: the
// build renders page after page into one reused buffer instead of growing
// a new one for each page (the growing was a seventh of a build's
// allocations). On error buf holds a partial page.
func (r *Renderer) PageTo(buf *bytes.Buffer, in *Input, e *plan.Entry) error {
	d := r.data(in, e)
	l := r.layouts[e.Layout]
	if l == nil {
		return diag.Errorf(sourceOf(e), 1, "no template templates/%s.html", e.Layout)
	}
	t := l.set
	name := entryTemplate(t)
	l.folded.Do(func() { r.fold.constants(t, name) })
	if name == "base" {
		if err := d.share(t, &r.frags); err != nil {
			return fmt.Errorf("%s: layout %s: %w", sourceOf(e), e.Layout, err)
		}
	}
	if err := t.ExecuteTemplate(buf, name, d); err != nil {
		return fmt.Errorf("%s: layout %s: %w", sourceOf(e), e.Layout, err)
	}
	return nil
}

// entryTemplate names the template a layout's pages are executed with:
// "document" for a layout that is a whole document of its own (the alias
// redirect), else "base".
func entryTemplate(layout *template.Template) string {
	if layout.Lookup("document") != nil {
		return "document"
	}
	return "base"
}

func sourceOf(e *plan.Entry) string {
	if e.Source != "" {
		return e.Source
	}
	return e.Output
}

// Input is everything rendering needs besides the entry itself: the site,
// its plan and each body converted once for its page and once for each
// entry that shows it.
type Input struct {
	Site   *content.Site
	Plan   *plan.Plan
	Bodies map[*content.Page]*markdown.Result // each page's body as shown on its own page
	// Embedded holds the bodies shown inside other entries (links made
	// relative to the host, heading IDs prefixed).
	Embedded map[Embed]*markdown.Result
	Updated  map[string]string // content path → last-updated date from git
}

// Embed names a page's body as shown inside a host entry.
type Embed struct {
	Page *content.Page
	Host *plan.Entry
}

// Link is a ready-to-use link from the current page.
type Link struct {
	Title   string
	Href    string
	Current bool
}
