package importer

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
	"github.com/wpsgen/wpsgen/internal/lazy"
)

// Rows a person inserts in the Appendix A sheet's wage schedule and
// interim credentials tables: a row right under one of the table's rows
// (no blank row between) is one more wage step or credential, read as
// loosely as people write them: "65%" or 0.65, "$24.60", "after 1,600
// hours", "1600", "After 6 months", "On completing job functions 1 and
// 2", a label.

// insertable is a table of the sheet rows may be inserted in: the index
// of its last keyed row (-1: none yet, an inserted row goes first) and
// that row's number (0: not in such a table).
type insertable struct{ last, lastRow int }

// under reports whether row n is right under the table's last row.
func (t *insertable) under(n int) bool { return t.lastRow > 0 && n == t.lastRow+1 }

// percentOf reads a percent cell: the fraction its format shows (0.65
// for 65%), the percent itself (65, "65%").
func percentOf(raw string) (decimal.Decimal, error) {
	s := strings.TrimSpace(raw)
	d, err := decimal.Parse(strings.TrimSpace(strings.TrimSuffix(s, "%")))
	// No wage is over 100% of the journeyworker rate: a number up to 1 is
	// the fraction the cell's percent format shows.
	if err == nil && !strings.HasSuffix(s, "%") && d.Cmp(decimal.FromInt(1)) <= 0 {
		d = d.Mul(hundred)
	}
	return d, err
}

var hundred = decimal.FromInt(100)

// numberRE is a number as a person writes it: a comma only between groups
// of three digits, so "1,60" (a decimal comma) is not read as 160.
const numberRE = `(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`

var (
	whenStart  = lazy.Regexp(`(?i)^(?:from\s+)?(?:the\s+)?start(?:\s+of\s+(?:the\s+)?apprenticeship)?$`)
	whenMonths = lazy.Regexp(`(?i)^(?:after\s+|from\s+)?` + numberRE + `\s*(?:months?|mos?\.?)$`)
	whenHours  = lazy.Regexp(`(?i)^(after\s+|from\s+)?` + numberRE + `(?:\s*(?:–|—|-|to)\s*` + numberRE + `)?(\s*(?:hours?|hrs?\.?)(?:\s+of\s+(?:OJL|OJT|on-the-job\s+(?:learning|training)))?)?$`)
	whenPeriod = lazy.Regexp(`(?i)^(?:\d+(?:st|nd|rd|th)\s+)?period\s*:?\s*`)
	whenJobs   = lazy.Regexp(`(?i)^(?:on\s+|after\s+)?(?:(?:completing|completion\s+of|completes?)\s+)?job\s+functions?\s+(.+)$`)
	jobIDs     = lazy.Regexp(`^[A-Za-z0-9-]+$`)
	idSeps     = lazy.Regexp(`\s*(?:,|&|\band\b)\s*`)
	idRange    = lazy.Regexp(`(?i)^(\d+)\s*(?:to|through|–)\s*(\d+)$`)
)

// plainNumber is a number as a person writes it, "1,600" too.
func plainNumber(s string) decimal.Decimal {
	d, _ := decimal.Parse(strings.ReplaceAll(s, ",", ""))
	return d
}

// jobFunctionIDs reads "1, 2 and 4" as ids; nil when it is not ids.
func jobFunctionIDs(s string) []string {
	var ids []string
	for _, id := range idSeps().Split(strings.TrimSuffix(strings.TrimSpace(s), "."), -1) {
		if id == "" {
			continue
		}
		if m := idRange().FindStringSubmatch(id); m != nil {
			from, _ := strconv.Atoi(m[1])
			to, _ := strconv.Atoi(m[2])
			if from >= to || to-from > 100 {
				return nil
			}
			for n := from; n <= to; n++ {
				ids = append(ids, strconv.Itoa(n))
			}
			continue
		}
		if !jobIDs().MatchString(id) {
			return nil
		}
		ids = append(ids, id)
	}
	return ids
}

// stepWhen reads when a wage step applies, as the keys of the step:
// "after" or "from" hours are cumulative hours; a number alone (or in
// hours) takes the kind of the step beside it (a period's hours after a
// period, months after months), else hours. nil: not a when (a label,
// then).
func stepWhen(s, kind string) []*yaml.Node {
	s = oneLine(s)
	if whenStart().MatchString(s) {
		if kind == "months" {
			return []*yaml.Node{text("months"), number(decimal.Decimal{})}
		}
		return []*yaml.Node{text("hours"), number(decimal.Decimal{})}
	}
	if m := whenMonths().FindStringSubmatch(s); m != nil {
		return []*yaml.Node{text("months"), number(plainNumber(m[1]))}
	}
	if m := whenJobs().FindStringSubmatch(s); m != nil {
		if ids := jobFunctionIDs(m[1]); ids != nil {
			return []*yaml.Node{text("competencies"), flowList(ids...)}
		}
		return nil
	}
	period := kind == "period"
	if loc := whenPeriod().FindStringIndex(s); loc != nil {
		s, period = s[loc[1]:], true
	}
	m := whenHours().FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	switch {
	case period && m[1] == "":
		p := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
		p.Content = append(p.Content, text("min_hours"), number(plainNumber(m[2])))
		if m[3] != "" {
			p.Content = append(p.Content, text("max_hours"), number(plainNumber(m[3])))
		}
		return []*yaml.Node{text("period"), p}
	case kind == "months" && m[1] == "" && m[3] == "" && m[4] == "":
		return []*yaml.Node{text("months"), number(plainNumber(m[2]))}
	}
	return []*yaml.Node{text("hours"), number(plainNumber(m[2]))}
}

// insertedWageStep reads a row a person inserted in the wage schedule,
// after step after (-1: before the first): the step, or nil (with a
// finding) when a cell cannot be read.
func (w *workbookReader) insertedWageStep(sheet string, row Row, cols map[string]int, after int) *yaml.Node {
	step := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
	ok := true
	var percent *decimal.Decimal
	if c := cols[workbook.HeaderPercent]; c > 0 {
		if raw := strings.TrimSpace(row.Cell(c - 1)); raw != "" {
			d, err := percentOf(raw)
			if err != nil || d.Sign() <= 0 {
				w.errorAt(sheet, row.Num, c, "%q is not a percent; write one such as 65%%", raw)
				ok = false
			} else {
				percent = &d
				step.Content = append(step.Content, text("percent"), number(d))
			}
		}
	}
	rateCol := cols[workbook.HeaderRate]
	if raw := strings.TrimSpace(row.Cell(rateCol - 1)); rateCol > 0 && raw != "" {
		// A formula (copied from the row above) computes the rate.
		if f, err := w.f.GetCellFormula(sheet, cellName(rateCol, row.Num)); err != nil || f == "" {
			d, good := money(raw)
			jw, hasJW := w.patch.JourneyworkerRate()
			switch {
			case !good || d.Sign() == 0:
				w.errorAt(sheet, row.Num, rateCol, "%q is not a rate; write a number of dollars such as 24.50", raw)
				ok = false
			case percent != nil && hasJW && percent.Mul(jw).Div(hundred, 2).Cmp(d) == 0:
				// The rate the percent gives: computed, as the sheet would.
			default:
				step.Content = append(step.Content, text("rate"), moneyNode(d))
			}
		}
	}
	if ok && len(step.Content) == 0 {
		col := cols[workbook.HeaderPercent]
		if col == 0 {
			col = rateCol
		}
		w.errorAt(sheet, row.Num, col, "the added wage step has no percent or rate; write one, such as 65%% or $24.60 (a row right under the wage schedule is a step: a note of the schedule goes under its notes)")
		ok = false
	}
	lines := strings.SplitN(strings.TrimSpace(row.Cell(0)), "\n", 2)
	first, note := oneLine(lines[0]), ""
	if len(lines) > 1 {
		note = oneLine(lines[1])
	}
	if c := cols[workbook.HeaderNotes]; c > 0 && strings.TrimSpace(row.Cell(c-1)) != "" {
		note = oneLine(note + " " + row.Cell(c-1))
	}
	if first == "" {
		w.errorAt(sheet, row.Num, 1, "the added wage step does not say when it applies; write it, such as \"after 1,600 hours\", \"After 6 months\", \"On completing job functions 1 and 2\", or a name for the step")
		return nil
	}
	if !ok {
		return nil
	}
	neighbour := max(after, 0)
	when := stepWhen(first, w.patch.WageStepKind(neighbour))
	label := ""
	if when == nil {
		label = first
		// "Level 2 — 1,000 hours": a name, then when, as the sheet writes them.
		if l, r, cut := strings.Cut(first, " — "); cut {
			if when = stepWhen(r, w.patch.WageStepKind(neighbour)); when != nil {
				label = strings.TrimSpace(l)
			}
		}
	}
	step.Content = append(step.Content, when...)
	if label != "" {
		step.Content = append(step.Content, text("label"), text(label))
	}
	if note != "" {
		step.Content = append(step.Content, text("note"), text(note))
	}
	w.note(sheet, row.Num, 1, "wage step added: %s", flowText(quoteAsPeople(step)))
	return step
}

// moneyNode is a dollar rate as people write it, with its cents: 24.00.
func moneyNode(d decimal.Decimal) *yaml.Node {
	n := number(d)
	if d.Round(2).Cmp(d) == 0 {
		n.Value, n.Tag = strings.ReplaceAll(d.FormatFixed(2), ",", ""), "!!float"
	}
	return n
}

// flowText is a node as one line of YAML.
func flowText(n *yaml.Node) string {
	out, err := yaml.Marshal(n)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

var (
	earnedRTI  = lazy.Regexp(`(?i)^(?:after\s+)?` + numberRE + `\s*(?:hours?|hrs?\.?)?\s*(?:of\s+)?(?:related\s+(?:technical\s+)?instruction|RTI)(?:\s+hours?)?$`)
	earnedOJL  = lazy.Regexp(`(?i)^(?:after\s+)?` + numberRE + `\s*(?:(?:hours?|hrs?\.?)(?:\s+of\s+(?:OJL|OJT|on-the-job\s+(?:learning|training)))?|(?:OJL|OJT)\s+hours?)?$`)
	earnedJobs = lazy.Regexp(`(?i)^(?:on\s+|after\s+)?(?:completing\s+|completion\s+of\s+)?job\s+functions?\s+(.+)$`)
)

// insertedCredential reads a row a person inserted in the interim
// credentials table: its title, and when it is earned (parts joined by
// ";" on the first line of the Earned cell, its note on the lines under).
func (w *workbookReader) insertedCredential(sheet string, row Row, cols map[string]int) *yaml.Node {
	titleCol, earnedCol := cols[workbook.HeaderCredential], cols[workbook.HeaderEarned]
	if titleCol == 0 || earnedCol == 0 {
		return nil
	}
	title := oneLine(row.Cell(titleCol - 1))
	// Earned may be typed in any column right of the title's.
	earned, col := "", earnedCol
	for c := earnedCol; c > titleCol && earned == ""; c-- {
		earned, col = strings.TrimSpace(row.Cell(c-1)), c
	}
	if title == "" {
		w.errorAt(sheet, row.Num, titleCol, "the added interim credential has no title; write it in this cell")
		return nil
	}
	cred := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	cred.Content = append(cred.Content, text("title"), text(title))
	lines := strings.SplitN(earned, "\n", 2)
	for _, part := range strings.Split(lines[0], ";") {
		part = oneLine(part)
		if part == "" {
			continue
		}
		var key string
		var v *yaml.Node
		if m := earnedJobs().FindStringSubmatch(part); m != nil && jobFunctionIDs(m[1]) != nil {
			key, v = "after", flowList(jobFunctionIDs(m[1])...)
		} else if m := earnedRTI().FindStringSubmatch(part); m != nil {
			key, v = "after_rti_hours", number(plainNumber(m[1]))
		} else if m := earnedOJL().FindStringSubmatch(part); m != nil {
			key, v = "after_hours", number(plainNumber(m[1]))
		} else {
			w.errorAt(sheet, row.Num, col, "%q does not say when the credential is earned; write it as \"On completing job functions 1 and 2\", \"after 2,000 hours of OJL\" or \"after 144 hours of related instruction\" (several joined by ;), and a note on the next line", part)
			return nil
		}
		if value(cred, key) != nil {
			w.errorAt(sheet, row.Num, col, "%q says twice when the credential is earned (%s); write each of job functions, OJL hours and related instruction hours once", lines[0], key)
			return nil
		}
		cred.Content = append(cred.Content, text(key), v)
	}
	if len(lines) > 1 && oneLine(lines[1]) != "" {
		cred.Content = append(cred.Content, text("note"), text(oneLine(lines[1])))
	}
	w.note(sheet, row.Num, titleCol, "interim credential %q added", title)
	return quoteAsPeople(cred)
}

// readStepTexts reads what a wage step's first cell shows: its label, as
// the step's name alone or before " — " and when it applies, and its note
// (on the lines under, or in the notes column). When it applies is
// written from the step's hours, period, months or job functions: an edit
// of it is a warning.
func (w *workbookReader) readStepTexts(sheet string, row Row, n int, cols map[string]int, want []string) {
	shownWhen, label, note := oneLine(want[4]), oneLine(want[5]), oneLine(want[6])
	first, rest, _ := strings.Cut(strings.TrimSpace(row.Cell(0)), "\n")
	first, gotNote := oneLine(first), oneLine(rest)
	if c := cols[workbook.HeaderNotes]; c > 0 {
		gotNote = oneLine(row.Cell(c - 1))
	}
	whenPart, labelled := strings.CutPrefix(shownWhen, label+" — ")
	switch {
	case first == shownWhen:
	case label != "" && shownWhen == label:
		if first == "" {
			w.errorAt(sheet, row.Num, 1, "the label of wage step %d is empty; write it, or delete the row to remove the step", n+1)
			return
		}
		w.setStepText(sheet, row.Num, 1, n, "label", first)
	case label != "" && labelled && strings.HasSuffix(first, whenPart):
		w.setStepText(sheet, row.Num, 1, n, "label", strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(first, whenPart)), "—")))
	default:
		w.warn(sheet, row.Num, 1, "when wage step %d applies is written from its hours, period, months or job functions: edit those in the program; the text typed here is ignored", n+1)
	}
	if gotNote != note {
		col := 1
		if c := cols[workbook.HeaderNotes]; c > 0 {
			col = c
		}
		w.setStepText(sheet, row.Num, col, n, "note", gotNote)
	}
}

func (w *workbookReader) setStepText(sheet string, row, col, n int, key, v string) {
	if err := w.patch.SetWageStepText(n, key, v); err != nil {
		w.errorAt(sheet, row, col, "%v", err)
		return
	}
	w.note(sheet, row, col, "wage step %d: %s %q", n+1, key, v)
}

// readEarned reads an interim credential's Earned cell: when it is earned,
// written from its after, after_hours and after_rti_hours (an edit of it
// is a warning), and its note on the lines under (the whole cell when it
// says no when).
func (w *workbookReader) readEarned(sheet string, row, col, n int, raw string, want []string) {
	got := strings.TrimSpace(raw)
	when, note := "", got
	if want[1] != "" {
		when, note, _ = strings.Cut(got, "\n")
	}
	switch {
	case oneLine(got) == oneLine(want[1]+" "+want[2]):
		return // as shown (a line break a spreadsheet dropped too)
	case oneLine(when) != oneLine(want[1]):
		w.warn(sheet, row, col, "when interim credential %d is earned is written from its after, after_hours and after_rti_hours: edit those in the program; the text typed here is ignored", n+1)
		return
	case oneLine(note) == oneLine(want[2]):
		return
	}
	if err := w.patch.SetItemText("interim_credentials", "interim credential", n, "note", oneLine(note)); err != nil {
		w.errorAt(sheet, row, col, "%v", err)
		return
	}
	w.note(sheet, row, col, "interim credential %d: note %q", n+1, oneLine(note))
}
