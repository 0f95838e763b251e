package site

import (
	"context"
	"fmt"
	"path"
	"strings"
	"sync"

	"guidebook/generator/content"
	"guidebook/generator/diag"
	"guidebook/generator/markdown"
	"guidebook/generator/render"
)

// bodies converts page bodies: once for the page itself, and again for each
// page that shows it inside another (the procedure shows every step, the FAQ
// page every answer, the print page everything), with links made relative to
// the host page and heading IDs prefixed so they stay unique there.
type bodies struct {
	ctx  context.Context
	conv *markdown.Converter
	site *content.Site

	mu      sync.Mutex
	anchors []anchorRef
	embeds  sync.Map // embedKey → *markdown.Result
}

type embedKey struct{ page, host *content.Page }

// anchorRef is a link to #anchor of a page, checked once every page is converted.
type anchorRef struct {
	from   *content.Page
	target *content.Page
	anchor string
	line   int
	dest   string
}

func newBodies(ctx context.Context, conv *markdown.Converter, site *content.Site) *bodies {
	return &bodies{ctx: ctx, conv: conv, site: site}
}

// converts reports whether a page's body is Markdown (revisions are verbatim text).
func converts(p *content.Page) bool { return p.Kind != content.KindRevision && len(p.Body) > 0 }

// convertAll converts every page for itself, on all cores.
func (b *bodies) convertAll() (map[*content.Page]*markdown.Result, error) {
	var pages []*content.Page
	for _, p := range b.site.All() {
		if converts(p) {
			pages = append(pages, p)
		}
	}
	results := make(map[*content.Page]*markdown.Result, len(pages))
	var mu sync.Mutex
	var errs diag.List
	err := eachPage(b.ctx, pages, func(p *content.Page) {
		res, err := b.convert(p, p, "", true)
		mu.Lock()
		defer mu.Unlock()
		errs.Add(err)
		if res != nil {
			results[p] = res
		}
	})
	if err != nil {
		return nil, err
	}
	return results, errs.Err()
}

// shownOn returns the body of p as shown on host (p itself when host == p).
func (b *bodies) shownOn(p, host *content.Page) *markdown.Result {
	if !converts(p) {
		return nil
	}
	key := embedKey{p, host}
	if r, ok := b.embeds.Load(key); ok {
		return r.(*markdown.Result)
	}
	prefix := ""
	if p != host {
		prefix = render.AnchorFor(p) + "-"
	}
	res, _ := b.convert(p, host, prefix, false) // problems were reported by the page's own conversion
	b.embeds.Store(key, res)
	return res
}

func (b *bodies) convert(p, host *content.Page, idPrefix string, record bool) (*markdown.Result, error) {
	page := markdown.Page{
		File: p.File, Line: p.BodyLine, Key: strings.TrimSuffix(p.Path, ".md"), IDPrefix: idPrefix, Anchors: p == host,
		Link: func(dest string, line int) (string, error) { return b.link(p, host, idPrefix, dest, line, record) },
	}
	if p == host { // a letter's fields are filled on its own page only
		page.Fields = markdownFields(p.Fields)
	}
	return b.conv.Convert(p.Body, page)
}

// markdownFields converts a letter's declared fields for the converter.
func markdownFields(fs []content.Field) []markdown.Field {
	out := make([]markdown.Field, 0, len(fs))
	for _, f := range fs {
		out = append(out, markdown.Field{Name: f.Name, Label: f.Label, Kind: f.Kind, Columns: f.Columns})
	}
	return out
}

// link resolves a relative link written in p, for display on host.
func (b *bodies) link(p, host *content.Page, idPrefix, dest string, line int, record bool) (string, error) {
	target, anchor, _ := strings.Cut(dest, "#")
	if target == "" { // same page
		if record {
			b.addAnchor(anchorRef{from: p, target: p, anchor: anchor, dest: dest, line: line})
		}
		return "#" + idPrefix + anchor, nil
	}
	if !strings.HasSuffix(target, ".md") {
		return dest, nil // a static file or folder: left as written
	}
	cp := path.Clean(path.Join(path.Dir(p.Path), target))
	if strings.HasPrefix(target, "/") {
		cp = strings.TrimPrefix(path.Clean(target), "/")
	}
	to := b.site.Page(cp)
	if to == nil {
		return "", fmt.Errorf("no page content/%s", cp)
	}
	if anchor != "" && record {
		b.addAnchor(anchorRef{from: p, target: to, anchor: anchor, dest: dest, line: line})
	}
	if anchor != "" {
		return render.Rel(host.URL, to.URL+"#"+anchor), nil
	}
	return render.Rel(host.URL, to.URL), nil
}

func (b *bodies) addAnchor(a anchorRef) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.anchors = append(b.anchors, a)
}

// checkAnchors reports links to #anchors that the target page lacks.
func (b *bodies) checkAnchors(results map[*content.Page]*markdown.Result) []error {
	var errs []error
	for _, a := range b.anchors {
		res := results[a.target]
		if res != nil && res.HasID(a.anchor) {
			continue
		}
		var known []string
		if res != nil {
			for _, h := range res.Headings {
				known = append(known, h.ID)
			}
		}
		hint := diag.Suggest(a.anchor, known)
		if len(known) == 0 {
			hint = " (the page has no headings)"
		}
		errs = append(errs, diag.Errorf(a.from.File, a.line, "link %s: %s has no heading #%s%s", a.dest, a.target.File, a.anchor, hint))
	}
	return errs
}
