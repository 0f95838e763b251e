package markdown

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
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

// TaskLabel wraps the text of a checklist item so it becomes the checkbox's
// <label>.
type TaskLabel struct {
	ast.BaseInline
	For string
}

// KindTaskLabel is the node kind of TaskLabel.
var KindTaskLabel = ast.NewNodeKind("TaskLabel")

// Kind implements ast.Node.
func (*TaskLabel) Kind() ast.NodeKind { return KindTaskLabel }

// Dump implements ast.Node.
func (l *TaskLabel) Dump(src []byte, level int) {
	ast.DumpHelper(l, src, level, map[string]string{"For": l.For}, nil)
}

type checklistTransformer struct{}

// Transform gives every task item a stable ID, wraps its text in a label and
// marks its list, so the renderers emit a real, labelled checkbox.
func (checklistTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	src := reader.Source()
	seen := map[string]int{}
	var boxes []*east.TaskCheckBox
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if cb, ok := n.(*east.TaskCheckBox); ok && entering {
			boxes = append(boxes, cb)
		}
		return ast.WalkContinue, nil
	})
	for _, cb := range boxes {
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
		label.For = "ck-" + id
		block.AppendChild(block, label)
		cb.SetAttributeString("data-check", []byte(id))
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
	reg.Register(east.KindTaskCheckBox, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		cb := n.(*east.TaskCheckBox)
		id, _ := cb.AttributeString("data-check")
		_, _ = w.WriteString(`<input type="checkbox" id="ck-`)
		_, _ = w.Write(id.([]byte))
		_, _ = w.WriteString(`" data-check="`)
		_, _ = w.Write(id.([]byte))
		_ = w.WriteByte('"')
		if cb.IsChecked {
			_, _ = w.WriteString(" checked")
		}
		_, _ = w.WriteString(">")
		return ast.WalkContinue, nil
	})
	reg.Register(KindTaskLabel, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<label for="` + n.(*TaskLabel).For + `">`)
		} else {
			_, _ = w.WriteString("</label>")
		}
		return ast.WalkContinue, nil
	})
}
