package markdown

import (
	"fmt"
	"guidebook/generator/internal/cputime"
	"strings"
	"testing"
	"time"
)

// hostile builds the inputs goldmark is slow on.
func hostile(kind string, n int) string {
	var b strings.Builder
	for i := range n {
		switch kind {
		case "indented list":
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		case "list markers on one line":
			b.WriteString("- ")
		case "quotes":
			b.WriteString("> ")
		case "ordered list":
			b.WriteString(strings.Repeat("   ", i) + "1. x\n")
		case "link definitions":
			fmt.Fprintf(&b, "[l%d]: /u%d\n", i, i)
		case "headings":
			b.WriteString("## same\n")
		}
	}
	if kind == "list markers on one line" || kind == "quotes" {
		b.WriteString("x\n")
	}
	return b.String()
}

func TestHostileInputIsBounded(t *testing.T) {
	tests := []struct {
		name, kind string
		n          int
		err        string // "" when the page must convert
	}{
		{"regression: 2,000-deep indented list (70 s before)", "indented list", 2000, "x.md:101: lists and quotes nested 101 deep"},
		{"2,000 list markers on one line", "list markers on one line", 2000, "x.md:1: lists and quotes nested 2000 deep"},
		{"2,000 nested quotes", "quotes", 2000, "x.md:1: lists and quotes nested 2000 deep"},
		{"regression: 100,000 link definitions (57 s before)", "link definitions", 100000, "x.md:10001: more than 10000 link reference definitions"},
		{"100 levels of nesting are allowed", "indented list", 100, ""},
		{"100 levels of ordered nesting are allowed", "ordered list", 67, ""},
		{"10,000 link definitions are allowed", "link definitions", 10000, ""},
		{"regression: 10,000 identical headings (14-30 s before)", "headings", 10000, ""},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(hostile(tt.kind, tt.n))
			start := cputime.Used()
			_, err := c.Convert(src, Page{File: "x.md", Line: 1})
			took := cputime.Used() - start
			t.Logf("%d bytes in %v", len(src), took)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("error %v, want %q", err, tt.err)
			}
			// CPU time, not the wall clock: CI runs other tests on the same cores.
			if took > time.Second && !cputime.Race {
				t.Errorf("took %v of CPU, want < 1 s", took)
			}
		})
	}
}

func TestTenThousandHeadingsAreNumberedInOrder(t *testing.T) {
	res, err := New().Convert([]byte(hostile("headings", 10000)), Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Headings) != 10000 || res.Headings[1].ID != "same-1" || res.Headings[9999].ID != "same-9999" {
		t.Errorf("headings: %d, second %q, last %q", len(res.Headings), res.Headings[1].ID, res.Headings[len(res.Headings)-1].ID)
	}
}
