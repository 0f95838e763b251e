package render

import (
	"strings"
	"testing"

	"guidebook/generator/content"
)

func TestLetterBody(t *testing.T) {
	fields := []content.Field{
		{Name: "phone", Label: "手机号", Kind: "tel"},
		{Name: "incident", Label: "经过", Kind: "textarea"},
		{Name: "items", Label: "证据", Kind: "list"},
		{Name: "log", Label: "记录 <&>", Kind: "table", Columns: []string{"日期", "经过 & 结果"}},
	}
	const blank = "＿＿"
	tests := []struct {
		name, in string
		want     []string
		not      []string
	}{
		{"inline field", "<p>号码 {{phone}}。</p>",
			[]string{`<p>号码 <span class="letter-field" data-field="phone" data-label="手机号">＿＿</span>。</p>`}, nil},
		{"spaces inside braces", "<p>{{ phone }}</p>",
			[]string{`data-field="phone"`}, []string{"{{"}},
		{"textarea alone is a block", "<p>{{incident}}</p>",
			[]string{`<p class="letter-block"><span class="letter-field" data-field="incident" data-label="经过">＿＿</span></p>`}, nil},
		{"list alone becomes a list", "<p>{{items}}</p>",
			[]string{`<ol class="letter-field letter-list" data-field="items" data-label="证据"><li>＿＿</li><li>＿＿</li><li>＿＿</li></ol>`},
			[]string{"<p>"}},
		{"table alone becomes a table, labels escaped", "<p>{{log}}</p>",
			[]string{`<table class="letter-field letter-table" data-field="log" data-label="记录 &lt;&amp;&gt;">`,
				`<th scope="col">经过 &amp; 结果</th>`, `<td>＿＿</td><td>＿＿</td></tr>`},
			[]string{"<p>"}},
		{"list inside a sentence stays inline", "<p>证据：{{items}}</p>",
			[]string{`<p>证据：<span class="letter-field" data-field="items"`}, nil},
		{"unknown name left alone", "<p>{{nobody}}</p>", []string{"<p>{{nobody}}</p>"}, nil},
		{"field in a table cell", "<td>{{phone}}</td>", []string{`<td><span class="letter-field" data-field="phone"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(LetterBody([]byte(tt.in), fields, blank))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %s\n%s", w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("output has %s\n%s", n, got)
				}
			}
		})
	}
}
