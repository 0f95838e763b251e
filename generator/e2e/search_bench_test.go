package e2e

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"guidebook/generator/internal/browsertest"
	"guidebook/generator/internal/corpus"
	"guidebook/generator/site"
)

// benchQueries are 50 Chinese queries a reader of the synthetic corpus
// (recombined from the seed text) might type.
var benchQueries = strings.Fields(`账号被封 申诉流程 隐私泄露 客服响应慢 提交申诉 邮件通知 证据文件 申诉类型 服务条款 隐私政策
	联系客服 第三方机构 消费者协会 保存聊天记录 处理结果不满意 如何有效投诉 消息延迟 无法发送信息 帮助与反馈 官方网站
	设置菜单 登录账号 查看通知 填写申诉信息 跟踪进度 追随反馈 遵守政策 监管机构 合法权益 沟通礼仪
	情绪化的言辞 详细记录 日期和时间 回复结果 附件 申诉的成功率 专业人士 法律援助 欺诈 错误处理请求
	个人信息 注册步骤 申诉选项 官方申诉页面 解决方案 技术手段 正规渠道 申诉表单 举报 提升至更高一级`)

// buildCorpusSite builds the synthetic corpus of n pages with the real
// pipeline and theme, and returns the output folder.
func buildCorpusSite(b *testing.B, n int) string {
	b.Helper()
	seed, err := os.ReadFile(filepath.Join(repoRoot, "generator/content/testdata/source.zh.txt"))
	if err != nil {
		b.Fatal(err)
	}
	siteFS := fstest.MapFS{"site.yaml": {Data: []byte("title: 基准\nlanguage: zh-CN\n")}}
	for name, f := range corpus.Generate(string(seed), n) {
		siteFS[name] = f
	}
	out, err := site.Build(context.Background(), site.Options{Site: siteFS, Theme: os.DirFS(repoRoot)})
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "public")
	if err := out.Write(dir); err != nil {
		b.Fatal(err)
	}
	return dir
}

func gzipBytes(b []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// percentile returns the p-th percentile (0–100) of sorted values.
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p / 100 * float64(len(sorted)-1))
	return sorted[i]
}

// BenchmarkSearchBrowser builds the synthetic corpus of 1,000 and 10,000
// pages with the real pipeline, serves it, and runs 50 Chinese queries in
// Chromium, each as the first query of a freshly loaded page. It reports:
//
//   - index-KB, index-gzip-KB: all files under search/;
//   - first-query-gzip-KB (median, p95, max): the search/ files a first
//     query loads (manifest, fold chunks, token and tail shards, document
//     shards of the results shown), gzip-compressed one by one, and the
//     mean per kind of file (-m manifest, -f fold, -h token, -t tail, -d
//     document shards);
//   - query-ms (median, p95): the same query again once its files are
//     loaded; query-fresh-ms: the same, decoding postings again.
//
// Run it with:
//
//	go test ./generator/e2e -run '^$' -bench SearchBrowser -benchtime 1x
func BenchmarkSearchBrowser(b *testing.B) {
	br := browsertest.New(b)
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			dir := buildCorpusSite(b, n)
			base := serveDir(b, dir, "/")
			sizes := map[string][2]int{} // file → raw, gzip
			entries, err := os.ReadDir(filepath.Join(dir, "search"))
			if err != nil {
				b.Fatal(err)
			}
			var raw, gz int
			for _, e := range entries {
				data, err := os.ReadFile(filepath.Join(dir, "search", e.Name()))
				if err != nil {
					b.Fatal(err)
				}
				s := [2]int{len(data), gzipBytes(data)}
				sizes[e.Name()] = s
				raw += s[0]
				gz += s[1]
			}
			var firstKB, warm, fresh []float64
			kinds := map[string]float64{} // file kind → total gzip KB over all queries
			var tails int
			for b.Loop() {
				firstKB, warm, fresh, tails = nil, nil, nil, 0
				clear(kinds)
				ctx, rec := br.Tab(b)
				for _, q := range benchQueries {
					if err := chromedp.Do(ctx, chromedp.Navigate(base+"index.html")); err != nil {
						b.Fatal(err)
					}
					rec.Requests()
					var m struct {
						N     int     `json:"n"`
						Warm  float64 `json:"warm"`
						Fresh float64 `json:"fresh"`
					}
					browsertest.EvalJSON(b, ctx, `(async () => {
						const q = `+jsQuote(q)+`;
						const r = await Guidebook.search.query(q, 8);
						let t0 = performance.now();
						await Guidebook.search.query(q, 8);
						const warm = performance.now() - t0;
						t0 = performance.now();
						await Guidebook.search.query(q, 8, {fresh: true});
						return {n: r.results.length, warm, fresh: performance.now() - t0};
					})()`, &m)
					if m.N == 0 {
						b.Errorf("%q found nothing", q)
					}
					bytes := 0
					for _, u := range rec.Requests() {
						p, err := url.Parse(u)
						if err != nil || !strings.HasPrefix(p.Path, "/search/") {
							continue
						}
						name := strings.TrimPrefix(p.Path, "/search/")
						bytes += sizes[name][1]
						kinds[name[:1]] += float64(sizes[name][1]) / 1024
						if strings.HasPrefix(name, "t") {
							tails++
						}
					}
					firstKB = append(firstKB, float64(bytes)/1024)
					warm = append(warm, m.Warm)
					fresh = append(fresh, m.Fresh)
				}
				if p := rec.Problems(); len(p) > 0 {
					b.Errorf("browser problems: %v", p)
				}
			}
			slices.Sort(firstKB)
			slices.Sort(warm)
			slices.Sort(fresh)
			b.ReportMetric(float64(raw)/1024, "index-KB")
			b.ReportMetric(float64(gz)/1024, "index-gzip-KB")
			b.ReportMetric(percentile(firstKB, 50), "first-query-gzip-KB-median")
			b.ReportMetric(percentile(firstKB, 95), "first-query-gzip-KB-p95")
			b.ReportMetric(firstKB[len(firstKB)-1], "first-query-gzip-KB-max")
			b.ReportMetric(percentile(warm, 50), "query-ms-median")
			b.ReportMetric(percentile(warm, 95), "query-ms-p95")
			b.ReportMetric(percentile(fresh, 50), "query-fresh-ms-median")
			b.ReportMetric(percentile(fresh, 95), "query-fresh-ms-p95")
			b.ReportMetric(float64(tails), "tail-files")
			for k, v := range kinds {
				b.ReportMetric(v/float64(len(benchQueries)), "first-query-gzip-KB-mean-"+k)
			}
		})
	}
}
