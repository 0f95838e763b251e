package render

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"guidebook/generator/config"
)

// TestScriptStrings: the bundle's opening script carries every string the
// theme's scripts read, in the site's language with its own overrides, as a
// JSON object a classic script assigns to Guidebook.strings.
func TestScriptStrings(t *testing.T) {
	theme := os.DirFS("../..")
	for _, lang := range []string{"en", "zh-CN"} {
		t.Run(lang, func(t *testing.T) {
			cfg := &config.Config{Language: lang, Strings: map[string]string{"search.none": "nothing for {q} <here>"}}
			strs, warnings, err := LoadStrings(theme, cfg)
			if err != nil || len(warnings) > 0 {
				t.Fatalf("LoadStrings: %v %v", warnings, err)
			}
			js := strs.Script()
			const open, end = "(function(G){G.strings=", "}(window.Guidebook=window.Guidebook||{}));\n"
			if !strings.HasPrefix(js, open) || !strings.HasSuffix(js, end) {
				t.Fatalf("script %q", js)
			}
			var got map[string]string
			if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(js, open), end)), &got); err != nil {
				t.Fatal(err)
			}
			for _, k := range scriptKeys() {
				if got[k] == "" || got[k] == k {
					t.Errorf("%s: %q, want the %s text", k, got[k], lang)
				}
			}
			if len(got) != len(scriptKeys()) {
				t.Errorf("%d strings, want only the %d the scripts read", len(got), len(scriptKeys()))
			}
			if got["search.none"] != "nothing for {q} <here>" {
				t.Errorf("site override lost: %q", got["search.none"])
			}
			if strings.Contains(js, "<") {
				t.Errorf("unescaped < in %q", js)
			}
		})
	}
}
