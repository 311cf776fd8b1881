package importer

import (
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
	"github.com/wpsgen/wpsgen/internal/lazy"
)

// readAppendix applies the Appendix A sheet's edits: the ratio, the
// journeyworker rate and the wage steps' stated percents and rates, the
// probation, the selection procedures, the interim credentials' titles,
// and the notes. What the sheet computes (a rate from a percent, a
// percent from a rate, when a credential is earned, the approach and term
// sentences, which the schedule's header fields say) is never read back:
// a value typed over it is a warning naming the cell. A workbook without
// the sheet (rendered before it existed) has nothing to read.
func (w *workbookReader) readAppendix() error {
	const sheet = workbook.SheetAppendix
	if _, ok := w.keyCols[sheet]; !ok {
		return nil
	}
	t, keyCol, err := w.keyedRows(sheet)
	if err != nil {
		return err
	}
	cols := map[string]int{} // a table's column heading -> its column
	seen := map[string]bool{}
	lists := []*textList{
		{key: workbook.KeyProcedure, path: "selection_procedures", what: "selection procedure"},
		{key: workbook.KeyWageNote, path: "wages.notes", what: "wage schedule note"},
		{key: workbook.KeyCredential, path: "interim_credentials", field: "title", what: "interim credential"},
		{key: workbook.KeyWageStep, path: "wages.steps", what: "wage step"}, // rows deleted or inserted
	}
	for _, l := range lists {
		l.edits, l.inserted, l.lastRow = map[int]*string{}, map[int][]*yaml.Node{}, -1
	}
	var wages, creds insertable // the tables rows may be inserted in
	// A workbook whose headings are keyed has a key on every row it wrote
	// with a text: a row without one that no table or list takes is a
	// person's, and would otherwise be lost without a word.
	headsKeyed := false
	for _, row := range t.Rows {
		headsKeyed = headsKeyed || row.Cell(keyCol) == workbook.KeyHead
	}
	for i, row := range t.Rows {
		key := row.Cell(keyCol)
		seen[key] = true
		cell := func(col int) string { return strings.TrimSpace(row.Cell(col - 1)) }
		switch {
		case key == workbook.KeyWageHead || key == workbook.KeyCredentialHead:
			if key == workbook.KeyWageHead {
				wages = insertable{-1, row.Num}
			} else {
				creds = insertable{-1, row.Num}
			}
			for c, h := range row.Cells {
				if c != keyCol && strings.TrimSpace(h) != "" {
					cols[strings.TrimSpace(h)] = c + 1
				}
			}
		case strings.HasPrefix(key, workbook.KeyField), strings.HasPrefix(key, workbook.KeyText):
			w.readField(sheet, t.Rows, i, keyCol, workbook.FieldValueRTI)
		case strings.HasPrefix(key, workbook.KeyDerived):
			if oneLine(cell(1)) != oneLine(w.expected(sheet, key, 1)[0]) {
				what := strings.TrimPrefix(key, workbook.KeyDerived)
				w.warn(sheet, row.Num, 1, "this sentence is written from %s the Work Process Schedule shows: the text typed here is ignored; change %s there", what, what)
			}
		case key == workbook.KeyRatio:
			w.readRatio(sheet, row.Num, cell(1), w.expected(sheet, key, 3))
		case key == workbook.KeyProbation:
			w.readProbation(sheet, row.Num, cell(1), w.expected(sheet, key, 1)[0])
		case key == workbook.KeyWageRate:
			if wages.lastRow > 0 {
				wages.lastRow = row.Num
			}
			w.readMoney(sheet, row.Num, cols[workbook.HeaderRate], cell(cols[workbook.HeaderRate]), w.expected(sheet, key, 1)[0], func(d decimal.Decimal) {
				w.patch.SetNumberField("wages.journeyworker_rate", d)
				w.note(sheet, row.Num, cols[workbook.HeaderRate], "journeyworker rate %s", d.Money())
			})
		case strings.HasPrefix(key, workbook.KeyWageStep):
			n, err := strconv.Atoi(strings.TrimPrefix(key, workbook.KeyWageStep))
			if err == nil {
				wages = insertable{n, row.Num}
				w.readWageStep(sheet, row, n, cols, w.expected(sheet, key, 4))
				// A workbook rendered before when, label and note were kept
				// has four values.
				if len(w.expect[sheet+"!"+key]) > 4 && !continued(t.Rows, i, keyCol) {
					w.readStepTexts(sheet, row, n, cols, w.expected(sheet, key, 7))
				}
			}
		case strings.HasPrefix(key, workbook.KeyCredential):
			n, err := strconv.Atoi(strings.TrimPrefix(key, workbook.KeyCredential))
			if err == nil {
				creds = insertable{n, row.Num}
			}
			if err != nil || continued(t.Rows, i, keyCol) {
				continue
			}
			want := w.expected(sheet, key, 3)
			if c := cols[workbook.HeaderCredential]; c > 0 && oneLine(cell(c)) != oneLine(want[0]) {
				lists[2].edits[n] = textOrNil(oneLine(cell(c)))
				w.note(sheet, row.Num, c, "interim credential %d: title %q", n+1, oneLine(cell(c)))
			}
			if c := cols[workbook.HeaderEarned]; c > 0 {
				w.readEarned(sheet, row.Num, c, n, cell(c), want)
			}
		case strings.HasPrefix(key, workbook.KeyProcedure) || strings.HasPrefix(key, workbook.KeyWageNote):
			l := lists[0]
			if strings.HasPrefix(key, workbook.KeyWageNote) {
				l = lists[1]
			}
			n, err := strconv.Atoi(strings.TrimPrefix(key, l.key))
			if err != nil {
				continue
			}
			l.last, l.lastRow = n, row.Num
			if v := oneLine(cell(1)); !continued(t.Rows, i, keyCol) && v != oneLine(w.expected(sheet, key, 1)[0]) {
				l.edits[n] = textOrNil(v)
				w.note(sheet, row.Num, 1, "%s %d edited", l.what, n+1)
			}
		case key == workbook.KeyContinued:
			for _, t := range []*insertable{&wages, &creds} {
				if t.under(row.Num) {
					t.lastRow = row.Num
				}
			}
		case key == "" && wages.under(row.Num):
			if step := w.insertedWageStep(sheet, row, cols, wages.last); step != nil {
				lists[3].inserted[wages.last] = append(lists[3].inserted[wages.last], step)
			}
			wages.lastRow = row.Num
		case key == "" && creds.under(row.Num):
			if cred := w.insertedCredential(sheet, row, cols); cred != nil {
				lists[2].inserted[creds.last] = append(lists[2].inserted[creds.last], cred)
			}
			creds.lastRow = row.Num
		case key == "" && cell(1) != "":
			// A row a person inserted right under a procedure or a note
			// (no blank row between) is one more.
			taken := false
			for _, l := range lists[:2] {
				if l.lastRow >= 0 && row.Num == l.lastRow+1 {
					l.inserted[l.last] = append(l.inserted[l.last], text(oneLine(cell(1))))
					l.lastRow = row.Num
					w.note(sheet, row.Num, 1, "%s added", l.what)
					taken = true
				}
			}
			if !taken && headsKeyed {
				w.errorAt(sheet, row.Num, 1, "this row is in no table or list of the sheet, so it cannot be read; to add a wage step, a note, a selection procedure or an interim credential, type it in a row right under one of theirs (no blank row between), or delete this row")
			} else if c := otherCell(row, keyCol); taken && c > 0 {
				w.errorAt(sheet, row.Num, c, "an added %s is the text in column A alone; move this cell's text there, or delete it", map[bool]string{true: "selection procedure", false: "wage schedule note"}[lists[0].lastRow == row.Num])
			}
		case key == "" && headsKeyed:
			if c := otherCell(row, keyCol); c > 0 {
				w.errorAt(sheet, row.Num, c, "this row is in no table or list of the sheet, so it cannot be read; to add a wage step or an interim credential, type it in a row right under one of theirs (no blank row between), or delete this row")
			}
		}
	}
	// Rows deleted: the items they showed are removed.
	for k := range w.expect {
		rest, ok := strings.CutPrefix(k, sheet+"!")
		if !ok || seen[rest] {
			continue
		}
		for _, l := range lists {
			if n, err := strconv.Atoi(strings.TrimPrefix(rest, l.key)); err == nil && strings.HasPrefix(rest, l.key) {
				l.edits[n] = nil
				w.note(sheet, 0, 0, "%s %d's row was deleted: removed", l.what, n+1)
			}
		}
	}
	for _, l := range lists {
		if err := w.patch.EditList(l.path, l.field, l.edits, l.inserted); err != nil {
			return err
		}
	}
	return nil
}

// otherCell is the first column after A (1 = A) in which row has a
// value, the key column aside; 0 when none.
func otherCell(row Row, keyCol int) int {
	for c := 1; c < len(row.Cells); c++ {
		if c != keyCol && strings.TrimSpace(row.Cells[c]) != "" {
			return c + 1
		}
	}
	return 0
}

// textList is a list of the program the sheet shows a row per item of.
type textList struct {
	key, path, field, what string
	edits                  map[int]*string      // index -> new text, nil: deleted
	inserted               map[int][]*yaml.Node // index -> items added after it (-1: before the first)
	last, lastRow          int                  // the last item's index and row
}

func textOrNil(v string) *string {
	if v == "" {
		return nil
	}
	return &v
}

func (w *workbookReader) warn(sheet string, row, col int, format string, args ...any) {
	w.note(sheet, row, col, format, args...)
	w.notes[len(w.notes)-1].Warning = true
}

var (
	ratioColon = lazy.Regexp(`(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)`)
	ratioWords = lazy.Regexp(`(?i)(\d+(?:\.\d+)?)\s*apprentices?\s*(?:to|per|for)\s*(\d+(?:\.\d+)?)\s*journey\s*(?:workers?|persons?|men|level)`)
)

// readRatio reads "1 Apprentice to 1 Journeyworker (1:1)": the words or
// the colon, whichever a person changed.
func (w *workbookReader) readRatio(sheet string, row int, v string, shown []string) {
	if oneLine(v) == oneLine(shown[0]) {
		return
	}
	var pairs [][2]string
	for _, re := range []*regexp.Regexp{ratioWords(), ratioColon()} {
		if m := re.FindStringSubmatch(v); m != nil {
			pairs = append(pairs, [2]string{m[1], m[2]})
		}
	}
	var got *[2]decimal.Decimal
	for _, p := range pairs {
		a, _ := decimal.Parse(p[0])
		j, _ := decimal.Parse(p[1])
		if sameNumber(shown[1], a) && sameNumber(shown[2], j) {
			continue // the part left as it was
		}
		if got != nil && (got[0].Cmp(a) != 0 || got[1].Cmp(j) != 0) {
			w.errorAt(sheet, row, 1, "%q states two ratios; write it as 1 Apprentice to 1 Journeyworker (1:1)", v)
			return
		}
		got = &[2]decimal.Decimal{a, j}
	}
	if got == nil {
		if len(pairs) == 0 {
			w.errorAt(sheet, row, 1, "%q is not a ratio; write it as 1 Apprentice to 1 Journeyworker (1:1)", v)
		}
		return
	}
	w.patch.SetNumberField("ratio.apprentices", got[0])
	w.patch.SetNumberField("ratio.journeyworkers", got[1])
	w.note(sheet, row, 1, "ratio %s:%s", got[0], got[1])
}

var probationRE = lazy.Regexp(`(?i)(\d[\d,]*(?:\.\d+)?)\s*(hours?|weeks?|months?)\b`)

// readProbation reads "The first 500 hours of OJL.", "12 weeks.", "3
// months.": one number and its unit.
func (w *workbookReader) readProbation(sheet string, row int, v, shown string) {
	if oneLine(v) == oneLine(shown) {
		return
	}
	m := probationRE().FindStringSubmatch(v)
	if m == nil {
		w.errorAt(sheet, row, 1, "%q states no probation; write its length, such as \"The first 500 hours of OJL\", \"12 weeks\" or \"3 months\"", v)
		return
	}
	d, err := decimal.Parse(strings.ReplaceAll(m[1], ",", ""))
	if err != nil || !thousandsGrouped(m[1]) {
		w.errorAt(sheet, row, 1, "%q is not a number; write it as 1500 or 1,500", m[1])
		return
	}
	unit := strings.ToLower(strings.TrimSuffix(strings.ToLower(m[2]), "s")) + "s"
	w.patch.SetProbation(unit, d)
	w.note(sheet, row, 1, "probation %s %s", d, unit)
}

// money reads a money cell: a number, or text such as "$24.50" or
// "$1,250.00". A comma separates thousands only: "$24,60", a decimal
// comma, is not a rate, rather than $2,460.
func money(raw string) (decimal.Decimal, bool) {
	s := strings.NewReplacer("$", "", " ", "").Replace(strings.TrimSpace(raw))
	if !thousandsGrouped(s) {
		return decimal.Decimal{}, false
	}
	d, err := decimal.Parse(strings.ReplaceAll(s, ",", ""))
	return d, err == nil && d.Sign() >= 0
}

// thousandsGrouped reports whether the commas of s, if any, separate
// groups of three digits in the part before the decimal point.
func thousandsGrouped(s string) bool {
	whole, _, _ := strings.Cut(s, ".")
	if !strings.Contains(s, ",") {
		return true
	}
	groups := strings.Split(whole, ",")
	for i, g := range groups {
		if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) || strings.Trim(g, "0123456789") != "" {
			return false
		}
	}
	return !strings.Contains(s[len(whole):], ",")
}

// readMoney reads a stated rate: set is called with it when it changed.
func (w *workbookReader) readMoney(sheet string, row, col int, raw, shown string, set func(decimal.Decimal)) {
	if col == 0 {
		return
	}
	if raw == "" {
		w.errorAt(sheet, row, col, "the rate is empty; write it, such as 24.50")
		return
	}
	d, ok := money(raw)
	if !ok {
		w.errorAt(sheet, row, col, "%q is not a rate; write a number of dollars such as 24.50", raw)
		return
	}
	if !sameNumber(shown, d) {
		set(d)
	}
}

// readWageStep reads a wage step's percent and rate: each is read back
// when the program states it; one the sheet computed and a person typed
// over is a warning.
func (w *workbookReader) readWageStep(sheet string, row Row, n int, cols map[string]int, want []string) {
	statedPercent, statedRate, shownPercent, shownRate := want[0], want[1], want[2], want[3]
	if c := cols[workbook.HeaderPercent]; c > 0 {
		raw := strings.TrimSpace(row.Cell(c - 1))
		d, err := percentOf(raw)
		switch {
		case statedPercent != "" && raw == "":
			w.errorAt(sheet, row.Num, c, "the percent of wage step %d is empty; write it, such as 60%%", n+1)
		case statedPercent != "" && err != nil:
			w.errorAt(sheet, row.Num, c, "%q is not a percent; write one such as 60%%", raw)
		case statedPercent != "" && !sameNumber(statedPercent, d):
			if e := w.patch.SetWageStep(n, "percent", d); e != nil {
				w.errorAt(sheet, row.Num, c, "%v", e)
				break
			}
			w.note(sheet, row.Num, c, "wage step %d: percent %s", n+1, d)
		case statedPercent == "" && raw != "" && (err != nil || !sameNumber(shownPercent, d)):
			w.warn(sheet, row.Num, c, "the percent of wage step %d is computed from its rate and the journeyworker rate; the value typed over it is ignored", n+1)
		}
	}
	c := cols[workbook.HeaderRate]
	if c == 0 {
		return
	}
	raw := strings.TrimSpace(row.Cell(c - 1))
	if statedRate != "" {
		w.readMoney(sheet, row.Num, c, raw, statedRate, func(d decimal.Decimal) {
			if e := w.patch.SetWageStep(n, "rate", d); e != nil {
				w.errorAt(sheet, row.Num, c, "%v", e)
				return
			}
			w.note(sheet, row.Num, c, "wage step %d: rate %s", n+1, d.Money())
		})
		return
	}
	if f, err := w.f.GetCellFormula(sheet, cellName(c, row.Num)); err == nil && f != "" {
		return // still the formula: computed
	}
	if d, ok := money(raw); raw != "" && (!ok || !sameNumber(shownRate, d)) {
		w.warn(sheet, row.Num, c, "the rate of wage step %d is computed as its percent of the journeyworker rate; the value typed over it is ignored", n+1)
	}
}

func cellName(col, row int) string {
	return framework.ColumnName(col) + strconv.Itoa(row)
}
