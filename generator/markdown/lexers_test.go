package markdown

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
)

// sameAsChroma reports a difference between what a reader sees of the
// tokenWriter's HTML and of chroma's formatter's for text lexed by l, or a
// break of the tokenWriter's own contract (see compactProblem); "" when
// there is none.
func sameAsChroma(w *tokenWriter, l chroma.Lexer, text string) string {
	it, err := l.Tokenise(nil, text)
	if err != nil {
		return err.Error()
	}
	tokens := it.Tokens()
	var ours, theirs bytes.Buffer
	w.write(&ours, tokens, nil)
	look := newCodeLook(w)
	if err := w.chroma.Format(&theirs, look.style, chroma.Literator(tokens...)); err != nil {
		return err.Error()
	}
	if problem := look.compactProblem(ours.String()); problem != "" {
		return problem + " in\n" + ours.String()
	}
	if a, b := look.shown(ours.String()), look.shown(theirs.String()); a != b {
		return "tokenWriter shows:\n" + a + "\nchroma shows:\n" + b + "\n(tokenWriter: " + ours.String() + ")"
	}
	return ""
}

// codeLook is what chroma's classes look like in our palettes.
type codeLook struct {
	style    *chroma.Style   // a palette, for chroma's formatter (its classes do not depend on it)
	paints   map[string]bool // the class shows on whitespace
	unstyled map[string]bool // the class styles nothing
}

func newCodeLook(w *tokenWriter) codeLook {
	light, _ := palettes()
	l := codeLook{style: light, paints: map[string]bool{}, unstyled: map[string]bool{"line": true, "cl": true}}
	for tt := range chroma.StandardTypes {
		class := className(w.chromaAttr(tt))
		if paintsWhitespace(tt) {
			l.paints[class] = true
		}
		if !styled(tt) {
			l.unstyled[class] = true
		}
	}
	return l
}

func className(attr string) string {
	return strings.TrimSuffix(strings.TrimPrefix(attr, ` class="`), `"`)
}

const (
	preStart = `<pre class="chroma" tabindex="0"><code>`
	preEnd   = "</code></pre>\n"
)

// codeParts splits a highlighted block into its tags and texts.
func codeParts(html string) []string {
	html = strings.TrimSuffix(strings.TrimPrefix(html, preStart), preEnd)
	var parts []string
	for html != "" {
		end := strings.IndexByte(html, '<')
		if end == 0 {
			end = strings.IndexByte(html, '>') + 1
		} else if end < 0 {
			end = len(html)
		}
		parts = append(parts, html[:end])
		html = html[end:]
	}
	return parts
}

// shown is what a reader sees of a highlighted block: one line per
// character, with the class that styles it; chroma's line wrappers and
// classes without a style of their own style nothing, and whitespace shows
// a class only if the class paints it.
func (l codeLook) shown(html string) string {
	var b strings.Builder
	var stack []string
	for _, part := range codeParts(html) {
		switch {
		case strings.HasPrefix(part, "<span"):
			stack = append(stack, className(part[len("<span"):len(part)-1]))
		case part == "</span>":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		default:
			class := ""
			for i := len(stack) - 1; i >= 0; i-- {
				if !l.unstyled[stack[i]] {
					class = stack[i]
					break
				}
			}
			for _, r := range unescapeCode(part) {
				c := class
				if unicode.IsSpace(r) && !l.paints[c] {
					c = ""
				}
				fmt.Fprintf(&b, "%q %s\n", r, c)
			}
		}
	}
	return b.String()
}

func unescapeCode(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&#39;", "'", "&#34;", `"`).Replace(s)
}

// compactProblem checks the tokenWriter's contract: no line wrappers, no
// nested or empty spans, no span of a class that styles nothing or around
// whitespace its class does not paint, and no two spans of one class with
// nothing (or only whitespace the class does not paint) between them, which
// should have been one span.
func (l codeLook) compactProblem(html string) string {
	paints := l.paints
	if !strings.HasPrefix(html, preStart) || !strings.HasSuffix(html, preEnd) {
		return "no pre wrapper"
	}
	open, last, between := "", "", ""
	for _, part := range codeParts(html) {
		switch {
		case strings.HasPrefix(part, "<span"):
			class := className(part[len("<span") : len(part)-1])
			if open != "" {
				return "nested span " + class
			}
			if l.unstyled[class] {
				return "span of class " + class + ", which styles nothing"
			}
			if class == last && (between == "" || strings.TrimSpace(between) == "" && !paints[class]) {
				return "two spans of class " + class + " in a row"
			}
			open, between = class, ""
		case part == "</span>":
			if open == "" {
				return "unmatched </span>"
			}
			if strings.TrimSpace(unescapeCode(between)) == "" && !paints[open] {
				return "span of class " + open + " around " + strconv.Quote(between)
			}
			last, open, between = open, "", ""
		default:
			between += part
		}
	}
	if open != "" {
		return "span left open"
	}
	return ""
}

func newTestWriter() *tokenWriter {
	return newTokenWriter(chtml.New(chtml.WithClasses(true), chtml.WithPreWrapper(preWrapper{})))
}

// TestTokenWriterShowsWhatChromaShows: a reader sees in the tokenWriter's
// compact HTML what chroma's HTML formatter shows, for chroma's lexers and
// ours, every token type included.
func TestTokenWriterShowsWhatChromaShows(t *testing.T) {
	w := newTestWriter()
	lc := &lexerCache{}
	texts := []string{"", "x", "a < b && c > 'd'\n", "key: [1, \"two\"]\n# c\n", "def f(x):\n    return x\n\n",
		"<p class=\"x\">&amp;</p>", "- a\n+ b\n", "fn main() { println!(\"hi\"); }", "$ go test ./...\nok\n", "数据 → 值\n"}
	for _, name := range []string{"yaml", "python", "rust", "html", "diff", "markdown", "plaintext", "js", "go", "c", "console", "json", "toml", "sql"} {
		for _, text := range texts {
			if diff := sameAsChroma(w, lc.get(name), text); diff != "" {
				t.Errorf("%s %q:\n%s", name, text, diff)
			}
		}
	}
	look := newCodeLook(w)
	if !look.paints["gd"] || !look.paints["gi"] || !look.paints["gl"] || look.paints["err"] || look.paints["w"] || look.paints["k"] {
		t.Errorf("classes that paint whitespace: %v", look.paints)
	}
	if !look.unstyled["n"] || !look.unstyled["w"] || look.unstyled["k"] || look.unstyled["err"] {
		t.Errorf("classes that style nothing: %v", look.unstyled)
	}
	for tt := range chroma.StandardTypes {
		for _, tokens := range [][]chroma.Token{
			{{Type: tt, Value: "v"}, {Type: chroma.Text, Value: "\n"}},
			{{Type: tt, Value: "a"}, {Type: chroma.Whitespace, Value: " "}, {Type: tt, Value: "b"}, {Type: tt, Value: " \n"}, {Type: chroma.Text, Value: "c"}},
		} {
			var ours, theirs bytes.Buffer
			w.write(&ours, tokens, nil)
			_ = w.chroma.Format(&theirs, look.style, chroma.Literator(tokens...))
			if problem := look.compactProblem(ours.String()); problem != "" {
				t.Errorf("%v: %s in %q", tt, problem, ours.String())
			}
			if a, b := look.shown(ours.String()), look.shown(theirs.String()); a != b {
				t.Errorf("%v: %q shows\n%s\nchroma %q shows\n%s", tt, ours.String(), a, theirs.String(), b)
			}
		}
	}
}

// lexerSeeds returns texts every hand-written lexer is checked on
// (checkLexer), by TestLexersOnSeeds and as FuzzLexers' seeds.
func lexerSeeds() []string {
	return []string{
		"", "\n", "x := `raw\nstring`", "/* open", "// c", "\"esc \\\" q\"", "'\\", "0x", "0x1F 2.5e3 .5",
		"#include <a.h>\n#define X 1", "a /= b // c", "数据 → 值", "\xff\xfe", "$ echo $HOME ${X} $? # c\n> more",
		"echo \"a\nb\" 'c' | grep -v x && y; z > f 2>&1", "${", "$", "it's", "a#b #c",
		"a: |\n  x\n\n  y\nb: [1, {c: d}]\n", "- - &a !t *b\n? k\n: v\n--- |\nx\n...\n", "a: \"x\nb: 'y\n", "{\"k\": [1, -2.5e3, true], // c\n}",
		"'s': {a: /* c", "k: [\r\n  x,\r\n]\r\n", "\"\\", "|", ": \xe6\x95\xb0 #",
	}
}

// checkLexer checks one hand-written lexer on text: it does not fail, its
// tokens put together give the text back exactly, no token is empty
// (chroma's formatter would write an empty span) or splits a character,
// and the tokenWriter shows them as chroma's formatter does.
func checkLexer(t *testing.T, w *tokenWriter, name string, l chroma.Lexer, text string) {
	t.Helper()
	it, err := l.Tokenise(nil, text)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var b strings.Builder
	for _, tok := range it.Tokens() {
		if tok.Value == "" {
			t.Fatalf("%s: empty %v token in %q", name, tok.Type, text)
		}
		if utf8.ValidString(text) && !utf8.ValidString(tok.Value) {
			t.Fatalf("%s: token %q splits a character of %q", name, tok.Value, text)
		}
		b.WriteString(tok.Value)
	}
	if b.String() != text {
		t.Fatalf("%s: tokens give %q, want %q", name, b.String(), text)
	}
	if diff := sameAsChroma(w, l, text); diff != "" {
		t.Fatalf("%s %q: %s", name, text, diff)
	}
}

// TestLexersOnSeeds runs every hand-written lexer on every seed of
// FuzzLexers and on the JSON and YAML samples.
func TestLexersOnSeeds(t *testing.T) {
	texts := lexerSeeds()
	for _, lang := range []string{"json", "yaml"} {
		texts = append(texts, dataSamples(t, lang)...)
	}
	w := newTestWriter()
	for name, l := range ownLexers() {
		for _, text := range texts {
			checkLexer(t, w, name, l, text)
		}
	}
}

// FuzzLexers runs checkLexer on any text. Each input goes to one lexer,
// chosen by its length, and is cut to 2 KB: every lexer and chroma's
// formatter on every input made CI's 50,000 inputs take four to seven
// minutes; this way it takes half a minute and the fuzzer still reaches
// every lexer by changing lengths.
func FuzzLexers(f *testing.F) {
	for _, s := range lexerSeeds() {
		f.Add(s)
	}
	for _, lang := range []string{"json", "yaml"} {
		for _, s := range dataSamples(f, lang) {
			f.Add(s)
		}
	}
	lexers := ownLexers()
	names := slices.Sorted(maps.Keys(lexers))
	w := newTestWriter()
	f.Fuzz(func(t *testing.T, text string) {
		text = text[:min(len(text), 2<<10)]
		name := names[len(text)%len(names)]
		checkLexer(t, w, name, lexers[name], text)
	})
}

// typeDiffs lists where ours and chroma's tokens of text differ in type,
// one entry per run of bytes with the same pair of types, as
// `line 3: "text" chroma Type, ours Type`. Runs of whitespace are left out:
// their type does not show. So are chroma's Error tokens: ours never write
// one (JSONC, JSON5 and fragments are errors to chroma's JSON lexer). Tokens
// that do not give text back are a difference.
func typeDiffs(text string, ours, theirs []chroma.Token) []string {
	a, b := byteTypes(ours), byteTypes(theirs)
	if len(a) != len(text) || len(b) != len(text) {
		return []string{fmt.Sprintf("tokens cover %d bytes (chroma %d), text has %d", len(a), len(b), len(text))}
	}
	var diffs []string
	line := 1
	for i := 0; i < len(text); {
		if a[i] == b[i] {
			if text[i] == '\n' {
				line++
			}
			i++
			continue
		}
		j := i + 1
		for j < len(text) && a[j] == a[i] && b[j] == b[i] {
			j++
		}
		if strings.TrimSpace(text[i:j]) != "" && b[i] != chroma.Error {
			diffs = append(diffs, fmt.Sprintf("line %d: %q chroma %v, ours %v", line, text[i:j], b[i], a[i]))
		}
		line += strings.Count(text[i:j], "\n")
		i = j
	}
	return diffs
}

// byteTypes returns the type of the token each byte belongs to.
func byteTypes(tokens []chroma.Token) []chroma.TokenType {
	var types []chroma.TokenType
	for _, t := range tokens {
		for range len(t.Value) {
			types = append(types, t.Type)
		}
	}
	return types
}

// likeChroma is a text for a lexer and the differences from chroma's token
// types (typeDiffs) chosen for it, each explained where the lexer is.
type likeChroma struct {
	name  string // a file in testdata/lexers when text is ""
	text  string
	diffs []string
}

func (c likeChroma) load(t *testing.T) string {
	if c.text != "" {
		return c.text
	}
	b, err := os.ReadFile(filepath.Join("testdata/lexers", c.name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkLikeChroma lexes each case with ours and chroma's lexer named lang
// and wants exactly the listed differences in token types.
func checkLikeChroma(t *testing.T, lang string, ours func(string) []chroma.Token, cases []likeChroma) {
	theirs := chroma.Coalesce(lexers.Get(lang))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := c.load(t)
			it, err := theirs.Tokenise(nil, text)
			if err != nil {
				t.Fatal(err)
			}
			got := typeDiffs(text, ours(text), it.Tokens())
			if !slices.Equal(got, c.diffs) {
				t.Errorf("differences from chroma:\n%s\nwant:\n%s", quoteLines(got), quoteLines(c.diffs))
			}
		})
	}
}

// quoteLines writes diffs as the lines of a Go string slice, to paste.
func quoteLines(diffs []string) string {
	var b strings.Builder
	for _, d := range diffs {
		if strings.Contains(d, "`") {
			fmt.Fprintf(&b, "\t%q,\n", d)
		} else {
			fmt.Fprintf(&b, "\t`%s`,\n", d)
		}
	}
	return b.String()
}

// dataSamples are the texts of testdata/lexers for lang's lexer.
func dataSamples(t testing.TB, lang string) []string {
	files, err := filepath.Glob("testdata/lexers/*")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, f := range files {
		if strings.Contains(filepath.Ext(f), lang) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	return texts
}

// TestDataLexersKeepEveryByte: the JSON and YAML lexers' tokens put
// together give back each sample and case exactly, and none is empty or an
// Error (which chroma's formatter shows with a red background).
func TestDataLexersKeepEveryByte(t *testing.T) {
	for _, l := range []struct {
		lang  string
		lex   func(string) []chroma.Token
		cases []likeChroma
	}{{"json", jsonTokens, jsonCases}, {"yaml", yamlTokens, yamlCases}} {
		texts := append(dataSamples(t, l.lang), "", "\n", "a: 1\r\nb: [x,\r\n  y]\r\n", "\xff\xfe: \x80")
		for _, c := range l.cases {
			texts = append(texts, c.load(t))
		}
		for _, text := range texts {
			var b strings.Builder
			for _, tok := range l.lex(text) {
				if tok.Value == "" || tok.Type == chroma.Error {
					t.Errorf("%s %q: token %v %q", l.lang, text, tok.Type, tok.Value)
				}
				b.WriteString(tok.Value)
			}
			if b.String() != text {
				t.Errorf("%s: tokens give %q, want %q", l.lang, b.String(), text)
			}
		}
	}
}

// TestDataLexerClassesHaveCSS: every class the JSON and YAML samples are
// written with has a rule in the highlight CSS, and the converter records
// the classes its HTML holds.
func TestDataLexerClassesHaveCSS(t *testing.T) {
	files, err := filepath.Glob("testdata/lexers/*")
	if err != nil {
		t.Fatal(err)
	}
	var page strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&page, "```%s\n%s```\n\n", strings.TrimPrefix(filepath.Ext(f), "."), b)
	}
	res, err := New().Convert([]byte(page.String()), Page{})
	if err != nil {
		t.Fatal(err)
	}
	scanned := map[string]bool{}
	UsedCodeClasses([]byte(res.HTML), scanned)
	if !maps.Equal(scanned, res.CodeClasses) {
		t.Errorf("CodeClasses %v, HTML has %v", res.CodeClasses, scanned)
	}
	css, err := HighlightCSS(res.CodeClasses)
	if err != nil {
		t.Fatal(err)
	}
	for class := range res.CodeClasses {
		if class == "chroma" || class == "line" || class == "cl" {
			continue // the block's and lines' spans, whatever the lexer
		}
		if !strings.Contains(css, ".chroma ."+class+" {") {
			t.Errorf("class %q has no rule in the highlight CSS", class)
		}
	}
	for _, want := range []string{"nt", "s2", "kc", "mi", "c1", "l", "m", "sd", "cp", "nn"} {
		if !res.CodeClasses[want] {
			t.Errorf("the samples do not use class %q", want)
		}
	}
}
