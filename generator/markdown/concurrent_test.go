package markdown

import (
	"sync"
	"testing"
)

// TestConcurrentConvert shares one converter between goroutines, as the
// site does; run it with -race.
func TestConcurrentConvert(t *testing.T) {
	c := fixtureConverter()
	src := []byte("## 标题\n\n<details><summary>s</summary><a href=\"a.md\" onclick=\"x\">a</a></details>\n\n```mjs\nlet a\n```\n\n{{phone}} - [ ] 任务\n")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if _, err := c.Convert(src, fixturePage()); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
}
