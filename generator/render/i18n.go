package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"guidebook/generator/config"
	"guidebook/generator/diag"
	"io/fs"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Strings is the UI translation table of one language.
type Strings map[string]string

// Fallback is the language whose strings fill in what another language's
// table lacks. The default theme ships it complete.
const Fallback = "en"

// LoadStrings returns the UI strings of lang: the theme's (a layered FS)
// templates/i18n/<lang>/*.yaml, with any key the language lacks taken from
// English, and the site's own overrides (site.yaml strings:) on top. It
// also returns a warning for a language that lacks keys. A language with no
// folder at all is an error at the language: line of site.yaml.
func LoadStrings(theme fs.FS, cfg *config.Config) (Strings, []error, error) {
	lang := cfg.Language
	own, err := readStrings(theme, lang)
	if errors.Is(err, fs.ErrNotExist) {
		shipped, _ := fs.ReadDir(theme, "templates/i18n")
		var names []string
		for _, e := range shipped {
			if e.IsDir() {
				names = append(names, e.Name())
			}
		}
		return nil, nil, diag.Errorf(config.FileName, cfg.Line("language"), "language %q has no UI strings: add templates/i18n/%s/*.yaml to the site (copy templates/i18n/%s/ of the theme and translate it); available: %s",
			lang, lang, Fallback, strings.Join(names, ", "))
	}
	if err != nil {
		return nil, nil, err
	}
	out := own
	var warnings []error
	if lang != Fallback {
		base, err := readStrings(theme, Fallback)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, err
		}
		var missing []string
		for k, v := range base {
			if _, ok := own[k]; !ok {
				missing = append(missing, k)
				out[k] = v
			}
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			shown := missing
			if len(shown) > 5 {
				shown = append(shown[:5:5], fmt.Sprintf("… %d more", len(missing)-5))
			}
			warnings = append(warnings, diag.Warning(path.Join("templates/i18n", lang), 0, "%d UI string(s) missing, shown in English: %s", len(missing), strings.Join(shown, ", ")))
		}
	}
	for k, v := range cfg.Strings {
		out[k] = v
	}
	return out, warnings, nil
}

// readStrings reads every templates/i18n/<lang>/*.yaml file of theme into one
// table. Each file is a flat map of key → text; a key defined in two files
// is an error.
func readStrings(theme fs.FS, lang string) (Strings, error) {
	dir := path.Join("templates/i18n", lang)
	entries, err := fs.ReadDir(theme, dir)
	if err != nil {
		return nil, err
	}
	out := Strings{}
	from := map[string]string{}
	var errs diag.List
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		file := path.Join(dir, e.Name())
		data, err := fs.ReadFile(theme, file)
		if err != nil {
			return nil, err
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			line, msg := diag.YAMLErrorLine(err)
			errs.Add(diag.Errorf(file, line, "invalid YAML: %s", msg))
			continue
		}
		m := map[string]string{}
		if err := diag.DecodeStrict(file, 0, &doc, &m); err != nil {
			errs.Add(err)
			continue
		}
		for k, v := range m {
			if other, dup := from[k]; dup {
				errs.Add(diag.Errorf(file, 0, "UI string %q is also defined in %s", k, other))
			}
			out[k], from[k] = v, file
		}
	}
	return out, errs.Err()
}

// scriptKeys are the UI strings the theme's scripts show: search.js (the
// search box and results page), checklist.js and theme.js (the buttons it
// adds). They travel in the script bundle (see Script) rather than in data-*
// attributes and hidden elements on every page.
func scriptKeys() []string {
	return []string{
		"search.count", "search.none", "search.suggest", "search.all", "search.error", "search.results",
		"checklist.done", "checklist.progress", "checklist.reset", "checklist.confirm",
		"theme.dark", "print",
	}
}

// Script returns the classic script that opens the site's script bundle: it
// sets Guidebook.strings to the UI strings the theme's scripts show (the
// scriptKeys, in the site's language with its strings: overrides), keyed as
// in templates/i18n. The bundle is already per site and content-hashed, so
// pages need not carry these strings. json.Marshal escapes <, >, & and the
// line separators JavaScript strings may not hold.
func (s Strings) Script() string {
	m := make(map[string]string, len(scriptKeys()))
	for _, k := range scriptKeys() {
		m[k] = s.T(k)
	}
	b, _ := json.Marshal(m) // a map of strings always marshals
	return "(function(G){G.strings=" + string(b) + "}(window.Guidebook=window.Guidebook||{}));\n"
}

// T returns the text for key, or the key itself so a missing string shows.
func (s Strings) T(key string, args ...any) string {
	v, ok := s[key]
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(v, args...)
	}
	return v
}
