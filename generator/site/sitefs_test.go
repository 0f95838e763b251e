package site

import (
	"errors"
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

// TestDirFSFiles: the files DirFS opens (on Linux by their descriptor,
// see rawfile_linux.go) read, stat and close as os.File's do.
func TestDirFSFiles(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("页面", 40_000)
	writeOS(t, dir, "content/a.md", "# a")
	writeOS(t, dir, "content/big.md", big)
	writeOS(t, dir, "content/empty.md", "")
	if err := os.Chmod(filepath.Join(dir, "content/a.md"), 0o640|fs.ModeSetgid); err != nil {
		t.Fatal(err)
	}
	fsys, err := DirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(fsys, "content/a.md", "content/big.md", "content/empty.md"); err != nil {
		t.Error(err)
	}
	for _, name := range []string{"content/a.md", "content/big.md", "content/empty.md"} {
		f, err := fsys.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if got.Name() != want.Name() || got.Size() != want.Size() || got.Mode() != want.Mode() || !got.ModTime().Equal(want.ModTime()) || got.IsDir() {
			t.Errorf("%s: Stat %s %d %v %v, os.Stat %s %d %v %v", name, got.Name(), got.Size(), got.Mode(), got.ModTime(), want.Name(), want.Size(), want.Mode(), want.ModTime())
		}
		if err := f.Close(); err != nil {
			t.Errorf("%s: Close: %v", name, err)
		}
		if _, err := f.Read(make([]byte, 1)); !errors.Is(err, fs.ErrClosed) {
			t.Errorf("%s: Read after Close: %v, want ErrClosed", name, err)
		}
		if err := f.Close(); !errors.Is(err, fs.ErrClosed) {
			t.Errorf("%s: second Close: %v, want ErrClosed", name, err)
		}
	}
	if data, err := fs.ReadFile(fsys, "content/big.md"); err != nil || string(data) != big {
		t.Errorf("big file read back %d bytes, %v", len(data), err)
	}
	if _, err := fsys.Open("content/missing.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v, want ErrNotExist", err)
	}
	if f, err := fsys.Open("content"); err != nil {
		t.Errorf("a folder: %v", err)
	} else if fi, _ := f.Stat(); !fi.IsDir() {
		t.Error("a folder opened as a file")
	} else {
		f.Close()
	}
}
