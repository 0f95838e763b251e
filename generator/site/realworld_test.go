package site

// TestRealWorld builds a corpus of real-world docs, unmodified, as a new
// user would bring them (issue 13): Go modules, npm packages and Debian
// package docs, assembled by testdata/realworld/assemble.sh into the folder
// GUIDEBOOK_REALWORLD names (.ci/run does this). It checks, and logs, every
// figure of the bullet:
//
//   - at least 98 % of the Markdown files become pages;
//   - no HTML tag is shown as text outside code;
//   - at most 3 % of the #fragment links in the output are broken;
//   - every broken link in the output was reported by the build, as a
//     warning on the page's source file;
//   - the build takes at most 3 s of CPU (not checked under -race);
//   - and the output can be written: no path is both a file and a folder.

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"guidebook/generator/diag"
	"guidebook/generator/internal/cputime"
)

func TestRealWorld(t *testing.T) {
	dir := os.Getenv("GUIDEBOOK_REALWORLD")
	if dir == "" {
		msg := "GUIDEBOOK_REALWORLD is not set: assemble a corpus with generator/site/testdata/realworld/assemble.sh DIR and name DIR in it"
		if os.Getenv("GUIDEBOOK_E2E") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	fsys, err := DirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	mdFiles := markdownFiles(t, filepath.Join(dir, "content"))
	start := cpuTime()
	st, err := build(context.Background(), Options{Site: fsys, Theme: theme})
	took := cpuTime() - start
	if err != nil {
		t.Fatalf("the corpus does not build: %v", err)
	}
	out := st.out

	pages := map[string]bool{}     // content files that became pages
	sources := map[string]string{} // rendered page → its content file ("" for generated pages)
	for _, e := range st.plan.Entries {
		if !e.Kind.HTML() || out.Files[e.Output] == nil {
			continue
		}
		sources[e.Output] = ""
		if e.Page != nil {
			sources[e.Output] = e.Page.File
			pages[e.Page.File] = true
		}
	}
	// Files in hidden folders (.github/ISSUE_TEMPLATE/bug.md) are not docs
	// and Guidebook skips hidden files, as git hosts' page builders do; they
	// are counted apart.
	var missing []string
	hidden := 0
	for _, f := range mdFiles {
		switch {
		case strings.Contains(f, "/."):
			hidden++
		case !pages[f]:
			missing = append(missing, f)
		}
	}
	docFiles := len(mdFiles) - hidden
	became := 100 * float64(docFiles-len(missing)) / float64(docFiles)
	t.Logf("%d Markdown files (%d more in hidden folders, skipped), %d became pages (%.1f %%), %d output files, %d warnings",
		docFiles, hidden, docFiles-len(missing), became, len(out.Files), len(out.Warnings))
	if became < 98 {
		t.Errorf("%.1f %% of the Markdown files became pages, want at least 98 %%; not pages: %s", became, firstFew(missing))
	}

	// A file and a folder of one name cannot both be written (marked ships
	// man/marked.1 beside man/marked.1.md, whose page is man/marked.1/).
	for name := range out.Files {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			if out.Files[d] != nil {
				t.Errorf("output %s is a file and the folder of %s", d, name)
			}
		}
	}

	// Every HTML file is parsed for its ids; only the pages the build
	// rendered are checked (a package's own HTML is copied as it ships).
	docs := parsePages(t, out.Files)
	var shown []string
	for _, name := range sortedKeys(sources) {
		var src string // the Markdown, where an author may escape a tag to show it
		if sources[name] != "" {
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(sources[name])))
			if err != nil && !errors.Is(err, fs.ErrNotExist) { // a folder's list page may have no file
				t.Fatal(err)
			}
			src = strings.ToLower(string(b))
		}
		for _, tag := range tagsAsText(docs[name].root) {
			if !escapedIn(src, tag) {
				shown = append(shown, name+": "+tag)
			}
		}
	}
	t.Logf("%d HTML tags shown as text outside code", len(shown))
	if len(shown) > 0 {
		t.Errorf("HTML tags shown as text outside code: %s", firstFew(shown))
	}

	reported := map[string]bool{} // files with a warning
	for _, w := range out.Warnings {
		var fe *diag.FileError
		if errors.As(w, &fe) {
			reported[fe.File] = true
		}
	}
	var frags, brokenFrags int
	var unreported []string
	var brokenLinks int
	for _, name := range sortedKeys(sources) {
		for _, l := range docs[name].links {
			why, isFrag := brokenLink(docs, out.Files, name, l)
			if isFrag {
				frags++
			}
			if why == "" {
				continue
			}
			brokenLinks++
			if isFrag {
				brokenFrags++
			}
			if src := sources[name]; !reported[src] {
				unreported = append(unreported, fmt.Sprintf("%s (from %q): %s %s", name, src, l, why))
			}
		}
	}
	share := 0.0
	if frags > 0 {
		share = 100 * float64(brokenFrags) / float64(frags)
	}
	t.Logf("%d #fragment links, %d broken (%.2f %%); %d broken links in all, %d not reported",
		frags, brokenFrags, share, brokenLinks, len(unreported))
	if share > 3 {
		t.Errorf("%.2f %% of #fragment links are broken, want at most 3 %%", share)
	}
	if len(unreported) > 0 {
		t.Errorf("broken links in the output the build did not report: %s", firstFew(unreported))
	}

	t.Logf("build took %v of CPU (%v wall)", took.Round(time.Millisecond), out.Duration.Round(time.Millisecond))
	if took > 3*time.Second && !cputime.Race {
		t.Errorf("build took %v of CPU, want at most 3s", took.Round(time.Millisecond))
	}
}

// markdownFiles lists the .md files under dir as content paths
// ("content/npm/pino/README.md").
func markdownFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".md") {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, "content/"+filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 300 {
		t.Fatalf("the corpus has %d Markdown files, want at least 300", len(files))
	}
	return files
}

// page is one parsed HTML output file: its tree, its ids and the links
// (href and src) it holds.
type page struct {
	root  *html.Node
	ids   map[string]bool
	links []string
}

func parsePages(t *testing.T, files map[string][]byte) map[string]*page {
	t.Helper()
	docs := map[string]*page{}
	for name, data := range files {
		if path.Ext(name) != ".html" {
			continue
		}
		// Without scripting, as the checks read the page: <noscript> holds
		// elements, not text.
		root, err := html.ParseWithOptions(strings.NewReader(string(data)), html.ParseOptionEnableScripting(false))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		p := &page{root: root, ids: map[string]bool{}}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			if n.Type != html.ElementNode {
				return
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "id", a.Key == "name" && n.DataAtom == atom.A:
					p.ids[a.Val] = true
				case a.Key == "href" && n.DataAtom != atom.Base, a.Key == "src":
					p.links = append(p.links, a.Val)
				}
			}
		}
		walk(root)
		docs[name] = p
	}
	return docs
}

// tagAsText finds an HTML tag in text: "<" and a tag name a reader would
// recognise, then a space, ">" or "/".
var tagAsText = regexp.MustCompile(`</?([a-zA-Z][a-zA-Z0-9]*)[\s/>]`)

// tagsAsText returns the HTML tags that text outside code, pre, kbd and samp
// shows to the reader, such as "<details>" from raw HTML that was escaped.
func tagsAsText(root *html.Node) []string {
	var found []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Code, atom.Pre, atom.Kbd, atom.Samp, atom.Script, atom.Style, atom.Textarea, atom.Template, atom.Title:
				return
			}
		}
		if n.Type == html.TextNode {
			for _, m := range tagAsText.FindAllStringSubmatch(n.Data, -1) {
				if atom.Lookup([]byte(strings.ToLower(m[1]))) != 0 {
					found = append(found, strings.TrimSpace(m[0]))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return found
}

// escapedIn reports whether the Markdown src (lower-cased) writes tag as text
// on purpose, escaped: "\\<br>" or "&lt;br>", as markdownlint's and gRPC's docs do.
func escapedIn(src, tag string) bool {
	name := strings.ToLower(strings.TrimLeft(strings.TrimRight(tag, " \t\n/>"), "</"))
	return strings.Contains(src, `\<`+name) || strings.Contains(src, `\</`+name) || strings.Contains(src, "&lt;"+name) || strings.Contains(src, "&lt;/"+name)
}

// brokenLink resolves link as written on the output page name and says why
// it is broken ("" when it is not), and whether it has a #fragment. Links
// with a scheme or to another host are not followed.
func brokenLink(docs map[string]*page, files map[string][]byte, name, link string) (why string, isFrag bool) {
	u, err := url.Parse(link)
	if err != nil {
		return "does not parse: " + err.Error(), false
	}
	if u.Scheme != "" || u.Host != "" {
		return "", false
	}
	isFrag = u.Fragment != ""
	target := name
	if u.Path != "" {
		target = path.Join(path.Dir(name), u.Path)
		if strings.HasSuffix(u.Path, "/") || target == "." {
			target = path.Join(target, "index.html")
		}
		if strings.HasPrefix(target, "../") || target == ".." || strings.HasPrefix(u.Path, "/") {
			return "leaves the site", isFrag
		}
		if files[target] == nil {
			if files[path.Join(target, "index.html")] == nil {
				return "no file " + target, isFrag
			}
			target = path.Join(target, "index.html")
		}
	}
	if !isFrag {
		return "", false
	}
	doc := docs[target]
	if doc == nil {
		return "", true // a fragment of a non-HTML file (a PDF page, an SVG) is not checked
	}
	if !doc.ids[u.Fragment] {
		return "no id " + u.Fragment + " in " + target, true
	}
	return "", true
}

func firstFew(items []string) string {
	const n = 20
	if len(items) <= n {
		return "\n\t" + strings.Join(items, "\n\t")
	}
	return fmt.Sprintf("\n\t%s\n\t… and %d more", strings.Join(items[:n], "\n\t"), len(items)-n)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
