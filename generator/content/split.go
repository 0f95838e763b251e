package content

import (
	"bytes"
	"guidebook/generator/diag"
	"unicode/utf8"
)

// Front-matter formats, named by their delimiter lines.
const (
	formatNone = ""
	formatYAML = "yaml" // between --- lines
	formatTOML = "toml" // between +++ lines
)

// splitFrontMatter separates the front matter from the body. Front matter is
// YAML between --- lines or TOML between +++ lines, the opening one being the
// file's first line. bodyLine is the 1-based line of the body's first line.
// When the front matter is never closed, the error says so and body is nil.
func splitFrontMatter(file string, src []byte) (fm []byte, format string, body []byte, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	delim := string(bytes.TrimRight(first, " \t\r"))
	switch delim {
	case "---":
		format = formatYAML
	case "+++":
		format = formatTOML
	default:
		return nil, formatNone, src, 1, nil
	}
	line := 2
	for off := 0; off < len(rest); {
		next := len(rest)
		if end := bytes.IndexByte(rest[off:], '\n'); end >= 0 {
			next = off + end + 1
		}
		if string(bytes.TrimRight(rest[off:next], " \t\r\n")) == delim {
			return rest[:off], format, rest[next:], line + 1, nil
		}
		off = next
		line++
	}
	return nil, format, nil, 0, diag.Errorf(file, 1, "front matter opened with %s is never closed (add a line with %s after the last key)", delim, delim)
}

// checkUTF8 reports the first byte of src that is not UTF-8, at its line, and
// returns src with every invalid sequence replaced by U+FFFD so the rest of
// the page can still be checked without copying bad bytes into HTML.
func checkUTF8(file string, src []byte) ([]byte, error) {
	if utf8.Valid(src) {
		return src, nil
	}
	if bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff}) {
		return bytes.ToValidUTF8(src, []byte("\uFFFD")), diag.Errorf(file, 1, "the file is UTF-16 text; save it as UTF-8")
	}
	off := 0
	for off < len(src) {
		r, n := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	return bytes.ToValidUTF8(src, []byte("\uFFFD")),
		diag.Errorf(file, line, "byte 0x%02x is not UTF-8 text (save the file as UTF-8)", src[off])
}
