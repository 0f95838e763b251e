package site

import (
	"io/fs"
	"os"
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
	outside := t.TempDir()
	writeOS(t, outside, "secret.txt", "secret")
	writeOS(t, outside, "notes/page.md", "# page")
	secret := filepath.Join(outside, "secret.txt")
	tests := []struct {
		name, link, target string
		read               string // what to read: a file, or a folder to walk
		want               string
	}{
		{"file", "static/passwd.txt", secret, "static/passwd.txt", "static/passwd.txt: symlink to " + secret + " leaves the site folder"},
		{"relative file", "content/x.md", "../../" + filepath.Base(outside) + "/secret.txt", "content", "content/x.md: symlink to ../../"},
		{"folder", "content/notes", filepath.Join(outside, "notes"), "content", "content/notes: symlink to " + filepath.Join(outside, "notes") + " leaves the site folder"},
		{"file in linked folder", "static/notes", filepath.Join(outside, "notes"), "static/notes/page.md", "static/notes: symlink to"},
		{"dangling", "static/gone.txt", filepath.Join(outside, "gone.txt"), "static", "static/gone.txt: symlink to " + filepath.Join(outside, "gone.txt") + " leaves the site folder"},
		{"loop", "content/again", "..", "content", "content/again: symlink to .. makes a loop"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "site")
			writeOS(t, dir, "content/_index.md", "# home")
			target := tt.target
			if tt.name == "relative file" {
				// Relative to content/, two levels up is parent; reach outside from there.
				rel, _ := filepath.Rel(filepath.Join(dir, "content"), secret)
				target = rel
				tt.want = "content/x.md: symlink to " + rel + " leaves the site folder"
			}
			symlink(t, target, filepath.Join(dir, filepath.FromSlash(tt.link)))
			fsys, err := DirFS(dir)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(tt.read, ".txt") || strings.HasSuffix(tt.read, ".md") {
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
