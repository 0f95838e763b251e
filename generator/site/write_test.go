package site

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestWriteRemovesStaleTempFolders is the regression row for issue 10 case
// 7: a killed build left .public.new-* folders that no later build removed.
func TestWriteRemovesStaleTempFolders(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	self := strconv.Itoa(os.Getpid())
	stale := map[string]bool{
		".public.new-999999999-1":     true,  // its process is gone
		".public.new-999999999-1.old": true,  // and its moved-aside twin
		".public.new-1-old":           true,  // pid 1 lives, but the folder is old
		".public.new-garbage":         true,  // not a name Write makes: no pid
		".public.new-" + self + "-2":  false, // this process, recent: maybe in use
		".other.new-999999999-3":      false, // another output folder's
		"keep":                        false,
	}
	for name := range stale {
		if err := os.Mkdir(filepath.Join(parent, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	hourAgo := time.Now().Add(-2 * StaleAfter)
	if err := os.Chtimes(filepath.Join(parent, ".public.new-1-old"), hourAgo, hourAgo); err != nil {
		t.Fatal(err)
	}
	if err := (&Output{Files: map[string][]byte{"index.html": []byte("x")}}).Write(dir); err != nil {
		t.Fatal(err)
	}
	for name, gone := range stale {
		_, err := os.Stat(filepath.Join(parent, name))
		if gone != os.IsNotExist(err) {
			t.Errorf("%s: removed = %v, want %v", name, os.IsNotExist(err), gone)
		}
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.new-"+self) && e.Name() != ".public.new-"+self+"-2" {
			t.Errorf("Write left %s behind", e.Name())
		}
	}
}

// TestWriteReadOnlyOutputKeepsThePrevious: a read-only output folder used to
// be swapped in and then fail, leaving .old behind (issue 10 case 7).
func TestWriteReadOnlyOutputKeepsThePrevious(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores file permissions")
	}
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	if err := (&Output{Files: map[string][]byte{"assets/a.css": []byte("old")}}).Write(dir); err != nil {
		t.Fatal(err)
	}
	ro := filepath.Join(dir, "assets")
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	err := (&Output{Files: map[string][]byte{"assets/a.css": []byte("new")}}).Write(dir)
	if err == nil || !strings.Contains(err.Error(), "is read-only") {
		t.Fatalf("error = %v, want a read-only message", err)
	}
	if data, _ := os.ReadFile(filepath.Join(ro, "a.css")); string(data) != "old" {
		t.Errorf("previous output replaced: %q", data)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestCheckOutputDir is the regression table for issue 10 case 6: -o static
// or -o templates were accepted and broke the site.
func TestCheckOutputDir(t *testing.T) {
	site := t.TempDir()
	for _, d := range []string{"content", "static", "templates"} {
		if err := os.Mkdir(filepath.Join(site, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ out, want string }{
		{"public", ""},
		{"../elsewhere", ""},
		{"static", "inside the site's static/ folder"},
		{"templates", "inside the site's templates/ folder"},
		{"content", "inside the site's content/ folder"},
		{"content/tips/out", "inside the site's content/ folder"},
		{"static/../content", "inside the site's content/ folder"},
		{".", "holds the site folder"},
		{"..", "holds the site folder"},
		{"contentx", ""},
	}
	for _, tt := range tests {
		t.Run(tt.out, func(t *testing.T) {
			err := CheckOutputDir(site, filepath.Join(site, tt.out))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
	t.Run("through a link", func(t *testing.T) {
		link := filepath.Join(t.TempDir(), "out")
		symlink(t, filepath.Join(site, "static"), link)
		if err := CheckOutputDir(site, link); err == nil {
			t.Error("a link to static/ was accepted as output")
		}
	})
}

// TestStreamedBuild builds with StreamTo: pages and the search index go to
// disk as they are made, the output folder changes only at Write, and a
// build that fails, or is discarded, leaves no temporary folder.
func TestStreamedBuild(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	out, err := Build(t.Context(), Options{Site: fixtureSite(), Theme: theme, StreamTo: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := out.Files["steps/login/index.html"]; ok {
		t.Error("a streamed build kept a page in memory")
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("the output folder exists before Write: %v", err)
	}
	if err := out.Write(dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"steps/login/index.html", "index.html", "favicon.svg", Marker} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "search", "manifest.js")); err != nil {
		t.Errorf("search manifest: %v", err)
	}

	broken := fixtureSite()
	broken["templates/partials/footer.html"] = f(`{{define "footer"}}{{.Nope}}{{end}}`)
	if _, err := Build(t.Context(), Options{Site: broken, Theme: theme, StreamTo: dir}); err == nil {
		t.Fatal("a template error built")
	}
	again, err := Build(t.Context(), Options{Site: fixtureSite(), Theme: theme, StreamTo: dir})
	if err != nil {
		t.Fatal(err)
	}
	again.Discard()
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 || entries[0].Name() != "public" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("after a failed and a discarded build the parent holds %v; want only public", names)
	}
}
