package content

import (
	"bytes"
	"guidebook/generator/diag"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// FrontMatter holds the keys a page may set in its front matter.
type FrontMatter struct {
	Title       string   `yaml:"title"`
	Description string   `yaml:"description"`
	Weight      int      `yaml:"weight"`
	Draft       bool     `yaml:"draft"`
	Date        string   `yaml:"date"`    // normalised to YYYY-MM-DD
	Updated     string   `yaml:"updated"` // normalised to YYYY-MM-DD
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

	// DateTime and UpdatedTime are Date and Updated with the time of day
	// and offset as written (midnight UTC for a plain date), for feeds.
	DateTime    time.Time `yaml:"-"`
	UpdatedTime time.Time `yaml:"-"`
	// Params holds the keys Guidebook does not read itself, decoded, for
	// templates (.Params.sidebar_position); other tools' keys that Guidebook
	// honours (lastmod, nav_order, sidebar_position) are kept here too.
	Params map[string]any `yaml:"-"`
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

// maxFrontMatterValues bounds how many values front matter may expand to
// through YAML aliases (*name), so a few kilobytes cannot ask for gigabytes.
const maxFrontMatterValues = 100_000

// parseFrontMatter decodes and checks front matter in format (formatYAML or
// formatTOML). Lines in src count from 1 at the line after the opening
// delimiter, so file lines are src lines + 1. It returns whatever decoded,
// the document (for key lines), and every problem: errors, and notices for
// keys kept in Params.
func parseFrontMatter(file, format string, src []byte) (FrontMatter, *yaml.Node, diag.List) {
	var fm FrontMatter
	if len(bytes.TrimSpace(src)) == 0 {
		return fm, nil, nil
	}
	doc, err := decodeDocument(file, format, src)
	if err != nil {
		return fm, nil, diag.List{err}
	}
	root := doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return fm, nil, nil // only comments
		}
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return fm, nil, nil
	}
	if root.Kind != yaml.MappingNode {
		return fm, nil, diag.List{diag.Errorf(file, root.Line+1, "front matter: expected key: value lines, got %s", diag.DescribeNode(root))}
	}
	if n, line := expandedSize(root, maxFrontMatterValues); n > maxFrontMatterValues {
		return fm, nil, diag.List{diag.Errorf(file, line+1, "front matter: YAML aliases expand to more than %d values (write the values out instead)", maxFrontMatterValues)}
	}
	var probs diag.List
	known, borrowed := sortKeys(file, root, &fm, &probs)
	probs.Add(searchSettings(file, known, &fm)...)
	if _, v := diag.MappingEntry(known, "weight"); v != nil {
		normaliseWholeNumber(v)
	}
	if err := diag.DecodeStrict(file, 1, known, &fm); err != nil {
		probs.Add(prefixed(err, "front matter: "))
	}
	probs.Add(applyBorrowed(file, known, borrowed, &fm)...)
	probs.Add(normaliseDates(file, known, borrowed, &fm)...)
	return fm, doc, probs
}

// decodeDocument parses front matter text into a YAML node tree.
func decodeDocument(file, format string, src []byte) (*yaml.Node, error) {
	if format == formatTOML {
		doc, line, err := tomlDocument(src)
		if err != nil {
			return nil, diag.Errorf(file, max(line, 1)+1, "front matter: invalid TOML: %s", err)
		}
		return doc, nil
	}
	if doc, ok := simpleDocument(src); ok {
		return doc, nil
	}
	if line := loneCR(src); line > 0 {
		// YAML counts a lone CR as a line break and the file's lines do
		// not, so every line YAML reports after it would be wrong.
		return nil, diag.Errorf(file, line+1, "front matter: a carriage return (CR) without a line feed; save the file with LF or CRLF line endings")
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := diag.YAMLErrorLine(err)
		return nil, diag.Errorf(file, max(line, 1)+1, "front matter: invalid YAML: %s", msg)
	}
	return &doc, nil
}

// loneCR returns the line (from 1) of the first CR in src not followed by
// LF, or 0 if there is none.
func loneCR(src []byte) int {
	for i := 0; ; i++ {
		j := bytes.IndexByte(src[i:], '\r')
		if j < 0 {
			return 0
		}
		i += j
		if i+1 == len(src) || src[i+1] != '\n' {
			return bytes.Count(src[:i], []byte("\n")) + 1
		}
	}
}

// sortKeys splits the top-level keys of root: keys Guidebook reads go into the
// returned mapping for strict decoding; other tools' keys Guidebook honours go
// into borrowed (and Params); a likely typo of a known key is an error; any
// other key is kept in Params with a notice.
func sortKeys(file string, root *yaml.Node, fm *FrontMatter, probs *diag.List) (known *yaml.Node, borrowed map[string]*yaml.Node) {
	keys := frontMatterKeys
	known = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: root.Line, Content: make([]*yaml.Node, 0, len(root.Content))}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		line := k.Line + 1
		if k.Kind != yaml.ScalarNode {
			probs.Add(diag.Errorf(file, line, "front matter: a key must be a name, got %s", diag.DescribeNode(k)))
			continue
		}
		if slices.Contains(keys, k.Value) {
			known.Content = append(known.Content, k, v)
			continue
		}
		if want, ok := likelyTypo(k.Value, keys); ok {
			probs.Add(diag.Errorf(file, line, "front matter: unknown key %q (did you mean %q?)", k.Value, want))
			continue
		}
		if fm.Params == nil {
			fm.Params = map[string]any{}
		}
		var val any
		if err := v.Decode(&val); err != nil {
			probs.Add(diag.Errorf(file, line, "front matter: %s: %s", k.Value, strings.TrimPrefix(err.Error(), "yaml: ")))
			continue
		}
		fm.Params[k.Value] = val
		if borrowedKey(k.Value) != "" {
			if borrowed == nil {
				borrowed = map[string]*yaml.Node{}
			}
			borrowed[k.Value] = v
			continue
		}
		probs.Add(diag.Notice(file, line, "front-matter key %q is not used by Guidebook (kept in .Params)", k.Value))
	}
	return known, borrowed
}

// searchSettings reads search: written as a mapping, as MkDocs Material
// writes it (search: {exclude: true}, search: {boost: 2}): exclude: true keeps
// the page out of the index like search: false, and the mapping is kept in
// Params with a notice saying what Guidebook made of it. It takes the entry
// out of known, which then only holds search: true or false.
func searchSettings(file string, known *yaml.Node, fm *FrontMatter) []error {
	for i := 0; i+1 < len(known.Content); i += 2 {
		k, v := known.Content[i], known.Content[i+1]
		if k.Value != "search" || v.Kind != yaml.MappingNode {
			continue
		}
		var m map[string]any
		if err := v.Decode(&m); err != nil {
			return []error{diag.Errorf(file, k.Line+1, "front matter: search: %s", strings.TrimPrefix(err.Error(), "yaml: "))}
		}
		known.Content = append(known.Content[:i:i], known.Content[i+2:]...)
		if fm.Params == nil {
			fm.Params = map[string]any{}
		}
		fm.Params["search"] = m
		read := "only search: false or search: {exclude: true} is read"
		if exclude, ok := m["exclude"].(bool); ok {
			indexed := !exclude
			fm.Search = &indexed
			read = "exclude is read, other settings are kept in .Params"
		}
		return []error{diag.Notice(file, k.Line+1, "front-matter key \"search\" is a mapping, as MkDocs writes it: %s", read)}
	}
	return nil
}

// normaliseWholeNumber lets a quoted whole number ("3") stand for the number
// where one is expected, as other tools write it, and makes a fraction (2.5)
// fail to decode instead of being cut to 2.
func normaliseWholeNumber(v *yaml.Node) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!float" {
		v.Tag = "!!str"
	}
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
		return
	}
	if _, err := strconv.Atoi(strings.TrimSpace(v.Value)); err == nil {
		v.Value, v.Tag, v.Style = strings.TrimSpace(v.Value), "!!int", 0
	}
}

// applyBorrowed sets weight and updated from other tools' keys
// (sidebar_position, nav_order, lastmod) when the page does not set them.
func applyBorrowed(file string, known *yaml.Node, borrowed map[string]*yaml.Node, fm *FrontMatter) []error {
	var errs []error
	for _, key := range []string{"sidebar_position", "nav_order"} {
		v := borrowed[key]
		if v == nil || hasKey(known, "weight") {
			continue
		}
		normaliseWholeNumber(v)
		var w int
		if v.Kind != yaml.ScalarNode || v.Decode(&w) != nil {
			errs = append(errs, diag.Errorf(file, v.Line+1, "front matter: %s %s is not a whole number (it sets the order, like weight)", key, diag.DescribeNode(v)))
			continue
		}
		fm.Weight = w
		known.Content = append(known.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "weight", Line: v.Line}, v)
	}
	return errs
}

// normaliseDates checks date and updated (or lastmod) and stores them as
// YYYY-MM-DD, keeping the full time in DateTime and UpdatedTime.
func normaliseDates(file string, known *yaml.Node, borrowed map[string]*yaml.Node, fm *FrontMatter) []error {
	var errs []error
	check := func(key, value string, line int) (string, time.Time) {
		if value == "" {
			return "", time.Time{}
		}
		t, err := parseDate(value)
		if err != nil {
			errs = append(errs, diag.Errorf(file, line, "front matter: %s %q %v", key, value, err))
			return value, time.Time{}
		}
		return t.Format(time.DateOnly), t
	}
	fm.Date, fm.DateTime = check("date", fm.Date, keyLine(known, "date")+1)
	if v := borrowed["lastmod"]; v != nil && !hasKey(known, "updated") && v.Kind == yaml.ScalarNode {
		fm.Updated, fm.UpdatedTime = check("lastmod", v.Value, v.Line+1)
		return errs
	}
	fm.Updated, fm.UpdatedTime = check("updated", fm.Updated, keyLine(known, "updated")+1)
	return errs
}

// expandedSize counts the values of n with every alias expanded, stopping
// once the count passes limit; it returns the count and the line where the
// limit was passed.
func expandedSize(n *yaml.Node, limit int) (int, int) {
	count, line := 0, 0
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || count > limit {
			return
		}
		count++
		if count > limit {
			line = n.Line
			return
		}
		if depth > 1000 { // an alias to an ancestor: a cycle
			count, line = limit+1, n.Line
			return
		}
		if n.Kind == yaml.AliasNode {
			walk(n.Alias, depth+1)
			return
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return count, line
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
// in the file (the opening delimiter is line 1).
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
		if _, dup := out[root.Content[i].Value]; !dup {
			out[root.Content[i].Value] = root.Content[i].Line + 1
		}
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
