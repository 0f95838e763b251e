package content

import (
	"context"
	"os"
	"testing"
)

// TestGuideLoads loads the guide shipped in the repository: it must load
// without errors or notices, unchanged by the front-matter rules.
func TestGuideLoads(t *testing.T) {
	site, err := Load(context.Background(), os.DirFS(seedContentDir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range site.Notices {
		t.Errorf("notice: %v", n)
	}
	for _, p := range site.All() {
		if p.Params != nil {
			t.Errorf("%s: Params = %v, want none", p.File, p.Params)
		}
	}
}
