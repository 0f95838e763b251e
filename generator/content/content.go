package content

import (
	"context"
	"fmt"
	"guidebook/generator/diag"
	"io/fs"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Kinds of page: what a page is in the content tree. What a page looks like
// is its layout, which the site declares (see Page.Layout); the generator
// never decides anything by a folder's name.
const (
	KindHome    = "home"    // content/_index.md
	KindSection = "section" // a folder's _index.md: the section's list page
	KindPage    = "page"    // any other Markdown file
)

// Page is one Markdown file of the content tree.
type Page struct {
	FrontMatter
	File     string // path for messages, e.g. "content/steps/submit.md"
	Path     string // path inside the content tree, e.g. "steps/submit.md"
	Kind     string // KindHome, KindSection or KindPage
	Section  string // first folder, "" for the home page
	URL      string // clean URL relative to the site root, "" for the home page
	IsIndex  bool   // an _index.md: the home page or a section's list page
	Body     []byte
	BodyLine int // line of the body's first line in the file
	// keyLines maps each top-level front-matter key to its file line.
	keyLines map[string]int

	RevisionOf *Page   // for a revision: the page it is an earlier version of
	Revisions  []*Page // for a guide page: its earlier versions, oldest first
}

// Indexed reports whether the page belongs in the search index: revisions
// are earlier versions, so they are left out unless front matter says search: true.
func (p *Page) Indexed() bool {
	if p.Search != nil {
		return *p.Search
	}
	return !p.IsRevision()
}

// IsRevision reports whether the page is an earlier version of another page
// (it sets revises:); its body is verbatim text, not Markdown.
func (p *Page) IsRevision() bool { return p.Revises != "" }

// IsForm reports whether the page is a fill-in letter (it declares fields:).
func (p *Page) IsForm() bool { return len(p.Fields) > 0 }

// LayoutName is the layout the page asks for with layout: (or type:, the
// name other generators use), "" when it leaves the choice to its section.
func (p *Page) LayoutName() string {
	if p.Layout != "" {
		return p.Layout
	}
	return p.Type
}

// Section is a top-level folder of content with its list page.
type Section struct {
	Name  string
	Index *Page   // the _index.md, or a generated one when the folder has none
	Pages []*Page // ordered by weight, then title
}

// Site is the validated content of a site.
type Site struct {
	Home     *Page
	Sections []*Section
	byPath   map[string]*Page
}

// Options controls loading.
type Options struct {
	Drafts bool   // include pages with draft: true
	Prefix string // prepended to paths in messages; default "content/"
}

// Page returns the page at a content path such as "steps/_index.md".
func (s *Site) Page(p string) *Page { return s.byPath[p] }

// Section returns the named section, or nil.
func (s *Site) Section(name string) *Section {
	for _, sec := range s.Sections {
		if sec.Name == name {
			return sec
		}
	}
	return nil
}

// All returns every page in reading order: the home page, then each section's
// list page followed by its pages.
func (s *Site) All() []*Page {
	out := []*Page{s.Home}
	for _, sec := range s.Sections {
		out = append(out, sec.Index)
		out = append(out, sec.Pages...)
	}
	return out
}

// Len returns the number of pages All returns, without building the list.
func (s *Site) Len() int {
	n := 1
	for _, sec := range s.Sections {
		n += 1 + len(sec.Pages)
	}
	return n
}

// URLFor returns the clean URL of a content path, relative to the site root:
// "_index.md" → "", "steps/_index.md" → "steps/", "steps/submit.md" → "steps/submit/".
func URLFor(p string) string {
	dir, file := path.Split(p)
	if file == "_index.md" {
		return dir
	}
	return dir + strings.TrimSuffix(file, ".md") + "/"
}

// Load walks fsys (the content folder) and returns the validated site. Every
// problem found is returned together in a diag.List.
func Load(ctx context.Context, fsys fs.FS, opts Options) (*Site, error) {
	if opts.Prefix == "" {
		opts.Prefix = "content/"
	}
	var errs diag.List
	var pages []*Page
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".md") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		page, perr := readPage(fsys, p, opts.Prefix)
		errs.Add(perr)
		if page != nil && (!page.Draft || opts.Drafts) {
			pages = append(pages, page)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read content: %w", err)
	}
	site, lerr := link(pages, opts.Prefix)
	errs.Add(lerr)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return site, nil
}

// readPage parses one file. It returns the page even when its front matter has
// problems, so later checks still run on it.
func readPage(fsys fs.FS, p, prefix string) (*Page, error) {
	file := prefix + p
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, diag.Errorf(file, 0, "%v", err)
	}
	yamlSrc, body, bodyLine, err := splitFrontMatter(file, src)
	if err != nil {
		return nil, err
	}
	fm, doc, fmErr := parseFrontMatter(file, yamlSrc)
	page := &Page{FrontMatter: fm, File: file, Path: p, Body: body, BodyLine: bodyLine, URL: URLFor(p)}
	page.IsIndex = path.Base(p) == "_index.md"
	if i := strings.IndexByte(p, '/'); i >= 0 {
		page.Section = p[:i]
	}
	page.Kind = kindOf(page)
	page.keyLines = keyLines(doc)
	var errs diag.List
	errs.Add(fmErr)
	if page.Title == "" && fmErr == nil {
		errs.Add(diag.Errorf(file, 1, "front matter: title is missing (every page needs title:)"))
	}
	if page.IsForm() || hasKey(doc, "fields") {
		errs.Add(checkLetter(page, doc)...)
	}
	if page.IsRevision() {
		errs.Add(checkRevision(page, doc)...)
	}
	if page.IsIndex && (page.IsForm() || page.IsRevision()) {
		errs.Add(diag.Errorf(file, 1, "front matter: a list page (_index.md) cannot be a letter or a revision; move it to its own file"))
	}
	return page, errs.Err()
}

// kindOf says what a page is in the tree: the home page, a section's list
// page, or a page.
func kindOf(p *Page) string {
	switch {
	case p.Path == "_index.md":
		return KindHome
	case p.IsIndex:
		return KindSection
	}
	return KindPage
}

// Line returns the file line of a top-level front-matter key, or 1 (the
// front matter as a whole) when the page does not set it. Later stages use it
// to locate problems with a key's value, such as an unknown layout.
func (p *Page) Line(key string) int {
	if l, ok := p.keyLines[key]; ok {
		return l
	}
	return 1
}

// LayoutLine is the line of the layout: (or type:) key.
func (p *Page) LayoutLine() int {
	if _, ok := p.keyLines["layout"]; ok {
		return p.Line("layout")
	}
	return p.Line("type")
}

func hasKey(doc *yaml.Node, key string) bool { return keyLine(doc, key) > 0 }

// link builds sections, orders pages and connects revisions to their pages.
func link(pages []*Page, prefix string) (*Site, error) {
	var errs diag.List
	site := &Site{byPath: map[string]*Page{}}
	sections := map[string]*Section{}
	for _, p := range pages {
		site.byPath[p.Path] = p
		switch {
		case p.Path == "_index.md":
			site.Home = p
		case p.Section == "":
			errs.Add(diag.Errorf(p.File, 1, "pages belong in a section folder (move it to e.g. content/tips/%s)", p.Path))
		default:
			sec := sections[p.Section]
			if sec == nil {
				sec = &Section{Name: p.Section}
				sections[p.Section] = sec
			}
			if p.IsIndex && p.Path == p.Section+"/_index.md" {
				sec.Index = p
			} else {
				sec.Pages = append(sec.Pages, p)
			}
		}
	}
	// URL clashes (two files, an alias, a generated page) are the plan's to report.
	if site.Home == nil {
		site.Home = &Page{FrontMatter: FrontMatter{Title: "Home"}, File: prefix + "_index.md", Path: "_index.md", Kind: KindHome, IsIndex: true}
		site.byPath["_index.md"] = site.Home
	}
	for _, sec := range sections {
		if sec.Index == nil {
			sec.Index = &Page{FrontMatter: FrontMatter{Title: sec.Name}, File: prefix + sec.Name + "/_index.md",
				Path: sec.Name + "/_index.md", Kind: KindSection, Section: sec.Name, URL: sec.Name + "/", IsIndex: true}
			site.byPath[sec.Index.Path] = sec.Index
		}
		sortPages(sec.Pages)
		site.Sections = append(site.Sections, sec)
	}
	sort.Slice(site.Sections, func(i, j int) bool {
		return less(site.Sections[i].Index, site.Sections[j].Index)
	})
	errs.Add(linkRevisions(site)...)
	return site, errs.Err()
}

// sortPages orders pages by weight (pages without one last), then title, then path.
func sortPages(ps []*Page) {
	sort.SliceStable(ps, func(i, j int) bool { return less(ps[i], ps[j]) })
}

func less(a, b *Page) bool {
	wa, wb := a.Weight, b.Weight
	if (wa == 0) != (wb == 0) {
		return wb == 0
	}
	if wa != wb {
		return wa < wb
	}
	if a.Title != b.Title {
		return a.Title < b.Title
	}
	return a.Path < b.Path
}
