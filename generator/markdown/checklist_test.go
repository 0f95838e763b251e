package markdown

import (
	"strings"
	"testing"
)

// tasksOf converts src as page key and returns item text → ID.
func tasksOf(t *testing.T, key, src string) map[string]string {
	t.Helper()
	res, err := New().Convert([]byte(src), Page{File: "content/" + key + ".md", Line: 1, Key: key})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, task := range res.Tasks {
		out[task.Text] = task.ID
	}
	return out
}

func TestChecklistIDsAreStable(t *testing.T) {
	const key = "steps/log-in"
	base := tasksOf(t, key, "- [ ] 打开 WhatsApp\n- [ ] 截图保存\n- [x] 更新应用\n")
	tests := []struct {
		name string
		src  string
		same []string // items whose ID must not change
		new  []string // items whose ID must differ from every old one
	}{
		{"reordered", "- [x] 更新应用\n- [ ] 截图保存\n- [ ] 打开 WhatsApp\n",
			[]string{"打开 WhatsApp", "截图保存", "更新应用"}, nil},
		{"another item edited", "- [ ] 打开 WhatsApp\n- [ ] 截图并保存到相册\n- [x] 更新应用\n",
			[]string{"打开 WhatsApp", "更新应用"}, []string{"截图并保存到相册"}},
		{"item added before", "- [ ] 检查网络\n- [ ] 打开 WhatsApp\n- [ ] 截图保存\n- [x] 更新应用\n",
			[]string{"打开 WhatsApp", "截图保存", "更新应用"}, []string{"检查网络"}},
		{"ticked by default changed", "- [x] 打开 WhatsApp\n- [ ] 截图保存\n- [ ] 更新应用\n",
			[]string{"打开 WhatsApp", "截图保存", "更新应用"}, nil},
		{"moved into another list", "## 清单\n\n- [ ] 截图保存\n\n说明。\n\n1. [ ] 打开 WhatsApp\n2. [x] 更新应用\n",
			[]string{"打开 WhatsApp", "截图保存", "更新应用"}, nil},
		{"own text edited", "- [ ] 打开 WhatsApp 应用\n- [ ] 截图保存\n- [x] 更新应用\n",
			[]string{"截图保存", "更新应用"}, []string{"打开 WhatsApp 应用"}},
	}
	old := map[string]bool{}
	for _, id := range base {
		old[id] = true
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tasksOf(t, key, tt.src)
			for _, item := range tt.same {
				if got[item] == "" || got[item] != base[item] {
					t.Errorf("%q: ID %q, want %q", item, got[item], base[item])
				}
			}
			for _, item := range tt.new {
				if got[item] == "" || old[got[item]] {
					t.Errorf("%q: ID %q should be new", item, got[item])
				}
			}
		})
	}
}

func TestItemID(t *testing.T) {
	id := ItemID("steps/log-in", "打开 WhatsApp")
	tests := []struct {
		name, key, text string
		same            bool
	}{
		{"whitespace folded", "steps/log-in", "  打开   WhatsApp \n", true},
		{"Latin case folded", "steps/log-in", "打开 whatsapp", true},
		{"other page", "steps/submit", "打开 WhatsApp", false},
		{"other text", "steps/log-in", "打开 WhatsApp 应用", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ItemID(tt.key, tt.text); (got == id) != tt.same {
				t.Errorf("ItemID(%q, %q) = %q, base %q, same = %v", tt.key, tt.text, got, id, tt.same)
			}
		})
	}
	if len(id) != 12 || strings.Trim(id, "0123456789abcdef") != "" {
		t.Errorf("ID %q is not 12 hex digits", id)
	}
}

func TestChecklistMarkup(t *testing.T) {
	res, err := New().Convert([]byte("- [ ] 第一项\n- [x] 第 *二* 项\n- [ ] 第一项\n"), Page{File: "content/tips/a.md", Line: 1, Key: "tips/a"})
	if err != nil {
		t.Fatal(err)
	}
	html := string(res.HTML)
	id1, id2 := ItemID("tips/a", "第一项"), ItemID("tips/a", "第 二 项")
	for _, want := range []string{
		`<ul class="checklist">`,
		`<li class="task"><label><input type="checkbox" data-check="` + id1 + `"><span>第一项</span></label></li>`,
		`<label><input type="checkbox" data-check="` + id2 + `" checked><span>第 <em>二</em> 项</span></label>`,
		// A repeated item text gets a suffix so IDs stay unique on the page.
		`data-check="` + id1 + `-2"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s\n%s", want, html)
		}
	}
	if strings.Contains(html, "disabled") {
		t.Errorf("checkboxes must be enabled:\n%s", html)
	}
	if len(res.Tasks) != 3 || !res.Tasks[1].Checked || res.Tasks[0].Checked {
		t.Errorf("tasks = %+v", res.Tasks)
	}
}
