package serve

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

func TestRelevant(t *testing.T) {
	dir := filepath.FromSlash("/srv/public/site")
	tests := []struct {
		rel  string
		want bool
	}{
		{"site.yaml", true},
		{"content", true},
		{"content/tips/a.md", true},
		{"content/public/a.md", true}, // a section named public is content
		{"templates/base.html", true},
		{"static/css/site.css", true},
		{"public/index.html", false}, // the output folder
		{"public", false},
		{".git/index", false},
		{"content/.drafts/a.md", false},
		{"content/tips/.a.md.swx", false},
		{"content/tips/a.md~", false},
		{"content/tips/a.md.swp", false},
		{"README.md", false},
	}
	for _, tt := range tests {
		if got := relevant(dir, filepath.Join(dir, filepath.FromSlash(tt.rel))); got != tt.want {
			t.Errorf("relevant(%s) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}

// TestWatchFollowsRenamedFolders is the regression row for issue 10 case 8:
// after `mv content/tips content/advice` edits in advice/ never rebuilt, and
// a site whose path contains /public/ never rebuilt at all.
func TestWatchFollowsRenamedFolders(t *testing.T) {
	before := runtime.NumGoroutine()
	dir := filepath.Join(t.TempDir(), "public", "site")
	writeFile(t, dir, "site.yaml", "title: x\n")
	writeFile(t, dir, "content/tips/a.md", "a")
	writeFile(t, dir, "shared/faq/q.md", "q")
	linked := os.Symlink("../shared/faq", filepath.Join(dir, "content/faq")) == nil
	ctx, cancel := context.WithCancel(context.Background())
	rebuilt := make(chan struct{}, 64)
	done := make(chan error, 1)
	watching := make(chan struct{})
	go func() { done <- watch(ctx, dir, func([]string) { rebuilt <- struct{}{} }, func() { close(watching) }) }()
	<-watching

	expect := func(what string, want bool) {
		t.Helper()
		wait := 3 * time.Second
		if !want {
			wait = 400 * time.Millisecond
		}
		select {
		case <-rebuilt:
			if !want {
				t.Errorf("%s: rebuilt, want no rebuild", what)
			}
		case <-time.After(wait):
			if want {
				t.Errorf("%s: no rebuild", what)
			}
		}
		time.Sleep(2 * debounce)
		for len(rebuilt) > 0 { // one burst, one rebuild; drop any stragglers
			<-rebuilt
		}
	}
	writeFile(t, dir, "content/tips/a.md", "b")
	expect("edit under a site path holding /public/", true)
	if err := os.Rename(filepath.Join(dir, "content/tips"), filepath.Join(dir, "content/advice")); err != nil {
		t.Fatal(err)
	}
	expect("rename of a section", true)
	writeFile(t, dir, "content/advice/a.md", "c")
	expect("edit in the renamed section", true)
	writeFile(t, dir, "content/advice/new/deep/b.md", "d")
	expect("new nested folders", true)
	writeFile(t, dir, "content/advice/new/deep/b.md", "e")
	expect("edit in a new nested folder", true)
	if linked {
		writeFile(t, dir, "shared/faq/q.md", "q2")
		expect("edit in a linked folder", true)
	}
	writeFile(t, dir, "public/index.html", "out")
	expect("write to the output folder", false)
	writeFile(t, dir, "content/.hidden/x.md", "x")
	expect("write to a hidden folder", false)

	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("watch did not return after cancel")
	}
	waitFor(t, "goroutines to end", func() bool { return runtime.NumGoroutine() <= before })
}
