package render

import (
	"fmt"
	"guidebook/generator/diag"
	"io/fs"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Strings is the UI translation table of one language.
type Strings map[string]string

// LoadStrings reads every templates/i18n/<lang>/*.yaml file of theme (a
// layered FS) into one table. Each file is a flat map of key → text; a key
// defined in two files is an error.
func LoadStrings(theme fs.FS, lang string) (Strings, error) {
	dir := path.Join("templates/i18n", lang)
	entries, err := fs.ReadDir(theme, dir)
	if err != nil {
		return nil, fmt.Errorf("UI strings for language %q: %w", lang, err)
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
