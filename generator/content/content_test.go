package content

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		fs   fstest.MapFS
		want []string
	}{
		{"unclosed front matter", fstest.MapFS{"tips/a.md": file("---\ntitle: A\nbody\n")},
			[]string{"content/tips/a.md:1: front matter opened with --- is never closed"}},
		{"invalid yaml", fstest.MapFS{"tips/a.md": file("---\ntitle: A\nweight: [1\n---\n")},
			[]string{"content/tips/a.md:", "invalid YAML"}},
		{"lone carriage return", fstest.MapFS{"tips/a.md": file("---\ntitle: A\rweight: 2\nslug: s\n---\n")},
			[]string{"content/tips/a.md:2: front matter: a carriage return (CR) without a line feed"}},
		{"unknown key with hint", fstest.MapFS{"tips/a.md": file("---\ntitle: A\nweigth: 2\n---\n")},
			[]string{`content/tips/a.md:3: front matter: unknown key "weigth" (did you mean "weight"?)`}},
		{"wrong type", fstest.MapFS{"tips/a.md": file("---\ntitle: A\nweight: first\n---\n")},
			[]string{`content/tips/a.md:3: front matter: "weight": expected a whole number, got "first"`}},
		{"bad date", fstest.MapFS{"tips/a.md": file("---\ntitle: A\nupdated: 15/6/2024\n---\n")},
			[]string{`content/tips/a.md:3: front matter: updated "15/6/2024" is not a date`}},
		{"revision of missing page", fstest.MapFS{"revisions/r.md": file("---\ntitle: R\nrevises: steps/x.md\ndate: 2024-01-01\nsummary: s\n---\n")},
			[]string{`content/revisions/r.md:1: revises: "steps/x.md" is not a page`}},
		{"fields make a letter in any folder", fstest.MapFS{"guides/f.md": file("---\ntitle: F\nfields: []\n---\n")},
			[]string{"content/guides/f.md:1: letter declares no fields"}},
		{"list page cannot be a letter", fstest.MapFS{"forms/_index.md": file("---\ntitle: F\nfields: [{name: a, label: A, kind: text}]\n---\n{{a}}\n")},
			[]string{"content/forms/_index.md:1: front matter: a list page (_index.md) cannot be a letter"}},
		{"every problem reported", fstest.MapFS{
			"tips/a.md": file("---\ntitle: A\ntitel: x\n---\n"),
			"tips/b.md": file("---\ntitle: B\ndraft: maybe\n---\n"),
		}, []string{"content/tips/a.md:3:", "content/tips/b.md:3:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, err := Load(context.Background(), tt.fs, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			if site == nil {
				t.Error("no site: Load returns what it could build with the errors")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error:\n%v\ndoes not contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadModel(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":            file("---\ntitle: Home\n---\nhi\n"),
		"steps/_index.md":      file("---\ntitle: 流程\nweight: 2\n---\n"),
		"steps/b.md":           file("---\ntitle: B\nweight: 20\n---\n"),
		"steps/a.md":           file("---\ntitle: A\nweight: 10\n---\n"),
		"steps/z.md":           file("---\ntitle: Z\n---\n"),
		"steps/draft.md":       file("---\ntitle: D\ndraft: true\n---\n"),
		"faq/q.md":             file("---\ntitle: 为什么？\n---\n\n正文\n"),
		"revisions/old.md":     file("---\ntitle: Old\nrevises: steps/_index.md\ndate: 2024-06-15\nsummary: s\n---\nv2\n"),
		"revisions/older.md":   file("---\ntitle: Older\nrevises: steps/_index.md\ndate: 2024-03-01\nsummary: s\n---\nv1\n"),
		"tips/no-front.md":     file("just text\n"),
		"tips/.hidden.md":      file("---\ntitel: x\n---\n"),
		"tips/_index.md":       file("---\ntitle: 建议\nweight: 1\n---\n"),
		"tips/not-markdown.js": file("x"),
	}
	site, err := Load(context.Background(), fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, p := range site.Section("steps").Pages {
		order = append(order, p.Title)
	}
	if got := strings.Join(order, ","); got != "A,B,Z" {
		t.Errorf("steps order = %s, want A,B,Z (weight, unweighted last, drafts out)", got)
	}
	if site.Sections[0].Name != "tips" {
		t.Errorf("sections ordered by index weight: first = %s", site.Sections[0].Name)
	}
	q := site.Page("faq/q.md")
	if q.Kind != KindPage || q.URL != "faq/q/" || q.BodyLine != 4 {
		t.Errorf("faq page = kind %s url %s bodyLine %d", q.Kind, q.URL, q.BodyLine)
	}
	if l := site.Page("revisions/old.md").Line("summary"); l != 5 {
		t.Errorf("Line(summary) = %d, want 5 (counted in the file, after the opening ---)", l)
	}
	if l := q.Line("layout"); l != 1 {
		t.Errorf("Line of an absent key = %d, want 1", l)
	}
	revs := site.Page("steps/_index.md").Revisions
	if len(revs) != 2 || revs[0].Title != "Older" || revs[1].RevisionOf.Path != "steps/_index.md" {
		t.Errorf("revisions not linked in date order: %v", revs)
	}
	if revs[0].Indexed() {
		t.Error("revisions are kept out of search by default")
	}
	if got := site.Page("tips/no-front.md").Title; got != "no-front" {
		t.Errorf("title without front matter = %q, want the file name", got)
	}
	if site.Len() != len(site.All()) {
		t.Errorf("Len() = %d, All() has %d pages", site.Len(), len(site.All()))
	}
	withDrafts, err := Load(context.Background(), fsys, Options{Drafts: true})
	if err != nil || withDrafts.Page("steps/draft.md") == nil {
		t.Errorf("--drafts should include the draft: %v", err)
	}
}

func TestURLFor(t *testing.T) {
	for in, want := range map[string]string{
		"_index.md": "", "steps/_index.md": "steps/", "steps/submit.md": "steps/submit/", "a/b/c.md": "a/b/c/",
	} {
		if got := URLFor(in); got != want {
			t.Errorf("URLFor(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRootPages(t *testing.T) {
	site, err := Load(context.Background(), fstest.MapFS{
		"_index.md":      file("---\ntitle: Home\n---\n"),
		"about.md":       file("---\ntitle: About\nweight: 2\n---\n"),
		"contact.md":     file("---\ntitle: Contact\nweight: 1\n---\n"),
		"docs/_index.md": file("---\ntitle: Docs\n---\n"),
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Root) != 2 || site.Root[0].Title != "Contact" || site.Root[1].URL != "about/" {
		t.Fatalf("root pages = %v, want Contact then About (by weight)", site.Root)
	}
	if site.Len() != len(site.All()) || site.All()[1] != site.Root[0] {
		t.Errorf("All() = %d pages, Len() = %d; root pages follow the home page", len(site.All()), site.Len())
	}
}

func TestFileSizeLimit(t *testing.T) {
	big := "---\ntitle: Big\n---\n" + strings.Repeat("长文本。", MaxFileSize/12+1)
	_, err := Load(context.Background(), fstest.MapFS{"tips/big.md": file(big)}, Options{})
	if err == nil || !strings.Contains(err.Error(), "content/tips/big.md: the file is 4.0 MB; a page may be at most 4 MB") {
		t.Errorf("a file over the limit: %v", err)
	}
}
