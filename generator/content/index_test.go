package content

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

func TestIndexPages(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		want  []string // the chosen index pages, sorted
	}{
		{"_index.md wins", []string{"a/_index.md", "a/README.md", "a/index.md"}, []string{"a/_index.md"}},
		{"README.md beats index.md", []string{"a/index.md", "a/README.md"}, []string{"a/README.md"}},
		{"lower-case readme", []string{"a/readme.md"}, []string{"a/readme.md"}},
		{"index.md alone", []string{"a/index.md", "a/b.md"}, []string{"a/index.md"}},
		{"root README is home", []string{"README.md", "a/x.md"}, []string{"README.md"}},
		{"per folder", []string{"a/README.md", "a/b/index.md", "c/_index.md"}, []string{"a/README.md", "a/b/index.md", "c/_index.md"}},
		{"not an index name", []string{"a/INDEX.markdown.md", "a/my-readme.md"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range tt.paths {
				if indexPages(tt.paths)[p] {
					got = append(got, p)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("index pages = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestReadmeAsIndex(t *testing.T) {
	fsys := fstest.MapFS{
		"README.md":         file("# Project\n\nWelcome\n"),
		"guide/README.md":   file("# Guide\n"),
		"guide/setup.md":    file("# Setup\n"),
		"tips/_index.md":    file("---\ntitle: Tips\n---\n"),
		"tips/README.md":    file("# Tips readme\n"),
		"tips/index.md":     file("# Tips index\n"),
		"faq/index.md":      file("---\ntitle: FAQ\n---\n"),
		"revisions/old.md":  file("---\ntitle: Old\nrevises: guide/_index.md\nsummary: s\ndate: 2024-01-01\n---\nv1\n"),
		"revisions/old2.md": file("---\ntitle: Old2\nrevises: guide/README.md\nsummary: s\ndate: 2024-02-01\n---\nv2\n"),
	}
	site, err := Load(context.Background(), fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if site.Home.Path != "README.md" || site.Home.Kind != KindHome || site.Home.URL != "" || site.Home.Title != "Project" {
		t.Errorf("home = %s kind %s url %q title %q", site.Home.Path, site.Home.Kind, site.Home.URL, site.Home.Title)
	}
	guide := site.Section("guide")
	if guide.Index.Path != "guide/README.md" || guide.Index.Kind != KindSection || guide.Index.URL != "guide/" || len(guide.Pages) != 1 {
		t.Errorf("guide index = %+v, %d pages", guide.Index.Path, len(guide.Pages))
	}
	if site.Page("guide/_index.md") != guide.Index {
		t.Error("guide/_index.md should name the README standing in for it")
	}
	if n := len(guide.Index.Revisions); n != 2 {
		t.Errorf("README index has %d revisions, want 2 (by either path)", n)
	}
	tips := site.Section("tips")
	if tips.Index.Path != "tips/_index.md" || len(tips.Pages) != 2 {
		t.Errorf("tips index %s with %d pages, want _index.md and README/index as pages", tips.Index.Path, len(tips.Pages))
	}
	if p := site.Page("tips/README.md"); p.IsIndex || p.URL != "tips/README/" || p.Kind != KindPage {
		t.Errorf("README beside _index.md = index %v url %s kind %s", p.IsIndex, p.URL, p.Kind)
	}
	if faq := site.Section("faq"); faq.Index.Path != "faq/index.md" || faq.Index.Title != "FAQ" {
		t.Errorf("faq index = %s %q", faq.Index.Path, faq.Index.Title)
	}
}
