package site

// Bad sites: every case under testdata/bad/ is a tiny site that once broke
// Guidebook (a crash, a hang, a silent wrong output) or that a test pins.
// TestBadSites builds each one and compares the result with its expect.txt.
//
// A case folder holds:
//
//	site.yaml, content/, static/, templates/   the site, as small as it can be
//	expect.txt                                 what the build must give (below)
//	links.txt                                  optional: symlinks to create
//	anything else                              e.g. files that links point at
//
// expect.txt has one expectation a line; blank lines and lines starting
// with # are ignored:
//
//	error: TEXT   the build fails and its message contains TEXT
//	              (give file:line, e.g. "content/tips/a.md:3: front matter: ...")
//	file: PATH    the build succeeds and writes PATH (e.g. tips/a/index.html)
//	contains: PATH TEXT   the build succeeds and PATH contains TEXT
//	lacks: PATH TEXT      the build succeeds and PATH does not contain TEXT
//	within: DUR   the build takes at most DUR of CPU time (a Go duration;
//	              default 3s; not checked under -race)
//
// links.txt has lines "LINK -> TARGET", both slash-separated: LINK is made,
// relative to the site, pointing at TARGET exactly as written, except that
// $OUTSIDE is replaced by a folder outside the site holding secret.txt and
// page.md. Git keeps symlinks, but not on every checkout (Windows), so they
// are made by the test, which skips link cases where the system cannot.
//
// The site is copied to a temporary folder and read with DirFS, as the
// binary reads it. To add a case: make the folder, write expect.txt, run
// go test ./generator/site -run BadSites/NAME.

import (
	"bufio"
	"context"
	"guidebook/generator/internal/cputime"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestBadSites(t *testing.T) {
	cases, err := os.ReadDir("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if !c.IsDir() {
			continue
		}
		t.Run(c.Name(), func(t *testing.T) {
			src := filepath.Join("testdata/bad", c.Name())
			errs, files, texts, within := readExpect(t, filepath.Join(src, "expect.txt"))
			dir := filepath.Join(t.TempDir(), "site")
			if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
				t.Fatal(err)
			}
			makeLinks(t, dir, filepath.Join(src, "links.txt"))
			fsys, err := DirFS(dir)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*within)
			defer cancel()
			start := cpuTime()
			out, err := Build(ctx, Options{Site: fsys, Theme: theme})
			if took := cpuTime() - start; took > within && !cputime.Race {
				t.Errorf("build took %v of CPU, want at most %v", took.Round(time.Millisecond), within)
			}
			for _, want := range errs {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("error = %v\nwant it to contain %q", err, want)
				}
			}
			if len(errs) > 0 {
				return
			}
			if err != nil {
				t.Fatalf("build failed: %v", err)
			}
			for _, f := range files {
				if _, ok := out.Files[f]; !ok {
					t.Errorf("%s was not written", f)
				}
			}
			for _, x := range texts {
				data, ok := out.Files[x.path]
				if !ok {
					t.Errorf("%s was not written", x.path)
				} else if strings.Contains(string(data), x.text) != x.want {
					t.Errorf("%s: contains %q = %v, want %v", x.path, x.text, !x.want, x.want)
				}
			}
		})
	}
}

// textExpect is a contains: or lacks: line of expect.txt.
type textExpect struct {
	path, text string
	want       bool
}

func readExpect(t *testing.T, name string) (errs, files []string, texts []textExpect, within time.Duration) {
	t.Helper()
	within = 3 * time.Second
	f, err := os.Open(name)
	if err != nil {
		t.Fatalf("%v (every case needs an expect.txt)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, _ := strings.Cut(line, ":")
		val = strings.TrimSpace(val)
		switch key {
		case "error":
			errs = append(errs, val)
		case "file":
			files = append(files, val)
		case "within":
			if within, err = time.ParseDuration(val); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		case "contains", "lacks":
			path, text, ok := strings.Cut(val, " ")
			if !ok {
				t.Fatalf("%s: %q needs a path and a text", name, line)
			}
			texts = append(texts, textExpect{path: path, text: text, want: key == "contains"})
		default:
			t.Fatalf("%s: unknown line %q (want error:, file:, contains:, lacks: or within:)", name, line)
		}
	}
	if len(errs) == 0 && len(files) == 0 && len(texts) == 0 {
		t.Fatalf("%s expects nothing", name)
	}
	return errs, files, texts, within
}

func makeLinks(t *testing.T, dir, name string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if os.IsNotExist(err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	writeOS(t, outside, "secret.txt", "root:x:0:0\n")
	writeOS(t, outside, "page.md", "---\ntitle: 外部\n---\n外部文件\n")
	for _, line := range strings.Split(string(data), "\n") {
		link, target, ok := strings.Cut(line, "->")
		if !ok {
			continue
		}
		target = strings.ReplaceAll(strings.TrimSpace(target), "$OUTSIDE", filepath.ToSlash(outside))
		symlink(t, filepath.FromSlash(target), filepath.Join(dir, filepath.FromSlash(strings.TrimSpace(link))))
	}
}
