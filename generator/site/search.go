package site

import (
	"context"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"guidebook/generator/content"
	"guidebook/generator/markdown"
	"guidebook/generator/render"
	"guidebook/generator/search"
)

// indexSearch builds the search index of every indexed page, one document per
// page top and ## heading, and adds its files under search/.
func indexSearch(ctx context.Context, site *content.Site, results map[*content.Page]*markdown.Result, strs render.Strings, files *store) error {
	var docs []search.Doc
	for _, p := range site.All() {
		if !p.Indexed() {
			continue
		}
		docs = append(docs, searchDocs(p, results[p])...)
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

// searchDocs splits a page into its search documents. Page is the href from
// the site root, with index.html so results open from file:// too.
func searchDocs(p *content.Page, res *markdown.Result) []search.Doc {
	href := render.Rel("", p.URL)
	base := search.Doc{Page: href, Title: p.Title, Description: p.Description, Kind: searchKind(p)}
	if res == nil || len(res.Sections) == 0 {
		return []search.Doc{base}
	}
	docs := make([]search.Doc, 0, len(res.Sections))
	for _, s := range res.Sections {
		d := base // every doc carries the description; search.Build uses it on the page top
		d.Anchor, d.Heading, d.Body = s.ID, s.Heading, collapse(s.Text)
		docs = append(docs, d)
	}
	return docs
}

// collapse folds runs of blank lines and spaces, which carry no meaning for
// search, into one space and trims both ends, as strings.Join(strings.Fields(s),
// " ") does, in one pass and one allocation: text between spaces is copied
// whole, and only lead bytes that can start a space are decoded.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	word := -1 // start of the text being read, -1 between words
	for i := 0; i < len(s); {
		n := spaceAt(s, i)
		if n == 0 {
			if word < 0 {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				word = i
			}
			i++
			continue
		}
		if word >= 0 {
			b.WriteString(s[word:i])
			word = -1
		}
		i += n
	}
	if word >= 0 {
		b.WriteString(s[word:])
	}
	return b.String()
}

// spaceAt returns the length of the space character at s[i] (as
// unicode.IsSpace has it), or 0 when there is none there. Only bytes that
// start a space are decoded: ASCII spaces, and the lead bytes of U+0085,
// U+00A0, U+1680, U+2000–U+205F and U+3000.
func spaceAt(s string, i int) int {
	c := s[i]
	switch {
	case c < utf8.RuneSelf:
		if c == ' ' || '\t' <= c && c <= '\r' {
			return 1
		}
		return 0
	case c == 0xc2 || c == 0xe1 || c == 0xe2 || c == 0xe3:
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return n
		}
	}
	return 0
}

// searchKind is what a result says a page is: its section (labelled with the
// section's title), or the home page.
func searchKind(p *content.Page) string {
	if p.Section == "" {
		return "home"
	}
	return p.Section
}
