package render

import (
	"html/template"
	"strings"

	"guidebook/generator/config"
	"guidebook/generator/content"
	"guidebook/generator/diag"
	"guidebook/generator/markdown"
	"guidebook/generator/plan"
)

// PageData is what a layout template receives as ".".
type PageData struct {
	Site        *config.Config
	Page        *content.Page // the content page; for a history page, the page whose history it is
	Params      map[string]any
	Layout      string
	Kind        string // the entry kind: home, section, page, history, search, print, 404, alias
	SiteID      string // namespace of the site's browser storage (site.yaml id, else title)
	Title       string
	Description string
	URL         string // clean URL relative to the site root
	Root        string // relative path to the site root: "./", "../../"
	Canonical   string // absolute URL when baseURL is set
	Content     template.HTML
	TOC         []TOCEntry
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
	Actions     []Link  // calls to action (actions:), e.g. the home page's "start here"
	Cards       []Child // pages shown as cards (cards:)
	CardsTitle  string
	Target      *Link // alias: the page it redirects to
	Updated     string
	EditURL     string
	Assets      Assets
	CSS, JS     string  // hrefs of the bundles from this page
	AllPages    []Child // print page: every page in reading order
	Tasks       int     // checklist items on this page (or procedure)
	PrintAll    bool    // the site has a whole-site print page

	// Theme features.
	Sidebar []SideLink    // pages of the current section, for the sidebar
	JSONLD  []template.JS // schema.org documents for ld+json blocks (only with baseURL)

	// Fragments shared between pages, made from the theme's partials
	// (fragments.go): each list's item partial executed for each of its
	// links, the Frame partials and html-tag.
	SidebarItems    template.HTML // sidebar-item for each of .Sidebar
	BreadcrumbItems template.HTML // breadcrumb-item for each of .Breadcrumbs
	MenuItems       template.HTML // menu-item for each of .Menu
	HeadFrame       template.HTML // head-frame: the stylesheet, icon and script links
	HeaderFrame     template.HTML // header-frame: the site header
	FooterFrame     template.HTML // footer-frame: the footer's links
	HTMLTag         template.HTML // html-tag: the <html> start tag
}

// Child is a page shown inside another: a section list entry, a step on the
// procedure page, a question on the FAQ page, a card.
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

func (r *Renderer) data(in *Input, e *plan.Entry) *PageData {
	p := e.Page
	d := &PageData{
		Site: r.cfg, Page: p, Layout: e.Layout, Kind: string(e.Kind),
		URL: e.URL, Root: Root(e.URL), Assets: r.assets, PrintAll: in.Plan.PrintAll,
		Description: r.cfg.Description, SiteID: r.cfg.ID,
	}
	if d.SiteID == "" {
		d.SiteID = r.cfg.Title
	}
	if e.Kind == plan.KindNotFound {
		d.URL = ""
	}
	if r.cfg.BaseURL != "" && e.Kind != plan.KindNotFound {
		d.Canonical = r.cfg.BaseURL + escapePath(e.URL)
	}
	d.CSS = Rel(d.URL, r.assets.CSS)
	d.JS = Rel(d.URL, r.assets.JS)
	d.Menu = r.menu(in.Site, e)
	switch e.Kind {
	case plan.KindSearch:
		d.Title = r.T("search.title")
	case plan.KindNotFound:
		d.Title = r.T("notfound.title")
	case plan.KindPrint:
		d.Title = r.T("print.title")
		d.AllPages = r.children(in, e, e.Embeds)
		for _, c := range d.AllPages {
			d.Tasks += c.Tasks
		}
	case plan.KindHistory:
		r.historyData(in, e, d)
	case plan.KindAlias:
		d.Title = p.Title
		d.Target = &Link{Title: p.Title, Href: Rel(e.URL, p.URL)}
		if r.cfg.BaseURL != "" {
			d.Canonical = r.cfg.BaseURL + escapePath(p.URL)
		}
		return d
	default:
		r.pageData(in, e, d)
	}
	d.Breadcrumbs = breadcrumbs(in.Site, e, d.Title)
	d.Sidebar = sidebar(e)
	d.JSONLD = r.jsonLD(in, e, d)
	return d
}

// pageData fills what a content page (home, section, page) shows.
func (r *Renderer) pageData(in *Input, e *plan.Entry, d *PageData) {
	p := e.Page
	d.Title, d.Fields = p.Title, p.Fields
	if p.Description != "" {
		d.Description = p.Description
	}
	if res := in.Bodies[p]; res != nil {
		d.Content = template.HTML(res.HTML) // a string: no copy per page
		d.TOC = toc(res.Headings, p)
		d.Tasks = len(res.Tasks)
	}
	d.Updated = p.Updated
	if d.Updated == "" {
		d.Updated = in.Updated[p.Path]
	}
	d.EditURL = r.editURL(p)
	if len(p.Revisions) > 0 {
		d.History = &Link{Title: r.T("history.link"), Href: Rel(e.URL, p.URL+"history/")}
	}
	for _, a := range p.Actions {
		href := a.URL
		if t := in.Site.Page(a.Page); t != nil {
			href = Rel(e.URL, t.URL)
		}
		d.Actions = append(d.Actions, Link{Title: a.Text, Href: href})
	}
	if p.Cards != nil {
		d.CardsTitle = p.Cards.Title
		d.Cards = r.children(in, e, CardPages(in.Site, p.Cards.Pages))
	}
	if p.IsRevision() {
		r.revisionData(e, d)
		return
	}
	if e.Kind == plan.KindSection {
		d.Children = r.children(in, e, append(e.Lists, e.Embeds...))
		for _, c := range d.Children {
			d.Tasks += c.Tasks
		}
		return
	}
	if sec := e.Section; sec != nil && e.Kind == plan.KindPage {
		d.Section = &Link{Title: sec.Index.Title, Href: Rel(e.URL, sec.Index.URL)}
		d.Prev, d.Next = neighbours(sec.Pages, p, e.URL)
	}
}

// neighbours returns the links to the pages before and after p in its section.
func neighbours(pages []*content.Page, p *content.Page, from string) (prev, next *Link) {
	for i, sp := range pages {
		if sp != p {
			continue
		}
		if i > 0 {
			prev = &Link{Title: pages[i-1].Title, Href: Rel(from, pages[i-1].URL)}
		}
		if i+1 < len(pages) {
			next = &Link{Title: pages[i+1].Title, Href: Rel(from, pages[i+1].URL)}
		}
	}
	return prev, next
}

// CardPages expands cards: paths: a section's list page stands for its pages.
func CardPages(site *content.Site, paths []string) []*content.Page {
	var out []*content.Page
	for _, cp := range paths {
		p := site.Page(cp)
		if p == nil {
			continue // reported by the plan
		}
		if sec := site.Section(p.Section); sec != nil && p == sec.Index {
			out = append(out, sec.Pages...)
			continue
		}
		out = append(out, p)
	}
	return out
}

// revisionData fills a revision page: its verbatim lines and the diff from
// the version before it.
func (r *Renderer) revisionData(e *plan.Entry, d *PageData) {
	p := e.Page
	d.Lines = strings.Split(strings.TrimRight(string(p.Body), "\n"), "\n")
	d.Content = ""
	d.TOC = nil
	if orig := p.RevisionOf; orig != nil {
		d.Section = &Link{Title: orig.Title, Href: Rel(e.URL, orig.URL)}
		d.History = &Link{Title: r.T("history.link"), Href: Rel(e.URL, orig.URL+"history/")}
		d.Diff = diffPrevious(orig.Revisions, p)
	}
}

// historyData fills the history page of e.Page: its versions, oldest first.
func (r *Renderer) historyData(in *Input, e *plan.Entry, d *PageData) {
	p := e.Page
	d.Title = r.T("history.of", p.Title)
	if p.Description != "" {
		d.Description = p.Description
	}
	d.Revisions = r.children(in, e, e.Lists)
	d.Section = &Link{Title: p.Title, Href: Rel(e.URL, p.URL)}
	d.Updated = in.Updated[p.Path]
	d.EditURL = r.editURL(p)
}

// editURL is the "edit this page" link of p's source file, when site.yaml
// sets editURL.
func (r *Renderer) editURL(p *content.Page) string {
	if r.cfg.EditURL == "" {
		return ""
	}
	return strings.TrimSuffix(r.cfg.EditURL, "/") + "/" + p.File
}

// children turns pages into the entries a host shows: with their bodies when
// the host embeds them.
func (r *Renderer) children(in *Input, host *plan.Entry, pages []*content.Page) []Child {
	out := make([]Child, 0, len(pages))
	for _, c := range pages {
		ch := Child{Title: c.Title, Description: c.Description, Href: Rel(host.URL, c.URL),
			ID: AnchorFor(c), Date: c.Date, Summary: c.Summary, Kind: c.Section}
		if res := in.Embedded[Embed{Page: c, Host: host}]; res != nil {
			ch.Content = template.HTML(res.HTML)
			ch.Tasks = len(res.Tasks)
		}
		out = append(out, ch)
	}
	return out
}

// AnchorFor is the in-page anchor of a page shown inside another page.
func AnchorFor(p *content.Page) string {
	return "p-" + anchorReplacer.Replace(p.Path)
}

// anchorReplacer is built once: a section's list page asks for the anchor of
// each of its pages, and building the replacer was most of the cost. A
// Replacer is safe for concurrent use and never changes.
var anchorReplacer = strings.NewReplacer("/", "-", ".md", "")

// TOCEntry is one line of the on-page table of contents. Sub and Href are
// worked out here so that the template makes no function call per line (gt,
// anchorHref: each a reflected call).
type TOCEntry struct {
	Level int
	ID    string
	Text  string
	Sub   bool              // a ### heading, indented under its ##
	Href  template.HTMLAttr // href="#…": the anchor written as the heading's own (anchorHref)
}

// toc returns the headings for the on-page table of contents: shown for
// pages with three or more ## / ### headings unless front matter sets toc.
func toc(hs []markdown.Heading, p *content.Page) []TOCEntry {
	n := 0
	for _, h := range hs {
		if h.Level == 2 || h.Level == 3 {
			n++
		}
	}
	show := n >= 3
	if p.TOC != nil {
		show = *p.TOC
	}
	if !show || n == 0 {
		return nil
	}
	out := make([]TOCEntry, 0, n)
	for _, h := range hs {
		if h.Level == 2 || h.Level == 3 {
			out = append(out, TOCEntry{Level: h.Level, ID: h.ID, Text: h.Text, Sub: h.Level > 2, Href: anchorHref(h.ID)})
		}
	}
	return out
}

func (r *Renderer) menu(site *content.Site, e *plan.Entry) []Link {
	var out []Link
	for _, m := range r.cfg.Menu {
		l := Link{Title: m.Name, Href: m.URL}
		if m.Page != "" {
			target := site.Page(m.Page)
			if target == nil {
				continue // reported by CheckMenu
			}
			l.Href = Rel(e.URL, target.URL)
			l.Current = e.Page != nil && (target == e.Page ||
				(target.Kind == content.KindSection && target.Section == e.Page.Section && e.Kind != plan.KindAlias))
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

func breadcrumbs(site *content.Site, e *plan.Entry, title string) []Link {
	switch e.Kind {
	case plan.KindHome, plan.KindNotFound, plan.KindAlias:
		return nil
	}
	out := []Link{{Title: site.Home.Title, Href: Rel(e.URL, "")}}
	p := e.Page
	if p != nil {
		if sec := site.Section(p.Section); sec != nil && e.Kind != plan.KindSection {
			out = append(out, Link{Title: sec.Index.Title, Href: Rel(e.URL, sec.Index.URL)})
		}
		if e.Kind == plan.KindHistory {
			out = append(out, Link{Title: p.Title, Href: Rel(e.URL, p.URL)})
		}
	}
	return append(out, Link{Title: title, Href: Rel(e.URL, e.URL), Current: true})
}
