package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"guidebook/generator/site"
)

// repoRoot is the repository, two folders up from this package.
const repoRoot = "../.."

var (
	siteOnce sync.Once
	siteDir  string
	siteErr  error
)

// TestMain removes the built site after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if siteDir != "" {
		_ = os.RemoveAll(filepath.Dir(siteDir))
	}
	os.Exit(code)
}

// builtSite builds the real guide once per test binary and returns the
// folder holding the output.
func builtSite(t testing.TB) string {
	t.Helper()
	siteOnce.Do(func() {
		siteDir, siteErr = buildTo(context.Background(), repoRoot)
	})
	if siteErr != nil {
		t.Fatalf("build the guide: %v", siteErr)
	}
	return siteDir
}

// buildTo builds the site in dir into a new temporary folder.
func buildTo(ctx context.Context, dir string) (string, error) {
	root := os.DirFS(dir)
	out, err := site.Build(ctx, site.Options{Site: root, Theme: os.DirFS(repoRoot)})
	if err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp("", "guidebook-e2e-")
	if err != nil {
		return "", err
	}
	public := filepath.Join(tmp, "public")
	return public, out.Write(public)
}

// serveDir serves dir under the URL path prefix ("/" or "/sub/path/") and
// returns the base URL ending in prefix.
func serveDir(t testing.TB, dir, prefix string) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}

// fileURL is the file:// URL of a page of the built site.
func fileURL(dir, page string) string {
	abs, _ := filepath.Abs(filepath.Join(dir, page))
	return "file://" + filepath.ToSlash(abs)
}

// htmlPages lists every HTML page of the built site, relative to dir,
// sorted; redirect pages of aliases, which a reader never sees, are left out.
func htmlPages(t testing.TB, dir string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			if data, err := os.ReadFile(p); err == nil && strings.Contains(string(data), `http-equiv="refresh"`) {
				return nil
			}
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pages)
	return pages
}

// pageURL joins a base URL and a page path.
func pageURL(base, page string) string { return fmt.Sprintf("%s%s", base, page) }
