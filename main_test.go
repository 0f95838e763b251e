package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// layers is the package order of DESIGN.md: a package may import only
// packages of earlier layers (or its own layer's peers where listed together).
var layers = [][]string{
	{"guidebook/generator/diag", "guidebook/generator/starter"},
	{"guidebook/generator/config"},
	{"guidebook/generator/content", "guidebook/generator/markdown"},
	{"guidebook/generator/search", "guidebook/generator/diff"},
	{"guidebook/generator/plan"},
	{"guidebook/generator/render"},
	{"guidebook/generator/site"},
	{"guidebook/generator/serve"},
}

// TestPackageOrder fails on any import against the one-way package order.
func TestPackageOrder(t *testing.T) {
	layerOf := map[string]int{}
	for i, l := range layers {
		for _, p := range l {
			layerOf[p] = i
		}
	}
	for pkg, layer := range layerOf {
		out, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			dl, ours := layerOf[dep]
			if !ours || dep == pkg {
				if strings.HasPrefix(dep, "guidebook/") && !ours && dep != pkg {
					t.Errorf("%s imports %s, which is not in the package order of DESIGN.md", pkg, dep)
				}
				continue
			}
			if dl >= layer {
				t.Errorf("%s (layer %d) imports %s (layer %d): imports must point to earlier layers", pkg, layer, dep, dl)
			}
		}
	}
}

// copySite copies the repository's site (site.yaml and content/) into a temp folder.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("content")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestBrokenBuildKeepsPreviousOutput(t *testing.T) {
	dir := copySite(t)
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"build", "-s", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("clean build exit %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "built ") || !strings.Contains(stdout.String(), "→ public/") {
		t.Errorf("summary line = %q", stdout.String())
	}
	before := snapshot(t, filepath.Join(dir, "public"))

	// Break the site four ways at once.
	write := func(rel, s string) {
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/tips/bad-yaml.md", "---\ntitle: [坏\n---\n")
	write("content/tips/unknown-key.md", "---\ntitle: 坏\ntitel: x\n---\n")
	write("content/tips/dead-link.md", "---\ntitle: 坏链接\n---\n[不存在](../steps/nope.md)\n")
	write("content/tips/bad-anchor.md", "---\ntitle: 坏锚点\n---\n[锚点](../steps/submit.md#没有这个标题)\n")
	for _, cmd := range []string{"build", "check"} {
		stdout.Reset()
		stderr.Reset()
		if code := run(context.Background(), []string{cmd, "-s", dir}, &stdout, &stderr); code != 1 {
			t.Fatalf("%s of a broken site: exit %d, want 1", cmd, code)
		}
		for _, want := range []string{
			"content/tips/bad-yaml.md:2:", `content/tips/unknown-key.md:3: front matter: unknown key "titel"`,
		} {
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("%s output lacks %q:\n%s", cmd, want, stderr.String())
			}
		}
	}
	// With front matter fixed, the link problems show, both at once.
	write("content/tips/bad-yaml.md", "---\ntitle: 好\n---\n")
	write("content/tips/unknown-key.md", "---\ntitle: 好\n---\n")
	stderr.Reset()
	if code := run(context.Background(), []string{"build", "-s", dir}, &stdout, &stderr); code != 1 {
		t.Fatalf("build with dead links: exit %d", code)
	}
	for _, want := range []string{
		"content/tips/dead-link.md:4: link ../steps/nope.md: no page content/steps/nope.md",
		"content/tips/bad-anchor.md:4: link ../steps/submit.md#没有这个标题: content/steps/submit.md has no heading",
		"2 problem(s)",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stderr.String())
		}
	}
	after := snapshot(t, filepath.Join(dir, "public"))
	if len(after) != len(before) {
		t.Fatalf("public/ changed: %d files before, %d after", len(before), len(after))
	}
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s changed after a failed build", p)
		}
	}
}

func TestBuildRefusesForeignOutput(t *testing.T) {
	dir := copySite(t)
	home := t.TempDir()
	keep := filepath.Join(home, "thesis.docx")
	if err := os.WriteFile(keep, []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	for _, sub := range []string{"static", "templates"} {
		if err := mkdir(filepath.Join(dir, sub)); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct{ out, want string }{
		{home, "refusing to replace a folder Guidebook did not create"},
		// Issue 10 case 6: empty static/ or templates/ were accepted as output.
		{filepath.Join(dir, "content"), "inside the site's content/ folder"},
		{filepath.Join(dir, "static"), "inside the site's static/ folder"},
		{"templates", "inside the site's templates/ folder"},
		{"static/out", "inside the site's static/ folder"},
		{".", "holds the site folder"},
	} {
		stderr.Reset()
		if code := run(context.Background(), []string{"build", "-s", dir, "-o", tt.out}, &stdout, &stderr); code != 1 {
			t.Fatalf("build -o %s: exit %d, want 1", tt.out, code)
		}
		if !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("build -o %s: %s, want %q", tt.out, stderr.String(), tt.want)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "static")); len(entries) != 0 {
		t.Errorf("static/ was written: %v", entries)
	}
	if data, err := os.ReadFile(keep); err != nil || string(data) != "years of work" {
		t.Fatal("a foreign file was touched")
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "_index.md")); err != nil {
		t.Fatal("content/ was touched")
	}
}

func TestCommands(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		contains string
	}{
		{[]string{"version"}, 0, "guidebook"},
		{[]string{}, 2, "Usage: guidebook <command>"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"build", "-h"}, 0, "-base-url"},
		{[]string{"serve", "-h"}, 0, "-addr"},
		{[]string{"check", "-h"}, 0, "-drafts"},
		{[]string{"new", "-h"}, 0, "SECTION/NAME.md"},
		{[]string{"build", "-s", "/nonexistent"}, 1, "has no content/ folder"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out bytes.Buffer
			if code := run(context.Background(), tt.args, &out, &out); code != tt.code {
				t.Errorf("exit %d, want %d: %s", code, tt.code, out.String())
			}
			if !strings.Contains(out.String(), tt.contains) {
				t.Errorf("output lacks %q: %s", tt.contains, out.String())
			}
		})
	}
}

func mkdir(p string) error { return os.MkdirAll(p, 0o755) }

// TestCLIRefusals holds the issue 10 case 12 rows reachable from the command
// line: paths leaving content/, content/ being a file.
func TestCLIRefusals(t *testing.T) {
	dir := copySite(t)
	fileSite := t.TempDir()
	if err := os.WriteFile(filepath.Join(fileSite, "content"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"new leaving content", []string{"new", "-s", dir, "../../escape.md"}, "must stay inside content/"},
		{"new leaving via content/", []string{"new", "-s", dir, "content/../../escape.md"}, "must stay inside content/"},
		{"new absolute", []string{"new", "-s", dir, "/tmp/escape.md"}, "must stay inside content/"},
		{"content is a file", []string{"build", "-s", fileSite}, "is a file, not a folder"},
		{"check with content a file", []string{"check", "-s", fileSite}, "is a file, not a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if code := run(context.Background(), tt.args, &out, &out); code != 1 {
				t.Errorf("exit %d, want 1: %s", code, out.String())
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("output %q lacks %q", out.String(), tt.want)
			}
		})
	}
	for _, p := range []string{filepath.Join(dir, "..", "escape.md"), filepath.Join(dir, "..", "..", "escape.md")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was written", p)
		}
	}
}

// TestNewQuotesTitle: `new 'tips/x: y.md'` wrote `title: x: y`, invalid YAML.
func TestNewQuotesTitle(t *testing.T) {
	dir := copySite(t)
	var out bytes.Buffer
	for _, name := range []string{"tips/x: y.md", "tips/#1 [a].md", `tips/"q" & 'p'.md`} {
		if code := run(context.Background(), []string{"new", "-s", dir, name}, &out, &out); code != 0 {
			t.Fatalf("new %s: exit %d: %s", name, code, out.String())
		}
	}
	if code := run(context.Background(), []string{"check", "-s", dir, "--drafts"}, &out, &out); code != 0 {
		t.Fatalf("new pages must build: %s", out.String())
	}
}

// TestBuildRefusesLinksLeavingTheSite is issue 10 case 4 from the command
// line: static/passwd.txt → /etc/passwd was published.
func TestBuildRefusesLinksLeavingTheSite(t *testing.T) {
	dir := copySite(t)
	secret := filepath.Join(t.TempDir(), "passwd")
	if err := os.WriteFile(secret, []byte("root:x:0:0"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := mkdir(filepath.Join(dir, "static")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(dir, "static", "passwd.txt")); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
	var out bytes.Buffer
	if code := run(context.Background(), []string{"build", "-s", dir}, &out, &out); code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, out.String())
	}
	if want := "static/passwd.txt: symlink to " + secret + " leaves the site folder"; !strings.Contains(out.String(), want) {
		t.Errorf("output %q lacks %q", out.String(), want)
	}
}

func TestNewCreatesDraft(t *testing.T) {
	dir := copySite(t)
	var out bytes.Buffer
	if code := run(context.Background(), []string{"new", "-s", dir, "tips/new-tip.md"}, &out, &out); code != 0 {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, "content/tips/new-tip.md"))
	if err != nil || !strings.Contains(string(data), "draft: true") {
		t.Fatalf("new page: %q, %v", data, err)
	}
	if strings.Contains(string(data), "fields:") {
		t.Errorf("a page of a list section got letter fields:\n%s", data)
	}
	// The section's layout, not its folder name, makes a new page a letter.
	if code := run(context.Background(), []string{"new", "-s", dir, "letters/new-letter.md"}, &out, &out); code != 0 {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	letter, err := os.ReadFile(filepath.Join(dir, "content/letters/new-letter.md"))
	if err != nil || !strings.Contains(string(letter), `label: "日期"`) || !strings.Contains(string(letter), "{{date}}") {
		t.Errorf("new page in a forms section: %q, %v", letter, err)
	}
	if code := run(context.Background(), []string{"check", "-s", dir, "--drafts"}, &out, &out); code != 0 {
		t.Errorf("a new page must build with --drafts: %s", out.String())
	}
}

// TestInit writes the starter site of each language and requires that it
// checks and builds with zero problems, and that init refuses what it must.
func TestInit(t *testing.T) {
	nonEmpty := func(t *testing.T) string {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	missing := func(t *testing.T) string { return filepath.Join(t.TempDir(), "new", "site") }
	after := func(flags ...string) func(string) []string {
		return func(dir string) []string { return append([]string{"init", dir}, flags...) }
	}
	tests := []struct {
		name     string
		dir      func(t *testing.T) string
		args     func(dir string) []string
		code     int
		contains string
		builds   bool
	}{
		{"en", missing, after("--lang", "en"), 0, "guidebook serve -s", true},
		{"zh-CN", missing, after("--lang", "zh-CN"), 0, "guidebook check -s", true},
		{"default language is en", func(t *testing.T) string { return t.TempDir() }, after(), 0, "created a Guidebook site (en)", true},
		{"flag before folder", missing, func(dir string) []string { return []string{"init", "-lang=zh-CN", dir} }, 0, "(zh-CN)", true},
		{"non-empty folder refused", nonEmpty, after("--lang", "en"), 1, "is not empty (it holds notes.txt)", false},
		{"unknown language refused", missing, after("--lang", "de"), 1, `--lang "de": init has a starter site for en, zh-CN only`, false},
		{"two folders refused", missing, after("other"), 1, "init takes one folder", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tt.dir(t)
			args := tt.args(dir)
			var out bytes.Buffer
			if code := run(context.Background(), args, &out, &out); code != tt.code {
				t.Fatalf("init: exit %d, want %d: %s", code, tt.code, out.String())
			}
			if !strings.Contains(out.String(), tt.contains) {
				t.Errorf("init output lacks %q:\n%s", tt.contains, out.String())
			}
			if !tt.builds {
				if tt.code != 0 {
					if _, err := os.Stat(filepath.Join(dir, "site.yaml")); err == nil {
						t.Error("a refused init wrote site.yaml")
					}
				}
				return
			}
			for _, cmd := range []string{"check", "build"} {
				out.Reset()
				if code := run(context.Background(), []string{cmd, "-s", dir}, &out, &out); code != 0 {
					t.Fatalf("%s of the starter: exit %d:\n%s", cmd, code, out.String())
				}
			}
			assertNoGuide(t, dir)
		})
	}
}

// assertNoGuide fails when a site's sources, or the pages built from them
// (public/: the theme's UI strings included), mention the WhatsApp guide.
func assertNoGuide(t *testing.T, dir string) {
	t.Helper()
	for p, data := range snapshot(t, dir) {
		for _, word := range []string{"WhatsApp", "申诉", "appeal", "account banned", "账号被封", "problem type", "问题类型", "本指南", "this guide", "whole guide"} {
			if strings.Contains(data, word) {
				t.Errorf("%s mentions %q", p, word)
			}
		}
	}
}

// TestExampleSites checks and builds every site under examples/ with zero
// problems.
func TestExampleSites(t *testing.T) {
	entries, err := os.ReadDir("examples")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			dir := filepath.Join("examples", e.Name())
			var out bytes.Buffer
			if code := run(context.Background(), []string{"check", "-s", dir}, &out, &out); code != 0 {
				t.Fatalf("check: exit %d:\n%s", code, out.String())
			}
			out.Reset()
			if code := run(context.Background(), []string{"build", "-s", dir, "-o", filepath.Join(t.TempDir(), "public")}, &out, &out); code != 0 {
				t.Fatalf("build: exit %d:\n%s", code, out.String())
			}
		})
	}
}

// TestInitDefaultsToCurrentFolder runs init without a folder in an empty one.
func TestInitDefaultsToCurrentFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	var out bytes.Buffer
	if code := run(context.Background(), []string{"init"}, &out, &out); code != 0 {
		t.Fatalf("init: exit %d: %s", code, out.String())
	}
	if _, err := os.Stat("site.yaml"); err != nil {
		t.Fatalf("init wrote no site.yaml in the current folder: %v", err)
	}
	if !strings.Contains(out.String(), "  guidebook check   ") {
		t.Errorf("next steps should need no -s for the current folder:\n%s", out.String())
	}
}
