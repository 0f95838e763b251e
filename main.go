// Command guidebook builds a static knowledge-base site from Markdown.
//
//	guidebook init    write a starter site into a new folder
//	guidebook build   write the site to public/
//	guidebook serve   build into memory and serve with live reload
//	guidebook check   build without writing; report every problem
//	guidebook new     create a page with front matter
//	guidebook version print the version
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"guidebook/generator/diag"
	"guidebook/generator/gctune"
	"guidebook/generator/serve"
	"guidebook/generator/site"
	"guidebook/generator/starter"
)

// theme is the default theme compiled into the binary; a site overrides it
// file by file with its own templates/ and static/.
//
//go:embed all:templates all:static
var theme embed.FS

// starters are the sites `guidebook init` writes, one folder per language
// (examples/starter-<lang>/). They live under examples/ so they can be
// browsed and built like any other example site.
//
//go:embed all:examples/starter-en all:examples/starter-zh-CN
var starters embed.FS

// gcPercent is the garbage collector's growth once the heap is large,
// unless GOGC says otherwise: a build holds its pages and search index
// briefly and then exits, and at 35 % heap growth (the default is 100 %)
// a large site needs about a third less memory and runs no slower within
// the noise of a shared 2-core machine (see BENCHMARKS.md). gcFloor is
// the heap a build may use before the first collection, and reach again
// before each next one while its live heap is small (gctune): a fixed
// 35 % would collect every megabyte or two early on, some fifty cycles for
// 1,000 pages, where this makes about twelve. 24 MB: at 1,000 pages, 16
// MB cost 3 % more CPU and 32 MB 8 MB more peak memory (BENCHMARKS.md).
const (
	gcPercent = 35
	gcFloor   = 24 << 20
)

func main() {
	if os.Getenv("GOGC") == "" {
		gctune.Start(gcFloor, gcPercent)
	}
	ctx, stop := signalContext()
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// signalContext is cancelled by Ctrl+C and by SIGTERM (CI timeouts, docker
// stop) alike, so either stops a build cleanly: the output's temporary
// folder is removed and the previous output kept.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

const usage = `guidebook builds a static knowledge-base site from Markdown.

Usage: guidebook <command> [flags]

Commands:
  init      write a starter site: guidebook init my-site --lang en
  build     build the site into public/
  serve     build and serve on http://127.0.0.1:1313 with live reload
  check     build without writing and report every problem
  new       create a page: guidebook new guides/my-page.md
  version   print the version

Run "guidebook <command> -h" for the flags of a command.
`

// run is main without the process: it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	var err error
	switch cmd {
	case "build":
		err = cmdBuild(ctx, args, stdout, stderr)
	case "check":
		err = cmdCheck(ctx, args, stdout, stderr)
	case "serve":
		err = cmdServe(ctx, args, stdout, stderr)
	case "init":
		err = cmdInit(args, stdout, stderr)
	case "new":
		err = cmdNew(ctx, args, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "guidebook", version())
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "guidebook: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		report(stderr, err)
		return 1
	}
	return 0
}

// report prints every problem of a failed build, one per line, and a count.
func report(w io.Writer, err error) {
	var list diag.List
	var one *diag.FileError
	if !errors.As(err, &list) && errors.As(err, &one) {
		list = diag.List{one}
	}
	if len(list) > 0 {
		for _, e := range list {
			fmt.Fprintln(w, e)
		}
		fmt.Fprintf(w, "%d problem(s); nothing was written\n", len(list))
		return
	}
	fmt.Fprintln(w, "error:", err)
}

// printWarnings prints the problems that did not stop a build, one per line.
func printWarnings(w io.Writer, warnings []error) {
	for _, e := range warnings {
		fmt.Fprintln(w, e)
	}
}

// siteFlags are the flags build, check and serve share.
type siteFlags struct {
	site, baseURL string
	drafts        bool
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.site, "s", ".", "site folder (holds site.yaml and content/)")
	fs.BoolVar(&f.drafts, "drafts", false, "include pages with draft: true")
	fs.StringVar(&f.baseURL, "base-url", "", "absolute URL the site is published at (overrides site.yaml baseURL)")
}

func (f *siteFlags) options(dev bool) (site.Options, error) {
	themeFS, err := fs.Sub(theme, ".")
	if err != nil {
		return site.Options{}, err
	}
	fi, err := os.Stat(filepath.Join(f.site, "content"))
	if err != nil {
		return site.Options{}, fmt.Errorf("%s has no content/ folder (use -s to point at the site folder)", f.site)
	}
	if !fi.IsDir() {
		return site.Options{}, fmt.Errorf("%s is a file, not a folder: the pages go in a content/ folder", filepath.Join(f.site, "content"))
	}
	siteFS, err := site.DirFS(f.site)
	if err != nil {
		return site.Options{}, fmt.Errorf("site folder: %w", err)
	}
	return site.Options{Site: siteFS, Theme: themeFS, Drafts: f.drafts, BaseURL: f.baseURL, Dev: dev, GitDir: f.site}, nil
}

func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: guidebook %s\n\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var sf siteFlags
	fs := newFlagSet("build", "build [-s DIR] [-o DIR] [--drafts] [--base-url URL] [--timings] [--cpuprofile FILE]", stderr)
	sf.register(fs)
	out := fs.String("o", "public", "output folder (replaced atomically; never a folder Guidebook did not create)")
	timings := fs.Bool("timings", false, "print how long each stage of the build took")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	opts, err := sf.options(false)
	if err != nil {
		return err
	}
	dir := *out
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(sf.site, dir)
	}
	if err := site.CheckOutputDir(sf.site, dir); err != nil {
		return err
	}
	opts.StreamTo = dir
	built, err := site.Build(ctx, opts)
	if err != nil {
		return err
	}
	defer built.Discard() // after an interrupted write, no half-written folder is left
	printWarnings(stderr, built.Warnings)
	writeStart := time.Now()
	if err := built.Write(dir); err != nil {
		return err
	}
	if *timings {
		fmt.Fprintf(stdout, "timings: %s · write %s\n", built.Timings, time.Since(writeStart).Round(100*time.Microsecond))
	}
	fmt.Fprintf(stdout, "built %d pages, %d sections in %s → %s/\n", built.Pages, built.Sections, built.Duration.Round(time.Millisecond), *out)
	return nil
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var sf siteFlags
	fs := newFlagSet("check", "check [-s DIR] [--drafts]", stderr)
	sf.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	opts, err := sf.options(false)
	if err != nil {
		return err
	}
	built, err := site.Build(ctx, opts)
	if err != nil {
		return err
	}
	printWarnings(stderr, built.Warnings)
	printWarnings(stdout, built.Notices)
	fmt.Fprintf(stdout, "ok: %d pages, %d sections, no broken links (%s)\n", built.Pages, built.Sections, built.Duration.Round(time.Millisecond))
	return nil
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var sf siteFlags
	fs := newFlagSet("serve", "serve [-s DIR] [--addr HOST:PORT] [--drafts]", stderr)
	sf.register(fs)
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	opts, err := sf.options(true)
	if err != nil {
		return err
	}
	return serve.Run(ctx, serve.Options{Build: opts, Addr: *addr, Dir: sf.site, Log: stdout})
}

func cmdNew(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("new", "new [-s DIR] SECTION/NAME.md", stderr)
	siteDir := fs.String("s", ".", "site folder")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || !strings.HasSuffix(fs.Arg(0), ".md") {
		fs.Usage()
		return errors.New("new needs one content path ending in .md, e.g. steps/submit.md")
	}
	rel := filepath.ToSlash(filepath.Clean(fs.Arg(0)))
	rel = strings.TrimPrefix(rel, "content/")
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return fmt.Errorf("new %s: the page must stay inside content/ (give a path such as tips/%s)", fs.Arg(0), filepath.Base(rel))
	}
	p := filepath.Join(*siteDir, "content", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err == nil {
		return fmt.Errorf("%s already exists", p)
	}
	sf := siteFlags{site: *siteDir}
	opts, err := sf.options(false)
	if err != nil {
		return err
	}
	body, err := site.NewPage(ctx, opts, rel, time.Now().Format("2006-01-02"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s (draft: build with --drafts to see it)\n", p)
	return nil
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
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
	fs := newFlagSet("init", "init [DIR] [--lang "+strings.Join(starter.Languages(starters), "|")+"]", stderr)
	lang := fs.String("lang", "en", "language of the starter site and of the theme's words ("+strings.Join(starter.Languages(starters), ", ")+")")
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
	src, err := starter.Site(starters, *lang)
	if err != nil {
		return err
	}
	wrote, err := starter.Write(dir, src)
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
