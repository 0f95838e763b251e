package corpus

import (
	"fmt"
	"slices"
	"strings"
)

// vocab holds pieces cut out of the seed text: its short heading lines, list
// items and comma-separated clauses, de-duplicated in the seed's order.
type vocab struct {
	headings, items, clauses []string
}

func newVocab(seed string) *vocab {
	v := &vocab{}
	seen := map[*[]string]map[string]bool{}
	add := func(list *[]string, s string) {
		if seen[list] == nil {
			seen[list] = map[string]bool{}
		}
		if !seen[list][s] {
			seen[list][s] = true
			*list = append(*list, s)
		}
	}
	for _, raw := range strings.Split(seed, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		item := strings.HasPrefix(line, "- ")
		if item {
			line = strings.TrimSpace(line[2:])
		}
		runes := []rune(line)
		switch {
		case !strings.ContainsAny(line, ",,。:;;!!??、“”") && len(runes) <= 16:
			add(&v.headings, line)
			continue
		case (strings.HasSuffix(line, "?") || strings.HasSuffix(line, "?")) && len(runes) <= 24:
			add(&v.headings, strings.TrimRight(line, "??"))
			continue
		}
		if item && len(runes) <= 40 {
			add(&v.items, strings.TrimRight(line, "。"))
		}
		for _, c := range strings.FieldsFunc(line, func(r rune) bool { return strings.ContainsRune(",,。:;;!!??", r) }) {
			c = strings.Trim(c, " -“”")
			if cjkCount(c) >= 4 {
				add(&v.clauses, c)
			}
		}
	}
	if len(v.headings) < 4 || len(v.items) < 5 || len(v.clauses) < 4 {
		panic("corpus: seed text too small: need headings, list items and clauses")
	}
	return v
}

func (v *vocab) clause(r *rng) string { return r.pick(v.clauses) }

func (v *vocab) sentence(r *rng) string {
	n := r.between(2, 4)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = r.pick(v.clauses)
	}
	return strings.Join(parts, ",") + "。"
}

func (v *vocab) paragraph(r *rng, lo, hi int) string {
	var b strings.Builder
	for range r.between(lo, hi) {
		b.WriteString(v.sentence(r))
	}
	return b.String()
}

// relLink returns the link from page i's file to page j's.
func relLink(i, j int) string {
	from, to := Sections()[i%10].Dir, Sections()[j%10].Dir
	name := fmt.Sprintf("p-%05d.md", j+1)
	if from == to {
		return name
	}
	return "../" + to + "/" + name
}

func (v *vocab) codeBlock(r *rng, i int) string {
	kind, s1, s2 := r.pick(v.headings), r.pick(v.headings), r.pick(v.headings)
	var body string
	lang := []string{"yaml", "json", "bash", "go"}[i%4]
	switch lang {
	case "yaml":
		body = fmt.Sprintf("appeal:\n  id: %d\n  type: %s\n  steps:\n    - %s\n    - %s\n  evidence: true\n  retries: %d\n",
			i+1, kind, s1, s2, r.between(1, 5))
	case "json":
		body = fmt.Sprintf("{\n  \"appeal\": {\n    \"id\": %d,\n    \"type\": %q,\n    \"status\": \"已提交\",\n    \"steps\": [%q, %q]\n  }\n}\n",
			i+1, kind, s1, s2)
	case "bash":
		body = fmt.Sprintf("# 导出聊天记录作为证据\nmkdir -p evidence-%05d\ntar czf evidence-%05d.tar.gz chats/ screenshots/\necho \"申诉编号 %05d 已提交: %s\"\n",
			i+1, i+1, i+1, kind)
	default:
		body = fmt.Sprintf("type Appeal struct {\n\tID    int    // 申诉编号\n\tKind  string // %s\n\tSteps []string\n}\n\nfunc newAppeal() Appeal {\n\treturn Appeal{ID: %d, Kind: %q}\n}\n",
			kind, i+1, s1)
	}
	return "```" + lang + "\n" + body + "```"
}

func (v *vocab) table(r *rng) string {
	rows := []string{"| 步骤 | 说明 | 预计时间 |", "| --- | --- | --- |"}
	for range r.between(3, 4) {
		rows = append(rows, fmt.Sprintf("| %s | %s | %d 天 |", r.pick(v.headings), r.pick(v.clauses), r.between(1, 7)))
	}
	return strings.Join(rows, "\n")
}

// page renders page i of n.
func (v *vocab) page(i, n int, titles []string) string {
	r := newRand(fmt.Sprintf("page-%d", i))
	target := r.between(600, 1200)
	heads := r.sample(v.headings, 4)
	var links []int
	lr := newRand(fmt.Sprintf("links-%d-%d", i, n))
	for len(links) < min(2, n-1) {
		if j := lr.intn(n); j != i && !slices.Contains(links, j) {
			links = append(links, j)
		}
	}
	items := r.sample(v.items, r.between(3, 5))
	for k := range items {
		items[k] = "- " + items[k]
	}
	tasks := make([]string, 3)
	for k := range tasks {
		mark := " "
		if r.intn(10) < 4 {
			mark = "x"
		}
		tasks[k] = fmt.Sprintf("- [%s] %s", mark, r.pick(v.headings))
	}
	linkPar := v.paragraph(r, 1, 1)
	if len(links) > 0 {
		refs := make([]string, len(links))
		for k, j := range links {
			refs[k] = fmt.Sprintf("[%s](%s)", titles[j], relLink(i, j))
		}
		linkPar = "相关阅读:" + strings.Join(refs, "、") + "。" + v.sentence(r)
	}
	intro := []string{v.paragraph(r, 1, 2)}
	secs := [][]string{
		{"## " + heads[0], v.paragraph(r, 1, 2), strings.Join(items, "\n")},
		{"## " + heads[1], v.paragraph(r, 1, 2), strings.Join(tasks, "\n"), v.codeBlock(r, i)},
		{"## " + heads[2], v.table(r), v.paragraph(r, 1, 2)},
		{"## " + heads[3], linkPar},
	}
	blocks := func() []string {
		out := slices.Clone(intro)
		for _, s := range secs {
			out = append(out, s...)
		}
		return out
	}
	isParagraph := func(b string) bool { return !strings.ContainsRune("#-|`", rune(b[0])) }
	// Grow sentence by sentence to the target, never over 1200 characters.
	for count := cjkCount(strings.Join(blocks(), "\n")); count < target; {
		sent := v.sentence(r)
		if count+cjkCount(sent) > 1200 {
			break
		}
		k := r.intn(len(secs) + 1)
		s := &intro
		if k > 0 {
			s = &secs[k-1]
		}
		if last := len(*s) - 1; r.intn(4) == 0 || !isParagraph((*s)[last]) {
			*s = append(*s, sent)
		} else {
			(*s)[last] += sent
		}
		count += cjkCount(sent)
	}
	desc := v.clause(r) + "。"
	return fmt.Sprintf("---\ntitle: %q\ndescription: %q\nweight: %d\n---\n\n%s\n",
		titles[i], desc, i/10+1, strings.Join(blocks(), "\n\n"))
}
