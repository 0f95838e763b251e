package render

import (
	"html/template"
	"strings"

	"guidebook/generator/config"
	"guidebook/generator/content"
	"guidebook/generator/diag"
	"guidebook/generator/markdown"
)

// PageData is what a layout template receives as ".".
type PageData struct {
	Site        *config.Config
	Page        *content.Page
	Layout      string
	Kind        string
	Title       string
	Description string
	URL         string // clean URL relative to the site root
	Root        string // relative path to the site root: "./", "../../"
	Canonical   string // absolute URL when baseURL is set
	Content     template.HTML
	TOC         []markdown.Heading
	Menu        []Link
	Breadcrumbs []Link
	Prev, Next  *Link
	Section     *Link
	Children    []Child
	Revisions   []Child    // history page: the versions, oldest first
	Lines       []string   // revision: the verbatim text, line by line
	Diff        []DiffLine // revision: changes from the previous version
	History     *Link      // link to this page's history page, if any
	Fields      []content.Field
	Updated     string
	EditURL     string
	Assets      Assets
	CSS, JS     string  // hrefs of the bundles from this page
	AllPages    []Child // print page: every page in reading order
	Tasks       int     // checklist items on this page (or procedure)
	PrintAll    bool    // the site has a whole-guide print page

	// Theme features.
	Sidebar []SideLink    // pages of the current section, for the sidebar
	JSONLD  []template.JS // schema.org documents for ld+json blocks
}

// Child is a page shown inside another: a section list entry, a step on the
// procedure page, a question on the FAQ page.
type Child struct {
	Title       string
	Description string
	Href        string
	ID          string // anchor for in-page use
	Content     template.HTML
	Date        string
	Summary     string
	Kind        string
	Tasks       int
}

func (r *Renderer) data(in *Input, p *content.Page) (*PageData, error) {
	d := &PageData{
		Site: r.cfg, Page: p, Layout: LayoutFor(p), Kind: p.Kind,
		Title: p.Title, Description: p.Description, URL: p.URL, Root: Root(p.URL),
		Assets: r.assets, Fields: p.Fields,
	}
	if d.Description == "" {
		d.Description = r.cfg.Description
	}
	if r.cfg.BaseURL != "" && p.Kind != "404" {
		d.Canonical = r.cfg.BaseURL + p.URL
	}
	d.CSS = Rel(p.URL, r.assets.CSS)
	d.JS = Rel(p.URL, r.assets.JS)
	res := in.Results[p]
	if res != nil {
		d.Content = template.HTML(res.HTML)
		d.TOC = toc(res.Headings, p)
		d.Tasks = len(res.Tasks)
	}
	d.Updated = p.Updated
	if d.Updated == "" {
		d.Updated = in.Updated[p.Path]
	}
	if r.cfg.EditURL != "" && !strings.HasPrefix(p.File, p.Kind) {
		d.EditURL = strings.TrimSuffix(r.cfg.EditURL, "/") + "/" + p.File
	}
	d.PrintAll = HasPrintPage(in.Site)
	d.Menu = r.menu(in.Site, p)
	d.Breadcrumbs = breadcrumbs(in.Site, p)
	if len(p.Revisions) > 0 {
		d.History = &Link{Title: r.strs.T("history.link"), Href: Rel(p.URL, p.URL+"history/")}
	}
	r.relations(in, p, d)
	d.Sidebar = sidebar(in.Site, p)
	d.JSONLD = r.jsonLD(in, p, d)
	return d, nil
}

// relations fills section, previous/next and the children shown on list pages.
func (r *Renderer) relations(in *Input, p *content.Page, d *PageData) {
	switch {
	case p.Kind == "history":
		d.Revisions = r.children(in, p, p.Revisions)
		d.Section = &Link{Title: p.RevisionOf.Title, Href: Rel(p.URL, p.RevisionOf.URL)}
		return
	case p.Kind == content.KindRevision:
		d.Lines = strings.Split(strings.TrimRight(string(p.Body), "\n"), "\n")
		if orig := p.RevisionOf; orig != nil {
			d.Section = &Link{Title: orig.Title, Href: Rel(p.URL, orig.URL)}
			d.History = &Link{Title: r.strs.T("history.link"), Href: Rel(p.URL, orig.URL+"history/")}
			d.Diff = diffPrevious(orig.Revisions, p)
		}
		return
	case p.Kind == "print":
		d.AllPages = r.printPages(in, p)
		return
	case p.Kind == content.KindHome:
		for _, sec := range in.Site.Sections {
			if sec.Name == "appeal-types" {
				d.Children = r.children(in, p, sec.Pages)
			}
		}
		return
	}
	sec := in.Site.Section(p.Section)
	if sec == nil {
		return
	}
	if p.IsIndex {
		d.Children = r.children(in, p, sec.Pages)
		for _, c := range d.Children {
			d.Tasks += c.Tasks
		}
		return
	}
	d.Section = &Link{Title: sec.Index.Title, Href: Rel(p.URL, sec.Index.URL)}
	for i, sp := range sec.Pages {
		if sp != p {
			continue
		}
		if i > 0 {
			d.Prev = &Link{Title: sec.Pages[i-1].Title, Href: Rel(p.URL, sec.Pages[i-1].URL)}
		}
		if i+1 < len(sec.Pages) {
			d.Next = &Link{Title: sec.Pages[i+1].Title, Href: Rel(p.URL, sec.Pages[i+1].URL)}
		}
	}
}

// showsChildContent reports whether a page shows the bodies of the pages it
// lists (the procedure, the FAQ page, the print page), not just their titles:
// converting bodies for plain lists would be wasted work.
func showsChildContent(p *content.Page) bool {
	switch LayoutFor(p) {
	case "procedure", "faq-list", "print":
		return true
	}
	return false
}

func (r *Renderer) children(in *Input, from *content.Page, pages []*content.Page) []Child {
	out := make([]Child, 0, len(pages))
	for _, c := range pages {
		ch := Child{Title: c.Title, Description: c.Description, Href: Rel(from.URL, c.URL),
			ID: AnchorFor(c), Date: c.Date, Summary: c.Summary, Kind: c.Kind}
		if showsChildContent(from) {
			if res := in.Body(c, from); res != nil {
				ch.Content = template.HTML(res.HTML)
				ch.Tasks = len(res.Tasks)
			}
		}
		out = append(out, ch)
	}
	return out
}

// printPages returns every guide page (revisions left out) for the print page.
func (r *Renderer) printPages(in *Input, from *content.Page) []Child {
	var pages []*content.Page
	for _, p := range in.Site.All() {
		if p.Kind != content.KindRevision && !(p.IsIndex && p.Section == "revisions") {
			pages = append(pages, p)
		}
	}
	return r.children(in, from, pages)
}

// AnchorFor is the in-page anchor of a page shown inside another page.
func AnchorFor(p *content.Page) string {
	return "p-" + strings.NewReplacer("/", "-", ".md", "").Replace(p.Path)
}

// toc returns the headings for the on-page table of contents: shown for
// pages with three or more ## / ### headings unless front matter sets toc.
func toc(hs []markdown.Heading, p *content.Page) []markdown.Heading {
	var out []markdown.Heading
	for _, h := range hs {
		if h.Level == 2 || h.Level == 3 {
			out = append(out, h)
		}
	}
	show := len(out) >= 3
	if p.TOC != nil {
		show = *p.TOC
	}
	if !show {
		return nil
	}
	return out
}

func (r *Renderer) menu(site *content.Site, p *content.Page) []Link {
	var out []Link
	for _, m := range r.cfg.Menu {
		l := Link{Title: m.Name, Href: m.URL}
		if m.Page != "" {
			target := site.Page(m.Page)
			if target == nil {
				continue // reported by CheckMenu
			}
			l.Href = Rel(p.URL, target.URL)
			l.Current = target == p || (target.IsIndex && target.Section != "" && target.Section == p.Section)
		}
		out = append(out, l)
	}
	return out
}

// CheckMenu reports menu entries of site.yaml that name a missing page.
func CheckMenu(cfg *config.Config, site *content.Site) error {
	var errs diag.List
	for _, m := range cfg.Menu {
		if m.Page != "" && site.Page(m.Page) == nil {
			errs.Add(diag.Errorf(config.FileName, m.Line, "menu item %q: page %q does not exist", m.Name, m.Page))
		}
	}
	return errs.Err()
}

func breadcrumbs(site *content.Site, p *content.Page) []Link {
	if p.Kind == content.KindHome || p.Kind == "404" {
		return nil
	}
	out := []Link{{Title: site.Home.Title, Href: Rel(p.URL, "")}}
	if sec := site.Section(p.Section); sec != nil && !p.IsIndex {
		out = append(out, Link{Title: sec.Index.Title, Href: Rel(p.URL, sec.Index.URL)})
	}
	if p.RevisionOf != nil && p.Kind == "history" {
		out = append(out, Link{Title: p.RevisionOf.Title, Href: Rel(p.URL, p.RevisionOf.URL)})
	}
	return append(out, Link{Title: p.Title, Href: Rel(p.URL, p.URL), Current: true})
}
