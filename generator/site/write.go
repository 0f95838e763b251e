package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Marker is the file that marks an output folder as written by Guidebook.
// Write replaces only folders that are empty or hold this file.
const Marker = ".guidebook-output"

// StaleAfter is the age after which a leftover temporary folder of an
// interrupted build is removed even when its process ID is in use again.
const StaleAfter = time.Hour

// Write writes the output into dir atomically: into a fresh folder next to
// dir, which then replaces dir. A failed write leaves dir as it was. It
// refuses to replace a non-empty folder it did not create, so a mistyped -o
// cannot delete someone's files, and one it could not delete afterwards (a
// read-only folder), so nothing is left half-swapped.
//
// The fresh folder is named .<dir>.new-<pid>-<random>; Write first removes
// such folders (and their .old twins) left by builds that were killed: those
// whose process is gone or that are older than StaleAfter.
func (o *Output) Write(dir string) error {
	dir = filepath.Clean(dir)
	tmp := o.temp
	if tmp == "" {
		var err error
		if tmp, err = prepareTemp(dir); err != nil {
			return err
		}
	} else if o.tempFor != dir {
		return fmt.Errorf("output: this build was streamed for %s, not %s", o.tempFor, dir)
	}
	o.temp = ""             // whatever happens next, the folder is not written to again
	defer os.RemoveAll(tmp) // no-op after the rename
	var err error
	if o.writable != nil {
		err = <-o.writable // checked beside a streamed build
	} else {
		err = checkWritable(dir)
	}
	if err != nil {
		return err
	}
	if err := writeFiles(tmp, o.Files); err != nil {
		return err // put says "output: …"
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte("Written by guidebook build; this folder is replaced on every build.\n"), 0o644); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("output: move old %s aside: %w", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		return fmt.Errorf("output: %w", err)
	}
	if old != "" {
		if err := removeAll(old); err != nil {
			return fmt.Errorf("output: the new site is in %s, but the previous one could not be removed from %s: %w", dir, old, err)
		}
	}
	return nil
}

// Discard removes the temporary folder of a streamed build that will not be
// written (check, or an error after the build); it is safe to call always.
func (o *Output) Discard() {
	if o != nil && o.temp != "" {
		_ = os.RemoveAll(o.temp)
		o.temp = ""
	}
}

// prepareTemp checks that dir may be replaced, removes temporary folders of
// dead builds, and makes the fresh folder the output is written into.
// Whether every folder of dir can be changed (checkWritable) is for Write
// to learn before it swaps.
func prepareTemp(dir string) (string, error) {
	if err := checkReplaceable(dir); err != nil {
		return "", err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	removeStale(parent, filepath.Base(dir), time.Now())
	tmp, err := os.MkdirTemp(parent, tempPrefix(filepath.Base(dir))+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	return tmp, nil
}

// tempPrefix is the start of the name of every temporary folder Write makes
// for the output folder named base.
func tempPrefix(base string) string { return "." + base + ".new-" }

// removeStale deletes temporary folders of base in parent left by builds
// that were killed before they could clean up.
func removeStale(parent, base string, now time.Time) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), tempPrefix(base))
		if !ok || !e.IsDir() {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		info, ierr := e.Info()
		old := ierr == nil && now.Sub(info.ModTime()) > StaleAfter
		if err != nil || old || (pid != os.Getpid() && !processAlive(pid)) {
			_ = os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// processAlive reports whether a process with this ID exists. Where the
// system cannot tell, it says yes, and only age removes the folder.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return !errors.Is(err, os.ErrProcessDone) && !errors.Is(err, syscall.ESRCH)
}

// checkWritable fails, naming the first one, when a folder of the existing
// output dir cannot be changed: the swap would succeed but the old output
// could then not be removed.
//
// A folder is probed by making a file in it, which is the truth but costs
// four system calls and two changes to the folder; below the top folder
// (whose probe also finds a read-only file system) only the folders whose
// permission bits do not already say this process may change them are
// probed (see mayChange): on a 1,000-page site that was 17 ms of CPU.
func checkWritable(dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if p != dir {
			if fi, err := d.Info(); err == nil && mayChange(fi) {
				return nil
			}
		}
		f, err := os.CreateTemp(p, ".guidebook-probe-")
		if err != nil {
			return fmt.Errorf("output %s cannot be replaced: %s is read-only; make it writable (chmod -R u+w %s) or choose another -o: %w", dir, p, dir, err)
		}
		f.Close()
		return os.Remove(f.Name())
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// CheckOutputDir refuses an output folder that would overwrite the site's
// own sources: the site folder itself, a folder holding it, or anything at
// or inside its content/, static/ or templates/ folders. Both paths are
// compared after making them absolute and following links.
func CheckOutputDir(siteDir, out string) error {
	s, err := realPath(siteDir)
	if err != nil {
		return err
	}
	o, err := realPath(out)
	if err != nil {
		return err
	}
	if within(s, o) {
		return fmt.Errorf("output %s holds the site folder; choose an output folder such as %s", out, filepath.Join(siteDir, "public"))
	}
	for _, src := range []string{"content", "static", "templates"} {
		if within(o, filepath.Join(s, src)) {
			return fmt.Errorf("output %s is inside the site's %s/ folder, which the build reads; choose an output folder such as %s",
				out, src, filepath.Join(siteDir, "public"))
		}
	}
	return nil
}

// within reports whether p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// realPath is p made absolute with the links of its longest existing
// ancestor followed.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for cur := abs; ; cur = filepath.Dir(cur) {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if filepath.Dir(cur) == cur {
			return abs, nil
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
	}
}

// checkReplaceable returns an error unless dir is missing, empty, or marked
// as Guidebook output.
func checkReplaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, Marker)); err == nil {
		return nil
	}
	var names []string
	for i, e := range entries {
		if i == 3 {
			names = append(names, "…")
			break
		}
		names = append(names, e.Name())
	}
	return fmt.Errorf("output %s: refusing to replace a folder Guidebook did not create (it holds %s); choose another -o or empty it yourself",
		dir, strings.Join(names, ", "))
}

// writeFiles writes files under dir by a few writers at a time, since writing
// is mostly waiting on system calls; the store makes each folder once.
func writeFiles(dir string, files map[string][]byte) error {
	out := &store{dir: dir}
	return inParallel(slices.Collect(maps.Keys(files)), func(name string) error { return out.put(name, files[name]) })
}

// removeAll removes dir, its top-level entries in parallel.
func removeAll(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = filepath.Join(dir, e.Name())
	}
	if err := inParallel(names, os.RemoveAll); err != nil {
		return err
	}
	return os.RemoveAll(dir)
}

// inParallel calls fn for every item with a few goroutines at a time and
// returns the first error.
func inParallel(items []string, fn func(string) error) error {
	workers := min(2*runtime.GOMAXPROCS(0), 8)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  atomic.Int64
	)
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(items) {
					return
				}
				if err := fn(items[i]); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}

// store receives the output files of a build: kept in memory (serve, check,
// tests) or, when the build streams to a folder, written there at once, so
// the pages and the search index never all sit in memory together.
type store struct {
	mu    sync.Mutex
	files map[string][]byte
	dir   string   // "" keeps everything in memory
	made  sync.Map // folders already made under dir
}

// putCopy stores data, which the caller reuses once putCopy returns: it is
// written out at once or copied.
func (s *store) putCopy(name string, data []byte) error {
	if s.dir == "" {
		data = bytes.Clone(data)
	}
	return s.put(name, data)
}

// put stores one file. Writing to disk happens outside the lock, so the
// workers rendering pages write in parallel.
func (s *store) put(name string, data []byte) error {
	if s.dir == "" {
		s.mu.Lock()
		s.files[name] = data
		s.mu.Unlock()
		return nil
	}
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	if d := filepath.Dir(p); d != s.dir {
		if _, ok := s.made.Load(d); !ok {
			// Mkdir first: the parent usually exists (pages of a section
			// share it), and MkdirAll would stat before it makes.
			if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				if err := os.MkdirAll(d, 0o755); err != nil {
					return fmt.Errorf("output: %w", err)
				}
			}
			s.made.Store(d, true)
		}
	}
	if err := writeFile(p, data); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}
