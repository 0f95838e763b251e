package markdown

import "testing"

// jsonCases are docs' JSON (files in testdata/lexers) and the shapes where
// jsonTokens differs from chroma's lexer on purpose, with the differences.
var jsonCases = []likeChroma{
	{name: "package.json"},
	{name: "array.json"},
	{name: "tsconfig.jsonc"},
	{name: "config.json5", diffs: []string{
		`line 9: "\"b\"" chroma NameTag, ours LiteralStringDouble`,
	}},
	{name: "fragment.json", diffs: []string{
		`line 1: "\"scripts\"" chroma LiteralStringDouble, ours NameTag`,
	}},
	{name: "spaced key", text: "{\"a\" : 1}\n"},
	{name: "unclosed string", text: "{\"a\": \"open\n}\n"},
	{name: "numbers", text: "[-0.5E+3, 01, 1., 2e, -]\n"},
	{name: "a string alone", text: "\"a\"\n"},
	{name: "escapes", text: "{\"a\\\"b\": \"c\\\\\", \"d\": \"\\u00e9\"}\n"},
	{name: "comment at the end", text: "{} // done"},
}

func TestJSONLikeChroma(t *testing.T) { checkLikeChroma(t, "json", jsonTokens, jsonCases) }
