package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// TestLinkAndImageLines checks that every callback gets the source line of
// its link or image, in Markdown and in raw HTML, in every place a link can
// hide.
func TestLinkAndImageLines(t *testing.T) {
	src := strings.Join([]string{
		"第一行",                         // 10
		"",                            // 11
		"[a](a.md) 文字",                // 12
		"续行 ![](b.png)",               // 13: an image with no alt text
		"",                            // 14
		"- 列表 [c](c.md)",              // 15
		"",                            // 16
		`<p>`,                         // 17
		`<a href="d.md">d</a>`,        // 18
		`<img src="e.png">`,           // 19
		`</p>`,                        // 20
		"",                            // 21
		`文字 <a href="f.md">f</a>`,     // 22
		"",                            // 23
		"[g][ref]",                    // 24
		"",                            // 25
		"[ref]: g.md",                 // 26
		"",                            // 27
		"> ![h](h.png)",               // 28
		"",                            // 29
		"| x |\n|---|\n| [i](i.md) |", // 30-32
	}, "\n") + "\n"
	var got []string
	record := func(dest string, line int) (string, error) {
		got = append(got, fmt.Sprintf("%s:%d", dest, line))
		return dest, nil
	}
	if _, err := New().Convert([]byte(src), Page{File: "x.md", Line: 10, Link: record, Image: record}); err != nil {
		t.Fatal(err)
	}
	want := []string{"a.md:12", "b.png:13", "c.md:15", "g.md:24", "h.png:28", "i.md:32", "d.md:18", "e.png:19", "f.md:22"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestImageErrorsNameTheLine(t *testing.T) {
	src := "x\n\n<img src=\"https://cdn.example/a.png\">\n\n![b](missing.png)\n"
	_, err := New().Convert([]byte(src), Page{File: "content/a.md", Line: 3,
		Image: func(dest string, _ int) (string, error) { return "", fmt.Errorf("no file %s", dest) }})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"content/a.md:5: image https://cdn.example/a.png: no file https://cdn.example/a.png", // Page.Image decides external images too
		"content/a.md:7: image missing.png: no file missing.png",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	// Without Page.Image, an image from another origin is refused.
	_, err = New().Convert([]byte(src), Page{File: "content/a.md", Line: 3})
	if err == nil || !strings.Contains(err.Error(), "content/a.md:5: image https://cdn.example/a.png is on another site") {
		t.Errorf("without Page.Image: %v", err)
	}
}
