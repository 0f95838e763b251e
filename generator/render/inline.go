package render

import (
	"html/template"
	"strconv"
	"text/template/parse"
)

// inlineStrings replaces every {{t "key"}} of the parsed templates by the
// string it returns: the UI strings are fixed for the renderer's life, and
// text/template calls a function through reflect (a dozen allocations for a
// variadic one like t), while a constant costs nothing. Only a call with
// one literal key at the start of a pipeline is replaced; html/template
// still escapes the constant for its context, as it escaped t's result. It
// must run before the first execution, when html/template escapes the
// trees.
func inlineStrings(set *template.Template, strs Strings) {
	for _, t := range set.Templates() {
		if t.Tree != nil && t.Tree.Root != nil {
			inlineNode(t.Tree.Root, strs)
		}
	}
}

func inlineNode(n parse.Node, strs Strings) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			inlineNode(c, strs)
		}
	case *parse.ActionNode:
		inlinePipe(n.Pipe, strs)
	case *parse.TemplateNode:
		inlinePipe(n.Pipe, strs)
	case *parse.IfNode:
		inlineBranch(&n.BranchNode, strs)
	case *parse.RangeNode:
		inlineBranch(&n.BranchNode, strs)
	case *parse.WithNode:
		inlineBranch(&n.BranchNode, strs)
	}
}

func inlineBranch(b *parse.BranchNode, strs Strings) {
	inlinePipe(b.Pipe, strs)
	inlineNode(b.List, strs)
	inlineNode(b.ElseList, strs)
}

func inlinePipe(p *parse.PipeNode, strs Strings) {
	if p == nil {
		return
	}
	for i, c := range p.Cmds {
		for _, a := range c.Args {
			if sub, ok := a.(*parse.PipeNode); ok { // a parenthesised pipeline: (t "key")
				inlinePipe(sub, strs)
			}
		}
		// A later command receives the previous one's result as its last
		// argument, which a constant cannot take.
		if i > 0 || len(c.Args) != 2 {
			continue
		}
		fn, ok := c.Args[0].(*parse.IdentifierNode)
		key, lit := c.Args[1].(*parse.StringNode)
		if !ok || !lit || fn.Ident != "t" {
			continue
		}
		s := key.Copy().(*parse.StringNode) // Copy keeps the node's tree, for error messages
		s.Text = strs.T(key.Text)
		s.Quoted = strconv.Quote(s.Text)
		c.Args = []parse.Node{s}
	}
}
