package markdown

import (
	"bufio"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected HTML of testdata/*.txt fixtures")

// fixture is one numbered case of a testdata/<feature>.txt file, in
// goldmark's format: a title line, the Markdown, and the expected HTML,
// separated by //- - -// lines and ended by //= = =//.
type fixture struct {
	name, markdown, html string
}

const (
	fixtureSep = "//- - - - - - - - -//"
	fixtureEnd = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

func readFixtures(t *testing.T, path string) []fixture {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []fixture
	var cur fixture
	var part int
	var buf []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "//- - -"):
			if part == 1 {
				cur.markdown = strings.Join(buf, "\n") + "\n"
			}
			part++
			buf = nil
		case strings.HasPrefix(line, "//= = ="):
			cur.html = strings.Join(buf, "\n")
			out = append(out, cur)
			cur, part, buf = fixture{}, 0, nil
		case part == 0 && line != "":
			cur.name = line
		case part > 0:
			buf = append(buf, line)
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s has no cases", path)
	}
	return out
}

func writeFixtures(t *testing.T, path string, fxs []fixture) {
	t.Helper()
	var b strings.Builder
	for i, fx := range fxs {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(fx.name + "\n" + fixtureSep + "\n" + fx.markdown + fixtureSep + "\n" + fx.html + "\n" + fixtureEnd + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fixtureFields are the fields every fixture page declares.
var fixtureFields = []Field{
	{Name: "phone", Label: "手机号", Kind: "tel"},
	{Name: "incident", Label: "经过", Kind: "textarea"},
	{Name: "items", Label: "证据", Kind: "list"},
	{Name: "log", Label: "记录 <&>", Kind: "table", Columns: []string{"日期", "经过 & 结果"}},
	{Name: "a_b", Label: "下划线", Kind: "text"},
}

// fixturePage is the page every fixture is converted as: links and images
// are rewritten visibly, and it declares fixtureFields.
func fixturePage() Page {
	return Page{File: "x.md", Line: 1, Key: "steps/x", Fields: fixtureFields,
		Link:  func(dest string, _ int) (string, error) { return "/rewritten/" + dest, nil },
		Image: func(dest string, _ int) (string, error) { return "/img/" + dest, nil },
	}
}

// runFixtures converts every case of testdata/<file> with c as fixturePage
// changed by edit (if not nil) and compares the HTML. With -update it
// rewrites the expected HTML instead.
func runFixtures(t *testing.T, file string, c *Converter, edit func(*Page)) {
	t.Helper()
	path := "testdata/" + file
	fxs := readFixtures(t, path)
	for i, fx := range fxs {
		t.Run(fx.name, func(t *testing.T) {
			p := fixturePage()
			if edit != nil {
				edit(&p)
			}
			res, err := c.Convert([]byte(fx.markdown), p)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.TrimSpace(string(res.HTML))
			if *update {
				fxs[i].html = got
				return
			}
			if got != strings.TrimSpace(fx.html) {
				t.Errorf("got:\n%s\nwant:\n%s", got, fx.html)
			}
		})
	}
	if *update {
		writeFixtures(t, path, fxs)
	}
}

// fixtureConverter is the converter of the fixtures: defaults plus a blank.
func fixtureConverter(opts ...Option) *Converter {
	return New(append([]Option{WithBlank("＿＿")}, opts...)...)
}

func TestGFMFixtures(t *testing.T)       { runFixtures(t, "gfm.txt", fixtureConverter(), nil) }
func TestCalloutFixtures(t *testing.T)   { runFixtures(t, "callout.txt", fixtureConverter(), nil) }
func TestChecklistFixtures(t *testing.T) { runFixtures(t, "checklist.txt", fixtureConverter(), nil) }
func TestHeadingIDFixtures(t *testing.T) { runFixtures(t, "headingid.txt", fixtureConverter(), nil) }
func TestCodeFixtures(t *testing.T)      { runFixtures(t, "code.txt", fixtureConverter(), nil) }
func TestLinkFixtures(t *testing.T)      { runFixtures(t, "link.txt", fixtureConverter(), nil) }
func TestPlaceholderFixtures(t *testing.T) {
	runFixtures(t, "placeholder.txt", fixtureConverter(), nil)
}
func TestRawHTMLFixtures(t *testing.T) { runFixtures(t, "rawhtml.txt", fixtureConverter(), nil) }
func TestRawHTMLEscapeFixtures(t *testing.T) {
	runFixtures(t, "rawhtml_escape.txt", fixtureConverter(WithHTML(HTMLEscape)), nil)
}
func TestRawHTMLUnsafeFixtures(t *testing.T) {
	runFixtures(t, "rawhtml_unsafe.txt", fixtureConverter(WithUnsafe(true)), nil)
}
func TestHeadingAnchorFixtures(t *testing.T) {
	runFixtures(t, "anchor.txt", fixtureConverter(WithAnchorLabel("本节链接")), func(p *Page) { p.Anchors = true })
}
