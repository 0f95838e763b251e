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
	eachList(set, func(l *parse.ListNode) {
		for _, n := range l.Nodes {
			switch n := n.(type) {
			case *parse.ActionNode:
				inlinePipe(n.Pipe, strs)
			case *parse.TemplateNode:
				inlinePipe(n.Pipe, strs)
			default:
				if b := branch(n); b != nil {
					inlinePipe(b.Pipe, strs)
				}
			}
		}
	})
}

// eachList calls fn with every list of nodes in the templates of set:
// each template's body, then the lists inside it (the branches of its ifs,
// ranges and withs), an outer list before the lists it holds.
func eachList(set *template.Template, fn func(*parse.ListNode)) {
	var walk func(l *parse.ListNode)
	walk = func(l *parse.ListNode) {
		if l == nil {
			return
		}
		fn(l)
		for _, n := range l.Nodes {
			if b := branch(n); b != nil {
				walk(b.List)
				walk(b.ElseList)
			}
		}
	}
	for _, t := range set.Templates() {
		if t.Tree != nil {
			walk(t.Tree.Root)
		}
	}
}

// branch returns the branches of an if, range or with node, and nil for
// any other node.
func branch(n parse.Node) *parse.BranchNode {
	switch n := n.(type) {
	case *parse.IfNode:
		return &n.BranchNode
	case *parse.RangeNode:
		return &n.BranchNode
	case *parse.WithNode:
		return &n.BranchNode
	}
	return nil
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
