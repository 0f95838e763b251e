// Package starter holds what guidebook init does: the starter sites, one
// per language (examples/starter-<lang>/, embedded by the binary), written
// into a new, empty folder.
package starter

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// prefix is the folder name of a starter without its language.
const prefix = "examples/starter-"

// Languages lists the languages starters has a starter for, sorted.
func Languages(starters fs.FS) []string {
	entries, _ := fs.ReadDir(starters, "examples")
	var langs []string
	for _, e := range entries {
		if lang, ok := strings.CutPrefix("examples/"+e.Name(), prefix); ok && e.IsDir() {
			langs = append(langs, lang)
		}
	}
	slices.Sort(langs)
	return langs
}

// Site returns the starter site for lang from starters (a tree holding
// examples/starter-<lang>/ folders).
func Site(starters fs.FS, lang string) (fs.FS, error) {
	langs := Languages(starters)
	if !slices.Contains(langs, lang) {
		return nil, fmt.Errorf("--lang %q: init has a starter site for %s only", lang, strings.Join(langs, ", "))
	}
	return fs.Sub(starters, prefix+lang)
}

// skip reports whether a file of a starter folder is not part of
// the starter: build output someone made while browsing the example.
func skip(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return first == "public" || first == ".guidebook-output"
}

// Write copies the starter src into dir, which must be missing or
// empty, and returns the paths it wrote. It never replaces a file.
func Write(dir string, src fs.FS) ([]string, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, fmt.Errorf("%s: %w", dir, err)
	case len(entries) > 0:
		return nil, fmt.Errorf("%s is not empty (it holds %s%s): init writes a new site only into an empty or missing folder; choose another, e.g. guidebook init my-site",
			dir, entries[0].Name(), more(len(entries)-1))
	}
	var wrote []string
	err = fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == "." {
			return err
		}
		if skip(p) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.Mkdir(target, 0o755)
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
		wrote = append(wrote, p)
		return f.Close()
	})
	return wrote, err
}

// more is ", and 3 more" for n > 0.
func more(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" and %d more", n)
}
