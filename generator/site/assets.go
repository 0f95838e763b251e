package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"strconv"
	"strings"

	"guidebook/generator/content"
	"guidebook/generator/diag"
	"guidebook/generator/markdown"
	"guidebook/generator/plan"
	"guidebook/generator/render"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/parse/v2"
	cssparse "github.com/tdewolff/parse/v2/css"
)

// bundle concatenates static/css/*.css (plus the code highlighting styles)
// into one minified stylesheet and static/js/*.js into one script (opened by
// the UI strings the scripts show, see render.Strings.Script), both with
// content-hashed names, and adds them to files.
//
// In dev mode (serve) the stylesheet keeps one name, assets/site.css, so a
// change to it swaps the stylesheet of open pages without re-rendering or
// reloading them.
func bundle(theme fs.FS, strs render.Strings, used map[string]bool, dev bool, files map[string][]byte) (render.Assets, error) {
	css, err := bundleCSS(theme, used, dev, files)
	if err != nil {
		return render.Assets{}, err
	}
	js, err := bundleJS(theme, strs.Script())
	if err != nil {
		return render.Assets{}, err
	}
	return render.Assets{CSS: css, JS: addHashed(files, "assets/site", ".js", js)}, nil
}

// bundleJS minifies each static/js/*.js file on its own, so a syntax error
// names its file and line, and joins them after prelude (each is a classic
// script whose code sits in its own function, so joining cannot mix them up).
func bundleJS(theme fs.FS, prelude string) (string, error) {
	srcs, err := readAll(theme, "static/js", ".js")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(prelude)
	var errs diag.List
	for _, s := range srcs {
		min, err := MinifyJS(s.text)
		if err != nil {
			errs.Add(locate(s.file, err))
			continue
		}
		b.WriteString(min)
		b.WriteString(";\n")
	}
	return b.String(), errs.Err()
}

// positionRE finds the position tdewolff/parse gives in its messages.
var positionRE = regexp.MustCompile(` on line (\d+) and column (\d+)`)

// locate turns a minifier's error into a located one: file:line: message.
func locate(file string, err error) error {
	msg := err.Error()
	m := positionRE.FindStringSubmatch(msg)
	if m == nil {
		return diag.Errorf(file, 0, "%s", msg)
	}
	line, _ := strconv.Atoi(m[1])
	return diag.Errorf(file, line, "%s (column %s)", strings.Replace(msg, m[0], "", 1), m[2])
}

// checkCSS reports the first syntax error of a stylesheet at its line: the
// minifier itself passes broken CSS through, which a browser then drops.
func checkCSS(file, src string) error {
	p := cssparse.NewParser(parse.NewInputString(src), false)
	for {
		gt, _, _ := p.Next()
		switch gt {
		case cssparse.ErrorGrammar:
			if errors.Is(p.Err(), io.EOF) {
				return nil
			}
			line, col, _ := parse.Position(strings.NewReader(src), p.Offset())
			return diag.Errorf(file, line, "CSS syntax error (column %d): %v", col, p.Err())
		}
	}
}

// source is one theme file's text.
type source struct{ file, text string }

// readAll reads the files of dir ending in ext, in name order.
func readAll(theme fs.FS, dir, ext string) ([]source, error) {
	entries, err := fs.ReadDir(theme, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	var out []source
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ext) {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			return nil, err
		}
		out = append(out, source{name, string(data)})
	}
	return out, nil
}

// bundleCSS writes the one stylesheet: static/css/*.css and the highlighting
// styles of the code classes used, minified; it returns its path.
func bundleCSS(theme fs.FS, used map[string]bool, dev bool, files map[string][]byte) (string, error) {
	srcs, err := readAll(theme, "static/css", ".css")
	if err != nil {
		return "", err
	}
	var all strings.Builder
	var errs diag.List
	for _, s := range srcs {
		errs.Add(checkCSS(s.file, s.text))
		all.WriteString(s.text)
		all.WriteString("\n")
	}
	if err := errs.Err(); err != nil {
		return "", err
	}
	css := all.String()
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
		maps.Copy(used, r.CodeClasses)
	}
	return used
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
