package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMigrate(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"tips/a.md": "---\ntitle: A\n---\n## 事实在前，感受在后\n\n## same\n\n## same\n\n## Keep\n\n" +
			"见[上文](#事实在前-感受在后)、[第二个](#same-2)、[不变](#keep)、[转义](#%E4%BA%8B%E5%AE%9E%E5%9C%A8%E5%89%8D-%E6%84%9F%E5%8F%97%E5%9C%A8%E5%90%8E)\n\n" +
			"```\n[code](#same-2)\n```\n",
		"steps/b.md": "---\ntitle: B\n---\n[a](../tips/a.md#same-2) [root](/tips/a.md#事实在前-感受在后) <a href=\"../tips/a.md#same-2\">x</a>\n\n[ref]: ../tips/a.md#same-2\n",
	}
	want := map[string]string{
		"tips/a.md": "---\ntitle: A\n---\n## 事实在前，感受在后\n\n## same\n\n## same\n\n## Keep\n\n" +
			"见[上文](#事实在前感受在后)、[第二个](#same-1)、[不变](#keep)、[转义](#%E4%BA%8B%E5%AE%9E%E5%9C%A8%E5%89%8D%E6%84%9F%E5%8F%97%E5%9C%A8%E5%90%8E)\n\n" +
			"```\n[code](#same-2)\n```\n",
		"steps/b.md": "---\ntitle: B\n---\n[a](../tips/a.md#same-1) [root](/tips/a.md#事实在前感受在后) <a href=\"../tips/a.md#same-1\">x</a>\n\n[ref]: ../tips/a.md#same-1\n",
	}
	for name, s := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n, err := migrate(dir, func(msg string) { t.Log(msg) })
	if err != nil {
		t.Fatal(err)
	}
	if n != 7 {
		t.Errorf("%d links rewritten, want 7", n)
	}
	for name, w := range want {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != w {
			t.Errorf("%s:\n%s\nwant:\n%s", name, b, w)
		}
	}
}
