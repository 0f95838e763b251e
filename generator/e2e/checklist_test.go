package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"guidebook/generator/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// swapServer serves one built site at a time from a fixed URL, so a test can
// rebuild the site and keep the browser's localStorage (which is per origin).
type swapServer struct {
	mu  sync.Mutex
	dir string
	URL string // base URL ending in "/"
}

func newSwapServer(t testing.TB, dir string) *swapServer {
	t.Helper()
	s := &swapServer{dir: dir}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		d := s.dir
		s.mu.Unlock()
		// The content behind a URL changes on swap, and FileServer revalidates
		// by modification time to the second: a rebuild in the same second
		// would get 304 and the browser would show the old page.
		w.Header().Set("Cache-Control", "no-store")
		http.FileServer(http.Dir(d)).ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	s.URL = srv.URL + "/"
	return s
}

// swap makes the server serve dir from now on.
func (s *swapServer) swap(dir string) {
	s.mu.Lock()
	s.dir = dir
	s.mu.Unlock()
}

// copySite copies site.yaml and content/ of the guide into a temporary
// folder, so a test can edit content and rebuild.
func copySite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(repoRoot, "content"))); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(repoRoot, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// buildSite builds the site in dir and removes the output when t ends.
func buildSite(t testing.TB, dir string) string {
	t.Helper()
	out, err := buildTo(context.Background(), dir)
	if err != nil {
		t.Fatalf("build %s: %v", dir, err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(filepath.Dir(out)) })
	return out
}

// eval runs a JavaScript expression and returns its value.
func eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// do runs browser actions and fails the test on error.
func do(t testing.TB, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// noProblems fails the test for console errors, exceptions and failed requests.
func noProblems(t testing.TB, rec *browsertest.Recorder) {
	t.Helper()
	for _, p := range rec.Problems() {
		t.Errorf("browser: %s", p)
	}
}

// pdfText returns the text of a PDF using pdftotext. Without pdftotext it
// skips the test, unless GUIDEBOOK_E2E=1 requires it.
func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		msg := "pdftotext not found: install it with `apt-get install -y poppler-utils` to check printed PDFs"
		if browsertest.Required() {
			t.Fatal(msg + " (GUIDEBOOK_E2E=1 requires it)")
		}
		t.Skip(msg)
	}
	f := filepath.Join(t.TempDir(), "page.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// checkedIDs returns the data-check IDs of the ticked boxes of the page.
const checkedIDs = `[...document.querySelectorAll("ul.checklist input[data-check]")].filter(b => b.checked).map(b => b.dataset.check)`

// box is the selector of the checkbox of the item with the given ID.
func box(id string) string { return `input[data-check="` + id + `"]` }

// allIDs returns the data-check IDs of every box of the page.
const allIDs = `[...document.querySelectorAll("ul.checklist input[data-check]")].map(b => b.dataset.check)`

// summary returns the text of the page's progress summary.
const summary = `document.querySelector(".checklist-summary .checklist-count").textContent`

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		if seen[x]--; seen[x] < 0 {
			return false
		}
	}
	return true
}

// TestChecklistTicksPersist ticks boxes on a step page and checks that they
// survive a reload, show on the procedure page (and back), survive a rebuild
// that adds an unrelated item before them, and that reset asks first.
func TestChecklistTicksPersist(t *testing.T) {
	b := browsertest.New(t)
	site := copySite(t)
	srv := newSwapServer(t, buildSite(t, site))
	ctx, rec := b.Tab(t)
	outer := t
	step := srv.URL + "steps/log-in/index.html"
	overview := srv.URL + "steps/index.html"

	do(t, ctx, "open step page", chromedp.Navigate(step))
	ids := eval[[]string](t, ctx, allIDs)
	if len(ids) < 3 {
		t.Fatalf("step page has %d checklist items, want at least 3", len(ids))
	}
	if got := eval[[]string](t, ctx, checkedIDs); len(got) != 0 {
		t.Fatalf("fresh profile: ticked %v, want none", got)
	}
	do(t, ctx, "tick two items",
		chromedp.Click(chromedp.CSS(box(ids[0]))),
		chromedp.Click(chromedp.CSS(box(ids[1])+" + span"))) // the label's text
	want := "已完成 2/" + strconv.Itoa(len(ids))
	if got := eval[string](t, ctx, summary); got != want {
		t.Errorf("progress after two ticks = %q, want %q", got, want)
	}

	t.Run("reload", func(t *testing.T) {
		do(t, ctx, "reload", chromedp.Reload())
		if got := eval[[]string](t, ctx, checkedIDs); !sameSet(got, ids[:2]) {
			t.Errorf("after reload ticked %v, want %v", got, ids[:2])
		}
		if got := eval[string](t, ctx, summary); got != want {
			t.Errorf("progress after reload = %q, want %q", got, want)
		}
	})

	t.Run("overview shares ticks", func(t *testing.T) {
		do(t, ctx, "open overview", chromedp.Navigate(overview))
		total := len(eval[[]string](t, ctx, allIDs))
		if got, want := eval[string](t, ctx, summary), "已完成 2/"+strconv.Itoa(total); got != want {
			t.Errorf("procedure progress = %q, want %q", got, want)
		}
		stepBar := eval[string](t, ctx, `document.querySelector("#p-steps-log-in .checklist-list-progress .checklist-count").textContent`)
		if stepBar != want {
			t.Errorf("log-in step progress on overview = %q, want %q", stepBar, want)
		}
		do(t, ctx, "tick on overview", chromedp.Click(chromedp.CSS(box(ids[2]))))
		do(t, ctx, "back to step", chromedp.Navigate(step))
		if got := eval[[]string](t, ctx, checkedIDs); !sameSet(got, ids[:3]) {
			t.Errorf("step page after ticking on overview: ticked %v, want %v", got, ids[:3])
		}
	})

	t.Run("rebuild with an added item", func(t *testing.T) {
		src := filepath.Join(site, "content", "steps", "log-in.md")
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		i := strings.Index(string(data), "- [ ]")
		if i < 0 {
			t.Fatal("log-in.md has no task item")
		}
		edited := string(data[:i]) + "- [ ] 新加的一项：先检查网络连接\n" + string(data[i:])
		if err := os.WriteFile(src, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		srv.swap(buildSite(outer, site)) // outlives this subtest
		do(t, ctx, "reload after rebuild", chromedp.Reload())
		after := eval[[]string](t, ctx, allIDs)
		if len(after) != len(ids)+1 {
			t.Fatalf("rebuilt page has %d items, want %d", len(after), len(ids)+1)
		}
		if got := eval[[]string](t, ctx, checkedIDs); !sameSet(got, ids[:3]) {
			t.Errorf("after rebuild ticked %v, want %v", got, ids[:3])
		}
		if got, want := eval[string](t, ctx, summary), "已完成 3/"+strconv.Itoa(len(after)); got != want {
			t.Errorf("progress after rebuild = %q, want %q", got, want)
		}
	})

	t.Run("print shows ticked and unticked", func(t *testing.T) {
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF())
		if err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, pdf)
		if strings.Count(text, "☑") != 3 || !strings.Contains(text, "☐") {
			t.Errorf("printed checklist should show 3 ☑ and some ☐:\n%s", text)
		}
	})

	t.Run("reset asks first", func(t *testing.T) {
		eval[bool](t, ctx, `(window.confirm = () => false, true)`)
		do(t, ctx, "reset refused", chromedp.Click(chromedp.CSS(".checklist-reset")))
		if got := eval[[]string](t, ctx, checkedIDs); len(got) != 3 {
			t.Errorf("refused reset changed ticks: %v", got)
		}
		eval[bool](t, ctx, `(window.confirm = () => true, true)`)
		do(t, ctx, "reset confirmed", chromedp.Click(chromedp.CSS(".checklist-reset")))
		if got := eval[[]string](t, ctx, checkedIDs); len(got) != 0 {
			t.Errorf("after reset ticked %v", got)
		}
		do(t, ctx, "reload after reset", chromedp.Reload())
		if n := len(eval[[]string](t, ctx, allIDs)); n != len(ids)+1 {
			t.Fatalf("after reset and reload the page has %d items, want %d", n, len(ids)+1)
		}
		if got := eval[[]string](t, ctx, checkedIDs); len(got) != 0 {
			t.Errorf("after reset and reload ticked %v", got)
		}
	})
	noProblems(t, rec)
}

// TestChecklistWithoutJavaScript checks the boxes Go renders: enabled,
// labelled, and unticked unless the author wrote "- [x]".
func TestChecklistWithoutJavaScript(t *testing.T) {
	dir := builtSite(t)
	data, err := os.ReadFile(filepath.Join(dir, "steps", "log-in", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(data)
	if !strings.Contains(html, `<ul class="checklist">`) || !strings.Contains(html, `<input type="checkbox" data-check="`) {
		t.Fatal("step page has no checklist markup")
	}
	if strings.Contains(html, "disabled") {
		t.Error("checklist boxes must be enabled")
	}
	if n, l := strings.Count(html, `<input type="checkbox" data-check="`), strings.Count(html, `<label><input type="checkbox" data-check="`); n != l {
		t.Errorf("%d boxes but %d in a label", n, l)
	}
}

// TestChecklistStoragePerSite checks that ticks are kept per site (two sites
// on one origin do not share them) and that version-1 ticks, stored under
// one key for the whole origin, move into the site whose items they are.
func TestChecklistStoragePerSite(t *testing.T) {
	b := browsertest.New(t)
	site := copySite(t)
	srv := newSwapServer(t, buildSite(t, site))
	ctx, rec := b.Tab(t)
	step := srv.URL + "steps/log-in/index.html"

	do(t, ctx, "open step page", chromedp.Navigate(step))
	ids := eval[[]string](t, ctx, allIDs)
	if len(ids) < 2 {
		t.Fatalf("step page has %d checklist items, want at least 2", len(ids))
	}
	do(t, ctx, "store version-1 ticks", chromedp.Evaluate[chromedp.Void](
		`localStorage.clear(); localStorage.setItem("guidebook-checklist-v1", JSON.stringify({"`+ids[0]+`": 1, "someone-elses-item": 1}))`))
	do(t, ctx, "reload", chromedp.Reload())
	if got := eval[[]string](t, ctx, checkedIDs); !sameSet(got, ids[:1]) {
		t.Errorf("after migration ticked %v, want %v", got, ids[:1])
	}
	if got := eval[string](t, ctx, `localStorage.getItem("guidebook-checklist-v1")`); got != `{"someone-elses-item":1}` {
		t.Errorf("version-1 store after migration = %s; want only the other site's item left", got)
	}
	key := eval[string](t, ctx, `"guidebook-checklist-v2:" + document.documentElement.dataset.site`)
	if got := eval[string](t, ctx, `localStorage.getItem(`+strconv.Quote(key)+`)`); !strings.Contains(got, ids[0]) {
		t.Errorf("%s = %s; want the migrated tick", key, got)
	}

	// The same content as another site (site.yaml id:) on the same origin.
	data, err := os.ReadFile(filepath.Join(site, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "site.yaml"), append([]byte("id: another-site\n"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	srv.swap(buildSite(t, site))
	do(t, ctx, "open the other site", chromedp.Navigate(step))
	if got := eval[[]string](t, ctx, checkedIDs); len(got) != 0 {
		t.Errorf("another site on the same origin shows ticks %v; want none", got)
	}
	noProblems(t, rec)
}
