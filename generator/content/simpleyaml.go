package content

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// simpleDocument parses front matter of the shape nearly every page has,
// "key: value" lines with a one-line plain or double-quoted value, or a
// "key:" line followed by "- item" lines with plain items, into the node
// tree yaml.Unmarshal builds for it, without yaml's general parser (which
// took half of loading a page). It declines anything else (ok false), for
// yaml to parse: comments, other quoting, escapes, flow and block scalars,
// anchors, tags, empty values, tabs, carriage returns, and plain values
// starting with an indicator or holding ":" or "#". Tags are resolved by yaml itself
// (Node.ShortTag). TestSimpleDocument and FuzzSimpleDocument check that
// where it accepts, yaml accepts too and builds the same tree.
func simpleDocument(src []byte) (doc *yaml.Node, ok bool) {
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	var (
		listKey bool       // the last key had no value: a list must follow
		list    *yaml.Node // the list being read
	)
	for lineNo, rest := 1, src; len(rest) > 0; lineNo++ {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if len(line) == 0 {
			continue
		}
		if line[0] == ' ' || line[0] == '-' {
			indent := 0
			for indent < len(line) && line[indent] == ' ' {
				indent++
			}
			if !listKey || len(line) < indent+3 || line[indent] != '-' || line[indent+1] != ' ' ||
				(list != nil && list.Column != indent+1) || !plainValue(line[indent+2:]) {
				return nil, false
			}
			if list == nil {
				list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: lineNo, Column: indent + 1}
				root.Content = append(root.Content, list)
			}
			list.Content = append(list.Content, scalar(line[indent+2:], 0, lineNo, indent+3))
			continue
		}
		if listKey && list == nil {
			return nil, false // an empty value
		}
		listKey, list = false, nil
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 || !plainKey(line[:colon]) {
			return nil, false
		}
		if len(root.Content) == 0 {
			root.Line, root.Column = lineNo, 1
		}
		root.Content = append(root.Content, scalar(line[:colon], 0, lineNo, 1))
		value := line[colon+1:]
		switch {
		case len(value) == 0:
			listKey = true
		case len(value) < 2 || value[0] != ' ':
			return nil, false
		case value[1] == '"':
			if !quotedValue(value[1:]) {
				return nil, false
			}
			root.Content = append(root.Content, scalar(value[2:len(value)-1], yaml.DoubleQuotedStyle, lineNo, colon+3))
		case plainValue(value[1:]):
			root.Content = append(root.Content, scalar(value[1:], 0, lineNo, colon+3))
		default:
			return nil, false
		}
	}
	if (listKey && list == nil) || len(root.Content) == 0 {
		return nil, false
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: 1, Content: []*yaml.Node{root}}, true
}

// scalar is a scalar node as yaml's parser makes it: a double-quoted one is
// a string, a plain one has the tag yaml resolves for its text.
func scalar(value []byte, style yaml.Style, line, column int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: string(value), Style: style, Line: line, Column: column}
	if style == yaml.DoubleQuotedStyle {
		n.Tag = "!!str"
	} else {
		n.Tag = n.ShortTag()
	}
	return n
}

// plainKey reports whether k is a key simpleDocument reads: at most 128
// ASCII letters, digits, "_" and "-", starting with a letter or "_". (yaml
// reads a key of over 1,024 characters as no key at all.)
func plainKey(k []byte) bool {
	if len(k) > 128 {
		return false
	}
	for i, c := range k {
		if !(isASCIIAlnum(c) || c == '_' || c == '-' && i > 0) {
			return false
		}
	}
	return len(k) > 0 && !('0' <= k[0] && k[0] <= '9')
}

// plainValue reports whether v is a plain value simpleDocument reads: it
// starts with an ASCII letter or digit, "(" or a printable non-ASCII
// character that is not a space, and goes on with those, single spaces,
// printable non-ASCII characters and ASCII punctuation but for ":" and "#"
// (a key or a comment) and a tab; it does not end with a space.
func plainValue(v []byte) bool {
	if len(v) == 0 || v[len(v)-1] == ' ' {
		return false
	}
	for i := 0; i < len(v); {
		c := v[i]
		if c < utf8.RuneSelf {
			switch {
			case isASCIIAlnum(c) || c == '(':
			case i == 0:
				return false
			case c == ' ':
				if v[i-1] == ' ' {
					return false
				}
			case c < ' ' || c == ':' || c == '#' || c == 0x7f:
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(v[i:])
		if r == utf8.RuneError || !unicode.IsGraphic(r) || i == 0 && unicode.IsSpace(r) {
			return false
		}
		i += n
	}
	return true
}

// quotedValue reports whether v is a double-quoted value simpleDocument
// reads: one line, no escapes, only printable characters between the quotes
// and nothing after them.
func quotedValue(v []byte) bool {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return false
	}
	for i := 1; i < len(v)-1; {
		c := v[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == '"' || c == '\\' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(v[i:])
		if r == utf8.RuneError || !unicode.IsGraphic(r) {
			return false
		}
		i += n
	}
	return true
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
