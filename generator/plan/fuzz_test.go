package plan

import (
	"path"
	"strings"
	"testing"

	"guidebook/generator/content"
)

// FuzzAliasURL checks that an alias either is refused or maps to a clean URL
// inside the site: relative, ending in "/", with no "..", scheme or query.
func FuzzAliasURL(f *testing.F) {
	for _, s := range []string{"/old/page/", "old.html", "a/index.html", "../x", "//evil", "https://x", "a?b", "", "/", "a/../../b", "%2e%2e/x", "a\\b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, a string) {
		u, ok := AliasURL(a)
		if !ok {
			return
		}
		if u == "" || !strings.HasSuffix(u, "/") || strings.HasPrefix(u, "/") || strings.Contains(u, "..") ||
			strings.Contains(u, "://") || strings.ContainsAny(u, "?#\\") || path.Clean("/"+u) != "/"+strings.TrimSuffix(u, "/") {
			t.Errorf("AliasURL(%q) = %q: not a clean URL inside the site", a, u)
		}
		if OutputPath(u) != u+"index.html" {
			t.Errorf("OutputPath(%q) = %q", u, OutputPath(u))
		}
	})
}

// FuzzURLFor checks that every content path maps to a URL and output path
// inside the site, and that the mapping is the same each time.
func FuzzURLFor(f *testing.F) {
	for _, s := range []string{"_index.md", "steps/_index.md", "steps/submit.md", "a/b/c.md", "tips/c#.md", "x y/z.md"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if !strings.HasSuffix(p, ".md") || path.Clean(p) != p || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/") {
			return
		}
		for _, part := range strings.Split(p, "/") {
			if strings.HasPrefix(part, ".") {
				return // hidden files and folders are not content
			}
		}
		u := content.URLFor(p)
		out := OutputPath(u)
		if strings.HasPrefix(out, "../") || strings.HasPrefix(out, "/") || path.Clean(out) != out {
			t.Errorf("URLFor(%q) = %q → output %q leaves the site", p, u, out)
		}
		if u2 := content.URLFor(p); u2 != u {
			t.Errorf("URLFor(%q) changed: %q then %q", p, u, u2)
		}
	})
}
