package render

import (
	"net/url"
	"path"
	"strings"
	"testing"
)

// FuzzRel checks that a link made by Rel, resolved from the page it is on,
// leads to the page (or file) it was made for, whatever the two URLs hold.
func FuzzRel(f *testing.F) {
	for _, s := range [][2]string{{"", ""}, {"steps/", "steps/submit/"}, {"a/b/", "a/c/#x"}, {"tips/c#/", "tips/c#/"}, {"a/", "assets/x.css"}, {"x y/", "x y/z/"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, from, target string) {
		if from != "" && !strings.HasSuffix(from, "/") {
			return // page URLs end in "/"
		}
		for _, u := range []string{from, target} {
			// URLs of pages and files are clean: no empty, "." or ".."
			// segments, no query, no escapes.
			if strings.Contains(u, "//") || strings.HasPrefix(u, "/") || strings.ContainsAny(u, "\\?%") {
				return
			}
			for _, seg := range strings.Split(u, "/") {
				if seg == "." || seg == ".." {
					return
				}
			}
		}
		href := Rel(from, target)
		base, err := url.Parse("http://site.example/" + escapePath(from))
		if err != nil {
			return
		}
		ref, err := url.Parse(href)
		if err != nil {
			t.Fatalf("Rel(%q, %q) = %q: not a URL: %v", from, target, href, err)
		}
		got := base.ResolveReference(ref)
		wantPath, frag := target, ""
		if i := strings.LastIndexByte(target, '#'); i > strings.LastIndexByte(target, '/') {
			wantPath, frag = target[:i], target[i+1:]
		}
		if wantPath == "" || strings.HasSuffix(wantPath, "/") {
			wantPath += "index.html"
		}
		if got.Path != path.Clean("/"+wantPath) || got.Fragment != frag {
			t.Errorf("Rel(%q, %q) = %q resolves to %q#%q, want %q#%q", from, target, href, got.Path, got.Fragment, "/"+wantPath, frag)
		}
	})
}
