package site

import (
	"net/url"
	"strings"

	"guidebook/generator/markdown"
	"guidebook/generator/render"

	"golang.org/x/net/html"
)

// embedded derives, from a page's own converted body, the body as shown
// inside a host page (a procedure shows its steps, the FAQ list its
// answers, the print page everything): every body is converted from
// Markdown once, and its copies are made by rewriting the HTML with a real
// tokenizer, not by converting again.
//
// The rewrite, for a page at pageURL shown on a page at hostURL:
//   - relative href and src values are rebased: resolved against the page,
//     then made relative to the host (links elsewhere stay as written);
//   - the page's own IDs (headings and raw-HTML anchors, res.IDs) get prefix,
//     and so do same-page links to them ("#x" → "#<prefix>x"), so that two
//     embedded pages' "#准备材料" cannot clash;
//   - heading self-links (<a class="anchor">) are dropped: on the host they
//     would point at the host, not at the section.
func embedded(res *markdown.Result, pageURL, hostURL, prefix string) *markdown.Result {
	out := *res
	out.HTML = rewriteEmbedded(res.HTML, pageURL, hostURL, prefix, res.IDs)
	out.Headings = make([]markdown.Heading, len(res.Headings))
	for i, h := range res.Headings {
		h.ID = prefix + h.ID
		out.Headings[i] = h
	}
	ids := make(map[string]bool, len(res.IDs))
	for id := range res.IDs {
		ids[prefix+id] = true
	}
	out.IDs = ids
	return &out
}

func rewriteEmbedded(src, pageURL, hostURL, prefix string, ids map[string]bool) string {
	base, err := url.Parse("http://site.invalid/" + pageURL)
	if err != nil {
		return src
	}
	var b strings.Builder
	b.Grow(len(src))
	z := html.NewTokenizer(strings.NewReader(src))
	skip := 0 // depth inside a dropped <a class="anchor">
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return b.String()
		}
		raw := z.Raw()
		if skip > 0 {
			switch tt {
			case html.StartTagToken:
				if name, _ := z.TagName(); string(name) == "a" {
					skip++
				}
			case html.EndTagToken:
				if name, _ := z.TagName(); string(name) == "a" {
					skip--
				}
			}
			continue
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			b.Write(raw)
			continue
		}
		tok := z.Token()
		if tok.Data == "a" && hasClass(tok, "anchor") {
			if tt == html.StartTagToken {
				skip = 1
			}
			continue
		}
		changed := false
		for i, a := range tok.Attr {
			v := a.Val
			switch a.Key {
			case "id", "name":
				if ids[v] {
					v = prefix + v
				}
			case "href", "src":
				v = rebase(v, base, hostURL, prefix, ids)
			}
			if v != a.Val {
				tok.Attr[i].Val, changed = v, true
			}
		}
		if !changed {
			b.Write(raw)
			continue
		}
		writeTag(&b, tok, tt == html.SelfClosingTagToken)
	}
}

// rebase makes a link written for the page at base work on the host page.
func rebase(v string, base *url.URL, hostURL, prefix string, ids map[string]bool) string {
	if strings.HasPrefix(v, "#") {
		if frag, err := url.PathUnescape(v[1:]); err == nil && ids[frag] {
			return "#" + url.PathEscape(prefix+frag)
		}
		return v
	}
	if v == "" || external(v) || strings.HasPrefix(v, "/") {
		return v
	}
	ref, err := url.Parse(v)
	if err != nil {
		return v
	}
	abs := base.ResolveReference(ref)
	href := render.RelPath(hostURL, strings.TrimPrefix(abs.Path, "/"))
	if abs.RawQuery != "" {
		href += "?" + abs.RawQuery
	}
	if abs.Fragment != "" {
		href += "#" + url.PathEscape(abs.Fragment)
	}
	return href
}

func hasClass(t html.Token, class string) bool {
	for _, a := range t.Attr {
		if a.Key == "class" {
			for _, c := range strings.Fields(a.Val) {
				if c == class {
					return true
				}
			}
		}
	}
	return false
}

// writeTag writes a start tag with its attributes escaped.
func writeTag(b *strings.Builder, t html.Token, selfClosing bool) {
	b.WriteByte('<')
	b.WriteString(t.Data)
	for _, a := range t.Attr {
		b.WriteByte(' ')
		b.WriteString(a.Key)
		b.WriteString(`="`)
		b.WriteString(html.EscapeString(a.Val))
		b.WriteByte('"')
	}
	if selfClosing {
		b.WriteString(" /")
	}
	b.WriteByte('>')
}
