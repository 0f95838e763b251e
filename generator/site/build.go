// Package site runs the pipeline: load the site, plan every output file,
// convert Markdown, check links, index for search, render pages in
// parallel, and write the output atomically (or keep it in memory for
// serve, where a Builder updates only what a change touches).
package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"sync"
	"time"

	"guidebook/generator/config"
	"guidebook/generator/content"
	"guidebook/generator/diag"
	"guidebook/generator/markdown"
	"guidebook/generator/plan"
	"guidebook/generator/render"
	"guidebook/generator/search"
)

// Options says what to build.
type Options struct {
	Site    fs.FS  // the site folder: site.yaml, content/, templates/, static/
	Theme   fs.FS  // the embedded default theme: templates/, static/
	Drafts  bool   // include draft pages
	BaseURL string // overrides site.yaml baseURL when set
	Dev     bool   // serve mode: add the live-reload script
	GitDir  string // OS path of the site folder, for last-updated dates from git; "" skips git
	// Workers is how many pages are converted and rendered at once; 0 means
	// one per core. serve's background refresh uses 1, leaving a core free.
	Workers int
	// StreamTo, when set, is the output folder the build is for: pages and
	// the search index are written as they are made into a fresh folder
	// beside it (nothing is replaced until Output.Write(StreamTo)), instead
	// of being held in Output.Files, which keeps memory small.
	StreamTo string
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
	// Timings is how long each stage of a full build took (build --timings).
	Timings Timings

	temp, tempFor string // the folder a streamed build wrote into, and for which output
	// writable reports checkWritable on tempFor, run beside the build:
	// it probes every folder of the previous output, which is no input
	// of the build.
	writable <-chan error
}

// Build builds the site into memory. All problems found are returned
// together as a diag.List.
func Build(ctx context.Context, opts Options) (*Output, error) {
	st, err := build(ctx, opts)
	if err != nil {
		return nil, err
	}
	return st.out, nil
}

// state is everything one build made, kept by a Builder so that the next
// change can reuse what it does not touch.
type state struct {
	opts     Options
	cfg      *config.Config
	theme    render.Layers
	strs     render.Strings
	site     *content.Site
	plan     *plan.Plan
	bodies   *bodies
	renderer *render.Renderer
	in       *render.Input
	usedCode map[string]bool // code highlighting classes in the stylesheet
	out      *Output
}

// build runs the whole pipeline, timing each stage.
func build(ctx context.Context, opts Options) (st *state, err error) {
	start := time.Now()
	var timings Timings
	stage := timings.start("load")
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
	stage = timings.next(stage, "plan")
	pl, err := plan.New(site, plan.Options{Theme: thm, Config: cfg, Static: static})
	errs.Add(err)
	stage = timings.next(stage, "convert")
	conv := markdown.New(markdown.WithHTML(markdown.HTMLMode(cfg.Markdown.HTML)), markdown.WithBlank(strs.T("letter.blank")), markdown.WithAnchorLabel(strs.T("anchor")), markdown.WithCalloutTitles(map[string]string{
		"note": strs.T("callout.note"), "tip": strs.T("callout.tip"), "important": strs.T("callout.important"),
		"warning": strs.T("callout.warning"), "caution": strs.T("callout.caution"),
	}))
	errs.Add(render.CheckMenu(cfg, site))
	bodies := newBodies(ctx, conv, site, pl, cfg)
	bodies.workers = opts.Workers
	results, cerr := bodies.convertAll()
	errs.Add(cerr)
	linkWarnings, fatal := bodies.verdict(errs, results)
	if fatal != nil {
		return nil, fatal
	}
	warnings = append(warnings, linkWarnings...)
	out := &Output{Files: map[string][]byte{}, Warnings: warnings, Notices: site.Notices}
	files := &store{files: out.Files}
	if opts.StreamTo != "" {
		out.tempFor = filepath.Clean(opts.StreamTo)
		if files.dir, err = prepareTemp(out.tempFor); err != nil {
			return nil, err
		}
		out.temp = files.dir
		writable := make(chan error, 1)
		go func() { writable <- checkWritable(out.tempFor) }()
		out.writable = writable
		defer func() {
			if err != nil {
				out.Discard()
			}
		}()
	}
	// The search index is built beside bundling, embedding and rendering,
	// which do not read it (pages name its manifest, whose name is fixed):
	// its work fills the cores the serial stages leave idle.
	searched := make(chan error, 1)
	searchStart := time.Now()
	var searchTook time.Duration
	go func() {
		err := indexSearch(ctx, site, results, strs, files)
		searchTook = time.Since(searchStart)
		searched <- err
	}()
	stage = timings.next(stage, "assets")
	usedCode := codeClasses(results)
	// The bundles go into a map of their own: an in-memory build's search
	// index is being stored into out.Files meanwhile.
	bundled := map[string][]byte{}
	assets, err := bundle(theme, strs, usedCode, opts.Dev, bundled)
	if err != nil {
		<-searched // it writes into the folder an error discards
		return nil, err
	}
	assets.Dev = opts.Dev
	assets.SearchManifest = "search/" + search.ManifestFile
	stage = timings.next(stage, "embed")
	r, err := render.New(theme, cfg, strs, assets)
	if err != nil {
		<-searched // it writes into the folder an error discards
		return nil, err
	}
	in := &render.Input{Site: site, Plan: pl, Bodies: results, Embedded: bodies.embedAll(pl, results), Updated: gitDates(ctx, opts.GitDir)}
	stage = timings.next(stage, "render")
	rerr := renderAll(ctx, opts.Workers, r, in, in.Plan.Entries, files)
	serr := <-searched
	maps.Copy(out.Files, bundled)
	stage = timings.next(stage, "static")
	timings.beside("search", searchTook)
	if err := errors.Join(rerr, serr); err != nil {
		return nil, err
	}
	if err := copyStatic(theme, opts.Site, pl, out.Files); err != nil {
		return nil, err
	}
	timings.next(stage, "")
	out.Pages = len(pl.Pages())
	out.Sections = len(site.Sections)
	out.Duration = time.Since(start)
	out.Timings = timings
	return &state{opts: opts, cfg: cfg, theme: theme, strs: strs, site: site, plan: pl, bodies: bodies,
		renderer: r, in: in, usedCode: usedCode, out: out}, nil
}

// renderAll renders entries of the plan on all cores, reporting every entry
// that fails. Static files are copied by copyStatic.
func renderAll(ctx context.Context, workers int, r *render.Renderer, in *render.Input, entries []*plan.Entry, files *store) error {
	var mu sync.Mutex
	var errs diag.List
	// Pages are rendered into buffers reused from page to page; the store
	// copies what it keeps.
	bufs := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	err := each(ctx, workers, entries, func(e *plan.Entry) {
		var err error
		switch {
		case e.Kind == plan.KindStatic || e.Kind == plan.KindAsset:
			return
		case e.Kind.HTML():
			buf := bufs.Get().(*bytes.Buffer)
			buf.Reset()
			if err = r.PageTo(buf, in, e); err == nil {
				err = files.putCopy(e.Output, buf.Bytes())
			}
			bufs.Put(buf)
		default:
			var data []byte
			if data, err = r.File(in, e); err == nil {
				err = files.put(e.Output, data)
			}
		}
		if err != nil {
			mu.Lock()
			errs.Add(err)
			mu.Unlock()
		}
	})
	if err != nil {
		return err
	}
	return errs.Err()
}
