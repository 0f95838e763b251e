package site

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// symlink makes a link or skips the test where the system cannot.
func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot create symlinks here: %v", err)
	}
}

func writeOS(t *testing.T, dir, rel, s string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDirFSFollowsLinksInsideTheSite(t *testing.T) {
	dir := t.TempDir()
	writeOS(t, dir, "shared/a.css", "a{}")
	writeOS(t, dir, "shared/guides/one.md", "# one")
	symlink(t, "../shared/a.css", filepath.Join(dir, "static/a.css"))
	symlink(t, "../shared/guides", filepath.Join(dir, "content/guides"))
	fsys, err := DirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	if data, err := fs.ReadFile(fsys, "static/a.css"); err != nil || string(data) != "a{}" {
		t.Errorf("linked file: %q, %v", data, err)
	}
	var walked []string
	err = fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		walked = append(walked, p)
		return nil
	})
	if err != nil || !slices.Contains(walked, "content/guides/one.md") {
		t.Errorf("WalkDir did not descend into the linked folder: %v, %v", walked, err)
	}
	sub, _ := fs.Sub(fsys, "content")
	if err := fstest.TestFS(sub, "guides/one.md"); err != nil {
		t.Error(err)
	}
}

func TestDirFSRefusesLinksLeavingTheSite(t *testing.T) {
	// Layout: parent/outside/{secret.txt,notes/page.md} and one site per
	// row at parent/<row>/site, so relative links can reach outside too.
	parent := t.TempDir()
	outside := filepath.Join(parent, "outside")
	writeOS(t, outside, "secret.txt", "secret")
	writeOS(t, outside, "notes/page.md", "# page")
	secret, notes := filepath.Join(outside, "secret.txt"), filepath.Join(outside, "notes")
	relSecret := filepath.Join("..", "..", "..", "outside", "secret.txt") // from site/content/
	tests := []struct {
		name, link, target string
		read               string // a file to read, or a folder to walk
		want               string
	}{
		{"file", "static/passwd.txt", secret, "static/passwd.txt", "static/passwd.txt: symlink to " + secret + " leaves the site folder"},
		{"relative file", "content/x.md", relSecret, "content", "content/x.md: symlink to " + relSecret + " leaves the site folder"},
		{"folder", "content/notes", notes, "content", "content/notes: symlink to " + notes + " leaves the site folder"},
		{"file in linked folder", "static/notes", notes, "static/notes/page.md", "static/notes: symlink to " + notes + " leaves the site folder"},
		{"dangling", "static/gone.txt", filepath.Join(outside, "gone.txt"), "static", "static/gone.txt: symlink to " + filepath.Join(outside, "gone.txt") + " leaves the site folder"},
		{"loop", "content/again", "..", "content", "content/again: symlink to .. makes a loop"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(parent, fmt.Sprint(i), "site")
			writeOS(t, dir, "content/_index.md", "# home")
			symlink(t, tt.target, filepath.Join(dir, filepath.FromSlash(tt.link)))
			fsys, err := DirFS(dir)
			if err != nil {
				t.Fatal(err)
			}
			if path.Ext(tt.read) != "" {
				_, err = fs.ReadFile(fsys, tt.read)
			} else {
				err = fs.WalkDir(fsys, tt.read, func(p string, d fs.DirEntry, err error) error { return err })
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestDirFSRejectsInvalidNames(t *testing.T) {
	fsys, err := DirFS(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"../x", "/etc/passwd", "a/../../b"} {
		if _, err := fsys.Open(name); err == nil {
			t.Errorf("Open(%q) succeeded", name)
		}
	}
}
