package markdown

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// checklists turns GFM task-list items into real, labelled checkboxes with
// stable storage keys (checklist.js keeps a reader's ticks under them).
type checklists struct{}

// Extend implements goldmark.Extender.
func (*checklists) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(checklistTransformer{}, 120)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(checklistRenderer{}, 100)))
}

// Task is one checklist item of a page.
type Task struct {
	ID      string // stable storage key, see ItemID
	Text    string
	Checked bool // ticked by default ("- [x]")
}

// ItemID is the storage key of a checklist item: derived from the page key
// and the item's own normalised text only, so reordering items or editing
// another item keeps a reader's ticks, and editing this item's text resets it.
func ItemID(pageKey, itemText string) string {
	sum := sha256.Sum256([]byte(pageKey + "\x00" + normalizeItem(itemText)))
	return hex.EncodeToString(sum[:6])
}

// normalizeItem folds whitespace and Latin case so cosmetic edits keep the ID.
func normalizeItem(s string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " "))
}

// TaskLabel is a checklist item's checkbox and the text after it (its
// children), written as <label><input type="checkbox" data-check="ID">
// <span>text</span></label>: the label wraps the box, so it needs no id/for
// pair, and CSS styles a ticked item's text with input:checked + span.
type TaskLabel struct {
	ast.BaseInline
	ID      string // the item's storage key, see ItemID
	Checked bool   // ticked by default ("- [x]")
}

// KindTaskLabel is the node kind of TaskLabel.
var KindTaskLabel = ast.NewNodeKind("TaskLabel")

// Kind implements ast.Node.
func (*TaskLabel) Kind() ast.NodeKind { return KindTaskLabel }

// Dump implements ast.Node.
func (l *TaskLabel) Dump(src []byte, level int) {
	ast.DumpHelper(l, src, level, map[string]string{"ID": l.ID, "Checked": strconv.FormatBool(l.Checked)}, nil)
}

type checklistTransformer struct{}

// Transform gives every task item a stable ID, puts its checkbox and text
// into a TaskLabel and marks its list, so the renderer emits a real,
// labelled checkbox.
func (checklistTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	src := reader.Source()
	seen := map[string]int{}
	for _, cb := range st.nodes(doc).boxes {
		block := cb.Parent()
		label := &TaskLabel{}
		for c := cb.NextSibling(); c != nil; {
			next := c.NextSibling()
			label.AppendChild(label, c)
			c = next
		}
		itemText := strings.TrimSpace(plainText(label, src))
		id := ItemID(st.page.Key, itemText)
		if seen[id]++; seen[id] > 1 {
			id = id + "-" + strconv.Itoa(seen[id])
		}
		label.ID, label.Checked = id, cb.IsChecked
		block.ReplaceChild(block, cb, label)
		st.tasks = append(st.tasks, Task{ID: id, Text: itemText, Checked: cb.IsChecked})
		if item := block.Parent(); item != nil && item.Kind() == ast.KindListItem {
			item.SetAttributeString("class", []byte("task"))
			if list := item.Parent(); list != nil {
				list.SetAttributeString("class", []byte("checklist"))
			}
		}
	}
}

type checklistRenderer struct{}

func (checklistRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTaskLabel, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			_, _ = w.WriteString("</span></label>")
			return ast.WalkContinue, nil
		}
		l := n.(*TaskLabel)
		_, _ = w.WriteString(`<label><input type="checkbox" data-check="` + l.ID + `"`)
		if l.Checked {
			_, _ = w.WriteString(" checked")
		}
		_, _ = w.WriteString("><span>")
		return ast.WalkContinue, nil
	})
}
