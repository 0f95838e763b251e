package e2e

import (
	"bytes"
	"compress/gzip"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// weightBudget is the most HTML+CSS+JS, gzipped, that first paint of a page
// may need: the HTML, the stylesheet and any script that blocks rendering.
// Scripts loaded with defer are not needed for first paint.
const weightBudget = 30 * 1024

// totalBudget bounds everything a page loads, deferred script included.
const totalBudget = 40 * 1024

// printBudget bounds the whole-site print page (print/), which holds every
// page of the site on purpose and is opened only to print; it is built for
// sites of up to 500 pages.
const printBudget = 160 * 1024

// TestWeightEveryPage measures, for every built page, the gzip size of its
// HTML plus the stylesheet and scripts it references, prints the median and
// largest, and fails above the budgets. It also requires exactly one
// stylesheet and one script per page.
func TestWeightEveryPage(t *testing.T) {
	dir := builtSite(t)
	type weight struct {
		page  string
		bytes int
	}
	var first, all []weight
	for _, p := range htmlPages(t, dir) {
		html := readFile(t, filepath.Join(dir, p))
		var css, js, blocking []string
		for _, tag := range scanTags(html) {
			switch {
			case tag.name == "link" && tag.attrs["rel"] == "stylesheet":
				css = append(css, tag.attrs["href"])
			case tag.name == "script" && tag.attrs["src"] != "":
				js = append(js, tag.attrs["src"])
				if _, deferred := tag.attrs["defer"]; !deferred {
					blocking = append(blocking, tag.attrs["src"])
				}
			}
		}
		if len(css) != 1 || len(js) != 1 {
			t.Errorf("%s: want one stylesheet and one script, have %q and %q", p, css, js)
		}
		size := func(refs []string) int {
			n := 0
			for _, ref := range refs {
				n += gzipSize(readFile(t, filepath.Join(dir, filepath.FromSlash(path.Join(path.Dir(p), ref)))))
			}
			return n
		}
		fp := gzipSize(html) + size(css) + size(blocking)
		total := gzipSize(html) + size(css) + size(js)
		if p == "print/index.html" {
			if total > printBudget {
				t.Errorf("%s: %.1f KB gzip in all, over the print page's %d KB budget", p, kb(total), printBudget/1024)
			}
			continue
		}
		first, all = append(first, weight{p, fp}), append(all, weight{p, total})
		if fp > weightBudget {
			t.Errorf("%s: first paint needs %.1f KB gzip, over the %d KB budget", p, kb(fp), weightBudget/1024)
		}
		if total > totalBudget {
			t.Errorf("%s: %.1f KB gzip in all, over the %d KB budget", p, kb(total), totalBudget/1024)
		}
	}
	if len(first) == 0 {
		t.Fatal("no pages")
	}
	for _, m := range []struct {
		what   string
		ws     []weight
		budget int
	}{{"first paint (HTML+CSS+blocking JS)", first, weightBudget}, {"everything (HTML+CSS+deferred JS)", all, totalBudget}} {
		sort.Slice(m.ws, func(i, j int) bool { return m.ws[i].bytes < m.ws[j].bytes })
		med, max := m.ws[len(m.ws)/2], m.ws[len(m.ws)-1]
		t.Logf("page weight, %s, gzip, over %d pages: median %.1f KB (%s), largest %.1f KB (%s), budget %d KB",
			m.what, len(m.ws), kb(med.bytes), med.page, kb(max.bytes), max.page, m.budget/1024)
	}
}

func kb(n int) float64 { return float64(n) / 1024 }

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func gzipSize(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	_, _ = w.Write(data)
	_ = w.Close()
	return b.Len()
}

// tag is a start tag found by scanTags.
type tag struct {
	name  string
	attrs map[string]string
	raw   string
	body  string // for <script>: the text up to </script>
}

var (
	tagRE  = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>`)
	attrRE = regexp.MustCompile(`([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?`)
)

// scanTags returns the start tags of an HTML document in order. It is enough
// for the HTML Guidebook writes (quoted attributes, no comments in markup).
func scanTags(html []byte) []tag {
	var out []tag
	for _, tt := range scanAllTags(html) {
		if !tt.end {
			out = append(out, tt.tag)
		}
	}
	return out
}

type token struct {
	tag
	end bool
}

// scanAllTags returns start and end tags; the text inside <script> is kept
// in body and not scanned for tags.
func scanAllTags(html []byte) []token {
	s := string(html)
	var out []token
	for pos := 0; pos < len(s); {
		loc := tagRE.FindStringSubmatchIndex(s[pos:])
		if loc == nil {
			break
		}
		m := s[pos+loc[0] : pos+loc[1]]
		tk := token{end: loc[3] > loc[2], tag: tag{name: strings.ToLower(s[pos+loc[4] : pos+loc[5]]), raw: m, attrs: map[string]string{}}}
		for _, a := range attrRE.FindAllStringSubmatch(s[pos+loc[6]:pos+loc[7]], -1) {
			v := a[2]
			if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') {
				v = v[1 : len(v)-1]
			}
			tk.attrs[strings.ToLower(a[1])] = v
		}
		pos += loc[1]
		if tk.name == "script" && !tk.end {
			if end := strings.Index(strings.ToLower(s[pos:]), "</script"); end >= 0 {
				tk.body = s[pos : pos+end]
				pos += end
			}
		}
		out = append(out, tk)
	}
	return out
}
