package importer

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
)

// The edits of the program's texts, header fields and Appendix A values.

// competency returns competency compID of job function jfID.
func (p *ProgramPatch) competency(jfID, compID string) (*yaml.Node, error) {
	jf, err := p.jobFunction(jfID)
	if err != nil {
		return nil, err
	}
	if c := item(value(jf, "competencies"), compID); c != nil {
		return c, nil
	}
	return nil, fmt.Errorf("job function %s of the program has no competency %s", jfID, compID)
}

func isTrue(n *yaml.Node) bool { return n != nil && n.Kind == yaml.ScalarNode && n.Value == "true" }

// CustomJobFunction reports whether job function jfID is the sponsor's
// own (custom: true): its title, type and level are the program's.
func (p *ProgramPatch) CustomJobFunction(jfID string) bool {
	jf, err := p.jobFunction(jfID)
	return err == nil && isTrue(value(jf, "custom"))
}

// CustomCompetency reports whether a competency is the sponsor's own (in a
// custom job function, or custom: true): its text and type are the
// program's.
func (p *ProgramPatch) CustomCompetency(jfID, compID string) bool {
	if p.CustomJobFunction(jfID) {
		return true
	}
	c, err := p.competency(jfID, compID)
	return err == nil && isTrue(value(c, "custom"))
}

// SetJobFunctionText sets a text value (title, type) of a job function.
func (p *ProgramPatch) SetJobFunctionText(jfID, key, v string) error {
	jf, err := p.jobFunction(jfID)
	if err != nil {
		return err
	}
	p.setText(jf, key, v)
	return nil
}

// SetCompetencyText sets a text value (text, type) of a competency.
func (p *ProgramPatch) SetCompetencyText(jfID, compID, key, v string) error {
	c, err := p.competency(jfID, compID)
	if err != nil {
		return err
	}
	p.setText(c, key, v)
	return nil
}

// setText sets key to v; a type of "core", the default, is written only
// where the program already states a type.
func (p *ProgramPatch) setText(m *yaml.Node, key, v string) {
	if key == "type" && v == framework.Core && value(m, key) == nil {
		return
	}
	if old := value(m, key); old != nil && old.Kind == yaml.ScalarNode && old.Value == v {
		return
	} else if old != nil {
		p.set(m, key, text(v))
		return
	}
	// A new key goes where a person writes it, after the keys that come
	// before it in this order (the id, custom, the title or text, ...).
	order := []string{"id", "custom", "title", "text", "type", "level"}
	rank := slices.Index(order, key)
	at := len(m.Content)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if r := slices.Index(order, m.Content[i].Value); r >= 0 && r < rank {
			at = i + 2
		}
	}
	m.Content = slices.Insert(m.Content, at, text(key), text(v))
	p.changed = true
}

// Approach is the program's approach as the file states it.
func (p *ProgramPatch) Approach() string {
	if v := value(p.root, "approach"); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// mapping returns the mapping at a dotted path, made when missing.
func (p *ProgramPatch) mapping(keys []string) *yaml.Node {
	m := p.root
	for _, k := range keys {
		next := value(m, k)
		if next == nil || next.Kind != yaml.MappingNode {
			next = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			p.set(m, k, next)
		}
		m = next
	}
	return m
}

// SetBool sets a yes/no value by its dotted path.
func (p *ProgramPatch) SetBool(path string, b bool) {
	keys := strings.Split(path, ".")
	m := p.mapping(keys[:len(keys)-1])
	v := "false"
	if b {
		v = "true"
	}
	if old := value(m, keys[len(keys)-1]); old != nil && old.Kind == yaml.ScalarNode && old.Value == v {
		return
	}
	p.set(m, keys[len(keys)-1], &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: v})
}

// SetTermValue sets a number of the term (hours, months, ...), or removes
// it when d is nil.
func (p *ProgramPatch) SetTermValue(key string, d *decimal.Decimal) {
	term := value(p.root, "term")
	if d == nil {
		if term != nil {
			p.remove(term, key)
		}
		return
	}
	term = p.mapping([]string{"term"})
	if old := value(term, key); old != nil && old.Kind == yaml.ScalarNode && sameNumber(old.Value, *d) {
		return
	}
	p.set(term, key, number(*d))
}

// SetList sets a top-level list of texts (prerequisites); an empty list
// removes the key.
func (p *ProgramPatch) SetList(key string, items []string) {
	if len(items) == 0 {
		p.remove(p.root, key)
		return
	}
	p.set(p.root, key, flowList(items...))
}

// SetNumberField sets a number by its dotted path ("ratio.apprentices",
// "wages.journeyworker_rate"), adding the mappings on the way.
func (p *ProgramPatch) SetNumberField(path string, d decimal.Decimal) {
	keys := strings.Split(path, ".")
	m := p.mapping(keys[:len(keys)-1])
	last := keys[len(keys)-1]
	if old := value(m, last); old != nil && old.Kind == yaml.ScalarNode && sameNumber(old.Value, d) {
		return
	}
	p.set(m, last, number(d))
}

// SetProbation states the probation in one unit (hours, weeks, months),
// removing the others.
func (p *ProgramPatch) SetProbation(unit string, d decimal.Decimal) {
	p.SetNumberField("probation."+unit, d)
	pr := value(p.root, "probation")
	for _, u := range []string{"hours", "weeks", "months"} {
		if u != unit {
			p.remove(pr, u)
		}
	}
}

// SetWageStep sets a number (percent, rate) of wages.steps[i].
func (p *ProgramPatch) SetWageStep(i int, key string, d decimal.Decimal) error {
	steps := seqItems(value(value(p.root, "wages"), "steps"))
	if i < 0 || i >= len(steps) || steps[i].Kind != yaml.MappingNode {
		return fmt.Errorf("the program has no wage step %d", i+1)
	}
	if old := value(steps[i], key); old != nil && old.Kind == yaml.ScalarNode && sameNumber(old.Value, d) {
		return nil
	}
	p.set(steps[i], key, number(d))
	return nil
}

// EditList edits the list at a dotted path ("selection_procedures",
// "wages.notes"): edits[i] is the new text of item i (field of a mapping
// item, or the item itself when field is ""), nil to delete it; inserted[i]
// are the items a person added after item i (inserted[-1]: before the
// first). A list left empty is removed.
func (p *ProgramPatch) EditList(path, field string, edits map[int]*string, inserted map[int][]*yaml.Node) error {
	if len(edits) == 0 && len(inserted) == 0 {
		return nil
	}
	keys := strings.Split(path, ".")
	parent := p.root
	for _, k := range keys[:len(keys)-1] {
		parent = value(parent, k)
	}
	seq := value(parent, keys[len(keys)-1])
	items := seqItems(seq)
	for i := range edits {
		if i < 0 || i >= len(items) {
			return fmt.Errorf("the program's %s has no item %d", path, i+1)
		}
	}
	for i := range inserted {
		if i < -1 || i >= len(items) {
			return fmt.Errorf("the program's %s has no item %d", path, i+1)
		}
	}
	var out []*yaml.Node
	add := func(i int) {
		for _, n := range inserted[i] {
			out = append(out, n)
			p.changed = true
		}
	}
	add(-1)
	for i, it := range items {
		v, edited := edits[i]
		switch {
		case edited && v == nil:
			p.changed = true
		case edited && field == "" && it.Kind == yaml.ScalarNode && it.Value != *v:
			n := text(*v)
			n.HeadComment, n.LineComment, n.FootComment = it.HeadComment, it.LineComment, it.FootComment
			out = append(out, n)
			p.changed = true
		case edited && field != "" && it.Kind == yaml.MappingNode:
			p.setText(it, field, *v)
			out = append(out, it)
		default:
			out = append(out, it)
		}
		add(i)
	}
	if seq == nil {
		return nil
	}
	seq.Content = out
	if len(out) == 0 {
		p.remove(parent, keys[len(keys)-1])
	}
	return nil
}

// WageStepKind says how wages.steps[i] states when it applies: "hours",
// "period", "months", "competencies", or "" (a label, or no such step).
func (p *ProgramPatch) WageStepKind(i int) string {
	steps := seqItems(value(value(p.root, "wages"), "steps"))
	if i < 0 || i >= len(steps) {
		return ""
	}
	for _, k := range []string{"hours", "period", "months", "competencies"} {
		if value(steps[i], k) != nil {
			return k
		}
	}
	return ""
}

// JourneyworkerRate is wages.journeyworker_rate as the program states it
// (after the edits so far); ok is false when it states none.
func (p *ProgramPatch) JourneyworkerRate() (d decimal.Decimal, ok bool) {
	v := value(value(p.root, "wages"), "journeyworker_rate")
	if v == nil || v.Kind != yaml.ScalarNode {
		return d, false
	}
	d, err := decimal.Parse(v.Value)
	return d, err == nil
}

// SetWageStepText sets a text (label, note) of wages.steps[i]; an empty
// one removes the key.
func (p *ProgramPatch) SetWageStepText(i int, key, v string) error {
	return p.SetItemText("wages.steps", "wage step", i, key, v)
}

// SetItemText sets a text of the i-th mapping of the list at a dotted
// path ("interim_credentials"; what names its items in a message); an
// empty one removes the key.
func (p *ProgramPatch) SetItemText(path, what string, i int, key, v string) error {
	list := p.root
	for _, k := range strings.Split(path, ".") {
		list = value(list, k)
	}
	items := seqItems(list)
	if i < 0 || i >= len(items) || items[i].Kind != yaml.MappingNode {
		return fmt.Errorf("the program has no %s %d", what, i+1)
	}
	if v == "" {
		p.remove(items[i], key)
		return nil
	}
	if old := value(items[i], key); old != nil && old.Kind == yaml.ScalarNode && old.Value == v {
		return nil
	}
	p.set(items[i], key, quoteAsPeople(text(v)))
	return nil
}
