package importer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/wpsgen/wpsgen/framework/workbook"
	"github.com/wpsgen/wpsgen/internal/lazy"
)

// A competency's sub-items on the Work Process Schedule: the rows under
// its row, each keyed with its place ("item 6.E.2.1") and the text it
// showed. A custom competency's sub-items are the program's: edited,
// deleted or inserted rows come back as its items. A framework
// competency's are the framework's, and a change is a finding.

// itemBlock is the competency whose sub-item rows are being read.
type itemBlock struct {
	jf, letter string
	row        int // the competency's row
	custom     bool
	rows       []itemRow
	// legacy: its sub-item rows are keyed as a workbook rendered before
	// sub-items were read back keys them, without saying which each shows.
	legacy bool
}

// itemRow is a sub-item as a row shows it.
type itemRow struct {
	num, depth int
	text       string
	key        string // "" for a row a person inserted
}

func (b *itemBlock) id() string { return b.jf + "." + b.letter }

// shownItem is a sub-item the workbook was rendered with.
type shownItem struct {
	key  string
	text string
	path []int
}

// shownItems indexes the sub-items the workbook was rendered with by
// competency ("6.E"), in order.
func (w *workbookReader) shownItems(sheet string) map[string][]shownItem {
	out := map[string][]shownItem{}
	for k, v := range w.expect {
		rest, ok := strings.CutPrefix(k, sheet+"!"+workbook.KeyItem)
		if !ok {
			continue
		}
		parts := strings.Split(rest, ".")
		if len(parts) < 3 {
			continue
		}
		it := shownItem{key: workbook.KeyItem + rest}
		for _, p := range parts[2:] {
			n, err := strconv.Atoi(p)
			if err != nil {
				it.path = nil
				break
			}
			it.path = append(it.path, n)
		}
		if it.path == nil {
			continue
		}
		if len(v) > 0 {
			it.text = v[0]
		}
		comp := parts[0] + "." + parts[1]
		out[comp] = append(out[comp], it)
	}
	for _, items := range out {
		slices.SortFunc(items, func(a, b shownItem) int { return slices.Compare(a.path, b.path) })
	}
	return out
}

var (
	itemNumber = lazy.Regexp(`^\d{1,3}[.)]?$`)
	itemLetter = lazy.Regexp(`^[a-z][.)]?$`)
)

// insertedItemDepth says whether a row a person inserted under a
// competency (or its sub-items) is a sub-item, and at which depth: column
// A holds a sub-item's number ("3." under the competency, "c." under a
// numbered one), or, with column A empty, the text is indented as the
// sub-items are. Any other row is a competency.
func insertedItemDepth(row Row, b *itemBlock) int {
	mark := strings.TrimSpace(row.Cell(workbook.ColLetter - 1))
	switch {
	case itemNumber().MatchString(mark):
		return 1
	case itemLetter().MatchString(mark) && len(b.rows) > 0:
		return 2
	case mark != "":
		return 0
	}
	indent := 0
	for _, r := range row.Cell(workbook.ColText - 1) {
		switch r {
		case ' ', '\u00a0':
			indent++
		case '\t':
			indent += 4
		default:
			switch {
			case indent >= 6:
				return 2
			case indent >= 2:
				return 1
			}
			return 0
		}
	}
	return 0
}

// readItemRow reads a sub-item's row into the block: a keyed row, or
// one a person inserted (key ""). A sub-item has no type or delivery of
// its own: a value in those cells is a finding.
func (w *workbookReader) readItemRow(sheet string, rows []Row, i, keyCol int, b *itemBlock, key string, depth int) {
	row := rows[i]
	for _, col := range []int{workbook.ColType, workbook.ColRTI, workbook.ColOJT} {
		if v := strings.TrimSpace(row.Cell(col - 1)); v != "" {
			w.errorAt(sheet, row.Num, col, "%q is on a sub-item's row of competency %s: a sub-item has no Core or Optional, RTI or OJT of its own (its competency's row has them); clear the cell, or letter the row in column A (such as F.) to make it a competency", v, b.id())
		}
	}
	text := oneLine(row.Cell(workbook.ColText - 1))
	if key != "" && continued(rows, i, keyCol) {
		text = w.expected(sheet, key, 1)[0] // where its text was cut is not known
	}
	b.rows = append(b.rows, itemRow{num: row.Num, depth: depth, text: text, key: key})
}

// finishItems compares a competency's sub-item rows with the sub-items
// it was rendered with: a custom competency's come back as its items; a
// framework competency's cannot change.
func (w *workbookReader) finishItems(sheet string, b *itemBlock, shown []shownItem) {
	if b == nil {
		return
	}
	if b.legacy {
		for _, r := range b.rows {
			w.errorAt(sheet, r.num, workbook.ColText, "this workbook was written by an earlier wpsgen, which does not say which sub-item each row shows, so sub-items of competency %s cannot be added here; render the program again and edit the new workbook, or add the sub-item in the program", b.id())
		}
		return
	}
	seen := map[string]bool{}
	removed := map[string]string{} // key -> text of a sub-item emptied or deleted
	var got []itemRow
	changed := false
	for _, r := range b.rows {
		seen[r.key] = true
		want := ""
		if r.key != "" {
			want = oneLine(w.expected(sheet, r.key, 1)[0])
		}
		switch {
		case r.key == "" && !b.custom:
			w.errorAt(sheet, r.num, workbook.ColText, "the sub-items of competency %s are the framework's: one cannot be added in the workbook; delete the row (a competency of your own goes in a row of its own, lettered in column A or not numbered at all)", b.id())
		case r.key != "" && r.text != want && !b.custom:
			w.errorAt(sheet, r.num, workbook.ColText, "the sub-items of competency %s are the framework's and cannot be changed in the workbook; set the cell back to %q", b.id(), want)
		case r.text == "":
			changed = true
			removed[r.key] = want
			w.note(sheet, r.num, workbook.ColText, "competency %s: sub-item %q emptied: removed", b.id(), want)
		case r.key == "":
			changed = true
			got = append(got, r)
			w.note(sheet, r.num, workbook.ColText, "competency %s: sub-item %q added", b.id(), r.text)
		default:
			if r.text != want {
				changed = true
				w.note(sheet, r.num, workbook.ColText, "competency %s: sub-item %q edited", b.id(), r.text)
			}
			got = append(got, r)
		}
	}
	for _, s := range shown {
		if seen[s.key] {
			continue
		}
		if !b.custom {
			w.errorAt(sheet, b.row, workbook.ColText, "a sub-item row of competency %s was deleted, but its sub-items are the framework's; restore the row (%q)", b.id(), s.text)
			continue
		}
		changed = true
		removed[s.key] = s.text
		w.note(sheet, 0, 0, "competency %s: sub-item %q's row was deleted: removed", b.id(), s.text)
	}

	if !b.custom {
		return
	}
	// Rows moved among themselves change the order.
	if !changed {
		i := 0
		for _, r := range got {
			if i >= len(shown) || r.key != shown[i].key {
				changed = true
				break
			}
			i++
		}
	}
	if !changed {
		return
	}
	var items []ItemEdit
	for _, r := range got {
		if r.depth == 1 {
			items = append(items, ItemEdit{Text: r.text})
			continue
		}
		if len(items) == 0 {
			w.errorAt(sheet, r.num, workbook.ColText, "sub-item %q of competency %s has no numbered sub-item above it to belong to; number it in column A (1., 2., ...), or insert it under a numbered one", r.text, b.id())
			return
		}
		// A lettered line whose numbered line is gone would silently
		// belong to the numbered line above that one.
		if i := strings.LastIndex(r.key, "."); r.key != "" && i >= 0 {
			if parent, ok := removed[r.key[:i]]; ok {
				w.errorAt(sheet, r.num, workbook.ColText, "sub-item %q of competency %s is under %q, whose line was emptied or deleted; delete this line too, or give that line its text back", r.text, b.id(), parent)
				return
			}
		}
		last := &items[len(items)-1]
		last.Items = append(last.Items, r.text)
	}
	if err := w.patch.SetItems(b.jf, b.letter, items); err != nil {
		w.errorAt(sheet, b.row, workbook.ColText, "%v", err)
	}
}

// itemKeyOf returns a sub-item key's competency ("6.E") and depth.
func itemKeyOf(key string) (comp string, depth int, ok bool) {
	parts := strings.Split(strings.TrimPrefix(key, workbook.KeyItem), ".")
	if len(parts) < 3 {
		return "", 0, false
	}
	return parts[0] + "." + parts[1], len(parts) - 2, true
}
