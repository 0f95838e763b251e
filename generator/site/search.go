package site

import (
	"context"
	"maps"
	"slices"

	"guidebook/generator/content"
	"guidebook/generator/markdown"
	"guidebook/generator/render"
	"guidebook/generator/search"
)

// indexSearch builds the search index of every indexed page, one document per
// page top and ## heading, and adds its files under search/.
func indexSearch(ctx context.Context, site *content.Site, results map[*content.Page]*markdown.Result, strs render.Strings, files *store) error {
	// One doc per section, or one for a page without: counted first, so
	// that thousands of docs are not copied as the slice grows.
	n := 0
	for _, p := range site.All() {
		if p.Indexed() {
			n += max(1, sectionCount(results[p]))
		}
	}
	docs := make([]search.Doc, 0, n)
	for _, p := range site.All() {
		if p.Indexed() {
			docs = appendSearchDocs(docs, p, results[p])
		}
	}
	labels := map[string]string{"home": strs.T("kind.home")}
	for _, sec := range site.Sections {
		labels[sec.Name] = sec.Index.Title
	}
	var suggest []string
	if c := site.Home.Cards; c != nil {
		for _, p := range render.CardPages(site, c.Pages) {
			suggest = append(suggest, render.Rel("", p.URL))
		}
	}
	idx, err := search.Build(ctx, docs, search.Options{KindLabels: labels, Suggest: suggest})
	if err != nil {
		return err
	}
	names := slices.Collect(maps.Keys(idx.Files))
	// Thousands of small files: written by a few writers at once.
	if err := inParallel(names, func(name string) error { return files.put("search/"+name, idx.Files[name]) }); err != nil {
		return err
	}
	return nil
}

// appendSearchDocs appends a page's search documents to docs. Page is the
// href from the site root, with index.html so results open from file://
// too.
func appendSearchDocs(docs []search.Doc, p *content.Page, res *markdown.Result) []search.Doc {
	href := render.Rel("", p.URL)
	base := search.Doc{Page: href, Title: p.Title, Description: p.Description, Kind: searchKind(p)}
	if sectionCount(res) == 0 {
		return append(docs, base)
	}
	for _, s := range res.Sections {
		d := base // every doc carries the description; search.Build uses it on the page top
		d.Anchor, d.Heading, d.Body = s.ID, s.Heading, s.Text
		docs = append(docs, d)
	}
	return docs
}

// sectionCount returns the number of sections of a converted page, 0 if
// it has no result.
func sectionCount(res *markdown.Result) int {
	if res == nil {
		return 0
	}
	return len(res.Sections)
}

// searchKind is what a result says a page is: its section (labelled with the
// section's title), or the home page.
func searchKind(p *content.Page) string {
	if p.Section == "" {
		return "home"
	}
	return p.Section
}
