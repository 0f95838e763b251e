package markdown

import (
	"bytes"
	"fmt"
	"guidebook/generator/internal/cputime"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// fuzzSeeds are the fixture inputs plus a few hostile shapes; the seed corpus
// runs as an ordinary test.
func fuzzSeeds(t interface{ Fatal(...any) }) []string {
	seeds := []string{
		"", "{{", "{{phone}}", "{{ items }}\n", "[x](a.md \"{{phone}}\")", "<a href=\"{{phone}}\">{{phone}}</a>",
		"## a {#b .c style=\"d\"}\n", "<script>x</script>\n", "a <script>b", "</a></script>", "<a name=x><a id=y>",
		"> [!NOTE]\n> - [ ] {{a_b}}\n", "```mjs\nx\n```\n", strings.Repeat("- ", 300) + "x", strings.Repeat("[", 500),
		"<img src=\"x.png\" onerror=\"y\">", "<!-- c --> <!-- ", "<details><summary>s</summary>\n\n**b**\n\n</details>",
		"```yaml\na: [1, {b: \"c\"}] # d\ne: |\n  f\n- &g !h *i\n```\n", "```jsonc\n{\"a\": [1, -2.5e3, true], // b\n'c': /* d */ null}\n```\n",
	}
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, part := range strings.Split(string(b), fixtureEnd) {
			if fields := strings.Split(part, fixtureSep); len(fields) == 3 {
				seeds = append(seeds, strings.TrimPrefix(fields[1], "\n"))
			}
		}
	}
	return seeds
}

func FuzzConvert(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	convs := []*Converter{
		fixtureConverter(WithAnchorLabel("#")),
		fixtureConverter(WithHTML(HTMLEscape)),
		fixtureConverter(WithUnsafe(true)),
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<16 {
			return
		}
		// A hang never returns to be reported: crash the worker instead, so
		// the fuzzer saves the input.
		guard := time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("FuzzConvert: input %q takes over 5 s", src)) })
		defer guard.Stop()
		for _, c := range convs {
			p := fixturePage()
			p.Anchors, p.IDPrefix = true, "p-"
			start := cputime.Used()
			res, _ := c.Convert([]byte(src), p)
			if d := cputime.Used() - start; d > 2*time.Second && !cputime.Race {
				t.Fatalf("took %v of CPU", d)
			}
			if res == nil {
				continue // refused by the limits, with an error
			}
			for _, h := range res.Headings {
				if !res.HasID(h.ID) {
					t.Fatalf("heading %q not in IDs", h.ID)
				}
			}
		}
	})
}

// leakedTag finds a tag shown as text: what raw HTML must never become in
// sanitize mode.
var leakedTag = regexp.MustCompile(`&lt;/?[a-zA-Z!]`)

func FuzzPlaceholders(f *testing.F) {
	for _, s := range []string{"{{phone}}", "{{ phone }}", "{{phone}", "{{a_b}}{{a_b}}", "x{{items}}", "{{log}}",
		"`{{phone}}`", "{{\tphone\t}}", "{{é}}", "{{{{phone}}}}", "{{phone}}}}", "{{ph\none}}", "{{9}}"} {
		f.Add(s)
	}
	c := fixtureConverter()
	f.Fuzz(func(t *testing.T, src string) {
		name, n := ParsePlaceholder([]byte(src))
		if n > len(src) || (n > 0) != (name != "") {
			t.Fatalf("ParsePlaceholder(%q) = %q, %d", src, name, n)
		}
		res, err := c.Convert([]byte(src), fixturePage())
		if err != nil || res == nil {
			return
		}
		// Every field element is whole and carries a declared name.
		html := []byte(res.HTML)
		if got, want := bytes.Count(html, []byte(`<span class="letter-field"`)), bytes.Count(html, []byte(`＿＿</span>`)); got > want {
			t.Fatalf("broken field element in %s", html)
		}
		if bytes.Contains(html, []byte(`title="<span`)) || bytes.Contains(html, []byte(`href="<span`)) {
			t.Fatalf("field inside an attribute: %s", html)
		}
	})
}

func TestSanitizeNeverShowsTags(t *testing.T) {
	inputs := []string{
		"<!-- YAML\nkey: v\n-->\n", "<details>\n<summary>s</summary>\n\nx\n\n</details>\n", "<p align=\"center\">\n  <img src=\"a.png\">\n</p>\n",
		"a <kbd>b</kbd> <sup>1</sup> <br> <br/> <foo>bar</foo>", "<table>\n<tr><td>x</td></tr>\n</table>\n", "<div>\n\n*md*\n\n</div>\n",
		"x <!-- inline --> y", "<?php echo 1 ?>\n", "<![CDATA[ x ]]>\n", "<!DOCTYPE html>\n", "<center>x</center>\n",
		"<span style=\"color:red\" onclick=\"x\">s</span>", "<script>\nalert(1)\n</script>\n", "<style>\np{}\n</style>\n",
	}
	c := New()
	for _, in := range inputs {
		res, err := c.Convert([]byte(in), Page{})
		if err != nil {
			t.Fatal(err)
		}
		if m := leakedTag.FindString(res.HTML); m != "" {
			t.Errorf("%q shows a tag as text: %s", in, res.HTML)
		}
		for _, bad := range []string{"<script", "<style", "onclick", "style=", "<!--", "<?php", "alert"} {
			if strings.Contains(res.HTML, bad) {
				t.Errorf("%q keeps %s: %s", in, bad, res.HTML)
			}
		}
	}
}
