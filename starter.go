package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// starters are the sites `guidebook init` writes, one folder per language
// (examples/starter-<lang>/). They live under examples/ so they can be
// browsed and built like any other example site.
//
//go:embed all:examples/starter-en all:examples/starter-zh-CN
var starters embed.FS

// starterPrefix is the folder name of a starter without its language.
const starterPrefix = "examples/starter-"

// starterLanguages lists the languages init has a starter for, sorted.
func starterLanguages() []string {
	entries, _ := fs.ReadDir(starters, "examples")
	var langs []string
	for _, e := range entries {
		if lang, ok := strings.CutPrefix("examples/"+e.Name(), starterPrefix); ok && e.IsDir() {
			langs = append(langs, lang)
		}
	}
	slices.Sort(langs)
	return langs
}

// starterFS returns the starter site for lang.
func starterFS(lang string) (fs.FS, error) {
	langs := starterLanguages()
	if !slices.Contains(langs, lang) {
		return nil, fmt.Errorf("--lang %q: init has a starter site for %s only", lang, strings.Join(langs, ", "))
	}
	return fs.Sub(starters, starterPrefix+lang)
}

// skipStarterPath reports whether a file of a starter folder is not part of
// the starter: build output someone made while browsing the example.
func skipStarterPath(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return first == "public" || first == ".guidebook-output"
}

// writeStarter copies the starter src into dir, which must be missing or
// empty, and returns the paths it wrote. It never replaces a file.
func writeStarter(dir string, src fs.FS) ([]string, error) {
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
		if skipStarterPath(p) {
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

// parseInterspersed parses fs allowing flags after the positional arguments
// (guidebook init DIR --lang en), and returns the positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func cmdInit(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("init", "init [DIR] [--lang "+strings.Join(starterLanguages(), "|")+"]", stderr)
	lang := fs.String("lang", "en", "language of the starter site and of the theme's words ("+strings.Join(starterLanguages(), ", ")+")")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		fs.Usage()
		return fmt.Errorf("init takes one folder, got %d: %s", len(pos), strings.Join(pos, " "))
	}
	dir := "."
	if len(pos) == 1 {
		dir = pos[0]
	}
	src, err := starterFS(*lang)
	if err != nil {
		return err
	}
	wrote, err := writeStarter(dir, src)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created a Guidebook site (%s) in %s: %d files\n", *lang, dir, len(wrote))
	for _, p := range wrote {
		fmt.Fprintf(stdout, "  %s\n", path.Clean(p))
	}
	site := ""
	if dir != "." {
		site = " -s " + dir
	}
	fmt.Fprintf(stdout, `
Next:
  guidebook serve%[1]s   preview on http://127.0.0.1:1313; pages reload as you save
  guidebook check%[1]s   list broken links and front matter mistakes
  guidebook build%[1]s   write the site to %[2]s
README.md says where templates go, how layouts work and how to add a language.
`, site, filepath.Join(dir, "public")+string(filepath.Separator))
	return nil
}
