package content

import (
	"guidebook/generator/diag"
	"reflect"
	"strings"
	"unicode/utf8"
)

// frontMatterKeys is knownKeys, computed once: every page's keys are looked
// up in it. It is never modified.
var frontMatterKeys = knownKeys()

// knownKeys lists the top-level front-matter keys Guidebook reads itself:
// the yaml names of FrontMatter's fields.
func knownKeys() []string {
	t := reflect.TypeFor[FrontMatter]()
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}

// borrowedKey returns the Guidebook key that another tool's key stands for,
// or "" when Guidebook does not read the key: lastmod (Hugo) is updated,
// sidebar_position (Docusaurus) and nav_order (Just the Docs) are weight.
// The key is still kept in Params for templates written for that tool.
func borrowedKey(key string) string {
	switch key {
	case "lastmod":
		return "updated"
	case "sidebar_position", "nav_order":
		return "weight"
	}
	return ""
}

// likelyTypo decides whether an unknown key is a misspelling of a known one:
// the same key in other letter case, one edit away (a swapped pair counts as
// one), or two edits from a known key of six letters or more. Such a key is an
// error; any other unknown key is kept for templates. So titel, wieght and
// descripton are errors while name, slug, layout, id and author are kept.
func likelyTypo(key string, known []string) (string, bool) {
	lower := strings.ToLower(key)
	best, bestD := "", -1
	for _, k := range known {
		limit := 1
		if utf8.RuneCountInString(k) >= 6 {
			limit = 2
		}
		if d := diag.Distance(lower, k); d <= limit && (bestD < 0 || d < bestD) {
			best, bestD = k, d
		}
	}
	return best, bestD >= 0
}
