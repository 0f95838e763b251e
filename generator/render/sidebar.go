package render

import (
	"guidebook/generator/content"
	"guidebook/generator/plan"
	"slices"
)

// SideLink is one entry of the section sidebar. It repeats Link's fields
// rather than embedding Link: templates reach a promoted field through
// reflect's search of embedded structs, which allocates on every use.
type SideLink struct {
	Title   string
	Href    string
	Current bool
	Index   bool // the section's own list page
}

// sidebar returns the pages of the entry's section, its list page first,
// with the current page marked. Entries outside a section (home, search,
// print, 404) and sections made only of earlier versions get none: the
// sidebar is for reading a section in order.
func sidebar(e *plan.Entry) []SideLink {
	sec := e.Section
	if sec == nil || len(sec.Pages) == 0 || e.Kind == plan.KindAlias || sec.Archive() {
		return nil
	}
	current := e.Page
	if e.Kind == plan.KindHistory {
		current = nil
	}
	window := sidebarWindow(sec.Pages, e.Page)
	out := make([]SideLink, 0, len(window)+1)
	add := func(q *content.Page, index bool) {
		out = append(out, SideLink{Title: q.Title, Href: Rel(e.URL, q.URL), Current: q == current, Index: index})
	}
	add(sec.Index, true)
	for _, q := range window {
		add(q, false)
	}
	return out
}

// MaxSidebar is the most pages a sidebar lists in full. A larger section
// shows the SidebarWindow pages around the current one: readers use a
// sidebar to step to neighbouring pages, and the section's list page links
// them all. Listing 40 pages of a 1,000-page section on each of its pages
// made the sidebar three quarters of every page's bytes, and listing all
// of them would make the output grow with the square of the section's size.
const MaxSidebar = 30

// SidebarWindow is how many pages around the current one the sidebar of a
// section larger than MaxSidebar lists.
const SidebarWindow = 10

// sidebarWindow returns every page of a section of up to MaxSidebar pages,
// else the SidebarWindow pages centred on p.
func sidebarWindow(pages []*content.Page, p *content.Page) []*content.Page {
	if len(pages) <= MaxSidebar {
		return pages
	}
	at := max(slices.Index(pages, p), 0)
	start := min(max(at-SidebarWindow/2, 0), len(pages)-SidebarWindow)
	return pages[start : start+SidebarWindow]
}
