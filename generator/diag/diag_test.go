package diag

import (
	"fmt"
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	known := []string{"title", "weight", "description"}
	for got, want := range map[string]string{
		"weigth": `(did you mean "weight"?)`,
		"Title":  `(did you mean "title"?)`,
		"zzzzzz": "(known keys: description, title, weight)",
	} {
		if s := Suggest(got, known); !strings.Contains(s, want) {
			t.Errorf("Suggest(%q) = %q, want %q", got, s, want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       int
	}{
		{"equal", "title", "title", 0},
		{"swap is one edit", "titel", "title", 1},
		{"swap inside", "wieght", "weight", 1},
		{"deletion", "descripton", "description", 1},
		{"insertion", "tagss", "tags", 1},
		{"substitution", "dete", "date", 1},
		{"swap then insert (unrestricted)", "ca", "abc", 2},
		{"empty", "", "abc", 3},
		{"both empty", "", "", 0},
		{"runes, not bytes", "标题", "题标", 1},
		{"unrelated", "name", "date", 2},
		{"weigth regression", "weigth", "weight", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Distance(tt.a, tt.b); got != tt.want {
				t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
			if got := Distance(tt.b, tt.a); got != tt.want {
				t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", tt.b, tt.a, got, tt.want)
			}
		})
	}
}

func TestSeverity(t *testing.T) {
	tests := []struct {
		name    string
		err     *FileError
		want    string
		isError bool
	}{
		{"error keeps its old format", Errorf("content/a.md", 3, "bad"), "content/a.md:3: bad", true},
		{"warning", Warning("content/a.md", 3, "odd"), "content/a.md:3: warning: odd", false},
		{"notice", Notice("content/a.md", 3, "kept"), "content/a.md:3: notice: kept", false},
		{"notice without line", Notice("content/a.md", 0, "kept"), "content/a.md: notice: kept", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
			if got := IsError(tt.err); got != tt.isError {
				t.Errorf("IsError = %v, want %v", got, tt.isError)
			}
		})
	}
	errs, rest := List{Notice("a", 1, "n"), Errorf("a", 2, "e"), Warning("a", 3, "w")}.Split()
	if len(errs) != 1 || len(rest) != 2 {
		t.Errorf("Split = %v / %v", errs, rest)
	}
}

func TestSuggestAmongManyAndWide(t *testing.T) {
	known := []string{"保存哪些证据", "第-1-步登录", "unixmacos", "options"}
	for got, want := range map[string]string{
		"保存哪些证":      `(did you mean "保存哪些证据"?)`, // one Han character apart: three bytes, one rune
		"第-1-步-登录":   `(did you mean "第-1-步登录"?)`,
		"unix-macos": `(did you mean "unixmacos"?)`,
	} {
		if s := SuggestAmong(got, known, "headings"); s != " "+want {
			t.Errorf("SuggestAmong(%q) = %q, want %q", got, s, want)
		}
	}
	many := make([]string, 300)
	for i := range many {
		many[i] = fmt.Sprintf("heading-%03d", i)
	}
	if s := SuggestAmong("zzz", many, "headings"); !strings.Contains(s, "… 295 more") {
		t.Errorf("a hint lists at most 5 candidates: %q", s)
	}
}
