package render

import "testing"

func TestHeadingAnchors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"h2", `<h2 id="保存哪些证据">保存哪些证据？</h2>`, `<h2 id="保存哪些证据">保存哪些证据？<a class="anchor" href="#保存哪些证据" aria-label="L">#</a></h2>`},
		{"no id", `<h2>标题</h2>`, `<h2>标题</h2>`},
		{"h1 untouched", `<h1 id="t">T</h1>`, `<h1 id="t">T</h1>`},
		{"inline markup kept", `<h3 id="a-b">A <code>b</code></h3>`, `<h3 id="a-b">A <code>b</code><a class="anchor" href="#a-b" aria-label="L">#</a></h3>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(headingAnchors([]byte(tt.in), "L")); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
