package diag

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// AliasBudget is how much YAML (in bytes of scalar text, plus one per node)
// the aliases of one document may repeat in total when DecodeStrict expands
// them.
//
// DecodeStrict walks the node tree itself, so yaml.v3's own alias limits
// (which guard its decoder) never apply: without a budget, 20,000 aliases of
// a 100 KB anchor would expand to 2 GB. Aliases are kept rather than
// rejected because they have honest uses (a repeated menu entry, shared
// letter options); a megabyte is far beyond any of those and is spent in
// milliseconds. The first alias past the budget is reported at its line and
// decoding stops.
const AliasBudget = 1 << 20

// DecodeStrict decodes a YAML mapping node into dst (a pointer to a struct),
// reporting unknown keys (with a "did you mean" hint) and values of the wrong
// type, each with its line. lineOffset is added to node lines, for YAML
// embedded in a larger file such as front matter. Aliases are expanded
// within AliasBudget.
func DecodeStrict(file string, lineOffset int, node *yaml.Node, dst any) error {
	d := &decoder{file: file, off: lineOffset, aliasLeft: AliasBudget}
	d.value(node, reflect.ValueOf(dst).Elem(), "")
	return d.errs.Err()
}

// decoder is the state of one DecodeStrict call.
type decoder struct {
	file      string
	off       int
	errs      List
	aliasLeft int                // bytes aliases may still repeat
	sizes     map[*yaml.Node]int // expanded size of anchored nodes, computed once; nil until an alias is met
	stopped   bool               // the alias budget is spent: decode nothing more
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// alias charges the expansion of an alias node to the budget and returns
// the node it stands for, or nil when the budget is spent.
func (d *decoder) alias(node *yaml.Node) *yaml.Node {
	d.aliasLeft -= d.size(node.Alias, 0)
	if d.aliasLeft < 0 {
		d.errs.Add(Errorf(d.file, node.Line+d.off, "alias *%s repeats more than %d MB of YAML in total; write the values out or shorten the anchored one",
			node.Value, AliasBudget>>20))
		d.stopped = true
		return nil
	}
	return node.Alias
}

// size is the expanded size of n (scalar bytes plus one per node), aliases
// included, saturating just past AliasBudget so billion-laughs nesting
// costs no more than the budget to measure.
func (d *decoder) size(n *yaml.Node, depth int) int {
	if n == nil {
		return 0
	}
	if s, ok := d.sizes[n]; ok {
		return s
	}
	if depth > 1000 { // an alias cycle; yaml.v3 rejects these, but never loop
		return AliasBudget + 1
	}
	s := 1 + len(n.Value)
	if n.Kind == yaml.AliasNode {
		s += d.size(n.Alias, depth+1)
	}
	for _, c := range n.Content {
		if s > AliasBudget {
			break
		}
		s += d.size(c, depth+1)
	}
	s = min(s, AliasBudget+1)
	if d.sizes == nil {
		d.sizes = map[*yaml.Node]int{}
	}
	d.sizes[n] = s
	return s
}

func (d *decoder) value(node *yaml.Node, v reflect.Value, path string) {
	if d.stopped {
		return
	}
	if node.Kind == yaml.DocumentNode && len(node.Content) == 1 {
		node = node.Content[0]
	}
	if node.Kind == yaml.AliasNode {
		if node = d.alias(node); node == nil {
			return
		}
	}
	file, off, errs := d.file, d.off, &d.errs
	line := node.Line + off
	if reflect.PointerTo(v.Type()).Implements(unmarshalerType) {
		if err := node.Decode(v.Addr().Interface()); err != nil {
			errs.Add(Errorf(file, line, "%s%s", keyPrefix(path), cleanYAMLError(err)))
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		if node.Kind != yaml.MappingNode {
			errs.Add(Errorf(file, line, "%sexpected a mapping (key: value lines), got %s", keyPrefix(path), DescribeNode(node)))
			return
		}
		d.structure(node, v, path)
	case reflect.Slice:
		if node.Kind == yaml.ScalarNode && node.Tag == "!!null" {
			return
		}
		if node.Kind != yaml.SequenceNode {
			errs.Add(Errorf(file, line, "%sexpected a list, got %s", keyPrefix(path), DescribeNode(node)))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(node.Content), len(node.Content))
		for i, item := range node.Content {
			d.value(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
		v.Set(s)
	case reflect.Pointer:
		if node.Kind == yaml.ScalarNode && node.Tag == "!!null" {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.value(node, p.Elem(), path)
		v.Set(p)
	case reflect.Map:
		if node.Kind != yaml.MappingNode {
			errs.Add(Errorf(file, line, "%sexpected a mapping, got %s", keyPrefix(path), DescribeNode(node)))
			return
		}
		m := reflect.MakeMap(v.Type())
		for i := 0; i+1 < len(node.Content); i += 2 {
			k := reflect.New(v.Type().Key()).Elem()
			val := reflect.New(v.Type().Elem()).Elem()
			d.value(node.Content[i], k, path)
			d.value(node.Content[i+1], val, join(path, node.Content[i].Value))
			m.SetMapIndex(k, val)
		}
		v.Set(m)
	default:
		if node.Kind != yaml.ScalarNode {
			errs.Add(Errorf(file, line, "%sexpected %s, got %s", keyPrefix(path), kindName(v.Kind()), DescribeNode(node)))
			return
		}
		if v.Kind() == reflect.String && node.Tag != "!!str" && node.Tag != "!!null" && node.Style == 0 {
			// Accept plain scalars such as 2024-03-01 or 42 as strings.
			v.SetString(node.Value)
			return
		}
		if err := node.Decode(v.Addr().Interface()); err != nil {
			errs.Add(Errorf(file, line, "%sexpected %s, got %q", keyPrefix(path), kindName(v.Kind()), node.Value))
		}
	}
}

// structure decodes a mapping into the struct v. Its keys are found by a
// scan of the fields' names, not a map: front matter has a few keys, and
// building a map for every struct decoded cost more than the decoding.
func (d *decoder) structure(node *yaml.Node, v reflect.Value, path string) {
	t := v.Type()
	names := make([]string, 0, t.NumField())
	index := make([]int, 0, t.NumField()) // field index of each name
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		names = append(names, name)
		index = append(index, i)
	}
	seen := make([]bool, len(names))
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, val := node.Content[i], node.Content[i+1]
		j := slices.Index(names, k.Value)
		switch {
		case j < 0:
			d.errs.Add(Errorf(d.file, k.Line+d.off, "unknown key %q%s", join(path, k.Value), Suggest(k.Value, names)))
			continue
		case seen[j]:
			d.errs.Add(Errorf(d.file, k.Line+d.off, "key %q appears twice", join(path, k.Value)))
			continue
		}
		seen[j] = true
		d.value(val, v.Field(index[j]), join(path, k.Value))
	}
}

// Suggest returns ` (did you mean "x"?)` for the known key closest to got,
// or the list of known keys when none is close.
func Suggest(got string, known []string) string { return SuggestAmong(got, known, "keys") }

// SuggestAmong is Suggest for names that are not keys: noun names them in
// the fallback list, e.g. " (known kinds: date, list)".
// maxHints is the most candidates a hint lists: a page with 300 headings
// must not print them all.
const maxHints = 5

func SuggestAmong(got string, known []string, noun string) string {
	best, bestD := "", 3
	sorted := append([]string(nil), known...)
	sort.Strings(sorted)
	lower := strings.ToLower(got)
	n := utf8.RuneCountInString(lower)
	for _, k := range sorted {
		// The distance is at least the difference in length: skip the
		// names that cannot come close (a page may have hundreds of headings).
		if diff := utf8.RuneCountInString(k) - n; diff >= bestD || -diff >= bestD {
			continue
		}
		if d := Distance(lower, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		if len(sorted) > maxHints {
			return fmt.Sprintf(" (known %s include %s, … %d more)", noun, strings.Join(sorted[:maxHints], ", "), len(sorted)-maxHints)
		}
		return fmt.Sprintf(" (known %s: %s)", noun, strings.Join(sorted, ", "))
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// Distance is the Damerau–Levenshtein distance between a and b: the fewest
// insertions, deletions, substitutions and swaps of two adjacent letters that
// turn one into the other, so "titel" is 1 from "title" (Levenshtein says 2).
// It counts runes and is the unrestricted form (a swapped pair may be edited
// again), computed with the Lowrance–Wagner table.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	maxD := len(ra) + len(rb)
	// d has a border row and column holding maxD; d[i+1][j+1] is the distance
	// between ra[:i] and rb[:j].
	w := len(rb) + 2
	d := make([]int, (len(ra)+2)*w)
	at := func(i, j int) *int { return &d[i*w+j] }
	*at(0, 0) = maxD
	for i := 0; i <= len(ra); i++ {
		*at(i+1, 0), *at(i+1, 1) = maxD, i
	}
	for j := 0; j <= len(rb); j++ {
		*at(0, j+1), *at(1, j+1) = maxD, j
	}
	lastRow := map[rune]int{} // last row of ra where each rune was seen
	for i := 1; i <= len(ra); i++ {
		lastCol := 0 // last column of rb in this row where ra[i-1] matched
		for j := 1; j <= len(rb); j++ {
			k, l := lastRow[rb[j-1]], lastCol
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost, lastCol = 0, j
			}
			*at(i+1, j+1) = min(
				*at(i, j)+cost, // substitute or match
				*at(i+1, j)+1,  // insert
				*at(i, j+1)+1,  // delete
				*at(k, l)+(i-k-1)+1+(j-l-1), // swap, with the edits between
			)
		}
		lastRow[ra[i-1]] = i
	}
	return *at(len(ra)+1, len(rb)+1)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func keyPrefix(path string) string {
	if path == "" {
		return ""
	}
	return fmt.Sprintf("%q: ", path)
}

// DescribeNode names a YAML node's shape for messages: "a mapping", "a
// list", "an alias", or its value quoted.
func DescribeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return fmt.Sprintf("%q", n.Value)
}

func kindName(k reflect.Kind) string {
	switch k {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "a whole number"
	case reflect.Float64:
		return "a number"
	case reflect.String:
		return "text"
	}
	return k.String()
}

func cleanYAMLError(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "yaml: ")
	s = strings.TrimPrefix(s, "unmarshal errors:\n  ")
	return s
}

// YAMLErrorLine extracts the line from a yaml syntax error ("yaml: line 3: …"),
// returning 0 when there is none, and the message without the prefix.
func YAMLErrorLine(err error) (int, string) {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if n, _ := fmt.Sscanf(s, "line %d:", &line); n == 1 {
		_, rest, _ := strings.Cut(s, ":")
		return line, strings.TrimSpace(rest)
	}
	return 0, s
}

// MappingEntry returns the key and value nodes of key in a YAML mapping
// (or a document holding one), or nils when the key is absent.
func MappingEntry(doc *yaml.Node, key string) (k, v *yaml.Node) {
	if doc == nil {
		return nil, nil
	}
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			return root.Content[i], root.Content[i+1]
		}
	}
	return nil, nil
}
