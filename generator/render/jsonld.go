package render

import (
	"encoding/json"
	"html/template"
	"strings"

	"guidebook/generator/content"
)

// jsonLD returns the schema.org structured data of a page, each a JSON
// document for a <script type="application/ld+json"> block: BreadcrumbList
// on every page with breadcrumbs, FAQPage on the FAQ list and each question,
// HowTo on the procedure. Such blocks are data, not code, so they do not
// need a Content-Security-Policy exception. json.Marshal escapes <, > and &,
// so no text can close the script element.
func (r *Renderer) jsonLD(in *Input, p *content.Page, d *PageData) []template.JS {
	var docs []any
	if len(d.Breadcrumbs) > 1 {
		items := make([]map[string]any, len(d.Breadcrumbs))
		for i, b := range d.Breadcrumbs {
			items[i] = map[string]any{"@type": "ListItem", "position": i + 1, "name": b.Title, "item": r.absURL(p, b.Href)}
		}
		docs = append(docs, ld("BreadcrumbList", map[string]any{"itemListElement": items}))
	}
	switch LayoutFor(p) {
	case "faq-list":
		var qs []any
		for _, c := range sectionPages(in, p) {
			qs = append(qs, question(in, c))
		}
		if len(qs) > 0 {
			docs = append(docs, ld("FAQPage", map[string]any{"name": p.Title, "mainEntity": qs}))
		}
	case "faq":
		docs = append(docs, ld("FAQPage", map[string]any{"mainEntity": []any{question(in, p)}}))
	case "procedure":
		var steps []any
		for i, c := range sectionPages(in, p) {
			steps = append(steps, map[string]any{"@type": "HowToStep", "position": i + 1, "name": c.Title,
				"text": firstNonEmpty(c.Description, c.Title), "url": r.absURL(p, Rel(p.URL, c.URL))})
		}
		docs = append(docs, ld("HowTo", map[string]any{"name": p.Title, "description": d.Description, "step": steps}))
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

func sectionPages(in *Input, p *content.Page) []*content.Page {
	if sec := in.Site.Section(p.Section); sec != nil {
		return sec.Pages
	}
	return nil
}

// question is a FAQ page as a schema.org Question with its answer as plain text.
func question(in *Input, p *content.Page) map[string]any {
	answer := p.Description
	if res := in.Results[p]; res != nil {
		var parts []string
		for _, s := range res.Sections {
			if s.Heading != "" {
				parts = append(parts, s.Heading)
			}
			parts = append(parts, strings.Join(strings.Fields(s.Text), " "))
		}
		if t := strings.TrimSpace(strings.Join(parts, " ")); t != "" {
			answer = t
		}
	}
	return map[string]any{"@type": "Question", "name": p.Title,
		"acceptedAnswer": map[string]any{"@type": "Answer", "text": answer}}
}

// absURL makes href (relative to page p) absolute when baseURL is set;
// otherwise it stays relative, which JSON-LD resolves against the page.
func (r *Renderer) absURL(p *content.Page, href string) string {
	if r.cfg.BaseURL == "" {
		return href
	}
	rel := strings.TrimPrefix(href, Root(p.URL))
	if Root(p.URL) == "./" {
		rel = strings.TrimPrefix(href, "./")
	}
	return r.cfg.BaseURL + strings.TrimSuffix(rel, "index.html")
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
