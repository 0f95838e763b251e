package render

import "guidebook/generator/content"

// SideLink is one entry of the section sidebar.
type SideLink struct {
	Link
	Index bool // the section's own list page
}

// sidebar returns the pages of p's section, its list page first, with the
// current page marked. Pages outside a section (home, search, print, 404)
// and revisions get none: the sidebar is for reading a section in order.
func sidebar(site *content.Site, p *content.Page) []SideLink {
	name := p.Section
	if p.Kind == "history" && p.RevisionOf != nil {
		name = p.RevisionOf.Section
	}
	sec := site.Section(name)
	if sec == nil || sec.Name == "revisions" || len(sec.Pages) == 0 {
		return nil
	}
	out := make([]SideLink, 0, len(sec.Pages)+1)
	add := func(q *content.Page, index bool) {
		out = append(out, SideLink{Link: Link{Title: q.Title, Href: Rel(p.URL, q.URL), Current: q == p}, Index: index})
	}
	add(sec.Index, true)
	for _, q := range sidebarWindow(sec.Pages, p) {
		add(q, false)
	}
	return out
}

// MaxSidebar is the most pages a sidebar lists. A larger section shows the
// pages around the current one (its list page links them all): listing every
// page of a 1,000-page section on each of its pages would make the output grow
// with the square of the section's size.
const MaxSidebar = 40

// sidebarWindow returns at most MaxSidebar pages of pages, centred on p.
func sidebarWindow(pages []*content.Page, p *content.Page) []*content.Page {
	if len(pages) <= MaxSidebar {
		return pages
	}
	at := 0
	for i, q := range pages {
		if q == p {
			at = i
		}
	}
	start := min(max(at-MaxSidebar/2, 0), len(pages)-MaxSidebar)
	return pages[start : start+MaxSidebar]
}
