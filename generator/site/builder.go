package site

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"guidebook/generator/content"
	"guidebook/generator/diag"
	"guidebook/generator/plan"
	"guidebook/generator/render"
)

// Builder builds a site again and again, as `serve` does: it keeps what the
// last build made, and for a change to the body or title of existing pages
// it converts only those pages and renders only the outputs whose inputs
// changed (the plan's dependency lists say which). Any other change builds
// everything. A Builder is safe for use by one goroutine at a time.
type Builder struct {
	opts Options
	mu   sync.Mutex
	last *state // nil until a build succeeds, and after a failed update
	gen  int    // counts updates, so a Refresh that raced one is dropped
}

// NewBuilder returns a Builder for the site opts describe.
func NewBuilder(opts Options) *Builder { return &Builder{opts: opts} }

// Update says what Builder.Update did.
type Update struct {
	// Full is true when everything was built again; Reason says why.
	Full   bool
	Reason string
	// CSSOnly is true when only the stylesheet changed: open pages can swap
	// it without reloading.
	CSSOnly bool
	// Converted and Rendered count the bodies converted and the outputs
	// rendered by an incremental update.
	Converted, Rendered int
	// Stale is true when the search index still reflects the previous text:
	// the caller should run a full Build soon, in the background.
	Stale bool
}

// Build builds everything and keeps the result for later updates.
func (b *Builder) Build(ctx context.Context) (*Output, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.full(ctx)
}

func (b *Builder) full(ctx context.Context) (*Output, error) {
	st, err := build(ctx, b.opts)
	if err != nil {
		if ctx.Err() == nil { // a cancelled build says nothing about the site
			b.last = nil
		}
		return nil, err
	}
	b.last = st
	return st.out, nil
}

// Refresh builds everything without holding up Update: serve runs it in
// the background after an incremental update, to bring the search index,
// feed and the rest up to date. Its result is kept only when no Update
// happened meanwhile; otherwise it returns nil and no error, and the caller
// refreshes again later.
func (b *Builder) Refresh(ctx context.Context) (*Output, error) {
	b.mu.Lock()
	gen := b.gen
	b.mu.Unlock()
	opts := b.opts
	opts.Workers = 1 // in the background: leave the other cores to the editor's next save
	st, err := build(ctx, opts)
	if st != nil {
		st.opts.Workers = b.opts.Workers
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.gen != gen || ctx.Err() != nil {
		return nil, nil
	}
	if err != nil {
		b.last = nil
		return nil, err
	}
	b.last = st
	return st.out, nil
}

// Update applies a change to the files at paths (slash-separated, relative
// to the site folder, as the watcher reports them).
func (b *Builder) Update(ctx context.Context, paths []string) (*Output, Update, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.gen++
	start := time.Now()
	if b.last == nil {
		out, err := b.full(ctx)
		return out, Update{Full: true, Reason: "no earlier build to update"}, err
	}
	kind, reason := classify(b.last, paths)
	var (
		out *Output
		upd Update
		err error
	)
	switch kind {
	case changeCSS:
		out, err = b.updateCSS()
		upd = Update{CSSOnly: true}
	case changePages:
		out, upd, err = b.updatePages(ctx, paths)
		if upd.Full {
			reason = upd.Reason
		}
	}
	if kind == changeOther || (err == nil && upd.Full) {
		out, err = b.full(ctx)
		return out, Update{Full: true, Reason: reason}, err
	}
	if err != nil {
		b.last = nil // the pages were changed in place: build everything next time
		return nil, upd, err
	}
	out.Duration = time.Since(start)
	return out, upd, nil
}

type change int

const (
	changeOther change = iota // build everything
	changeCSS                 // only the theme's stylesheets
	changePages               // only existing Markdown pages
)

// classify decides how a change can be applied: the one function that says
// which changes are incremental.
func classify(st *state, paths []string) (change, string) {
	if len(paths) == 0 {
		return changeOther, "no file named"
	}
	css, pages := true, true
	for _, p := range paths {
		css = css && st.opts.Dev && strings.HasPrefix(p, "static/css/") && strings.HasSuffix(p, ".css")
		cp, ok := strings.CutPrefix(p, "content/")
		pages = pages && ok && strings.HasSuffix(cp, ".md") && st.site.Page(cp) != nil && st.site.Page(cp).Path == cp
	}
	switch {
	case css:
		return changeCSS, ""
	case pages:
		return changePages, ""
	}
	return changeOther, fmt.Sprintf("%s changed", paths[0])
}

// updateCSS bundles the stylesheet again under its dev name.
func (b *Builder) updateCSS() (*Output, error) {
	st := b.last
	files := maps.Clone(st.out.Files)
	if _, err := bundleCSS(st.theme, st.usedCode, true, files); err != nil {
		return nil, err
	}
	return st.replaceOutput(files, nil), nil
}

// updatePages reads the changed pages again; when only their bodies, titles
// or descriptions changed, it applies them in place and renders what shows
// them. Anything else returns Update.Full.
func (b *Builder) updatePages(ctx context.Context, paths []string) (*Output, Update, error) {
	st := b.last
	contentFS, err := fs.Sub(b.opts.Site, "content")
	if err != nil {
		return nil, Update{}, err
	}
	type edit struct{ old, fresh *content.Page }
	var edits []edit
	for _, p := range paths {
		old := st.site.Page(strings.TrimPrefix(p, "content/"))
		fresh, err := content.Reread(contentFS, old, content.Options{Drafts: b.opts.Drafts})
		if err != nil || fresh == nil {
			return nil, Update{Full: true, Reason: p + " has problems"}, nil
		}
		if !sameStructure(old, fresh) {
			return nil, Update{Full: true, Reason: p + ": front matter changed"}, nil
		}
		edits = append(edits, edit{old, fresh})
	}
	upd := Update{Stale: true}
	titles := false
	affected := map[*plan.Entry]bool{}
	for _, e := range edits {
		titles = titles || e.old.Title != e.fresh.Title || e.old.Description != e.fresh.Description
		e.old.Title, e.old.Description = e.fresh.Title, e.fresh.Description
		e.old.Body, e.old.BodyLine, e.old.TitleHeading = e.fresh.Body, e.fresh.BodyLine, e.fresh.TitleHeading
		for _, entry := range st.showing(e.old) {
			affected[entry] = true
		}
	}
	if titles && !st.site.InOrder() { // pages of equal weight are ordered by title
		return nil, Update{Full: true, Reason: "a title change reorders pages"}, nil
	}
	// Convert the changed bodies: for their own pages and for every entry
	// that shows them.
	var errs diag.List
	for _, e := range edits {
		st.bodies.forget(e.old)
		if !converts(e.old) {
			delete(st.in.Bodies, e.old)
			continue
		}
		res, err := st.bodies.convert(e.old)
		errs.Add(err)
		upd.Converted++
		if res == nil {
			continue
		}
		for c := range res.CodeClasses {
			if !st.usedCode[c] {
				return nil, Update{Full: true, Reason: "a new kind of code block needs its styles"}, nil
			}
		}
		st.in.Bodies[e.old] = res
		for _, host := range st.plan.Entries {
			if slices.Contains(host.Embeds, e.old) {
				st.in.Embedded[render.Embed{Page: e.old, Host: host}] = embedded(res, e.old.URL, host.URL, render.AnchorFor(e.old)+"-")
			}
		}
	}
	warnings, fatal := st.bodies.verdict(errs, st.in.Bodies)
	if fatal != nil {
		return nil, upd, fatal
	}
	if titles {
		for _, e := range edits {
			for _, entry := range st.listing(e.old) {
				affected[entry] = true
			}
		}
	}
	entries := make([]*plan.Entry, 0, len(affected))
	for e := range affected {
		entries = append(entries, e)
	}
	files := maps.Clone(st.out.Files)
	if err := renderAll(ctx, b.opts.Workers, st.renderer, st.in, entries, &store{files: files}); err != nil {
		return nil, upd, err
	}
	upd.Rendered = len(entries)
	return st.replaceOutput(files, warnings), upd, nil
}

// showing returns the entries whose output shows page p's body, by the
// plan's dependency lists: its own page, the pages that embed it (a
// procedure, the FAQ list, the print page) and, for an earlier version, the
// other versions whose diffs read it.
func (st *state) showing(p *content.Page) []*plan.Entry {
	var out []*plan.Entry
	for _, e := range st.plan.Entries {
		if !e.Kind.HTML() || e.Kind == plan.KindAlias {
			continue
		}
		if slices.Contains(e.Deps(), p.Path) {
			out = append(out, e)
		}
	}
	return out
}

// listing returns the entries that show page p's title or description: every
// page for the home page (breadcrumbs); the pages of p's section (sidebar,
// previous/next, breadcrumbs of a list page); and the home page, the print
// page, p's history and aliases, its earlier versions, and whatever lists
// or embeds it.
func (st *state) listing(p *content.Page) []*plan.Entry {
	var out []*plan.Entry
	for _, e := range st.plan.Entries {
		if !e.Kind.HTML() {
			continue
		}
		switch {
		case p.Kind == content.KindHome,
			e.Kind == plan.KindHome || e.Kind == plan.KindPrint,
			e.Page == p,
			e.Page != nil && e.Page.RevisionOf == p,
			e.Section != nil && e.Section.Name == p.Section && p.Section != "",
			slices.Contains(e.Lists, p) || slices.Contains(e.Embeds, p):
			out = append(out, e)
		}
	}
	return out
}

// replaceOutput makes a new Output from files, keeping the rest of the last.
func (st *state) replaceOutput(files map[string][]byte, warnings []error) *Output {
	out := *st.out
	out.Files = files
	if warnings != nil {
		out.Warnings = warnings
	}
	st.out = &out
	return &out
}

// sameStructure reports whether fresh, a page read again, differs from old
// at most in its body, title and description: a change the plan does not
// see (no URL, layout, order, alias, field or revision changes).
func sameStructure(old, fresh *content.Page) bool {
	a, b := old.FrontMatter, fresh.FrontMatter
	a.Title, b.Title = "", ""
	a.Description, b.Description = "", ""
	return reflect.DeepEqual(a, b) && old.IsIndex == fresh.IsIndex && path.Clean(old.Path) == path.Clean(fresh.Path)
}
