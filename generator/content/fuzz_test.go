package content

import (
	"bytes"
	"errors"
	"guidebook/generator/diag"
	"testing"
	"unicode/utf8"
)

// FuzzFrontMatter splits and parses arbitrary bytes as a page, YAML or TOML:
// it must never panic, and every problem must be a diag.FileError naming the
// file and a line of it. The seeds run as an ordinary test.
func FuzzFrontMatter(f *testing.F) {
	for _, seed := range []string{
		"",
		"plain text\n",
		"---\ntitle: A\n---\nbody\n",
		"---\r\ntitle: A\r\n---\r\n# H1\r\n",
		"---\ntitle: A\nweight: \"3\"\ndate: 2024-01-15T10:00:00Z\ntags: [a, b]\nslug: s\n---\n",
		"---\ntitel: A\nwieght: x\ndate: 2024-13-45\n---\n",
		"---\n- a\n- b\n---\n",
		"---\n? [a]\n: b\n---\n",
		"---\na: &a [x, x]\nb: [*a, *a]\n---\n",
		"---\nfields:\n  - {name: a, label: A, kind: text}\n---\n{{a}}\n",
		"---\ntitle: [\n---\n",
		"---\n\"0\r\r0\n---", // YAML counts a lone CR as a line break; the file does not
		"---\ntitle: A\n",
		"+++\ntitle = \"T\"\nweight = 2\ndate = 2024-01-15T10:00:00+08:00\n+++\n",
		"+++\n[[fields]]\nname = \"a\"\nlabel = \"A\"\nkind = \"text\"\n+++\n{{a}}\n",
		"+++\ntitle = = \n+++\n",
		"+++\na.b.c = 1\n[x.y]\nz = [1, {q = 2}]\n+++\n",
		"\ufeff---\ntitle: A\n---\n",
		"---\ndescription: \xff\n---\n\xfe\n",
		"\xff\xfe-\x00",
		"```\n# not\n```\n# yes ##\n",
	} {
		f.Add([]byte(seed))
	}
	const file = "content/fuzz.md"
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, _, body, bodyLine, probs := parseSource(file, src)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, err := range probs {
			var fe *diag.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("unlocated problem %T: %v", err, err)
			}
			if fe.File != file || fe.Line < 1 || fe.Line > lines+1 {
				t.Fatalf("problem located at %s:%d (file has %d lines): %v", fe.File, fe.Line, lines, err)
			}
		}
		if bodyLine < 1 {
			t.Fatalf("bodyLine %d", bodyLine)
		}
		if !utf8.Valid(body) {
			t.Fatalf("invalid UTF-8 left in the body")
		}
		page := &Page{FrontMatter: fm, Path: "tips/fuzz.md", Body: body, BodyLine: bodyLine}
		setTitle(page)
		if page.Title == "" {
			t.Fatal("no title")
		}
		if page.BodyLine < bodyLine || page.BodyLine > lines+1 {
			t.Fatalf("BodyLine %d after the title, was %d, file has %d lines", page.BodyLine, bodyLine, lines)
		}
	})
}

// FuzzMayHaveH1 checks that firstH1 never finds a heading mayHaveH1 says
// cannot be there.
func FuzzMayHaveH1(f *testing.F) {
	for _, s := range []string{"# T\n", "text\n  # T", "#\r\n", "##\n", "a # b", "```\n# x\n```\n", "#", " #\tx", "\n#"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if title, _, _, _ := firstH1Lines([]byte(s)); title != "" && !mayHaveH1([]byte(s)) {
			t.Errorf("mayHaveH1(%q) = false, but firstH1 finds %q", s, title)
		}
	})
}
