package markdown

import (
	"net/url"
	"testing"
)

// TestFragment: IDs are written raw in links to them, but for what a URL
// fragment may not hold; the browser's percent-decoding gives the ID back.
func TestFragment(t *testing.T) {
	tests := []struct{ id, want string }{
		{"第-1-步登录", "第-1-步登录"},
		{"unixmacos", "unixmacos"},
		{"fs.readfile_path-1", "fs.readfile_path-1"},
		{"a b", "a%20b"},
		{`q"<>`, "q%22%3C%3E"},
		{"50%", "50%25"},
		{"a#b", "a%23b"},
		{"[x]^{y}|`z`\\", "%5Bx%5D%5E%7By%7D%7C%60z%60%5C"},
		{"tab\there", "tab%09here"},
		{"c1\u0085", "c1%C2%85"},
		{"nbsp\u00a0", "nbsp\u00a0"},
		{"non\ufdd0char\uffff", "non%EF%B7%90char%EF%BF%BF"},
		{"bad\xffutf8", "bad%FFutf8"},
		{"emoji😀", "emoji😀"},
		{"!$&'()*+,./:;=?@~", "!$&'()*+,./:;=?@~"},
	}
	for _, tt := range tests {
		got := Fragment(tt.id)
		if got != tt.want {
			t.Errorf("Fragment(%q) = %q, want %q", tt.id, got, tt.want)
		}
		u, err := url.Parse("#" + got)
		if err != nil || u.Fragment != tt.id {
			t.Errorf("#%s parses to %q (%v), want the ID %q back", got, u.Fragment, err, tt.id)
		}
	}
}
