package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"guidebook/generator/content"
	"guidebook/generator/markdown"
	"guidebook/generator/plan"
	"guidebook/generator/render"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
)

// bundle concatenates static/css/*.css (plus the code highlighting styles)
// into one minified stylesheet and static/js/*.js into one script, both with
// content-hashed names, and adds them to files.
//
// In dev mode (serve) the stylesheet keeps one name, assets/site.css, so a
// change to it swaps the stylesheet of open pages without re-rendering or
// reloading them.
func bundle(theme fs.FS, used map[string]bool, dev bool, files map[string][]byte) (render.Assets, error) {
	css, err := bundleCSS(theme, used, dev, files)
	if err != nil {
		return render.Assets{}, err
	}
	if err != nil {
		return render.Assets{}, err
	}
	js, err := concat(theme, "static/js", ".js")
	if err != nil {
		return render.Assets{}, err
	}
	minJS, err := MinifyJS(js)
	if err != nil {
		return render.Assets{}, fmt.Errorf("theme JavaScript: %w", err)
	}
	return render.Assets{CSS: css, JS: addHashed(files, "assets/site", ".js", minJS)}, nil
}

// bundleCSS writes the one stylesheet: static/css/*.css and the highlighting
// styles of the code classes used, minified; it returns its path.
func bundleCSS(theme fs.FS, used map[string]bool, dev bool, files map[string][]byte) (string, error) {
	css, err := concat(theme, "static/css", ".css")
	if err != nil {
		return "", err
	}
	hl, err := markdown.HighlightCSS(used)
	if err != nil {
		return "", err
	}
	minCSS, err := MinifyCSS(css + hl)
	if err != nil {
		return "", fmt.Errorf("theme CSS: %w", err)
	}
	if dev {
		files[devCSS] = []byte(minCSS)
		return devCSS, nil
	}
	return addHashed(files, "assets/site", ".css", minCSS), nil
}

// devCSS is the stylesheet's path in dev mode.
const devCSS = "assets/site.css"

// codeClasses returns the highlighting classes the converted bodies use.
func codeClasses(results map[*content.Page]*markdown.Result) map[string]bool {
	used := map[string]bool{}
	for _, r := range results {
		markdown.UsedCodeClasses(r.HTML, used)
	}
	return used
}

// concat joins the files of dir ending in ext, in name order.
func concat(theme fs.FS, dir, ext string) (string, error) {
	entries, err := fs.ReadDir(theme, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("theme: %w", err)
	}
	var b strings.Builder
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ext) {
			continue
		}
		data, err := fs.ReadFile(theme, path.Join(dir, e.Name()))
		if err != nil {
			return "", err
		}
		b.Write(data)
		b.WriteString("\n")
	}
	return b.String(), nil
}

// addHashed stores data as base.<hash><ext> and returns that name.
func addHashed(files map[string][]byte, base, ext string, data string) string {
	sum := sha256.Sum256([]byte(data))
	name := base + "." + hex.EncodeToString(sum[:4]) + ext
	files[name] = []byte(data)
	return name
}

// newMinifier returns the CSS and JavaScript minifier of a build.
func newMinifier() *minify.M {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	return m
}

// MinifyCSS minifies a stylesheet.
func MinifyCSS(src string) (string, error) { return newMinifier().String("text/css", src) }

// MinifyJS minifies a classic script: whitespace, comments and local names.
func MinifyJS(src string) (string, error) { return newMinifier().String("text/javascript", src) }

// staticFiles lists the files of the theme's static/ folder (site and
// embedded layers) that are copied as they are: all but the css/ and js/
// folders, which are bundled.
func staticFiles(theme fs.FS) ([]string, error) {
	var out []string
	err := fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == "static" {
			return fs.SkipDir
		}
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p == "static/css" || p == "static/js" {
				return fs.SkipDir
			}
			return nil
		}
		out = append(out, strings.TrimPrefix(p, "static/"))
		return nil
	})
	return out, err
}

// copyStatic copies the static files of the plan (from static/ of the site
// or theme) and the assets beside pages (from the site's content/) to their
// output paths.
func copyStatic(theme, siteFS fs.FS, pl *plan.Plan, files map[string][]byte) error {
	for _, e := range pl.Entries {
		from := theme
		switch {
		case e.Kind == plan.KindAsset:
			from = siteFS
		case e.Kind != plan.KindStatic || e.Source == "":
			continue
		}
		data, err := fs.ReadFile(from, e.Source)
		if err != nil {
			return err
		}
		files[e.Output] = data
	}
	return nil
}
