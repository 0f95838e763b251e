package render

import (
	"net/url"
	"strings"
)

// Root returns the relative path from a page at pageURL (a clean URL relative
// to the site root: "" for home, "steps/submit/") back to the site root:
// "./" for the home page, "../../" for "steps/submit/".
func Root(pageURL string) string {
	depth := strings.Count(pageURL, "/")
	if depth == 0 {
		return "./"
	}
	return strings.Repeat("../", depth)
}

// Rel returns the link from the page at fromURL to target, a URL relative to
// the site root with an optional "#fragment" after its last "/". Page URLs
// (ending in "/" or empty) get an explicit "index.html", so links work when
// the site is opened from disk (file://), where a folder URL would show a
// directory listing. A file name may hold "#" ("tips/c#/" is a page): only a
// "#" after the last "/" starts the fragment.
//
// The path is the shortest one: folders the two share are not climbed out
// of and back into ("account/a/" → "account/b/" is "../b/index.html").
func Rel(fromURL, target string) string {
	frag := ""
	if i := strings.LastIndexByte(target, '#'); i > strings.LastIndexByte(target, '/') {
		target, frag = target[:i], target[i+1:]
	}
	href := RelPath(fromURL, target)
	if frag != "" {
		href += "#" + url.PathEscape(frag)
	}
	return href
}

// RelPath is Rel for a target without a fragment: every character of target
// is part of the path.
func RelPath(fromURL, target string) string {
	index := target == "" || strings.HasSuffix(target, "/")
	common := 0 // bytes of the folders fromURL and target share
	for i := 0; i < len(fromURL) && i < len(target) && fromURL[i] == target[i]; i++ {
		if fromURL[i] == '/' {
			common = i + 1
		}
	}
	ups := strings.Count(fromURL[common:], "/")
	rest := escapePath(target[common:])
	// Built in one allocation: a page's sidebar, breadcrumbs and menu make a
	// dozen of these.
	var b strings.Builder
	b.Grow(len("./") + 3*ups + len(rest) + len("index.html"))
	if ups == 0 {
		if first, _, _ := strings.Cut(rest, "/"); strings.Contains(first, ":") {
			b.WriteString("./") // "a:b/index.html" would read as a URL with the scheme "a:"
		}
	}
	for range ups {
		b.WriteString("../")
	}
	b.WriteString(rest)
	if index {
		b.WriteString("index.html")
	}
	return b.String()
}

// escapePath percent-encodes each segment of a slash-separated path.
func escapePath(p string) string {
	if !needsEscape(p) {
		return p
	}
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

// needsEscape reports whether a path holds a byte url.PathEscape may change:
// one that is neither an unreserved character nor the separator.
func needsEscape(p string) bool {
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '_', c == '.', c == '~', c == '/':
		default:
			return true
		}
	}
	return false
}
