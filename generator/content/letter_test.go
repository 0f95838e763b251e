package content

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// letterFile is a letter with the given field lines and body; its front
// matter starts at line 1, so the first field is on line 5 and the body
// starts on line 6 + len(fields).
func letterFile(fields []string, body string) *fstest.MapFile {
	fm := "---\ntitle: 信\ndescription: d\nfields:\n"
	for _, f := range fields {
		fm += "  - " + f + "\n"
	}
	return &fstest.MapFile{Data: []byte(fm + "---\n" + body)}
}

func TestLetterValidation(t *testing.T) {
	const f = "content/letters/a.md"
	tests := []struct {
		name   string
		fields []string
		body   string
		want   []string // substrings of the error, each naming file:line
	}{
		{"unknown kind with hint",
			[]string{"{name: phone, label: 手机号, kind: txt}"}, "{{phone}}\n",
			[]string{f + `:5: field "phone": unknown kind "txt"`, `did you mean "text"`}},
		{"duplicate name",
			[]string{"{name: date, label: 日期, kind: date}", "{name: date, label: 日期2, kind: text}"}, "{{date}}\n",
			[]string{f + `:6: field "date" is declared twice`}},
		{"placeholder without field",
			[]string{"{name: phone, label: 手机号, kind: tel}"}, "我的号码 {{phone}}。\n\n日期：{{phnoe}}\n",
			[]string{f + `:9: placeholder {{phnoe}} has no field`, `did you mean "phone"`}},
		{"unused field",
			[]string{"{name: phone, label: 手机号, kind: tel}", "{name: email, label: 邮箱, kind: email}"}, "{{phone}}\n",
			[]string{f + `:6: field "email" is never used`}},
		{"select without options",
			[]string{"{name: reason, label: 理由, kind: select}"}, "{{reason}}\n",
			[]string{f + `:5: field "reason": kind select needs options`}},
		{"table without columns",
			[]string{"{name: log, label: 记录, kind: table}"}, "{{log}}\n",
			[]string{f + `:5: field "log": kind table needs columns`}},
		{"bad name",
			[]string{"{name: 1st, label: 第一, kind: text}"}, "{{1st}}\n",
			[]string{f + `:5: field "1st": name must start with a letter`}},
		{"missing label",
			[]string{"{name: phone, kind: tel}"}, "{{phone}}\n",
			[]string{f + `:5: field "phone": needs a label`}},
		{"no fields",
			nil, "text\n",
			[]string{f + `:1: letter declares no fields`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"letters/a.md": letterFile(tt.fields, tt.body)}
			_, err := Load(context.Background(), fsys, Options{})
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\nlacks %q", err, w)
				}
			}
		})
	}
}

func TestLetterValid(t *testing.T) {
	fsys := fstest.MapFS{"letters/a.md": letterFile([]string{
		"{name: phone, label: 手机号, kind: tel, required: true, hint: 含区号}",
		"{name: reason, label: 理由, kind: select, options: [误封, 其他]}",
		"{name: log, label: 记录, kind: table, columns: [日期, 经过]}",
		"{name: items, label: 证据, kind: list}",
	}, "号码 {{ phone }}，理由 {{reason}}。\n\n{{log}}\n\n- {{items}}\n")}
	site, err := Load(context.Background(), fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := site.Page("letters/a.md")
	if p == nil || len(p.Fields) != 4 {
		t.Fatalf("letter fields = %+v", p)
	}
	if f := p.Fields[0]; f.Name != "phone" || f.Kind != "tel" || !f.Required || f.Hint != "含区号" || f.Line != 5 {
		t.Errorf("first field = %+v", f)
	}
	if got := p.Fields[2].Columns; len(got) != 2 || got[1] != "经过" {
		t.Errorf("table columns = %q", got)
	}
}

func TestPlaceholders(t *testing.T) {
	got := Placeholders([]byte("a {{x}}\n\nb {{ y }} {{x}}\n"), 10)
	want := []Placeholder{{"x", 10}, {"y", 12}, {"x", 12}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("placeholder %d = %v, want %v", i, got[i], want[i])
		}
	}
}
