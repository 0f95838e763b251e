package diff

import (
	"reflect"
	"testing"
)

func TestLines(t *testing.T) {
	tests := []struct {
		name string
		a, b []string
		want []Op
	}{
		{"same", []string{"登录账号", "提交申诉"}, []string{"登录账号", "提交申诉"}, []Op{Equal, Equal}},
		{"insert", []string{"登录账号"}, []string{"登录账号", "跟踪进度"}, []Op{Equal, Insert}},
		{"delete", []string{"登录账号", "跟踪进度"}, []string{"跟踪进度"}, []Op{Delete, Equal}},
		{"replace", []string{"追跟处理情况"}, []string{"跟进处理情况"}, []Op{Delete, Insert}},
		{"empty old", nil, []string{"新"}, []Op{Insert}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Op
			for _, l := range Lines(tt.a, tt.b) {
				got = append(got, l.Op)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ops = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCharsMarksChineseCharacters(t *testing.T) {
	old, new := Chars("用户需登录他们的WhatsApp帐户。", "您需要登录到您的WhatsApp账户。")
	var del, ins string
	for _, s := range old {
		if s.Op == Delete {
			del += s.Text
		}
	}
	for _, s := range new {
		if s.Op == Insert {
			ins += s.Text
		}
	}
	if del != "用户他们帐" || ins != "您要到您账" {
		t.Errorf("deleted %q inserted %q", del, ins)
	}
}

func TestReplacedLinesGetSpans(t *testing.T) {
	lines := Lines([]string{"追跟处理情况"}, []string{"跟进处理情况"})
	if len(lines[0].Spans) == 0 || len(lines[1].Spans) == 0 {
		t.Fatalf("replaced lines carry no character spans: %+v", lines)
	}
}
