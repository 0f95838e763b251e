package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// debounce is how long the watcher waits for a burst of file events (an
// editor's save writes several within a few milliseconds) to end before
// rebuilding. It is short because most rebuilds are incremental and take a
// millisecond or two: a save that arrives in two bursts costs a second small
// update, while a long debounce delays every save (at 20 ms the wait was
// nine tenths of the time from a save to the page served, 24 ms at 1,000
// pages; at 10 ms it is 14 ms).
const debounce = 10 * time.Millisecond

// sources are the folders of a site the build reads, watched recursively;
// site.yaml is watched through the site folder itself.
var sources = []string{"content", "templates", "static"}

// watch calls rebuild after changes under dir (content/, templates/, static/,
// site.yaml), with the changed paths (slash-separated, relative to dir, each
// once, in the order first seen), until ctx is cancelled. A folder created or
// moved into place is watched at once, and the trees are walked again so
// nothing under it is missed; a folder moved away stops being watched under
// its old name. ready is called once the folders are watched.
func watch(ctx context.Context, dir string, rebuild func(paths []string), ready func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Add(dir); err != nil {
		return err
	}
	rewalk := func() {
		for _, sub := range sources {
			addTree(w, filepath.Join(dir, sub))
		}
	}
	rewalk()
	ready()
	var timer <-chan time.Time
	var changed []string
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !relevant(dir, ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
				forget(w, ev.Name)
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					rewalk()
				}
			}
			if rel, err := filepath.Rel(dir, ev.Name); err == nil && !slices.Contains(changed, filepath.ToSlash(rel)) {
				changed = append(changed, filepath.ToSlash(rel))
			}
			timer = time.After(debounce)
		case <-timer:
			timer = nil
			rebuild(changed)
			changed = nil
		case _, ok := <-w.Errors:
			if !ok {
				return nil
			}
		}
	}
}

// relevant reports whether a change to name (a path under the site folder
// dir) can change the site: site.yaml, or a file under one of the sources
// that is not hidden (no part of its path starts with a dot) and not an
// editor's backup or swap file. Everything else in the site folder, the
// output folder included, is ignored, whatever the site folder's own path.
func relevant(dir, name string) bool {
	rel, err := filepath.Rel(dir, name)
	if err != nil {
		return false
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if len(parts) == 1 {
		return parts[0] == "site.yaml" || slices.Contains(sources, parts[0])
	}
	if !slices.Contains(sources, parts[0]) {
		return false
	}
	for _, p := range parts {
		if strings.HasPrefix(p, ".") {
			return false
		}
	}
	base := parts[len(parts)-1]
	return !strings.HasSuffix(base, "~") && !strings.HasSuffix(base, ".swp")
}

// forget stops watching name and the folders under it, after it was moved
// or removed; a folder moved elsewhere in the site is added again under its
// new name when its Create event arrives.
func forget(w *fsnotify.Watcher, name string) {
	prefix := name + string(filepath.Separator)
	for _, p := range w.WatchList() {
		if p == name || strings.HasPrefix(p, prefix) {
			_ = w.Remove(p)
		}
	}
}

// addTree watches root and every folder under it except hidden ones,
// following links to folders as the build does (site.DirFS refuses the
// ones leaving the site, so watching them costs nothing); seen guards
// against links that loop.
func addTree(w *fsnotify.Watcher, root string) {
	addTreeSeen(w, root, map[string]bool{})
}

func addTreeSeen(w *fsnotify.Watcher, root string, seen map[string]bool) {
	real, err := filepath.EvalSymlinks(root)
	if err != nil || seen[real] {
		return
	}
	seen[real] = true
	// The trailing separator makes WalkDir read a linked root as the folder
	// it points at; paths under it keep the link's name, as the build sees them.
	start := root + string(filepath.Separator)
	_ = filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p == start {
			p = root
		} else if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
			_ = w.Add(p)
		case d.Type()&fs.ModeSymlink != 0:
			if fi, err := os.Stat(p); err == nil && fi.IsDir() {
				addTreeSeen(w, p, seen)
			}
		}
		return nil
	})
}
