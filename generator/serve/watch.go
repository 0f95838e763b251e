package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// debounce is how long the watcher waits for a burst of file events (an
// editor's save writes several) to end before rebuilding.
const debounce = 80 * time.Millisecond

// watch calls rebuild after changes under dir (content/, templates/, static/,
// site.yaml), until ctx is cancelled. New folders are watched as they appear.
func watch(ctx context.Context, dir string, rebuild func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Add(dir); err != nil {
		return err
	}
	for _, sub := range []string{"content", "templates", "static"} {
		addTree(w, filepath.Join(dir, sub))
	}
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ignored(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					addTree(w, ev.Name)
				}
			}
			timer = time.After(debounce)
		case <-timer:
			timer = nil
			rebuild()
		case _, ok := <-w.Errors:
			if !ok {
				return nil
			}
		}
	}
}

// ignored skips editor swap files and the output folder.
func ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") ||
		strings.Contains(filepath.ToSlash(name), "/public/")
}

func addTree(w *fsnotify.Watcher, root string) {
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			_ = w.Add(p)
		}
		return nil
	})
}
