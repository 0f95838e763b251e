package search

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// seedText reads the guide's source text (the seed of the synthetic corpus).
func seedText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../content/testdata/source.zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var (
	mdLink   = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdMarkup = regexp.MustCompile("(?m)^(- \\[[ x]\\] |- |\\| --- .*$|```.*$)")
)

// corpusDocs turns a synthetic corpus (see internal/corpus) into search docs
// the way the build does: one doc for the page top and one per ## heading,
// with the Markdown reduced to plain text.
func corpusDocs(t testing.TB, fsys fs.FS) []Doc {
	t.Helper()
	var docs []Doc
	var names []string
	fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	slices.Sort(names)
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		_, rest, _ := strings.Cut(string(b), "---\n")
		front, body, _ := strings.Cut(rest, "\n---\n")
		var title, desc string
		for _, l := range strings.Split(front, "\n") {
			k, v, _ := strings.Cut(l, ": ")
			v = strings.Trim(v, `"`)
			switch k {
			case "title":
				title = v
			case "description":
				desc = v
			}
		}
		url := strings.TrimSuffix(strings.TrimPrefix(name, "content/"), ".md") + "/"
		url = strings.TrimSuffix(strings.TrimSuffix(url, "_index/"), "/") + "/"
		if url == "/" {
			url = ""
		}
		kind := "article"
		parts := strings.Split("\n"+body, "\n## ")
		for i, part := range parts {
			doc := Doc{Page: url, Title: title, Description: desc, Kind: kind}
			if i > 0 {
				doc.Heading, part, _ = strings.Cut(part, "\n")
				doc.Anchor = slug(doc.Heading)
			}
			part = mdLink.ReplaceAllString(part, "$1")
			doc.Body = strings.TrimSpace(mdMarkup.ReplaceAllString(part, ""))
			docs = append(docs, doc)
		}
	}
	return docs
}

// slug makes a heading ID as docs/content-model.md describes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}
