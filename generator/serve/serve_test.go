package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"guidebook/generator/site"
)

func writeFile(t *testing.T, dir, rel, s string) {
	t.Helper()
	p := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// startSite writes a small site and serves it; cancel stops the server.
func startSite(t *testing.T) (dir, base string, cancel context.CancelFunc, done chan error) {
	t.Helper()
	dir = t.TempDir()
	writeFile(t, dir, "site.yaml", "title: 测试\n")
	writeFile(t, dir, "content/_index.md", "---\ntitle: 首页\n---\n欢迎\n")
	writeFile(t, dir, "content/tips/a.md", "---\ntitle: 建议\n---\n第一版\n")
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done = make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{
			Build: site.Options{Site: os.DirFS(dir), Theme: os.DirFS("../.."), Dev: true},
			Addr:  "127.0.0.1:0", Dir: dir, Log: io.Discard, Ready: ready,
		})
	}()
	select {
	case addr := <-ready:
		return dir, "http://" + addr, cancel, done
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	return
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// waitFor polls until cond holds or 10 s pass.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServeRebuildsReportsAndStops(t *testing.T) {
	before := runtime.NumGoroutine()
	dir, base, cancel, done := startSite(t)

	code, body := get(t, base+"/tips/a/")
	if code != 200 || !strings.Contains(body, "第一版") || !strings.Contains(body, "/_guidebook/reload.js") {
		t.Fatalf("GET /tips/a/ = %d, reload script or text missing:\n%s", code, body)
	}
	if code, _ := get(t, base+"/nope/"); code != 404 {
		t.Errorf("missing page = %d, want 404", code)
	}

	resp, err := http.Get(base + "/_guidebook/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				events <- strings.TrimPrefix(sc.Text(), "data: ")
			}
		}
		close(events)
	}()

	writeFile(t, dir, "content/tips/a.md", "---\ntitle: 建议\n---\n第二版\n")
	waitFor(t, "the edit to be served", func() bool { _, b := get(t, base+"/tips/a/"); return strings.Contains(b, "第二版") })
	if ev := <-events; !strings.Contains(ev, `"ok":true`) {
		t.Errorf("event after a good build = %s", ev)
	}

	writeFile(t, dir, "content/tips/a.md", "---\ntitle: 建议\ntitel: x\n---\n第三版\n")
	select {
	case ev := <-events:
		if !strings.Contains(ev, `"ok":false`) || !strings.Contains(ev, "content/tips/a.md:3:") {
			t.Errorf("event after a broken build = %s", ev)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no event after a broken build")
	}
	if _, b := get(t, base+"/tips/a/"); !strings.Contains(b, "第二版") {
		t.Error("a broken build must keep serving the last good one")
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	http.DefaultClient.CloseIdleConnections()
	waitFor(t, "goroutines to end", func() bool { return runtime.NumGoroutine() <= before+1 })
}
