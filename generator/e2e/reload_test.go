package e2e

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"guidebook/generator/internal/browsertest"
	"guidebook/generator/serve"
	"guidebook/generator/site"

	"github.com/chromedp/chromedp"
)

// TestLiveReload edits a page while it is open in the browser: the page
// reloads with the new text; a broken edit shows the error with file:line
// over the page; fixing it reloads again.
func TestLiveReload(t *testing.T) {
	b := browsertest.New(t)
	dir := copySite(t)
	addr := startServe(t, dir)

	tab, _ := b.Tab(t)
	page := "http://" + addr + "/tips/communication/"
	if err := chromedp.Do(tab, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	// Mark the document: a reload replaces window, losing the mark.
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](`window.__before = 1`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // let the event stream connect
	file := filepath.Join(dir, "content/tips/communication.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(orig), "\n---\n", "\n---\n\n实时预览标记第一号\n", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, tab, "document.body.innerText.includes('实时预览标记第一号') && !window.__before", 15*time.Second)

	broken := strings.Replace(string(orig), "title:", "titel: x\ntitle:", 1)
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, tab, "(document.getElementById('guidebook-errors')||{}).textContent?.includes('content/tips/communication.md:2:')", 15*time.Second)

	if err := os.WriteFile(file, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, tab, "!document.getElementById('guidebook-errors') && !document.body.innerText.includes('实时预览标记第一号')", 15*time.Second)
}

// TestLiveStylesheetSwap edits a stylesheet while a page is open: the page
// takes the new style without reloading (the reader keeps scroll position
// and form input), and the server does not rebuild the pages.
func TestLiveStylesheetSwap(t *testing.T) {
	b := browsertest.New(t)
	dir := copySite(t)
	if err := os.MkdirAll(filepath.Join(dir, "static/css"), 0o755); err != nil {
		t.Fatal(err)
	}
	css := filepath.Join(dir, "static/css/zz-site.css")
	if err := os.WriteFile(css, []byte("main h1 { letter-spacing: 1px; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	addr := startServe(t, dir)
	tab, _ := b.Tab(t)
	if err := chromedp.Do(tab, chromedp.Navigate("http://"+addr+"/tips/communication/"),
		chromedp.Evaluate[chromedp.Void](`window.__before = 1`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // let the event stream connect
	if err := os.WriteFile(css, []byte("main h1 { letter-spacing: 7px; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, tab, `getComputedStyle(document.querySelector("main h1")).letterSpacing === "7px" && window.__before === 1`, 15*time.Second)
}

// startServe runs serve on the site in dir until the test ends and returns
// the address it listens on.
func startServe(t *testing.T, dir string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- serve.Run(ctx, serve.Options{
			Build: site.Options{Site: os.DirFS(dir), Theme: os.DirFS(repoRoot), Dev: true},
			Addr:  "127.0.0.1:0", Dir: dir, Log: io.Discard, Ready: ready,
		})
	}()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case addr := <-ready:
		return addr
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}
	return ""
}
