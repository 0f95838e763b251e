package content

import (
	"context"
	"fmt"
	"guidebook/generator/diag"
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

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
	IsIndex  bool   // a folder's list page (_index.md, else README.md, else index.md): the home page or a section's
	Body     []byte
	BodyLine int // line of the body's first line in the file
	// TitleHeading is the plain text of the "# " heading taken out of the body to
	// become the title, "" when none was: links written for GitHub point at
	// its anchor (stream.md#stream), which the converter keeps.
	TitleHeading string
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

// Archive reports whether the section holds only earlier versions of other
// pages (at least one): such a section gets no sidebar and is left off the
// print page.
func (s *Section) Archive() bool {
	for _, p := range s.Pages {
		if !p.IsRevision() {
			return false
		}
	}
	return len(s.Pages) > 0
}

// Site is the validated content of a site.
type Site struct {
	Home     *Page
	Root     []*Page // pages directly in content/ (about.md), in no section, by weight then title
	Sections []*Section
	// Notices are diag.FileErrors of severity notice (front-matter keys kept
	// in Params), sorted by file and line; they do not fail a build.
	Notices []error
	// Assets are the other files of the content folder (images, PDFs…),
	// as content paths: each is copied beside the pages (page bundles).
	Assets []string
	byPath map[string]*Page
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
	out := append([]*Page{s.Home}, s.Root...)
	for _, sec := range s.Sections {
		out = append(out, sec.Index)
		out = append(out, sec.Pages...)
	}
	return out
}

// Len returns the number of pages All returns, without building the list.
func (s *Site) Len() int {
	n := 1 + len(s.Root)
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

// Load walks fsys (the content folder) and returns the site together with
// every problem found, in a diag.List. The site is returned even when there
// are problems (pages with bad front matter are included with whatever
// decoded), so later stages can still report their own problems; it is nil
// only when the content folder itself cannot be read or ctx is done. Notices, such as keys
// kept for templates, are in Site.Notices, not in the error.
func Load(ctx context.Context, fsys fs.FS, opts Options) (*Site, error) {
	if opts.Prefix == "" {
		opts.Prefix = "content/"
	}
	paths, assets, err := contentFiles(ctx, fsys)
	if err != nil {
		return nil, fmt.Errorf("read content: %w", err)
	}
	indexes := indexPages(paths)
	// Files are read and parsed on every core; results keep the walk's order.
	read := make([]*Page, len(paths))
	found := make([]diag.List, len(paths))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= len(paths) {
					return
				}
				read[i], found[i] = readPage(fsys, paths[i], opts.Prefix, indexes[paths[i]])
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var probs diag.List
	var pages []*Page
	for i, page := range read {
		probs.Add(found[i]...)
		if page != nil && (!page.Draft || opts.Drafts) {
			pages = append(pages, page)
		}
	}
	site, lerr := link(pages, opts.Prefix)
	probs.Add(lerr)
	site.Assets = assets
	errs, notices := probs.Split()
	if n, ok := notices.Err().(diag.List); ok {
		site.Notices = n
	}
	return site, errs.Err()
}

// contentFiles lists the content paths of the Markdown files in fsys and of
// the other files (assets), skipping hidden files and folders.
func contentFiles(ctx context.Context, fsys fs.FS) (paths, assets []string, err error) {
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
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
		switch {
		case strings.HasPrefix(d.Name(), "."):
		case strings.HasSuffix(p, ".md"):
			paths = append(paths, p)
		default:
			assets = append(assets, p)
		}
		return nil
	})
	return paths, assets, err
}

// MaxFileSize is the largest Markdown file a page may be: the largest real
// documents are far smaller, and the Markdown parser's time grows with the
// size of a hostile file, so the cap bounds every page's conversion time.
const MaxFileSize = 4 << 20

// readCapped reads the file p if it holds at most limit bytes, and returns
// a nil slice and its size if it holds more (measured while reading, so a
// file that grows after it is opened is still capped). One open serves the
// size check and the read.
func readCapped(fsys fs.FS, p string, limit int64) ([]byte, int64, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if fi.Size() > limit {
		return nil, fi.Size(), nil
	}
	buf := make([]byte, 0, fi.Size()+1) // +1: EOF is seen without growing
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, int64(len(buf)), nil
		}
		if err == io.EOF {
			return buf, int64(len(buf)), nil
		}
		if err != nil {
			return nil, 0, fmt.Errorf("read %s: %w", p, err)
		}
	}
}

// readPage parses one file; isIndex says it is its folder's list page. It
// returns the page even when its front matter has problems, so later checks
// still run on it, and every problem, notices included.
func readPage(fsys fs.FS, p, prefix string, isIndex bool) (*Page, diag.List) {
	file := prefix + p
	src, size, err := readCapped(fsys, p, MaxFileSize)
	if err != nil {
		return nil, diag.List{diag.Errorf(file, 0, "%v", err)}
	}
	if src == nil {
		return nil, diag.List{diag.Errorf(file, 0, "the file is %.1f MB; a page may be at most %d MB (split it into several pages)",
			float64(size)/(1<<20), MaxFileSize>>20)}
	}
	fm, doc, body, bodyLine, probs := parseSource(file, src)
	page := &Page{FrontMatter: fm, File: file, Path: p, Body: body, BodyLine: bodyLine, IsIndex: isIndex}
	if i := strings.IndexByte(p, '/'); i >= 0 {
		page.Section = p[:i]
	}
	page.URL = URLFor(p)
	if isIndex {
		if dir := path.Dir(p); dir != "." {
			page.URL = dir + "/"
		} else {
			page.URL = ""
		}
	}
	page.Kind = kindOf(page)
	page.keyLines = keyLines(doc)
	setTitle(page)
	if page.IsForm() || hasKey(doc, "fields") {
		probs.Add(checkLetter(page, doc)...)
	}
	if page.IsRevision() {
		probs.Add(checkRevision(page, doc)...)
	}
	if page.IsIndex && (page.IsForm() || page.IsRevision()) {
		probs.Add(diag.Errorf(file, 1, "front matter: a list page (%s) cannot be a letter or a revision; move it to its own file", path.Base(p)))
	}
	return page, probs
}

// parseSource splits a page's source into front matter and body and decodes
// the front matter. It never fails outright: it returns whatever decoded and
// every problem, each located in file.
func parseSource(file string, src []byte) (fm FrontMatter, doc *yaml.Node, body []byte, bodyLine int, probs diag.List) {
	src, err := checkUTF8(file, src)
	probs.Add(err)
	fmSrc, format, body, bodyLine, err := splitFrontMatter(file, src)
	if err != nil {
		probs.Add(err)
		return fm, nil, nil, 1, probs
	}
	fm, doc, fmProbs := parseFrontMatter(file, format, fmSrc)
	probs.Add(fmProbs...)
	return fm, doc, body, bodyLine, probs
}

// setTitle gives a page without title: the text of its first # heading, or
// else its file name (its folder's name for an index page). A # heading on
// the body's first line that repeats the title is dropped from the body so
// the title is not shown twice. Revisions keep their body verbatim.
func setTitle(p *Page) {
	if p.IsRevision() {
		if p.Title == "" {
			p.Title = nameTitle(p.Path)
		}
		return
	}
	raw, rest, cut, leading := firstH1(p.Body)
	var h1 string
	if raw != "" { // plainHeading runs seven regular expressions
		h1 = plainHeading(raw)
	}
	switch {
	case p.Title == "" && h1 != "":
		p.Title = h1
	case p.Title == "":
		p.Title = nameTitle(p.Path)
		return
	case h1 != p.Title && raw != p.Title:
		return
	}
	// A heading showing an image (a project's logo) stays in the body: the
	// title, plain text, cannot show it.
	if leading && !hasImage(raw) {
		p.Body, p.BodyLine = rest, p.BodyLine+cut
		p.TitleHeading = h1
	}
}

// kindOf says what a page is in the tree: the home page, a section's list
// page, or a page.
func kindOf(p *Page) string {
	switch {
	case p.IsIndex && path.Dir(p.Path) == ".":
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
		if p.IsIndex && path.Base(p.Path) != "_index.md" {
			// A README.md or index.md standing in for _index.md answers
			// to that path too, so revises: and menus can name the list page.
			site.byPath[path.Join(path.Dir(p.Path), "_index.md")] = p
		}
		switch {
		case p.Kind == KindHome:
			site.Home = p
		case p.Section == "":
			site.Root = append(site.Root, p) // a page of its own (about.md), in no section
		default:
			sec := sections[p.Section]
			if sec == nil {
				sec = &Section{Name: p.Section}
				sections[p.Section] = sec
			}
			if p.IsIndex && path.Dir(p.Path) == p.Section {
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
	sortPages(site.Root)
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

// InOrder reports whether every page of a section, and every section, is
// still where the ordering rule (weight, then title, then path) puts it:
// after a title changes, a dev server checks this before reusing the order.
func (s *Site) InOrder() bool {
	sorted := func(n int, at func(int) *Page) bool {
		for i := 1; i < n; i++ {
			if less(at(i), at(i-1)) {
				return false
			}
		}
		return true
	}
	if !sorted(len(s.Sections), func(i int) *Page { return s.Sections[i].Index }) || !sorted(len(s.Root), func(i int) *Page { return s.Root[i] }) {
		return false
	}
	for _, sec := range s.Sections {
		if !sorted(len(sec.Pages), func(i int) *Page { return sec.Pages[i] }) {
			return false
		}
	}
	return true
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

// Reread parses again the file of page p, which is still at its content path
// in fsys, for a dev server that was told the file changed. It returns the
// fresh page (as Load would make it, but not linked into the site) and the
// file's problems; the caller decides whether the change can be applied to
// p in place or needs the whole site loaded again.
func Reread(fsys fs.FS, p *Page, opts Options) (*Page, error) {
	if opts.Prefix == "" {
		opts.Prefix = "content/"
	}
	fresh, probs := readPage(fsys, p.Path, opts.Prefix, p.IsIndex)
	errs, _ := probs.Split()
	return fresh, errs.Err()
}
