package content

import (
	"bytes"
	"guidebook/generator/diag"
	"regexp"

	"go.yaml.in/yaml/v3"
)

// FrontMatter holds the keys a page may set between its --- lines.
type FrontMatter struct {
	Title       string   `yaml:"title"`
	Description string   `yaml:"description"`
	Weight      int      `yaml:"weight"`
	Draft       bool     `yaml:"draft"`
	Date        string   `yaml:"date"`
	Updated     string   `yaml:"updated"`
	Tags        []string `yaml:"tags"`
	Aliases     []string `yaml:"aliases"`
	Layout      string   `yaml:"layout"`
	Type        string   `yaml:"type"`
	Search      *bool    `yaml:"search"`
	TOC         *bool    `yaml:"toc"`
	Fields      []Field  `yaml:"fields"`
	Revises     string   `yaml:"revises"`
	Summary     string   `yaml:"summary"`
	Actions     []Action `yaml:"actions"`
	Cards       *Cards   `yaml:"cards"`
}

// Action is a call-to-action button a layout may show (the home page's
// "start here"): its text and the content path or URL it leads to.
type Action struct {
	Text string `yaml:"text"`
	Page string `yaml:"page"`
	URL  string `yaml:"url"`
}

// Cards is a grid of pages a layout may show (the home page's entry cards):
// a heading and content paths; a section's _index.md stands for its pages.
type Cards struct {
	Title string   `yaml:"title"`
	Pages []string `yaml:"pages"`
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// splitFrontMatter separates the YAML between the opening and closing ---
// lines from the body. bodyLine is the 1-based line of the body's first line.
func splitFrontMatter(file string, src []byte) (yamlSrc, body []byte, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return nil, src, 1, nil
	}
	rest := src[bytes.IndexByte(src, '\n')+1:]
	line := 2
	for off := 0; off < len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest)
		if end >= 0 {
			next = off + end + 1
		}
		if l := bytes.TrimRight(rest[off:next], "\r\n"); bytes.Equal(l, []byte("---")) {
			return rest[:off], rest[next:], line + 1, nil
		}
		off = next
		line++
	}
	return nil, nil, 0, diag.Errorf(file, 1, "front matter opened with --- is never closed (add a line with --- after the last key)")
}

// parseFrontMatter decodes and checks the YAML of a page's front matter.
func parseFrontMatter(file string, yamlSrc []byte) (FrontMatter, *yaml.Node, error) {
	var fm FrontMatter
	if len(bytes.TrimSpace(yamlSrc)) == 0 {
		return fm, nil, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(yamlSrc, &doc); err != nil {
		line, msg := diag.YAMLErrorLine(err)
		if line > 0 {
			line++ // the opening --- line
		}
		return fm, nil, diag.Errorf(file, line, "front matter: invalid YAML: %s", msg)
	}
	var errs diag.List
	if err := diag.DecodeStrict(file, 1, &doc, &fm); err != nil {
		errs.Add(prefixed(err, "front matter: "))
	}
	for key, v := range map[string]string{"date": fm.Date, "updated": fm.Updated} {
		if v != "" && !dateRE.MatchString(v) {
			errs.Add(diag.Errorf(file, keyLine(&doc, key)+1, "front matter: %s %q is not a date like 2024-06-15", key, v))
		}
	}
	return fm, &doc, errs.Err()
}

// prefixed adds prefix to the message of every FileError in err.
func prefixed(err error, prefix string) error {
	list, ok := err.(diag.List)
	if !ok {
		return err
	}
	for _, e := range list {
		if fe, ok := e.(*diag.FileError); ok {
			fe.Msg = prefix + fe.Msg
		}
	}
	return list
}

// keyLines maps every top-level key of a front-matter document to its line
// in the file (the opening --- is line 1).
func keyLines(doc *yaml.Node) map[string]int {
	if doc == nil {
		return nil
	}
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	out := make(map[string]int, len(root.Content)/2)
	for i := 0; i+1 < len(root.Content); i += 2 {
		out[root.Content[i].Value] = root.Content[i].Line + 1
	}
	return out
}

// keyLine returns the line of key's value in a mapping document, 0 if absent.
func keyLine(doc *yaml.Node, key string) int {
	if _, v := diag.MappingEntry(doc, key); v != nil {
		return v.Line
	}
	return 0
}
