package importer

import (
	"gopkg.in/yaml.v3"
)

// quoteAsPeople gives each text of a new node that must be quoted double
// quotes, as hand-written files quote ("CET Level 1, Course 1 completed"
// in a flow mapping), where yaml.v3 would write single ones.
func quoteAsPeople(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && n.Style == 0 {
		flow := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: n.Value}}}
		if out, err := yaml.Marshal(flow); err == nil && string(out) != "["+n.Value+"]\n" {
			n.Style = yaml.DoubleQuotedStyle
		}
	}
	for _, c := range n.Content {
		quoteAsPeople(c)
	}
	return n
}

// ItemEdit is a sub-item as a workbook shows it: its text and the texts
// of the sub-items under it.
type ItemEdit struct {
	Text  string
	Items []string
}

// SetItems makes a competency's items the ones given (none: the key is
// removed). A sub-item whose text is unchanged keeps its node as written
// (its style and comments); a new one is written as people write them: a
// text, or {text: ..., items: [...]}.
func (p *ProgramPatch) SetItems(jfID, compID string, items []ItemEdit) error {
	c, err := p.competency(jfID, compID)
	if err != nil {
		return err
	}
	old := value(c, "items")
	if len(items) == 0 {
		if old != nil {
			p.remove(c, "items")
		}
		return nil
	}
	seq := itemsNode(items, seqItems(old))
	if old != nil && old.Kind == yaml.SequenceNode {
		seq.Style = old.Style
	}
	if old != nil && same(old, seq) {
		return nil
	}
	// A competency written on one line takes a block of its own once it
	// has sub-items, as people write them.
	c.Style = 0
	p.set(c, "items", seq)
	return nil
}

// itemsNode is the list of items, reusing the old list's nodes whose text
// is unchanged.
func itemsNode(items []ItemEdit, old []*yaml.Node) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	used := make([]bool, len(old))
	for _, it := range items {
		var prev *yaml.Node
		for i, o := range old {
			if !used[i] && itemText(o) == it.Text {
				used[i], prev = true, o
				break
			}
		}
		seq.Content = append(seq.Content, itemNode(it, prev))
	}
	return seq
}

// itemText is the text of an item node: the scalar, or its text key.
func itemText(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return n.Value
	}
	if t := value(n, "text"); t != nil {
		return t.Value
	}
	return ""
}

// itemNode is the node of one item; prev, when not nil, is the node it
// had, kept as far as it still holds.
func itemNode(it ItemEdit, prev *yaml.Node) *yaml.Node {
	var subs []*yaml.Node
	if prev != nil {
		subs = seqItems(value(prev, "items"))
	}
	if len(it.Items) == 0 {
		if prev != nil && prev.Kind == yaml.ScalarNode {
			return prev
		}
		n := quoteAsPeople(text(it.Text))
		if prev != nil {
			n.HeadComment, n.LineComment, n.FootComment = prev.HeadComment, prev.LineComment, prev.FootComment
		}
		return n
	}
	children := make([]ItemEdit, len(it.Items))
	for i, t := range it.Items {
		children[i] = ItemEdit{Text: t}
	}
	list := itemsNode(children, subs)
	list.Style = yaml.FlowStyle
	if prev != nil && prev.Kind == yaml.MappingNode {
		if o := value(prev, "items"); o != nil && o.Kind == yaml.SequenceNode {
			list.Style = o.Style
		}
		if o := value(prev, "items"); o == nil || !same(o, list) {
			m := *prev
			m.Content = append([]*yaml.Node(nil), prev.Content...)
			setIn(&m, "items", list)
			return &m
		}
		return prev
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
	m.Content = append(m.Content, text("text"), quoteAsPeople(text(it.Text)), text("items"), list)
	if prev != nil {
		m.HeadComment, m.LineComment, m.FootComment = prev.HeadComment, prev.LineComment, prev.FootComment
	}
	return m
}

// setIn sets key in mapping m (a copy being built, so no change is
// recorded: the caller compares the whole list).
func setIn(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, text(key), v)
}
