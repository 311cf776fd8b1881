package importer

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/internal/lazy"
)

// ProgramPatch edits a program file's YAML the way a person would: the
// values a workbook changed, in place, every other key, comment and the
// order left as written. A file no edit touched is given back byte for
// byte; an edited one is re-encoded (yaml.v3 keeps comments, order and
// flow style; blank lines between keys are not kept).
type ProgramPatch struct {
	src     []byte
	doc     *yaml.Node
	root    *yaml.Node // the top mapping
	changed bool
}

// NewProgramPatch reads a program file's YAML.
func NewProgramPatch(src []byte) (*ProgramPatch, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("the program is not valid YAML: %v", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("the program is not a YAML mapping")
	}
	return &ProgramPatch{src: src, doc: &doc, root: doc.Content[0]}, nil
}

// Changed reports whether an edit changed the program.
func (p *ProgramPatch) Changed() bool { return p.changed }

// Bytes returns the program's YAML.
func (p *ProgramPatch) Bytes() ([]byte, error) {
	if !p.changed {
		return p.src, nil
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(p.doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return flowCommaQuirk().ReplaceAll(b.Bytes(), []byte("$1$2$3")), nil
}

// flowCommaQuirk matches a line that is a flow mapping or list (after "- "
// or "key: ") ending in ",}" or ",]": yaml.v3 writes that trailing comma
// when a comment follows the flow collection (- {id: C} then # a comment
// gives - {id: C,}). The comma is valid YAML but no person writes it.
var flowCommaQuirk = lazy.Regexp(`(?m)^(\s*(?:- |[A-Za-z_][A-Za-z0-9_]*: )[{\[].*),([}\]])( #.*)?$`)

// value returns the value of key in mapping m, or nil.
func value(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// set gives key the value v in mapping m, replacing the old value (its
// comments kept) or adding the key at the end.
func (p *ProgramPatch) set(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			old := m.Content[i+1]
			if same(old, v) {
				return
			}
			if v.LineComment == "" {
				v.LineComment = old.LineComment
			}
			v.HeadComment, v.FootComment = old.HeadComment, old.FootComment
			if v.Kind == yaml.ScalarNode && old.Kind == yaml.ScalarNode && v.Tag == old.Tag {
				v.Style = old.Style // a value written in quotes stays in quotes
			}
			if v.Kind == yaml.SequenceNode && old.Kind == yaml.SequenceNode && old.Style == 0 && len(old.Content) > 0 {
				v.Style = 0 // a list written as a block stays a block
			}
			m.Content[i+1] = v
			p.changed = true
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
	p.changed = true
}

// remove deletes key from mapping m.
func (p *ProgramPatch) remove(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = slices.Delete(m.Content, i, i+2)
			p.changed = true
			return
		}
	}
}

// same reports whether two nodes hold the same values.
func same(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || len(a.Content) != len(b.Content) {
		return false
	}
	if a.Kind == yaml.ScalarNode {
		return a.Value == b.Value && a.ShortTag() == b.ShortTag()
	}
	for i := range a.Content {
		if !same(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

func text(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// number is an exact decimal as YAML writes it: 450, 12.5, always plain.
// Its tag is the one YAML's core schema resolves the text to, so no tag is
// printed: a 20-digit whole number is an integer to YAML only as long as it
// fits 64 bits, and a tag that disagrees would be written out ("!!int
// 5000..."), which no reader accepts. Past a float's range (300 digits, typed
// into a workbook), the text is left untagged; wpsgen reads it as the exact
// number it is, and validation says what is wrong with it.
func number(d decimal.Decimal) *yaml.Node {
	s := d.String()
	tag := ""
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		tag = "!!int"
	} else if _, err := strconv.ParseUint(s, 10, 64); err == nil {
		tag = "!!int"
	} else if _, err := strconv.ParseFloat(s, 64); err == nil {
		tag = "!!float"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: s}
}

func flowList(items ...string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, it := range items {
		n.Content = append(n.Content, text(it))
	}
	return n
}

// SetField sets a header value by its dotted path ("sponsor.name",
// "sponsor.contact.email", "occupation.job_title", "rti.provider.name"),
// adding the mappings on the way when they are missing. An empty value
// removes the key: a cell a person cleared.
func (p *ProgramPatch) SetField(path, v string) {
	keys := strings.Split(path, ".")
	m := p.root
	for _, k := range keys[:len(keys)-1] {
		next := value(m, k)
		if next == nil || next.Kind != yaml.MappingNode {
			if v == "" {
				return
			}
			next = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			p.set(m, k, next)
		}
		m = next
	}
	last := keys[len(keys)-1]
	if v == "" {
		p.remove(m, last)
		return
	}
	if old := value(m, last); old != nil && old.Kind == yaml.ScalarNode && old.Value == v {
		return // "0414" written unquoted stays as written
	}
	p.set(m, last, text(v))
}

// jobFunction returns the program's job function with id.
func (p *ProgramPatch) jobFunction(id string) (*yaml.Node, error) {
	if jf := item(value(p.root, "job_functions"), id); jf != nil {
		return jf, nil
	}
	return nil, fmt.Errorf("the program has no job function %s", id)
}

// item returns the mapping of seq whose id is id.
func item(seq *yaml.Node, id string) *yaml.Node {
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return nil
	}
	for _, it := range seq.Content {
		if v := value(it, "id"); v != nil && v.Value == id {
			return it
		}
	}
	return nil
}

// SetHours sets a job function's hours, min_hours or max_hours; comment,
// when not empty, is written beside the value (where it came from).
func (p *ProgramPatch) SetHours(jfID, key string, d decimal.Decimal, comment string) error {
	jf, err := p.jobFunction(jfID)
	if err != nil {
		return err
	}
	if old := value(jf, key); old != nil && old.Kind == yaml.ScalarNode {
		if od, err := decimal.Parse(old.Value); err == nil && od.Cmp(d) == 0 {
			return nil // 450.0 typed over 450 changes nothing
		}
	}
	p.set(jf, key, commented(number(d), comment))
	return nil
}

// commented gives a value a line comment.
func commented(n *yaml.Node, comment string) *yaml.Node {
	if comment != "" {
		n.LineComment = "# " + comment
	}
	return n
}

// SetDelivery writes a competency's delivery.
func (p *ProgramPatch) SetDelivery(jfID, compID string, rti, ojt bool) error {
	jf, err := p.jobFunction(jfID)
	if err != nil {
		return err
	}
	c := item(value(jf, "competencies"), compID)
	if c == nil {
		return fmt.Errorf("job function %s of the program has no competency %s", jfID, compID)
	}
	var ds []string
	if rti {
		ds = append(ds, framework.RTI)
	}
	if ojt {
		ds = append(ds, framework.OJT)
	}
	p.set(c, "delivery", flowList(ds...))
	return nil
}

// RemoveJobFunction crosses a job function off: all its rows were deleted.
func (p *ProgramPatch) RemoveJobFunction(id string) error {
	seq := value(p.root, "job_functions")
	i := slices.IndexFunc(seqItems(seq), func(n *yaml.Node) bool { v := value(n, "id"); return v != nil && v.Value == id })
	if i < 0 {
		return fmt.Errorf("the program has no job function %s", id)
	}
	seq.Content = slices.Delete(seq.Content, i, i+1)
	p.changed = true
	return nil
}

// RemoveCompetency crosses a competency off: its row was deleted.
func (p *ProgramPatch) RemoveCompetency(jfID, compID string) error {
	jf, err := p.jobFunction(jfID)
	if err != nil {
		return err
	}
	seq := value(jf, "competencies")
	i := slices.IndexFunc(seqItems(seq), func(n *yaml.Node) bool { v := value(n, "id"); return v != nil && v.Value == compID })
	if i < 0 {
		return fmt.Errorf("job function %s of the program has no competency %s", jfID, compID)
	}
	seq.Content = slices.Delete(seq.Content, i, i+1)
	p.changed = true
	return nil
}

func seqItems(seq *yaml.Node) []*yaml.Node {
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return nil
	}
	return seq.Content
}

// AddCompetency adds a sponsor's own competency (a row a person added
// under a job function), written on one line as people write them:
// {id: E, custom: true, text: ..., delivery: [ojt]} (type: optional when
// the row says Optional; core is the default). In a custom job
// function every competency is the sponsor's, and custom is left out.
func (p *ProgramPatch) AddCompetency(jfID, compID, compText, typ string, rti, ojt bool) error {
	jf, err := p.jobFunction(jfID)
	if err != nil {
		return err
	}
	seq := value(jf, "competencies")
	if seq == nil || seq.Kind != yaml.SequenceNode {
		seq = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		p.set(jf, "competencies", seq)
	}
	c := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
	c.Content = append(c.Content, text("id"), text(compID))
	if cj := value(jf, "custom"); cj == nil || cj.Value != "true" {
		c.Content = append(c.Content, text("custom"), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	c.Content = append(c.Content, text("text"), text(compText))
	if typ == framework.Optional {
		c.Content = append(c.Content, text("type"), text(typ))
	}
	var ds []string
	if rti {
		ds = append(ds, framework.RTI)
	}
	if ojt {
		ds = append(ds, framework.OJT)
	}
	c.Content = append(c.Content, text("delivery"), flowList(ds...))
	seq.Content = append(seq.Content, c)
	p.changed = true
	return nil
}

// CourseEdit is a course row as a workbook shows it. Nil fields are not
// shown (left as the program has them).
type CourseEdit struct {
	Number, Title *string
	Year          *string // an added course's year, as the program writes years
	Level         *string // an added course's level
	Hours         *decimal.Decimal
	HoursComment  string   // where the hours came from (a formula), when worth saying
	Objectives    []string // nil: not shown
}

// courses returns rti.courses, making it when make is set.
func (p *ProgramPatch) courses(create bool) *yaml.Node {
	rti := value(p.root, "rti")
	if rti == nil || rti.Kind != yaml.MappingNode {
		if !create {
			return nil
		}
		rti = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		p.set(p.root, "rti", rti)
	}
	seq := value(rti, "courses")
	if (seq == nil || seq.Kind != yaml.SequenceNode) && create {
		seq = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		p.set(rti, "courses", seq)
	}
	return seq
}

// SetCourses makes rti.courses the workbook's course rows: keep[i] is the
// index in the program of the course row i shows, or -1 for a row a
// person added. Courses no row shows were deleted.
func (p *ProgramPatch) SetCourses(keep []int, rows []CourseEdit) error {
	seq := p.courses(len(rows) > 0)
	old := seqItems(seq)
	var out []*yaml.Node
	for i, row := range rows {
		var c *yaml.Node
		if keep[i] >= 0 {
			if keep[i] >= len(old) {
				return fmt.Errorf("the program has no course %d", keep[i]+1)
			}
			c = old[keep[i]]
		} else {
			c = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			p.changed = true
		}
		if row.Number != nil {
			p.setOrRemove(c, "number", *row.Number)
		}
		if row.Title != nil {
			p.set(c, "title", text(*row.Title))
		}
		if row.Hours != nil {
			if o := value(c, "hours"); o == nil || o.Kind != yaml.ScalarNode || !sameNumber(o.Value, *row.Hours) {
				p.set(c, "hours", commented(number(*row.Hours), row.HoursComment))
			}
		}
		if row.Year != nil && value(c, "year") == nil {
			p.set(c, "year", &yaml.Node{Kind: yaml.ScalarNode, Value: *row.Year})
		}
		if row.Level != nil && value(c, "level") == nil {
			p.set(c, "level", text(*row.Level))
		}
		if row.Objectives != nil {
			if len(row.Objectives) == 0 {
				p.remove(c, "objectives")
			} else {
				p.set(c, "objectives", flowList(row.Objectives...))
			}
		}
		out = append(out, c)
	}
	if seq != nil && !slices.Equal(out, old) {
		seq.Content = out
		p.changed = true
	}
	return nil
}

func (p *ProgramPatch) setOrRemove(m *yaml.Node, key, v string) {
	if v == "" {
		p.remove(m, key)
		return
	}
	if old := value(m, key); old != nil && old.Kind == yaml.ScalarNode && old.Value == v {
		return
	}
	p.set(m, key, text(v))
}

func sameNumber(s string, d decimal.Decimal) bool {
	od, err := decimal.Parse(s)
	return err == nil && od.Cmp(d) == 0
}
