package render

import (
	"html/template"
	"io"
	"strings"
	"text/template/parse"
)

// constants turns what html/template made of each inlined UI string,
// an action such as {{"目录" | _html_template_htmlescaper}}, into the text it
// prints: an action costs text/template a reflected call (half a dozen
// allocations) on every page, a text node nothing. Only a string constant
// followed by one of the escapers of HTML text, quoted attribute values and
// RCDATA is folded; a constant in any other context (a URL, a script) stays
// an action. The constant is escaped by executing the same escaper through a
// probe template, so the text is what the action would have printed.
//
// html/template escapes a set when it first executes it, so constants
// executes entry (with no data: only the escaping is wanted, the execution
// stops at the first field) and must run before the set is used by more
// than one goroutine. An escaping error is left for the real execution to
// report.
func (f folder) constants(set *template.Template, entry string) {
	_ = set.ExecuteTemplate(io.Discard, entry, (*PageData)(nil))
	eachList(set, func(l *parse.ListNode) {
		for i, n := range l.Nodes {
			if a, ok := n.(*parse.ActionNode); ok {
				if text, ok := f.fold(a.Pipe); ok {
					l.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: a.Pos, Text: []byte(text)}
				}
			}
		}
	})
}

// probe is a template that prints its data between before and after, in
// the context they make, with the escaper html/template chooses for it.
type probe struct {
	t             *template.Template
	before, after string
}

func newProbe(before, after string) probe {
	return probe{template.Must(template.New("probe").Parse(before + "{{.}}" + after)), before, after}
}

// escape returns s as the probe's escaper prints it.
func (p probe) escape(s string) (string, bool) {
	var b strings.Builder
	if err := p.t.Execute(&b, s); err != nil {
		return "", false
	}
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), p.before), p.after), true
}

// folder folds the constants of template sets. It is safe for concurrent
// use on different sets.
type folder struct {
	probes map[string]probe // escaper name → its probe
}

func newFolder() folder {
	return folder{probes: map[string]probe{
		"_html_template_htmlescaper":   newProbe("", ""),
		"_html_template_attrescaper":   newProbe(`<p title="`, `">`),
		"_html_template_rcdataescaper": newProbe("<title>", "</title>"),
	}}
}

// fold returns what pipe prints when it is a string constant and one known
// escaper.
func (f folder) fold(pipe *parse.PipeNode) (string, bool) {
	if len(pipe.Decl) != 0 || len(pipe.Cmds) != 2 || len(pipe.Cmds[0].Args) != 1 || len(pipe.Cmds[1].Args) != 1 {
		return "", false
	}
	s, ok := pipe.Cmds[0].Args[0].(*parse.StringNode)
	esc, isIdent := pipe.Cmds[1].Args[0].(*parse.IdentifierNode)
	if !ok || !isIdent {
		return "", false
	}
	p, known := f.probes[esc.Ident]
	if !known {
		return "", false
	}
	return p.escape(s.Text)
}
