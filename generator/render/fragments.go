package render

import (
	"bytes"
	"html/template"
	"strings"
	"sync"
)

// fragments caches the HTML of the partials that show one link of a list
// (sidebar-item, breadcrumb-item, menu-item) and of the Frame partials
// (header-frame, head-frame, footer-frame) and of the <html> start tag
// (html-tag). A link reads the same on every
// page in one folder that lists it, and so does a Frame, so each is executed
// once instead of once per page: a link costs text/template half a dozen
// reflected calls (the escapers html/template inserts, the ifs), which made
// these parts most of a page's template work.
//
// A fragment is keyed by everything its partial receives: the partial is
// executed with the link or Frame value alone and template functions are
// pure, so an entry can never be stale, even when serve re-renders pages
// after a title edit. It is safe for concurrent use.
type fragments struct {
	sideLinks fragmentCache[SideLink]
	links     fragmentCache[Link]
	frames    fragmentCache[Frame]
	tags      fragmentCache[DocumentTag]
}

// fragmentCache holds the fragments made from one type of value. A map per
// type hashes its keys with the type's own hash function; one map keyed by
// interface values hashed them by walking their types and was 6 % of
// rendering.
type fragmentCache[T comparable] struct {
	mu sync.RWMutex
	m  map[fragmentKey[T]]template.HTML
}

// fragmentKey names one execution of a partial. The template set is part of
// it because each layout is parsed on its own and may redefine a partial.
type fragmentKey[T comparable] struct {
	set  *template.Template
	name string
	data T
}

// get returns the HTML of partial name executed with data, from the cache
// when set made it before. Current items, which only their own page shows,
// are executed every time and not kept.
func (c *fragmentCache[T]) get(set *template.Template, name string, data T, keep bool) (template.HTML, error) {
	k := fragmentKey[T]{set: set, name: name, data: data}
	if keep {
		c.mu.RLock()
		h, ok := c.m[k]
		c.mu.RUnlock()
		if ok {
			return h, nil
		}
	}
	var b bytes.Buffer
	if err := set.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	if keep {
		c.mu.Lock()
		if c.m == nil {
			c.m = map[fragmentKey[T]]template.HTML{}
		}
		c.m[k] = h
		c.mu.Unlock()
	}
	return h, nil
}

// share fills the page's shared fragments from the partials of its layout's
// template set: its lists of links, then the Frame partials and its <html>
// start tag.
func (d *PageData) share(set *template.Template, frags *fragments) error {
	var err error
	if d.SidebarItems, err = items(set, &frags.sideLinks, "sidebar-item", d.Sidebar, func(l SideLink) bool { return l.Current }); err != nil {
		return err
	}
	isCurrent := func(l Link) bool { return l.Current }
	if d.BreadcrumbItems, err = items(set, &frags.links, "breadcrumb-item", d.Breadcrumbs, isCurrent); err != nil {
		return err
	}
	if d.MenuItems, err = items(set, &frags.links, "menu-item", d.Menu, isCurrent); err != nil {
		return err
	}
	f := d.frame()
	for _, p := range []struct {
		name string
		to   *template.HTML
	}{{"head-frame", &d.HeadFrame}, {"header-frame", &d.HeaderFrame}, {"footer-frame", &d.FooterFrame}} {
		if *p.to, err = frags.frames.get(set, p.name, f, true); err != nil {
			return err
		}
	}
	d.HTMLTag, err = frags.tags.get(set, "html-tag", d.documentTag(), true)
	return err
}

// items returns the HTML of partial name executed with each item, one after
// the other. current says which items only their own page shows.
func items[T comparable](set *template.Template, c *fragmentCache[T], name string, list []T, current func(T) bool) (template.HTML, error) {
	if len(list) == 0 {
		return "", nil
	}
	parts := make([]template.HTML, len(list))
	n := 0
	for i, it := range list {
		h, err := c.get(set, name, it, !current(it))
		if err != nil {
			return "", err
		}
		parts[i] = h
		n += len(h)
	}
	var b strings.Builder
	b.Grow(n)
	for _, h := range parts {
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}
