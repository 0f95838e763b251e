package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// sameAsYAML fails t when simpleDocument accepts src but yaml.Unmarshal
// rejects it or builds another tree. It reports whether simpleDocument
// accepted.
func sameAsYAML(t *testing.T, src string) bool {
	t.Helper()
	got, ok := simpleDocument([]byte(src))
	if !ok {
		return false
	}
	var want yaml.Node
	if err := yaml.Unmarshal([]byte(src), &want); err != nil {
		t.Errorf("simpleDocument accepts %q, yaml rejects it: %v", src, err)
		return true
	}
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("simpleDocument(%q) =\n%s\nyaml:\n%s", src, nodeString(got), nodeString(&want))
	}
	return true
}

func nodeString(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, indent string)
	walk = func(n *yaml.Node, indent string) {
		fmt.Fprintf(&b, "%skind=%d tag=%q value=%q style=%d line=%d col=%d comments=%q %q %q anchor=%q alias=%v\n",
			indent, n.Kind, n.Tag, n.Value, n.Style, n.Line, n.Column, n.HeadComment, n.LineComment, n.FootComment, n.Anchor, n.Alias != nil)
		for _, c := range n.Content {
			walk(c, indent+"  ")
		}
	}
	walk(n, "")
	return b.String()
}

// simpleValues are values of every kind yaml resolves, and values near the
// edges of what simpleDocument accepts.
var simpleValues = []string{
	"1", "0", "-1", "+1", "01", "007", "1.5", ".5", "1.", "1e3", "1E3", "1_000", "0x1F", "0o17", "0b101", "1:2",
	"true", "True", "TRUE", "false", "yes", "Yes", "no", "on", "off", "y", "n", "Y", "N",
	"null", "Null", "NULL", "~", "nan", ".nan", "NaN", "inf", ".inf", "-.inf", "Infinity",
	"2023-01-01", "2023-1-1", "2023-01-01 10:00", "2023-01-01T10:00:00Z", "20230101", "2023-13-45", "2023-01",
	"a", "a b", "a  b", "a b ", " a", "a-b", "a - b", "a -b", "a_b", "a.b", "a/b", "a/", "a.", "-a", "_a", ".a", "/a",
	"a:b", "a: b", "a #b", "a#b", "a,b", "a'b", "[a]", "{a}", "*a", "&a", "!a", "|", ">", "%a", "@a", "`a`",
	"封禁", "第1篇", "追跟处理情况(第1篇)", "中文 空格", "中文\u3000全角", "é", "e\u0301", "\u0301e", "١٢٣", "Ⅻ",
	"\ufeffa", "a\u2028b", "a\u0085b", "a\u00a0b", "a\tb", "a\rb", "\xff", "a\x00b",
	"(a)", "a (b)", "a, b", "a,b", "a;b", "a!", "a?", "a%", "a&b", "a*b", "a=b", "a~", "a'b'", "a\"b\"", "a[b]", "a{b}",
	"a<b>", "a|b", "a>b", "a@b", "a`b`", "a\\b", "a^b", "a$", "a+b", "a -", "a - b", "a -- b", "a ---", "a ...", "a?b: c",
	"a- b", "a -b c", "(", "()", "(a", "a)", "a ,b", "a [b", "a {b", "a !b", "a &b", "a *b", "a |b", "a >b", "a 'b", "a \"b",
	"a %b", "a @b", "a `b", "a ?b", "a ~b", "1 2", "1,2", "1.2.3", "1/2", "10%", "$1", "a\u3000", "\u3000a", "a \u3000",
	"账号被封、被盗号：先做什么（中文）", "“申请审核”", "《个人资料（私隐）条例》", "设置 › 帮助 › 联系我们", "⋮（更多选项）", "……", "😀", "a\u200db", "a\u200bb",
	"WhatsApp 账号被封、被盗号、收不到验证码时怎么办：先做什么、还能找谁。", "data access request / subject access request", "GDPR 第 15 条",
}

// TestSimpleDocument compares simpleDocument with yaml on front matter
// built from simpleValues as values, list items and keys, quoted and not.
func TestSimpleDocument(t *testing.T) {
	accepted := 0
	count := func(ok bool) {
		if ok {
			accepted++
		}
	}
	for _, v := range simpleValues {
		count(sameAsYAML(t, "title: "+v+"\n"))
		count(sameAsYAML(t, "title: \""+v+"\"\nweight: 2\n"))
		count(sameAsYAML(t, "tags:\n  - "+v+"\n  - b\ndate: 2023-01-01\n"))
		count(sameAsYAML(t, "tags:\n- "+v+"\n"))
		count(sameAsYAML(t, v+": x\n"))
		count(sameAsYAML(t, "a: 1\n"+v+"\n"))
	}
	for _, src := range []string{
		"title: \"追跟处理情况(第1篇)\"\nweight: 1\ndate: 2023-01-01\ntags:\n  - 封禁\n  - 邮件\n  - 消息\n",
		"\n\ntitle: x\n\ntags:\n- a\n\n- b\n", "a: 1\na: 2\n", "tags:\n  - a\nx: y", "title: x", "tags:\n", "tags:\nx: 1\n",
		"tags:\n  - a\n   - b\n", "tags:\n  - a\n - b\n", "tags:\n  - a\n    b\n", "title: a\n  b\n", "title:  a\n", "title:a\n",
		"title : a\n", "- a\n", "  - a\n", "tags:\n  -a\n", "tags:\n  - \n", "tags:\n  -\n", "title: \"a\" \n", "title: \"a\"b\n",
		"title: \"a\\\"b\"\n", "title: \"\"\n", "title: \" a \"\n", "title: \"a #b\"\n", "title: \"a: b\"\n", "title: a\r\n",
		"title: a # c\n", "# c\ntitle: a\n", "---\ntitle: a\n", "title: a\n...\n", "sidebar_position: 3\nnav_order: 2\n", "_a: 1\n", "a-b: 1\n",
		"true: 1\n", "1: a\n", "null: a\n", "<<: a\n", "search: false\ntoc: true\ndraft: yes\n", "weight: 2.5\n", "weight: \"3\"\n",
	} {
		count(sameAsYAML(t, src))
	}
	if accepted < 100 {
		t.Errorf("simpleDocument accepted only %d inputs: the test no longer exercises it", accepted)
	}
}

// FuzzSimpleDocument checks simpleDocument against yaml on any input.
func FuzzSimpleDocument(f *testing.F) {
	for _, s := range []string{
		"title: \"追跟处理情况(第1篇)\"\nweight: 1\ndate: 2023-01-01\ntags:\n  - 封禁\n  - 邮件\n",
		"title: a b\ndescription: \"x, y: z\"\ntags:\n- a\n- b\n", "a: 1\n\nb: 2.5e3\nc: true\n", "tags:\n  - x\n  - 第1篇\nweight: 007\n",
		"title: 账号被封禁\ndescription: WhatsApp 封号了、账号被封时怎么办：先分清临时封禁（有倒计时）还是永久封禁，在应用内点“申请审核”申诉。\nweight: 10\n",
		"title: a (b), c; d! e? f's \"g\" [h] {i} <j> k|l m>n o@p q`r` s\\t u^v w$ x+y z~ 1/2 10% a&b a*b a=b\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameAsYAML(t, s)
	})
}

// TestSimpleDocumentOnSites compares simpleDocument with yaml on the front
// matter of every page of the repository's site and examples.
func TestSimpleDocumentOnSites(t *testing.T) {
	accepted, total := 0, 0
	defer func() { t.Logf("%d of %d accepted", accepted, total) }()
	for _, dir := range []string{"../../content", "../../examples"} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if fm, format, _, _, err := splitFrontMatter(p, src); err == nil && format == formatYAML {
				if sameAsYAML(t, string(fm)) {
					accepted++
				}
				total++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
