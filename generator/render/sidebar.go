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
	for _, q := range sec.Pages {
		add(q, false)
	}
	return out
}
