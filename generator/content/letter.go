package content

import (
	"bytes"
	"fmt"
	"guidebook/generator/diag"
	"regexp"
	"slices"

	"go.yaml.in/yaml/v3"
)

// Field is one fill-in field of a letter template.
type Field struct {
	Name        string   `yaml:"name"`
	Label       string   `yaml:"label"`
	Kind        string   `yaml:"kind"`
	Required    bool     `yaml:"required"`
	Hint        string   `yaml:"hint"`
	Placeholder string   `yaml:"placeholder"`
	Options     []string `yaml:"options"`
	Columns     []string `yaml:"columns"`
	Line        int      `yaml:"-"` // line of the field in the source file
}

// FieldKinds are the kinds a letter field may have.
var FieldKinds = []string{"text", "textarea", "date", "time", "datetime", "tel", "email", "select", "list", "table"}

var (
	fieldNameRE   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	placeholderRE = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)
)

// Placeholder is one {{name}} found in a letter body.
type Placeholder struct {
	Name string
	Line int // line in the source file
}

// Placeholders returns the {{name}} references in body, whose first line is
// line bodyLine of the source file.
func Placeholders(body []byte, bodyLine int) []Placeholder {
	var out []Placeholder
	for _, m := range placeholderRE.FindAllSubmatchIndex(body, -1) {
		out = append(out, Placeholder{
			Name: string(body[m[2]:m[3]]),
			Line: bodyLine + bytes.Count(body[:m[0]], []byte("\n")),
		})
	}
	return out
}

// checkLetter validates the declared fields of a letter against its body.
func checkLetter(p *Page, doc *yaml.Node) []error {
	var errs []error
	if _, n := diag.MappingEntry(doc, "fields"); n != nil && n.Kind == yaml.SequenceNode {
		for i := range p.Fields {
			if i < len(n.Content) {
				p.Fields[i].Line = n.Content[i].Line + 1
			}
		}
	}
	if len(p.Fields) == 0 {
		return []error{diag.Errorf(p.File, 1, "letter declares no fields (add a fields: list to the front matter)")}
	}
	byName := map[string]bool{}
	for _, f := range p.Fields {
		errs = append(errs, checkField(p.File, f)...)
		if byName[f.Name] {
			errs = append(errs, diag.Errorf(p.File, f.Line, "field %q is declared twice", f.Name))
		}
		byName[f.Name] = true
	}
	used := map[string]bool{}
	for _, ph := range Placeholders(p.Body, p.BodyLine) {
		used[ph.Name] = true
		if !byName[ph.Name] {
			errs = append(errs, diag.Errorf(p.File, ph.Line, "placeholder {{%s}} has no field: declare it under fields:%s", ph.Name, suggestField(ph.Name, p.Fields)))
		}
	}
	for _, f := range p.Fields {
		if f.Name != "" && !used[f.Name] {
			errs = append(errs, diag.Errorf(p.File, f.Line, "field %q is never used in the letter (write {{%s}} where its value goes)", f.Name, f.Name))
		}
	}
	return errs
}

func checkField(file string, f Field) []error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, diag.Errorf(file, f.Line, "field %q: %s", f.Name, fmt.Sprintf(format, args...)))
	}
	if !fieldNameRE.MatchString(f.Name) {
		bad("name must start with a letter and use only ASCII letters, digits and _")
	}
	if f.Label == "" {
		bad("needs a label (shown on the form)")
	}
	switch {
	case !slices.Contains(FieldKinds, f.Kind):
		bad("unknown kind %q%s", f.Kind, diag.SuggestAmong(f.Kind, FieldKinds, "kinds"))
	case f.Kind == "select" && len(f.Options) == 0:
		bad("kind select needs options: [...]")
	case f.Kind == "table" && len(f.Columns) == 0:
		bad("kind table needs columns: [...]")
	case f.Kind != "select" && len(f.Options) > 0:
		bad("options are only for kind select")
	case f.Kind != "table" && len(f.Columns) > 0:
		bad("columns are only for kind table")
	}
	return errs
}

func suggestField(name string, fields []Field) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name
	}
	if len(names) == 0 {
		return ""
	}
	return diag.SuggestAmong(name, names, "fields")
}
