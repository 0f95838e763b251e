// Package build runs the pipeline: load the site, convert Markdown, check
// links, index for search, render pages in parallel, and write the output
// atomically (or keep it in memory for serve).
package site

import (
	"context"
	"fmt"
	"io/fs"
	"sync"
	"time"

	"guidebook/generator/config"
	"guidebook/generator/content"
	"guidebook/generator/diag"
	"guidebook/generator/markdown"
	"guidebook/generator/plan"
	"guidebook/generator/render"
)

// Options says what to build.
type Options struct {
	Site    fs.FS  // the site folder: site.yaml, content/, templates/, static/
	Theme   fs.FS  // the embedded default theme: templates/, static/
	Drafts  bool   // include draft pages
	BaseURL string // overrides site.yaml baseURL when set
	Dev     bool   // serve mode: add the live-reload script
	GitDir  string // OS path of the site folder, for last-updated dates from git; "" skips git
}

// Output is a built site held in memory.
type Output struct {
	Files    map[string][]byte // path in the output folder → content
	Pages    int               // HTML pages written
	Sections int
	Duration time.Duration
	// Warnings are problems that did not stop the build, located like
	// errors ("templates/i18n/de: warning: …"); build and check print them.
	Warnings []error
	// Notices are information for editors, such as front-matter keys kept
	// for templates; check prints them.
	Notices []error
}

// Build builds the site into memory. All problems found are returned
// together as a diag.List.
func Build(ctx context.Context, opts Options) (*Output, error) {
	start := time.Now()
	cfg, err := config.Load(opts.Site)
	if err != nil {
		return nil, err
	}
	if opts.BaseURL != "" {
		c, err := config.Parse("--base-url", fmt.Appendf(nil, "baseURL: %q\n", opts.BaseURL))
		if err != nil {
			return nil, err
		}
		cfg.BaseURL = c.BaseURL
	}
	contentFS, err := fs.Sub(opts.Site, "content")
	if err != nil {
		return nil, err
	}
	// A site with front-matter problems is still planned, converted and
	// link-checked, so one run reports every problem.
	var errs diag.List
	site, err := content.Load(ctx, contentFS, content.Options{Drafts: opts.Drafts})
	if site == nil {
		return nil, err
	}
	errs.Add(err)
	theme := render.Layers{opts.Site, opts.Theme}
	strs, warnings, err := render.LoadStrings(theme, cfg)
	if err != nil {
		return nil, err
	}
	thm, err := loadTheme(opts.Site, opts.Theme, theme)
	errs.Add(err)
	static, err := staticFiles(theme)
	if err != nil {
		return nil, err
	}
	pl, err := plan.New(site, plan.Options{Theme: thm, Config: cfg, Static: static})
	errs.Add(err)
	conv := markdown.New(markdown.WithHTML(markdown.HTMLMode(cfg.Markdown.HTML)), markdown.WithBlank(strs.T("letter.blank")), markdown.WithAnchorLabel(strs.T("anchor")), markdown.WithCalloutTitles(map[string]string{
		"note": strs.T("callout.note"), "tip": strs.T("callout.tip"), "important": strs.T("callout.important"),
		"warning": strs.T("callout.warning"), "caution": strs.T("callout.caution"),
	}))
	errs.Add(render.CheckMenu(cfg, site))
	bodies := newBodies(ctx, conv, site, pl, cfg)
	results, cerr := bodies.convertAll()
	errs.Add(cerr)
	errs.Add(bodies.problems...)
	errs.Add(bodies.checkAnchors(results)...)
	fatal, rest := errs.Split()
	if sorted, ok := rest.Err().(diag.List); ok {
		warnings = append(warnings, sorted...)
	}
	if err := fatal.Err(); err != nil {
		return nil, err
	}
	out := &Output{Files: map[string][]byte{}, Warnings: warnings, Notices: site.Notices}
	assets, err := bundle(theme, results, out.Files)
	if err != nil {
		return nil, err
	}
	assets.Dev = opts.Dev
	if err := indexSearch(ctx, site, results, strs, out.Files, &assets); err != nil {
		return nil, err
	}
	r, err := render.New(theme, cfg, strs, assets)
	if err != nil {
		return nil, err
	}
	embedded, err := bodies.embedAll(pl)
	if err != nil {
		return nil, err
	}
	in := &render.Input{Site: site, Plan: pl, Bodies: results, Embedded: embedded, Updated: gitDates(ctx, opts.GitDir)}
	if err := renderAll(ctx, r, in, out.Files); err != nil {
		return nil, err
	}
	if err := copyStatic(theme, opts.Site, pl, out.Files); err != nil {
		return nil, err
	}
	out.Pages = len(pl.Pages())
	out.Sections = len(site.Sections)
	out.Duration = time.Since(start)
	return out, nil
}

// renderAll renders every entry of the plan on all cores, reporting every
// entry that fails. Static files are copied by copyStatic.
func renderAll(ctx context.Context, r *render.Renderer, in *render.Input, files map[string][]byte) error {
	var mu sync.Mutex
	var errs diag.List
	err := each(ctx, in.Plan.Entries, func(e *plan.Entry) {
		var data []byte
		var err error
		switch {
		case e.Kind == plan.KindStatic || e.Kind == plan.KindAsset:
			return
		case e.Kind.HTML():
			data, err = r.Page(in, e)
		default:
			data, err = r.File(in, e)
		}
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			errs.Add(err)
		} else {
			files[e.Output] = data
		}
	})
	if err != nil {
		return err
	}
	return errs.Err()
}
