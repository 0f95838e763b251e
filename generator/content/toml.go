package content

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"
)

// tomlDocument decodes TOML front matter into the YAML node tree that YAML
// front matter makes, each node carrying its line in the TOML text, so both
// formats go through the same checks and report the same messages. On a
// syntax error it returns the error's line (1-based, 0 when unknown) and a
// message.
func tomlDocument(src []byte) (*yaml.Node, int, error) {
	var m map[string]any
	if err := toml.Unmarshal(src, &m); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, _ := de.Position()
			return nil, row, errors.New(strings.TrimPrefix(de.Error(), "toml: "))
		}
		return nil, 0, errors.New(strings.TrimPrefix(err.Error(), "toml: "))
	}
	lines := tomlLines(src)
	root := tomlNode(m, "", lines, 1)
	return &yaml.Node{Kind: yaml.DocumentNode, Line: 1, Content: []*yaml.Node{root}}, 0, nil
}

// tomlLines maps the path of every key, table and array-table entry in src
// (parts joined by "\x00", array entries as "#0", "#1") to its line. src must
// already have parsed without error.
func tomlLines(src []byte) map[string]int {
	lines := map[string]int{}
	var p unstable.Parser
	p.Reset(src)
	record := func(path string, n *unstable.Node) {
		if _, ok := lines[path]; !ok && n != nil && n.Raw.Length > 0 {
			lines[path] = p.Shape(n.Raw).Start.Line
		}
	}
	var recordValue func(path string, n *unstable.Node)
	recordValue = func(path string, n *unstable.Node) {
		switch n.Kind {
		case unstable.Array:
			it, i := n.Children(), 0
			for it.Next() {
				c := it.Node()
				if c.Kind == unstable.Comment {
					continue
				}
				elem := path + "\x00#" + strconv.Itoa(i)
				record(elem, c)
				recordValue(elem, c)
				i++
			}
		case unstable.InlineTable:
			it := n.Children()
			for it.Next() {
				if kv := it.Node(); kv.Kind == unstable.KeyValue {
					key, first := tomlKey(kv)
					record(join(path, key), first)
					recordValue(join(path, key), kv.Value())
				}
			}
		}
	}
	table := ""
	entries := map[string]int{} // array-table entries seen so far, by path
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			key, first := tomlKey(e)
			table = key
			record(table, first)
		case unstable.ArrayTable:
			key, first := tomlKey(e)
			record(key, first)
			table = key + "\x00#" + strconv.Itoa(entries[key])
			entries[key]++
			record(table, first)
		case unstable.KeyValue:
			key, first := tomlKey(e)
			record(join(table, key), first)
			recordValue(join(table, key), e.Value())
		}
	}
	return lines
}

// tomlKey returns the (possibly dotted) key of an expression as a path, and
// its first part, whose position is the key's line.
func tomlKey(e *unstable.Node) (string, *unstable.Node) {
	var parts []string
	var first *unstable.Node
	it := e.Key()
	for it.Next() {
		if first == nil {
			first = it.Node()
		}
		parts = append(parts, string(it.Node().Data))
	}
	return strings.Join(parts, "\x00"), first
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "\x00" + key
}

// tomlNode converts a decoded TOML value to a YAML node; line is used when
// lines does not know the path (the parent's line).
func tomlNode(v any, path string, lines map[string]int, line int) *yaml.Node {
	if l, ok := lines[path]; ok {
		line = l
	}
	scalar := func(tag, value string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value, Line: line}
	}
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		lineOf := func(k string) int { return lines[join(path, k)] }
		slices.SortFunc(keys, func(a, b string) int {
			if c := lineOf(a) - lineOf(b); c != 0 {
				return c
			}
			return strings.Compare(a, b)
		})
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
		for _, k := range keys {
			val := tomlNode(v[k], join(path, k), lines, line)
			key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k, Line: val.Line}
			if l, ok := lines[join(path, k)]; ok {
				key.Line = l
			}
			n.Content = append(n.Content, key, val)
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
		for i, e := range v {
			n.Content = append(n.Content, tomlNode(e, path+"\x00#"+strconv.Itoa(i), lines, line))
		}
		return n
	case []map[string]any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
		for i, e := range v {
			n.Content = append(n.Content, tomlNode(e, path+"\x00#"+strconv.Itoa(i), lines, line))
		}
		return n
	case string:
		n := scalar("!!str", v)
		n.Style = yaml.DoubleQuotedStyle
		return n
	case bool:
		return scalar("!!bool", strconv.FormatBool(v))
	case int64:
		return scalar("!!int", strconv.FormatInt(v, 10))
	case float64:
		switch {
		case math.IsNaN(v):
			return scalar("!!float", ".nan")
		case math.IsInf(v, 1):
			return scalar("!!float", ".inf")
		case math.IsInf(v, -1):
			return scalar("!!float", "-.inf")
		}
		return scalar("!!float", strconv.FormatFloat(v, 'g', -1, 64))
	case time.Time:
		return scalar("!!timestamp", v.Format(time.RFC3339Nano))
	case toml.LocalDate:
		return scalar("!!timestamp", v.String())
	case toml.LocalDateTime:
		return scalar("!!timestamp", v.String())
	case toml.LocalTime:
		n := scalar("!!str", v.String())
		n.Style = yaml.DoubleQuotedStyle
		return n
	}
	n := scalar("!!str", fmt.Sprint(v))
	n.Style = yaml.DoubleQuotedStyle
	return n
}
