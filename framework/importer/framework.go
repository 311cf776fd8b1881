package importer

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/internal/lazy"
)

// Options are what a table does not say: the framework's identity.
type Options struct {
	ID    string // default: from the table's file name
	Title string // default: a TODO to fill in
	ONET  string // default: a TODO to fill in
	// ONETComment, when set, gives the comment written beside the O*NET
	// code (its occupation's title).
	ONETComment func(code string) string
}

// Result is an imported framework.
type Result struct {
	// YAML is the framework file; nil when Findings has an error.
	YAML                       []byte
	Findings                   []framework.Finding // cells that cannot be read (rule import), sorted
	Notes                      []Note              // what import assigned or ignored
	JobFunctions, Competencies int
}

// Framework reads a table (CSV or XLSX, one row per competency) and writes
// the framework it describes. name is the file name findings give.
func Framework(name string, data []byte, opts Options) *Result {
	res := &Result{}
	t, err := ReadTable(name, data)
	if err != nil {
		if te, ok := err.(*TableError); ok {
			res.Findings = []framework.Finding{te.Finding()}
			return res
		}
		res.Findings = []framework.Finding{(&TableError{Pos: framework.Pos{File: name}, Msg: err.Error()}).Finding()}
		return res
	}
	for _, n := range t.Notes {
		res.Notes = append(res.Notes, Note{Pos: framework.Pos{File: name}, Msg: n})
	}
	h, ok := findHeader(t)
	if !ok {
		res.Findings = []framework.Finding{noHeader(t)}
		return res
	}
	b := &builder{t: t, h: h}
	b.headerNotes()
	b.build()
	for _, jf := range b.jfs {
		if len(jf.comps) == 0 && len(b.findings) == 0 {
			b.errorAt(jf.pos, "job function %s has no competency rows; a job function needs at least one", jfName(jf))
		}
	}
	if len(b.jfs) == 0 && len(b.findings) == 0 {
		b.errorAt(t.Pos(t.Rows[h.row].Num, h.cols[roleCompText]), "the table has no competency rows under its header")
	}
	b.assignIDs()
	res.Notes = append(res.Notes, b.notes...)
	slices.SortStableFunc(res.Notes, func(a, b Note) int {
		return cmp.Or(cmp.Compare(a.Pos.Sheet, b.Pos.Sheet), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	res.Findings = framework.SortFindings(b.findings)
	if framework.HasErrors(res.Findings, false) {
		return res
	}
	for _, jf := range b.jfs {
		res.JobFunctions++
		res.Competencies += len(jf.comps)
	}
	res.YAML = b.emit(opts, res)
	return res
}

// noHeader explains which headers a table needs, naming what the first
// row holds.
func noHeader(t *Table) framework.Finding {
	pos := t.Pos(1, 0)
	var found string
	if len(t.Rows) > 0 {
		pos = t.Pos(t.Rows[0].Num, 0)
		var hs []string
		for _, c := range t.Rows[0].Cells {
			if c = strings.TrimSpace(c); c != "" {
				hs = append(hs, strconv.Quote(c))
			}
		}
		if len(hs) > 0 {
			found = "; the first row has " + strings.Join(hs[:min(len(hs), 8)], ", ")
		}
	}
	return framework.Finding{Pos: pos, Severity: framework.Error, Rule: framework.RuleImport,
		Message: "no header row: one of the first rows must name a job function column (e.g. \"Job function\", \"Work process\", \"Duty\") and a competency column (e.g. \"Competency\", \"Skill\", \"Task\")" + found}
}

// headerNotes says which columns were ignored, and refuses a role given
// twice (which of the two is meant cannot be known).
func (b *builder) headerNotes() {
	hrow := b.t.Rows[b.h.row]
	for _, c := range b.h.ignored {
		b.note(b.t.Pos(hrow.Num, c), "column %q is not a column import reads: ignored", strings.TrimSpace(hrow.Cell(c)))
	}
	for _, c := range b.h.dup {
		r := headerRole(hrow.Cell(c))
		first := b.h.cols[r]
		b.errorAt(b.t.Pos(hrow.Num, c), "columns %s (%q) and %s (%q) both hold the %s; rename or delete one",
			framework.ColumnName(first+1), strings.TrimSpace(hrow.Cell(first)), framework.ColumnName(c+1), strings.TrimSpace(hrow.Cell(c)), roleNames[r])
	}
}

// assignIDs numbers the job functions that have no id (1, 2, ...) and
// letters the competencies that have none (A, B, ... in each job
// function), skipping the ids the table uses, and says so.
func (b *builder) assignIDs() {
	used := map[string]bool{}
	for _, jf := range b.jfs {
		used[jf.id] = true
	}
	n := 0
	var assigned []string
	for _, jf := range b.jfs {
		if jf.id != "" {
			continue
		}
		for n++; used[strconv.Itoa(n)]; n++ {
		}
		jf.id = strconv.Itoa(n)
		assigned = append(assigned, jf.id)
		if b.h.cols[roleJFID] >= 0 {
			b.note(jf.pos, "job function %q has no id: it is job function %s", jf.title, jf.id)
		}
	}
	if b.h.cols[roleJFID] < 0 && len(assigned) == 1 {
		b.note(framework.Pos{File: b.t.File}, "the table has no job function id column: its one job function is job function 1")
	} else if b.h.cols[roleJFID] < 0 && len(assigned) > 0 {
		b.note(framework.Pos{File: b.t.File}, "the table has no job function id column: job functions are numbered %s in the order they appear", span(assigned))
	}
	lettered := 0
	for _, jf := range b.jfs {
		taken := map[string]bool{}
		for _, c := range jf.comps {
			taken[c.id] = true
		}
		k := 0
		for _, c := range jf.comps {
			if c.id != "" {
				continue
			}
			for k++; taken[letters(k)]; k++ {
			}
			c.id = letters(k)
			lettered++
			if b.h.cols[roleCompID] >= 0 {
				b.note(c.idPos, "the competency has no id: it is %s.%s", jf.id, c.id)
			}
		}
	}
	if b.h.cols[roleCompID] < 0 && lettered > 0 {
		b.note(framework.Pos{File: b.t.File}, "the table has no competency id column: competencies are lettered A, B, ... in each job function, in the order they appear")
	}
	for _, jf := range b.jfs {
		if jf.typ == "" {
			jf.typ = framework.Optional
			if slices.ContainsFunc(jf.comps, func(c *competency) bool { return c.typ != framework.Optional }) {
				jf.typ = framework.Core
			}
		}
	}
}

func span(ids []string) string {
	if len(ids) == 1 {
		return ids[0]
	}
	return ids[0] + " to " + ids[len(ids)-1]
}

var slugJunk = lazy.Regexp(`[^a-z0-9]+`)

// DefaultID makes a framework id of a table's file name:
// "Pharmacy Technician v2.xlsx" -> "pharmacy-technician-v2".
func DefaultID(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	return strings.Trim(slugJunk().ReplaceAllString(strings.ToLower(base), "-"), "-")
}

// source names the table for the file's opening comment.
func (t *Table) source() string {
	s := filepath.Base(t.File)
	if t.Sheet != "" {
		s += fmt.Sprintf(" (sheet %q)", t.Sheet)
	}
	return s
}
