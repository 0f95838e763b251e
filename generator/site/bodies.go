package site

import (
	"context"
	"net/url"
	"path"
	"strings"
	"sync"

	"guidebook/generator/config"
	"guidebook/generator/content"
	"guidebook/generator/diag"
	"guidebook/generator/markdown"
	"guidebook/generator/plan"
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
	plan *plan.Plan
	// warnLinks reports broken links and anchors as warnings (site.yaml
	// brokenLinks: warn) instead of errors.
	warnLinks bool
	// externalImages is site.yaml's externalImages: allow, warn or error.
	externalImages string
	workers        int // goroutines converting at once; 0: one per core

	mu       sync.Mutex
	anchors  []anchorRef
	problems diag.List // broken links, reported once per link
}

// anchorRef is a link to #anchor of a page, checked once every page is converted.
type anchorRef struct {
	from   *content.Page
	target *content.Page
	anchor string
	line   int
	dest   string
}

func newBodies(ctx context.Context, conv *markdown.Converter, site *content.Site, pl *plan.Plan, cfg *config.Config) *bodies {
	return &bodies{ctx: ctx, conv: conv, site: site, plan: pl, warnLinks: cfg.BrokenLinks == "warn", externalImages: cfg.ExternalImages}
}

// converts reports whether a page's body is Markdown (revisions are verbatim text).
func converts(p *content.Page) bool { return !p.IsRevision() && len(p.Body) > 0 }

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
	err := each(b.ctx, b.workers, pages, func(p *content.Page) {
		res, err := b.convert(p)
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

// embedAll derives the body of every page an entry of the plan shows inside
// itself from the page's own conversion (see embedded): each body is
// converted from Markdown once.
func (b *bodies) embedAll(pl *plan.Plan, results map[*content.Page]*markdown.Result) map[render.Embed]*markdown.Result {
	out := map[render.Embed]*markdown.Result{}
	for _, e := range pl.Entries {
		for _, p := range e.Embeds {
			if res := results[p]; res != nil {
				out[render.Embed{Page: p, Host: e}] = embedded(res, p.URL, e.URL, render.AnchorFor(p)+"-")
			}
		}
	}
	return out
}

// convert converts p's body for its own page, recording its links to
// anchors and its broken links. Copies shown on other pages are derived from
// the result (see embedded).
func (b *bodies) convert(p *content.Page) (*markdown.Result, error) {
	page := markdown.Page{
		File: p.File, Line: p.BodyLine, Key: strings.TrimSuffix(p.Path, ".md"), Anchors: true, TitleHeading: p.TitleHeading,
		Link:      func(dest string, line int) (string, error) { return b.link(p, dest, line) },
		Image:     func(dest string, line int) (string, error) { return b.image(p, dest, line) },
		Fields:    markdownFields(p.Fields), // blanks to fill, on the letter's page and wherever it is shown
		ValidUTF8: true,                     // content.Load made it so
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

// link resolves a link written in p, for display on p's own page: a page,
// an anchor, a file beside a page or in static/; a broken one is recorded.
func (b *bodies) link(p *content.Page, dest string, line int) (string, error) {
	if external(dest) {
		return dest, nil
	}
	target, anchor, _ := strings.Cut(dest, "#")
	target, query, _ := strings.Cut(target, "?")
	if target == "" { // same page
		b.addAnchor(anchorRef{from: p, target: p, anchor: anchor, dest: dest, line: line})
		return "#" + anchor, nil
	}
	cp, inside := resolve(p.Path, target)
	if !inside {
		b.broken(p, line, "link %s: leaves the site (a link may not climb above content/)", dest)
		return dest, nil
	}
	if to := pageAt(b.site, cp); to != nil {
		if anchor != "" {
			b.addAnchor(anchorRef{from: p, target: to, anchor: anchor, dest: dest, line: line})
		}
		href := render.RelPath(p.URL, to.URL)
		if anchor != "" {
			href += "#" + url.PathEscape(anchor)
		}
		return href, nil
	}
	if e := b.plan.Output(cp); e != nil && (e.Kind == plan.KindAsset || e.Kind == plan.KindStatic) {
		href := render.RelPath(p.URL, cp)
		if query != "" {
			href += "?" + query
		}
		if anchor != "" {
			href += "#" + anchor
		}
		return href, nil
	}
	if strings.HasSuffix(cp, ".md") {
		b.broken(p, line, "link %s: no page content/%s", dest, cp)
	} else {
		b.broken(p, line, "link %s: no page or file content/%s (nor static/%s)", dest, cp, cp)
	}
	return dest, nil
}

// image resolves an image source written in p like a link; an image from
// another origin gets what site.yaml externalImages says.
func (b *bodies) image(p *content.Page, src string, line int) (string, error) {
	if !external(src) {
		return b.link(p, src, line)
	}
	if b.externalImages != "allow" {
		e := diag.Warning(p.File, line, "image %s is on another site: readers' browsers will fetch it from there (copy it next to the page, or set externalImages: allow)", src)
		if b.externalImages == "error" {
			e = diag.Errorf(p.File, line, "image %s is on another site: copy it next to the page (the site makes no requests to other origins), or set externalImages: allow or warn", src)
		}
		b.record(e)
	}
	return src, nil
}

// broken records a link that leads nowhere, as an error or, with
// brokenLinks: warn, as a warning.
func (b *bodies) broken(p *content.Page, line int, format string, args ...any) {
	e := diag.Errorf(p.File, line, format, args...)
	if b.warnLinks {
		e = diag.Warning(p.File, line, format, args...)
	}
	b.record(e)
}

// verdict adds the problems the conversions recorded and the links to
// missing anchors to errs, and splits them: the warnings, sorted by file and
// line, and the errors that fail the build (nil when none).
func (b *bodies) verdict(errs diag.List, results map[*content.Page]*markdown.Result) ([]error, error) {
	errs.Add(b.problems...)
	errs.Add(b.checkAnchors(results)...)
	fatal, rest := errs.Split()
	warnings, _ := rest.Err().(diag.List)
	return warnings, fatal.Err()
}

// record keeps a problem found while converting, on any worker.
func (b *bodies) record(e error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems.Add(e)
}

// external reports whether dest leaves the site: it has a scheme (https:,
// mailto:, tel:) or is protocol-relative (//host/path).
func external(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	colon := strings.IndexByte(dest, ':')
	if colon <= 0 {
		return false
	}
	slash := strings.IndexAny(dest, "/?#")
	return (slash < 0 || colon < slash) && isScheme(dest[:colon])
}

// isScheme reports whether s can be a URL scheme (RFC 3986: a letter, then
// letters, digits, +, - and .). "(https" is not one: gin's changelog writes
// [#3227]((https://…)), which browsers read as a relative path.
func isScheme(s string) bool {
	for i, c := range s {
		letter := 'a' <= c|0x20 && c|0x20 <= 'z'
		if !letter && (i == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// resolve turns a link target written in the content file at from into a
// content path: relative to the file's folder, or to content/ when it starts
// with "/". It reports false for a target that climbs out of content/.
func resolve(from, target string) (string, bool) {
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/"), true
	}
	joined := path.Join(path.Dir(from), target)
	if joined == ".." || strings.HasPrefix(joined, "../") {
		return "", false
	}
	if joined == "." {
		return "", true
	}
	return joined, true
}

// pageAt finds the page a content path names: the file itself (x.md), or as
// written for the web, without .md (x, x/, x/index.html), as GitHub, Hugo
// and MkDocs links often are.
func pageAt(site *content.Site, cp string) *content.Page {
	if strings.HasSuffix(cp, ".md") {
		return site.Page(cp)
	}
	cp = strings.TrimSuffix(strings.TrimSuffix(cp, "index.html"), "/")
	cp = strings.TrimSuffix(cp, ".html")
	if cp == "" {
		return site.Home
	}
	for _, c := range []string{cp + ".md", cp + "/_index.md"} {
		if p := site.Page(c); p != nil {
			return p
		}
	}
	return nil
}

// forget drops what the conversion of p recorded (its links to anchors and
// its broken links), before p is converted again.
func (b *bodies) forget(p *content.Page) {
	b.mu.Lock()
	defer b.mu.Unlock()
	anchors := b.anchors[:0]
	for _, a := range b.anchors {
		if a.from != p {
			anchors = append(anchors, a)
		}
	}
	b.anchors = anchors
	var problems diag.List
	for _, e := range b.problems {
		if fe, ok := e.(*diag.FileError); !ok || fe.File != p.File {
			problems = append(problems, e)
		}
	}
	b.problems = problems
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
		hint := diag.SuggestAmong(a.anchor, known, "headings")
		if len(known) == 0 {
			hint = " (the page has no headings)"
		}
		report := diag.Errorf
		if b.warnLinks {
			report = diag.Warning
		}
		errs = append(errs, report(a.from.File, a.line, "link %s: %s has no heading #%s%s", a.dest, a.target.File, a.anchor, hint))
	}
	return errs
}
