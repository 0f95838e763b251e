package diag

import (
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
