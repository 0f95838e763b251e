package site

import (
	"errors"
	"io/fs"
	"maps"

	"guidebook/generator/diag"
	"guidebook/generator/plan"
	"guidebook/generator/render"
)

// loadTheme reads the section layouts (templates/layouts.yaml of the
// embedded theme, then the site's own, whose layouts add to or replace the
// theme's by name) and the names of the page templates of both.
func loadTheme(siteFS, themeFS fs.FS, layered fs.FS) (plan.Theme, error) {
	var errs diag.List
	t := plan.Theme{Layouts: map[string]plan.Layout{}}
	for _, layer := range []fs.FS{themeFS, siteFS} {
		if layer == nil {
			continue
		}
		data, err := fs.ReadFile(layer, plan.LayoutsFile)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return t, err
		}
		layouts, err := plan.ParseLayouts(plan.LayoutsFile, data)
		errs.Add(err)
		maps.Copy(t.Layouts, layouts)
	}
	names, err := render.Templates(layered)
	if err != nil {
		return t, err
	}
	t.Templates = names
	errs.Add(t.Check())
	return t, errs.Err()
}
