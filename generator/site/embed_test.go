package site

import (
	"strings"
	"testing"

	"guidebook/generator/markdown"
)

func TestRewriteEmbedded(t *testing.T) {
	ids := map[string]bool{"准备": true, "raw": true}
	tests := []struct {
		name, in, want string
	}{
		{"page link rebased to the host", `<a href="../submit/index.html#%E5%87%86">x</a>`, `<a href="submit/index.html#%E5%87%86">x</a>`},
		{"asset rebased", `<img src="img/a.png" alt="a">`, `<img src="login/img/a.png" alt="a">`},
		{"heading id prefixed", `<h2 id="准备">准备<a class="anchor" href="#准备" aria-label="x">#</a></h2>`, `<h2 id="p-x-准备">准备</h2>`},
		{"same-page link prefixed", `<a href="#%E5%87%86%E5%A4%87">x</a>`, `<a href="#p-x-%E5%87%86%E5%A4%87">x</a>`},
		{"unknown fragment kept", `<a href="#fn:1">1</a>`, `<a href="#fn:1">1</a>`},
		{"raw anchor name prefixed", `<a name="raw"></a>`, `<a name="p-x-raw"></a>`},
		{"external kept", `<a href="https://example.org/a">x</a>`, `<a href="https://example.org/a">x</a>`},
		{"text and code untouched", `<pre><code>&lt;a href="x"&gt; &amp;</code></pre>`, `<pre><code>&lt;a href="x"&gt; &amp;</code></pre>`},
		{"other attributes kept", `<a href="x.pdf" title="&quot;t&quot;">x</a>`, `<a href="login/x.pdf" title="&#34;t&#34;">x</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rewriteEmbedded(tt.in, "steps/login/", "steps/", "p-x-", ids); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	res := embedded(&markdown.Result{HTML: `<h2 id="准备">准备</h2>`, Headings: []markdown.Heading{{Level: 2, ID: "准备"}}, IDs: ids}, "steps/login/", "steps/", "p-x-")
	if !res.HasID("p-x-准备") || res.HasID("准备") || res.Headings[0].ID != "p-x-准备" || !strings.Contains(string(res.HTML), `id="p-x-准备"`) {
		t.Errorf("embedded result = %+v", res)
	}
}
