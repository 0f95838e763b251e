// Command anchormigrate rewrites #fragment links in a content folder from the
// heading IDs Guidebook made before it followed GitHub ("第 1 步：登录" was
// "第-1-步-登录", a second "same" was "same-2") to the IDs it makes now
// ("第-1-步登录", "same-1").
//
//	go run ./generator/markdown/internal/anchormigrate content
//
// It reads every .md file, works out the old and the new ID of each of its
// top-level headings, and rewrites `file.md#old` and `#old` in Markdown links,
// reference definitions and raw <a href>, outside fenced code. Files are
// only written when something changed; each change is printed.
package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"guidebook/generator/markdown"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: anchormigrate CONTENT-FOLDER")
		os.Exit(2)
	}
	changed, err := migrate(os.Args[1], func(msg string) { fmt.Println(msg) })
	if err != nil {
		fmt.Fprintln(os.Stderr, "anchormigrate:", err)
		os.Exit(1)
	}
	fmt.Printf("%d links rewritten\n", changed)
}

// migrate rewrites the links of every .md file under root and returns how
// many it changed, reporting each through say.
func migrate(root string, say func(string)) (int, error) {
	files := map[string][]byte{} // slash path under root → file
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		return 0, err
	}
	renames := map[string]map[string]string{} // file → old ID → new ID
	for name, b := range files {
		r, err := idChanges(body(b))
		if err != nil {
			return 0, fmt.Errorf("%s: %w", name, err)
		}
		renames[name] = r
	}
	total := 0
	for name, b := range files {
		out, n := rewriteLinks(name, b, renames, func(old, new string) {
			say(fmt.Sprintf("%s: %s → %s", path.Join(root, name), old, new))
		})
		if n == 0 {
			continue
		}
		total += n
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), out, 0o644); err != nil {
			return total, err
		}
	}
	return total, nil
}

// body returns a page without its front matter.
func body(b []byte) []byte {
	for _, fence := range []string{"---", "+++"} {
		if bytes.HasPrefix(b, []byte(fence+"\n")) {
			if i := bytes.Index(b[len(fence)+1:], []byte("\n"+fence+"\n")); i >= 0 {
				return b[len(fence)+1+i+len(fence)+2:]
			}
		}
	}
	return b
}

// idChanges maps each top-level heading's old ID to its new one, where they
// differ.
func idChanges(src []byte) (map[string]string, error) {
	oldIDs := oldHeadingIDs(src)
	res, err := markdown.New().Convert(src, markdown.Page{})
	if err != nil {
		return nil, err
	}
	if len(res.Headings) != len(oldIDs) {
		return nil, fmt.Errorf("%d headings now, %d before", len(res.Headings), len(oldIDs))
	}
	out := map[string]string{}
	for i, h := range res.Headings {
		if oldIDs[i] != h.ID {
			out[oldIDs[i]] = h.ID
		}
	}
	return out, nil
}

var (
	inlineLinkRE = regexp.MustCompile(`\]\(\s*<?([^)\s>]*#[^)\s>]*)`)
	refDefRE     = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]*#[^\s>]*)`)
	hrefRE       = regexp.MustCompile(`href\s*=\s*["']([^"']*#[^"']*)["']`)
)

// rewriteLinks rewrites the fragment links of file name (a path under the
// content folder) and returns the new text and how many links changed.
func rewriteLinks(name string, b []byte, renames map[string]map[string]string, say func(old, new string)) ([]byte, int) {
	lines := strings.SplitAfter(string(b), "\n")
	n := 0
	fence := ""
	for i, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		case strings.HasPrefix(trimmed, "```"), strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
			continue
		}
		for _, re := range []*regexp.Regexp{inlineLinkRE, refDefRE, hrefRE} {
			line = replaceGroup(re, line, func(dest string) string {
				out := newDest(name, dest, renames)
				if out != dest {
					n++
					say(dest, out)
				}
				return out
			})
		}
		lines[i] = line
	}
	return []byte(strings.Join(lines, "")), n
}

// replaceGroup replaces the first group of every match of re in s.
func replaceGroup(re *regexp.Regexp, s string, fn func(string) string) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[2]])
		b.WriteString(fn(s[m[2]:m[3]]))
		last = m[3]
	}
	b.WriteString(s[last:])
	return b.String()
}

// newDest returns dest, written in file name, with its fragment renamed if
// the target heading's ID changed. Targets resolve as the site resolves them:
// relative to the file, or from the content root when they start with "/".
func newDest(name, dest string, renames map[string]map[string]string) string {
	target, frag, _ := strings.Cut(dest, "#")
	if strings.Contains(target, ":") || strings.HasPrefix(target, "//") {
		return dest // another site
	}
	file := name
	if target != "" {
		if !strings.HasSuffix(target, ".md") {
			return dest
		}
		file = path.Clean(path.Join(path.Dir(name), target))
		if strings.HasPrefix(target, "/") {
			file = strings.TrimPrefix(path.Clean(target), "/")
		}
	}
	id, err := url.PathUnescape(frag)
	if err != nil {
		return dest
	}
	to, ok := renames[file][id]
	if !ok {
		return dest
	}
	if id != frag { // it was written escaped: keep it so
		to = url.PathEscape(to)
	}
	return target + "#" + to
}

// oldHeadingIDs returns the IDs the converter gave the top-level headings of
// src before the switch to GitHub's algorithm: goldmark's auto IDs with the
// slug and numbering below.
func oldHeadingIDs(src []byte) []string {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList, extension.NewCJK()),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
	)
	pc := parser.NewContext(parser.WithIDs(&oldIDs{used: map[string]bool{}}))
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var out []string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			if id, ok := h.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok && len(b) > 0 {
					out = append(out, string(b))
				}
			}
		}
	}
	return out
}

// oldSlug is the slug Guidebook used before: Latin letters lower-cased,
// letters of any script and digits kept, every run of other characters one
// "-". "第 1 步：登录" → "第-1-步-登录".
func oldSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '_':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// oldIDs numbered repeats from "-2" (and searched for a free number from 2
// each time).
type oldIDs struct{ used map[string]bool }

func (x *oldIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	s := string(value)
	if i := strings.LastIndex(s, "{"); i >= 0 && strings.HasSuffix(strings.TrimSpace(s), "}") {
		s = s[:i]
	}
	base := oldSlug(s)
	id := base
	for n := 2; x.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	x.used[id] = true
	return []byte(id)
}

func (x *oldIDs) Put(value []byte) { x.used[string(value)] = true }
