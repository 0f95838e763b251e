package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"guidebook/generator/config"
	"guidebook/generator/markdown"
	"guidebook/generator/render"
)

// bundle concatenates static/css/*.css (plus the code highlighting styles)
// into one minified stylesheet and static/js/*.js into one script, both with
// content-hashed names, and adds them to files.
func bundle(theme fs.FS, _ *config.Config, files map[string][]byte) (render.Assets, error) {
	css, err := concat(theme, "static/css", ".css")
	if err != nil {
		return render.Assets{}, err
	}
	hl, err := markdown.HighlightCSS()
	if err != nil {
		return render.Assets{}, err
	}
	js, err := concat(theme, "static/js", ".js")
	if err != nil {
		return render.Assets{}, err
	}
	return render.Assets{
		CSS: addHashed(files, "assets/site", ".css", MinifyCSS(css+hl)),
		JS:  addHashed(files, "assets/site", ".js", MinifyJS(js)),
	}, nil
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

var (
	cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
	cssSpace   = regexp.MustCompile(`\s*([{};,>])\s*`)
	cssColon   = regexp.MustCompile(`:\s+`)
	spaces     = regexp.MustCompile(`\s+`)
)

// MinifyCSS removes comments and the whitespace CSS does not need.
func MinifyCSS(css string) string {
	css = cssComment.ReplaceAllString(css, "")
	css = spaces.ReplaceAllString(css, " ")
	css = cssSpace.ReplaceAllString(css, "$1")
	css = cssColon.ReplaceAllString(css, ":")
	css = strings.ReplaceAll(css, ";}", "}")
	return strings.TrimSpace(css) + "\n"
}

// MinifyJS removes indentation, blank lines and whole-line // comments. It
// keeps line breaks, so automatic semicolon insertion is unaffected; scripts
// must not use multi-line template literals.
func MinifyJS(js string) string {
	var b strings.Builder
	for _, line := range strings.Split(js, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// copyStatic copies every static file except the bundled css/ and js/ folders
// to the same path under the output root.
func copyStatic(theme fs.FS, files map[string][]byte) error {
	return fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p == "static/css" || p == "static/js" {
				return fs.SkipDir
			}
			return nil
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		files[strings.TrimPrefix(p, "static/")] = data
		return nil
	})
}
