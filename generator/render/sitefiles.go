package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"

	"guidebook/generator/content"
	"guidebook/generator/plan"
)

// File renders a non-HTML entry of the plan: feed, sitemap, robots.txt, the
// web app manifest or _headers.
func (r *Renderer) File(in *Input, e *plan.Entry) ([]byte, error) {
	base := r.cfg.BaseURL
	switch e.Kind {
	case plan.KindRobots:
		robots := "User-agent: *\nAllow: /\n"
		if base != "" {
			robots += "Sitemap: " + base + "sitemap.xml\n"
		}
		return []byte(robots), nil
	case plan.KindSitemap:
		return sitemap(base, in.Plan), nil
	case plan.KindFeed:
		return atomFeed(r, in)
	case plan.KindManifest:
		return r.webManifest()
	case plan.KindHeaders:
		return []byte(headers), nil
	}
	return nil, fmt.Errorf("%s: no renderer for a %s file", e.Output, e.Kind)
}

// headers is the _headers file: a strict Content-Security-Policy that the
// theme's pages (no inline scripts, handlers or styles) satisfy.
const headers = "/*\n  Content-Security-Policy: default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n" +
	// The search manifest keeps its name from build to build (see
	// search.ManifestFile): a cached copy could name shards a deploy removed.
	"/search/manifest.js\n  Cache-Control: no-cache\n"

func (r *Renderer) webManifest() ([]byte, error) {
	return json.MarshalIndent(map[string]any{
		"name": r.cfg.Title, "short_name": r.cfg.Title, "lang": r.cfg.Language,
		"start_url": "./index.html", "display": "standalone",
		"background_color": "#ffffff", "theme_color": "#0b6e4f",
		"icons": []map[string]string{{"src": "favicon.svg", "sizes": "any", "type": "image/svg+xml"}},
	}, "", "  ")
}

// listed reports whether an entry belongs in the sitemap: content pages and
// history pages, not the search, print, 404 or redirect pages.
func listed(e *plan.Entry) bool {
	switch e.Kind {
	case plan.KindHome, plan.KindSection, plan.KindPage, plan.KindHistory:
		return true
	}
	return false
}

func sitemap(base string, pl *plan.Plan) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	pages := pl.Pages()
	sort.SliceStable(pages, func(i, j int) bool { return pages[i].URL < pages[j].URL })
	for _, e := range pages {
		if !listed(e) {
			continue
		}
		b.WriteString("  <url><loc>")
		_ = xml.EscapeText(&b, []byte(base+escapePath(e.URL)))
		b.WriteString("</loc>")
		if d := lastDate(e); d != "" {
			b.WriteString("<lastmod>" + d + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func lastDate(e *plan.Entry) string {
	if e.Kind == plan.KindHistory || e.Page == nil {
		return ""
	}
	p := e.Page
	if p.Updated != "" {
		return p.Updated
	}
	return p.Date
}

// atomFeed lists pages by their updated (else git, else date) date, newest first.
func atomFeed(r *Renderer, in *Input) ([]byte, error) {
	type entry struct {
		p    *content.Page
		date string
	}
	var entries []entry
	for _, e := range in.Plan.Pages() {
		if !listed(e) || e.Kind == plan.KindHistory || e.Page.IsRevision() {
			continue
		}
		p := e.Page
		d := lastDate(e)
		if d == "" {
			d = in.Updated[p.Path]
		}
		if d != "" {
			entries = append(entries, entry{p, d})
		}
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].date > entries[j].date })
	if len(entries) > 50 {
		entries = entries[:50]
	}
	link := func(u string) string {
		if r.cfg.BaseURL != "" {
			return r.cfg.BaseURL + escapePath(u)
		}
		return Rel("", u)
	}
	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		_ = xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	updated := "1970-01-01"
	if len(entries) > 0 {
		updated = entries[0].date
	}
	id := r.cfg.BaseURL
	if id == "" {
		id = "urn:guidebook:" + strings.ReplaceAll(strings.ToLower(r.cfg.Title), " ", "-")
	}
	fmt.Fprintf(&b, "%s<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n<title>%s</title>\n<id>%s</id>\n<updated>%sT00:00:00Z</updated>\n<link href=\"%s\"/>\n",
		xml.Header, esc(r.cfg.Language), esc(r.cfg.Title), esc(id), updated, esc(link("")))
	for _, e := range entries {
		fmt.Fprintf(&b, "<entry><title>%s</title><link href=\"%s\"/><id>%s</id><updated>%sT00:00:00Z</updated><summary>%s</summary></entry>\n",
			esc(e.p.Title), esc(link(e.p.URL)), esc(link(e.p.URL)), e.date, esc(e.p.Description))
	}
	b.WriteString("</feed>\n")
	return b.Bytes(), nil
}
