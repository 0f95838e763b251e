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
	site, err := content.Load(ctx, contentFS, content.Options{Drafts: opts.Drafts})
	if err != nil {
		return nil, err
	}
	theme := render.Layers{opts.Site, opts.Theme}
	strs, err := render.LoadStrings(theme, cfg.Language)
	if err != nil {
		return nil, err
	}
	conv := markdown.New(markdown.WithUnsafe(cfg.Markdown.Unsafe), markdown.WithAnchorLabel(strs.T("anchor")), markdown.WithBlank(strs.T("letter.blank")), markdown.WithCalloutTitles(map[string]string{
		"note": strs.T("callout.note"), "tip": strs.T("callout.tip"), "important": strs.T("callout.important"),
		"warning": strs.T("callout.warning"), "caution": strs.T("callout.caution"),
	}))
	var errs diag.List
	errs.Add(render.CheckMenu(cfg, site))
	bodies := newBodies(ctx, conv, site)
	results, cerr := bodies.convertAll()
	errs.Add(cerr)
	errs.Add(bodies.checkAnchors(results)...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	out := &Output{Files: map[string][]byte{}}
	assets, err := bundle(theme, results, out.Files)
	if err != nil {
		return nil, err
	}
	assets.Dev = opts.Dev
	if err := indexSearch(ctx, site, results, strs, out.Files, &assets); err != nil {
		return nil, err
	}
	r, err := render.New(theme, cfg, assets)
	if err != nil {
		return nil, err
	}
	in := &render.Input{Site: site, Results: results, Body: bodies.shownOn, Updated: gitDates(ctx, opts.GitDir)}
	pages := append(site.All(), render.GeneratedPages(site, strs)...)
	if err := renderAll(ctx, r, in, pages, out.Files); err != nil {
		return nil, err
	}
	if err := render.SiteFiles(r, in, pages, out.Files); err != nil {
		return nil, err
	}
	if err := copyStatic(theme, out.Files); err != nil {
		return nil, err
	}
	out.Pages = len(pages)
	out.Sections = len(site.Sections)
	out.Duration = time.Since(start)
	return out, nil
}

// renderAll renders pages on all cores, reporting every page that fails.
func renderAll(ctx context.Context, r *render.Renderer, in *render.Input, pages []*content.Page, files map[string][]byte) error {
	var mu sync.Mutex
	var errs diag.List
	err := eachPage(ctx, pages, func(p *content.Page) {
		html, err := r.Page(in, p)
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			errs.Add(err)
		} else {
			files[render.OutputPath(p)] = html
		}
	})
	if err != nil {
		return err
	}
	return errs.Err()
}
