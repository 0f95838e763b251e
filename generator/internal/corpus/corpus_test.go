package corpus

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

func seed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../../content/testdata/source.zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestGenerateShape(t *testing.T) {
	fs := Generate(seed(t), 50)
	if got, want := len(fs), 1+10+50; got != want {
		t.Fatalf("%d files, want %d", got, want)
	}
	link := regexp.MustCompile(`\]\(((\.\./[a-z]+/)?p-\d{5}\.md)\)`)
	for i := range 50 {
		name := PagePath(i)
		f, ok := fs[name]
		if !ok {
			t.Fatalf("missing %s", name)
		}
		s := string(f.Data)
		for _, want := range []string{"---\ntitle: ", "\ndescription: ", "\nweight: ", "\n- [", "\n```", "\n| --- |"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: no %q", name, want)
			}
		}
		if n := strings.Count(s, "\n## "); n != 4 {
			t.Errorf("%s: %d ## headings, want 4", name, n)
		}
		if n := cjkCount(s[strings.Index(s, "\n---\n"):]); n < 600 || n > 1400 {
			// Headings, code and tables come on top of the 600–1200 of prose.
			t.Errorf("%s: %d Chinese characters", name, n)
		}
		links := link.FindAllStringSubmatch(s, -1)
		if len(links) != 2 {
			t.Fatalf("%s: %d links, want 2", name, len(links))
		}
		for _, l := range links {
			dir := Sections()[i%10].Dir
			target := "content/" + dir + "/" + l[1]
			if strings.HasPrefix(l[1], "../") {
				target = "content/" + l[1][3:]
			}
			if _, ok := fs[target]; !ok {
				t.Errorf("%s: link %s to a missing page", name, l[1])
			}
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	s := seed(t)
	a, b := Generate(s, 30), Generate(s, 30)
	for name, f := range a {
		if !bytes.Equal(f.Data, b[name].Data) {
			t.Fatalf("%s differs between two runs", name)
		}
	}
	// Page text does not depend on n; only link targets do.
	c := Generate(s, 40)
	strip := regexp.MustCompile(`相关阅读:.*`)
	if x, y := strip.ReplaceAll(a[PagePath(3)].Data, nil), strip.ReplaceAll(c[PagePath(3)].Data, nil); !bytes.Equal(x, y) {
		t.Errorf("page 3 differs between n=30 and n=40:\n%s\n---\n%s", x, y)
	}
}

func BenchmarkGenerate1000(b *testing.B) {
	s := seed(b)
	for b.Loop() {
		Generate(s, 1000)
	}
}
