package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/internal/lazy"
)

// Note is something import did that the person should know (an id it
// assigned, a column it ignored); it is not a problem.
type Note struct {
	Pos framework.Pos // the file alone when no cell is meant
	Msg string
	// Warning marks what a person did that import ignored (a total typed
	// over): not an error, but worth a look.
	Warning bool
}

// Finding is the note as a finding of rule import (severity note, or
// warning), for the formats that print findings. A note about no one cell
// (a row deleted) names the file alone.
func (n Note) Finding() framework.Finding {
	sev := framework.Note
	if n.Warning {
		sev = framework.Warning
	}
	pos := n.Pos
	if pos.IsZero() {
		pos = framework.Pos{File: pos.File}
	}
	return framework.Finding{Pos: pos, Severity: sev, Rule: framework.RuleImport, Message: n.Msg}
}

func (n Note) String() string {
	what := ": note: "
	if n.Warning {
		what = ": warning: "
	}
	if n.Pos.IsZero() {
		return n.Pos.File + what + n.Msg
	}
	return n.Pos.String() + what + n.Msg
}

type jobFunction struct {
	id, title, typ, level string
	pos                   framework.Pos // its first row's title (or id) cell
	comps                 []*competency
}

type competency struct {
	id, text, typ string
	delivery      []string
	idPos         framework.Pos
	row           int
}

// builder turns the rows under the header into job functions.
type builder struct {
	t        *Table
	h        header
	jfs      []*jobFunction
	findings []framework.Finding
	notes    []Note
	numbered bool // a competency id was a number (said once)
}

func (b *builder) errorAt(pos framework.Pos, format string, args ...any) {
	b.findings = append(b.findings, framework.Finding{Pos: pos, Severity: framework.Error, Rule: framework.RuleImport, Message: fmt.Sprintf(format, args...)})
}

func (b *builder) note(pos framework.Pos, format string, args ...any) {
	b.notes = append(b.notes, Note{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// cell returns the text of row's column for role, with runs of white space
// (line breaks typed in a cell included) made one space.
func (b *builder) cell(row Row, r role) string {
	return strings.Join(strings.Fields(row.Cell(b.h.cols[r])), " ")
}

func (b *builder) pos(row Row, r role) framework.Pos { return b.t.Pos(row.Num, max(0, b.h.cols[r])) }

var (
	jfIDPattern  = lazy.Regexp(`^[A-Za-z0-9-]+$`)
	lettersOnly  = lazy.Regexp(`^[A-Z]+$`)
	digitsOnly   = lazy.Regexp(`^[0-9]+$`)
	jfIDTrimmers = "."
)

// build reads every row under the header.
func (b *builder) build() {
	byID := map[string]*jobFunction{}
	byTitle := map[string]*jobFunction{}
	var cur *jobFunction
	for _, row := range b.t.Rows[b.h.row+1:] {
		id := strings.TrimRight(b.cell(row, roleJFID), jfIDTrimmers)
		title := b.cell(row, roleJFTitle)
		switch {
		case id != "":
			if !jfIDPattern().MatchString(id) {
				b.errorAt(b.pos(row, roleJFID), "job function id %q may only use letters, digits and dashes (e.g. \"1\", \"S1\")", id)
				cur = nil
				continue
			}
			cur = byID[id]
			if cur == nil {
				if title == "" {
					b.errorAt(b.pos(row, roleJFTitle), "job function %s has no title in its first row", id)
				}
				cur = &jobFunction{id: id, title: title, pos: b.pos(row, roleJFID)}
				byID[id] = cur
				b.jfs = append(b.jfs, cur)
			} else if title != "" && cur.title != "" && title != cur.title {
				b.errorAt(b.pos(row, roleJFTitle), "job function %s is titled %q in an earlier row and %q here; use one title", id, cur.title, title)
			}
			if cur.title == "" {
				cur.title = title
			}
			if title != "" && byTitle[title] == nil {
				byTitle[title] = cur
			}
		case title != "":
			cur = byTitle[title]
			if cur == nil {
				cur = &jobFunction{title: title, pos: b.pos(row, roleJFTitle)}
				byTitle[title] = cur
				b.jfs = append(b.jfs, cur)
			}
		}
		b.readJobFunctionCells(row, cur)
		b.readCompetency(row, cur)
	}
}

// readJobFunctionCells takes the job function's type and level from the
// row, when the table has those columns.
func (b *builder) readJobFunctionCells(row Row, jf *jobFunction) {
	if jf == nil {
		return
	}
	if v := b.cell(row, roleJFType); v != "" {
		typ, ok := parseType(v)
		switch {
		case !ok:
			b.errorAt(b.pos(row, roleJFType), "%q is not core or optional (accepted: core, optional, required, elective, yes, no)", v)
		case jf.typ != "" && jf.typ != typ:
			b.errorAt(b.pos(row, roleJFType), "job function %s is %s in an earlier row and %s here", jfName(jf), jf.typ, typ)
		default:
			jf.typ = typ
		}
	}
	if v := b.cell(row, roleJFLevel); v != "" {
		if jf.level != "" && jf.level != v {
			b.errorAt(b.pos(row, roleJFLevel), "job function %s has level %q in an earlier row and %q here", jfName(jf), jf.level, v)
		} else {
			jf.level = v
		}
	}
}

func jfName(jf *jobFunction) string {
	if jf.id != "" {
		return jf.id
	}
	return strconv.Quote(jf.title)
}

// readCompetency reads the row's competency, if it has one: a row with
// only a job function is that job function's heading.
func (b *builder) readCompetency(row Row, jf *jobFunction) {
	text := b.cell(row, roleCompText)
	id := b.cell(row, roleCompID)
	others := b.cell(row, roleCompType) + b.cell(row, roleDelivery) + b.cell(row, roleRTIMark) + b.cell(row, roleOJTMark)
	switch {
	case text == "" && id == "" && others == "":
		return
	case text == "":
		b.errorAt(b.pos(row, roleCompText), "the competency of this row has no text")
		return
	case jf == nil:
		b.errorAt(b.pos(row, roleJFTitle), "a competency row without its job function: fill in the job function (%s) of this row or of a row above it", b.jfColumns())
		return
	}
	c := &competency{text: text, row: row.Num, idPos: b.pos(row, roleCompID)}
	keep := true // the other cells are still read, so one run reports them all
	if id != "" {
		cid, numbered, ok := competencyID(id, jf.id)
		if !ok {
			b.errorAt(c.idPos, "competency id %q is not a letter sequence (A..Z, AA, AB, ...)%s", id, jfPrefixHint(jf))
			keep = false
		} else if dup := slices.IndexFunc(jf.comps, func(o *competency) bool { return o.id == cid }); dup >= 0 {
			b.errorAt(c.idPos, "job function %s has competency %s twice: in row %d and here", jfName(jf), cid, jf.comps[dup].row)
			keep = false
		}
		c.id = cid
		if numbered && !b.numbered {
			b.numbered = true
			b.note(framework.Pos{File: b.t.File}, "competency ids given as numbers are written as letters of the same rank (1 is A, 2 is B, ...)")
		}
	}
	if v := b.cell(row, roleCompType); v != "" {
		typ, ok := parseType(v)
		if !ok {
			b.errorAt(b.pos(row, roleCompType), "%q is not core or optional (accepted: core, optional, required, elective, yes, no)", v)
		}
		c.typ = typ
	}
	c.delivery = b.delivery(row)
	if keep {
		jf.comps = append(jf.comps, c)
	}
}

func (b *builder) jfColumns() string {
	var cols []string
	for _, r := range []role{roleJFID, roleJFTitle} {
		if c := b.h.cols[r]; c >= 0 {
			cols = append(cols, "column "+framework.ColumnName(c+1))
		}
	}
	return strings.Join(cols, " or ")
}

func jfPrefixHint(jf *jobFunction) string {
	if jf.id == "" {
		return ""
	}
	return fmt.Sprintf(", or %s.A for job function %s", jf.id, jf.id)
}

// competencyID reads a competency id as tables write it: "A", "a", "A.",
// "(a)", "1.A", "1-A", or a number ("3", "1.3"), which becomes the letter
// sequence of the same rank ("C"); numbered says so.
func competencyID(id, jfID string) (cid string, numbered, ok bool) {
	id = strings.ToUpper(strings.Trim(id, ".)( "))
	if i := strings.LastIndexAny(id, ".-"); i >= 0 {
		if jfID != "" && !strings.EqualFold(id[:i], jfID) {
			return "", false, false
		}
		id = id[i+1:]
	}
	switch {
	case lettersOnly().MatchString(id):
		return id, false, true
	case digitsOnly().MatchString(id):
		n, err := strconv.Atoi(id)
		if err != nil || n < 1 || n > 18_278 { // ZZZ
			return "", false, false
		}
		return letters(n), true, true
	}
	return "", false, false
}

// letters is the n-th competency id (1-based): A..Z, AA, AB, ...
func letters(n int) string { return framework.ColumnName(n) }

// parseType reads a core/optional cell: the words of a "Type" or
// "Core or optional" column, or the yes/no of a "Required" column.
func parseType(v string) (string, bool) {
	switch strings.ToLower(strings.Trim(v, ". ")) {
	case "core", "c", "required", "req", "mandatory", "yes", "y", "true", "x", "1", "✓", "✔":
		return framework.Core, true
	case "optional", "opt", "o", "elective", "no", "n", "false", "0", "-":
		return framework.Optional, true
	}
	return "", false
}

// delivery reads the row's delivery cell and RTI/OJT mark cells.
func (b *builder) delivery(row Row) []string {
	set := map[string]bool{}
	if v := b.cell(row, roleDelivery); v != "" {
		ds, ok := parseDelivery(v)
		if !ok {
			b.errorAt(b.pos(row, roleDelivery), "delivery %q is not RTI, OJT or both (accepted: RTI, OJT, \"RTI and OJT\", \"RTI/OJT\", both)", v)
		}
		for _, d := range ds {
			set[d] = true
		}
	}
	for _, m := range []struct {
		r    role
		what string
	}{{roleRTIMark, framework.RTI}, {roleOJTMark, framework.OJT}} {
		v := b.cell(row, m.r)
		if v == "" {
			continue
		}
		on, ok := parseMark(v, m.what)
		if !ok {
			b.errorAt(b.pos(row, m.r), "%q is not a mark: put x (or yes) in the %s column when the competency is taught that way, and leave it empty (or no) otherwise", v, strings.ToUpper(m.what))
		}
		if on {
			set[m.what] = true
		}
	}
	var out []string
	for _, d := range []string{framework.RTI, framework.OJT} {
		if set[d] {
			out = append(out, d)
		}
	}
	return out
}

var deliverySplit = lazy.Regexp(`\s*(?:[,/&+;|]|\band\b|\bor\b)\s*`)

// parseDelivery reads "RTI", "OJT", "RTI and OJT", "RTI/OJT", "both", ...
func parseDelivery(v string) ([]string, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "both" || v == "b" {
		return []string{framework.RTI, framework.OJT}, true
	}
	var out []string
	for _, part := range deliverySplit().Split(v, -1) {
		switch strings.Trim(part, ". ") {
		case "":
		case "rti", "ri", "related instruction", "related technical instruction", "classroom", "instruction":
			out = append(out, framework.RTI)
		case "ojt", "ojl", "on the job", "on-the-job", "on the job training", "on-the-job training", "on the job learning", "on-the-job learning":
			out = append(out, framework.OJT)
		default:
			return nil, false
		}
	}
	return out, len(out) > 0
}

// parseMark reads a cell of an RTI or OJT column: a mark, or a "no".
func parseMark(v, what string) (on, ok bool) {
	switch strings.ToLower(strings.Trim(v, ". ")) {
	case "x", "yes", "y", "true", "1", "✓", "✔", "☒", "•", what:
		return true, true
	case "no", "n", "false", "0", "-", "☐":
		return false, true
	}
	return false, false
}
