// Package browsertest starts Debian's Chromium for browser tests and records
// what a page does: console errors, uncaught exceptions and every request.
//
// Tests call New; it skips the test with install instructions when Chromium is
// missing, unless GUIDEBOOK_E2E=1 is set, in which case the test fails.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Candidates are the executables tried, in order, when GUIDEBOOK_CHROMIUM is unset.
var candidates = []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "chromium", "google-chrome"}

// ExecPath returns the Chromium executable to use, or "" when none is installed.
func ExecPath() string {
	if p := os.Getenv("GUIDEBOOK_CHROMIUM"); p != "" {
		return p
	}
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	return ""
}

// Required reports whether browser tests must run (GUIDEBOOK_E2E=1).
func Required() bool { return os.Getenv("GUIDEBOOK_E2E") == "1" }

// Browser is one headless Chromium process shared by the subtests of a test.
type Browser struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// Option changes how the browser is started.
type Option func(*[]chromedp.ExecAllocatorOption)

// WindowSize sets the initial window size.
func WindowSize(w, h int) Option {
	return func(o *[]chromedp.ExecAllocatorOption) { *o = append(*o, chromedp.WindowSize(w, h)) }
}

// New starts a headless Chromium for t and stops it when t ends.
func New(t testing.TB, opts ...Option) *Browser {
	t.Helper()
	if testing.Short() && !Required() {
		t.Skip("browser test skipped in -short mode")
	}
	path := ExecPath()
	if path == "" {
		msg := "Chromium not found: install it with `apt-get install -y chromium` (or set GUIDEBOOK_CHROMIUM) to run browser tests"
		if Required() {
			t.Fatal(msg + " (GUIDEBOOK_E2E=1 requires them)")
		}
		t.Skip(msg)
	}
	allocOpts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("allow-file-access-from-files", false),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	for _, o := range opts {
		o(&allocOpts)
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), allocOpts...)
	ctx, cancel := chromedp.NewContext(actx)
	// Start the browser now so a broken install fails here, not in a subtest.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		cancel()
		acancel()
		t.Fatalf("start chromium %s: %v", path, err)
	}
	b := &Browser{ctx: ctx, cancel: func() { cancel(); acancel() }}
	t.Cleanup(b.cancel)
	return b
}

// Tab opens a new tab that is closed when t ends. The returned context carries
// a timeout so a stuck page fails the test instead of hanging it.
func (b *Browser) Tab(t testing.TB) (context.Context, *Recorder) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	ctx, tcancel := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { tcancel(); cancel() })
	rec := &Recorder{}
	if err := chromedp.Listen(ctx, rec.record); err != nil {
		t.Fatalf("listen: %v", err)
	}
	return ctx, rec
}

// Recorder collects console errors, exceptions and requests of one tab.
type Recorder struct {
	mu       sync.Mutex
	problems []string
	requests []string
	pending  map[network.RequestID]string
}

func (r *Recorder) record(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pending == nil {
		r.pending = map[network.RequestID]string{}
	}
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			r.problems = append(r.problems, "console.error: "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		r.problems = append(r.problems, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber, msg))
	case *network.EventRequestWillBeSent:
		r.requests = append(r.requests, ev.Request.URL)
		r.pending[ev.RequestID] = ev.Request.URL
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			r.problems = append(r.problems, fmt.Sprintf("request failed: %s: %s", r.pending[ev.RequestID], ev.ErrorText))
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 && !strings.HasSuffix(ev.Response.URL, "/favicon.ico") {
			r.problems = append(r.problems, fmt.Sprintf("HTTP %d: %s", ev.Response.Status, ev.Response.URL))
		}
	}
}

// Problems returns console errors, exceptions, failed requests and HTTP errors
// seen so far, and forgets them.
func (r *Recorder) Problems() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.problems
	r.problems = nil
	return p
}

// Requests returns the URL of every request made so far, and forgets them.
func (r *Recorder) Requests() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	q := r.requests
	r.requests = nil
	return q
}
