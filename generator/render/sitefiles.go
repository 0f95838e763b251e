package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"

	"guidebook/generator/content"
)

// SiteFiles adds the files around the pages: robots.txt, sitemap.xml (when
// baseURL is set), the Atom feed, the web app manifest and _headers (a strict
// Content-Security-Policy for Netlify and Cloudflare Pages).
func SiteFiles(r *Renderer, in *Input, pages []*content.Page, files map[string][]byte) error {
	base := r.cfg.BaseURL
	robots := "User-agent: *\nAllow: /\n"
	if base != "" {
		robots += "Sitemap: " + base + "sitemap.xml\n"
		files["sitemap.xml"] = sitemap(base, pages)
	}
	files["robots.txt"] = []byte(robots)
	feed, err := atomFeed(r, in, pages)
	if err != nil {
		return err
	}
	files["feed.xml"] = feed
	manifest, err := json.MarshalIndent(map[string]any{
		"name": r.cfg.Title, "short_name": r.cfg.Title, "lang": r.cfg.Language,
		"start_url": "./index.html", "display": "standalone",
		"background_color": "#ffffff", "theme_color": "#0b6e4f",
		"icons": []map[string]string{{"src": "favicon.svg", "sizes": "any", "type": "image/svg+xml"}},
	}, "", "  ")
	if err != nil {
		return err
	}
	files["manifest.webmanifest"] = manifest
	files["_headers"] = []byte("/*\n  Content-Security-Policy: default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n")
	return nil
}

func listed(p *content.Page) bool {
	switch p.Kind {
	case "404", "search", "print":
		return false
	}
	return p.Draft == false
}

func sitemap(base string, pages []*content.Page) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range pages {
		if !listed(p) {
			continue
		}
		b.WriteString("  <url><loc>")
		_ = xml.EscapeText(&b, []byte(base+escapePath(p.URL)))
		b.WriteString("</loc>")
		if d := lastDate(p); d != "" {
			b.WriteString("<lastmod>" + d + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func lastDate(p *content.Page) string {
	if p.Updated != "" {
		return p.Updated
	}
	return p.Date
}

// atomFeed lists pages by their updated (else git, else date) date, newest first.
func atomFeed(r *Renderer, in *Input, pages []*content.Page) ([]byte, error) {
	type entry struct {
		p    *content.Page
		date string
	}
	var entries []entry
	for _, p := range pages {
		if !listed(p) || p.Kind == content.KindRevision || p.Kind == "history" {
			continue
		}
		d := lastDate(p)
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
