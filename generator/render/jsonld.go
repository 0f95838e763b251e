package render

import (
	"encoding/json"
	"html/template"
	"net/url"
	"strings"

	"guidebook/generator/content"
	"guidebook/generator/plan"
)

// jsonLD returns the schema.org structured data of a page, each a JSON
// document for a <script type="application/ld+json"> block: BreadcrumbList
// on every page with breadcrumbs; for sections whose layout declares a
// schema (templates/layouts.yaml), FAQPage on the list page and each
// question, or HowTo on the list page. Such blocks are data, not code, so they do not
// need a Content-Security-Policy exception. json.Marshal escapes <, > and &,
// so no text can close the script element.
//
// Structured data is for search engines, which need absolute URLs: like
// canonical links and sitemap.xml, it is made only when the site has a
// baseURL. With relative URLs it was of no use, and 400 bytes a page.
func (r *Renderer) jsonLD(in *Input, e *plan.Entry, d *PageData) []template.JS {
	if r.cfg.BaseURL == "" {
		return nil
	}
	var docs []any
	if len(d.Breadcrumbs) > 1 {
		items := make([]map[string]any, len(d.Breadcrumbs))
		for i, b := range d.Breadcrumbs {
			items[i] = map[string]any{"@type": "ListItem", "position": i + 1, "name": b.Title, "item": r.absURL(e.URL, b.Href)}
		}
		docs = append(docs, ld("BreadcrumbList", map[string]any{"itemListElement": items}))
	}
	schema := e.SectionLayout.Schema
	switch {
	case e.Kind == plan.KindSection && schema == "FAQPage":
		var qs []any
		for _, c := range sectionPages(e) {
			qs = append(qs, question(in, c))
		}
		if len(qs) > 0 {
			docs = append(docs, ld("FAQPage", map[string]any{"name": d.Title, "mainEntity": qs}))
		}
	case e.Kind == plan.KindPage && schema == "FAQPage":
		docs = append(docs, ld("FAQPage", map[string]any{"mainEntity": []any{question(in, e.Page)}}))
	case e.Kind == plan.KindSection && schema == "HowTo":
		var steps []any
		for i, c := range sectionPages(e) {
			steps = append(steps, map[string]any{"@type": "HowToStep", "position": i + 1, "name": c.Title,
				"text": firstNonEmpty(c.Description, c.Title), "url": r.absURL(e.URL, Rel(e.URL, c.URL))})
		}
		docs = append(docs, ld("HowTo", map[string]any{"name": d.Title, "description": d.Description, "step": steps}))
	}
	out := make([]template.JS, 0, len(docs))
	for _, doc := range docs {
		b, err := json.Marshal(doc)
		if err == nil {
			out = append(out, template.JS(b))
		}
	}
	return out
}

func ld(typ string, fields map[string]any) map[string]any {
	fields["@context"] = "https://schema.org"
	fields["@type"] = typ
	return fields
}

func sectionPages(e *plan.Entry) []*content.Page {
	if e.Section != nil {
		return e.Section.Pages
	}
	return nil
}

// question is a FAQ page as a schema.org Question with its answer as plain text.
func question(in *Input, p *content.Page) map[string]any {
	answer := p.Description
	if res := in.Bodies[p]; res != nil {
		var parts []string
		for _, s := range res.Sections {
			if s.Heading != "" {
				parts = append(parts, s.Heading)
			}
			parts = append(parts, s.Text)
		}
		if t := strings.TrimSpace(strings.Join(parts, " ")); t != "" {
			answer = t
		}
	}
	return map[string]any{"@type": "Question", "name": p.Title,
		"acceptedAnswer": map[string]any{"@type": "Answer", "text": answer}}
}

// absURL resolves href, relative to the page at URL from, against the page's
// absolute URL under baseURL, and drops a last "index.html" (the published
// URL of a page is its folder). Hrefs are the shortest relative paths (see
// Rel), so they must be resolved, not stripped of the page's Root.
func (r *Renderer) absURL(from, href string) string {
	base, err := url.Parse(r.cfg.BaseURL + escapePath(from))
	if err != nil {
		return href
	}
	ref, err := url.Parse(href)
	if err != nil {
		return href
	}
	return strings.TrimSuffix(base.ResolveReference(ref).String(), "index.html")
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
