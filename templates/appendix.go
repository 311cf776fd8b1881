package templates

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
)

// The Appendix A of the Standards of Apprenticeship, in DOL's order: the
// title block, then 1 approach, 2 term, 3 ratio, 4 wage schedule, 5
// probation, 6 selection procedures and the interim credentials. The work
// process schedule and the related instruction outline follow in their own
// parts. Sections 3 to 6 and the credentials are printed only when the
// program gives them, under DOL's numbers (a missing section leaves a gap
// in the numbering rather than renumbering the ones a Standards document
// refers to). Every number is taken from the program or computed here
// from it, never typed twice.

// appendixPart is the Appendix A part of a validated schedule.
func appendixPart(s *framework.Schedule) Part {
	p := s.Program
	occ, fw := p.Occupation, s.Framework
	blocks := []Block{
		&Heading{Level: 1, Text: "APPENDIX A", Bookmark: true, Key: workbook.KeyHead},
		&Heading{Level: 2, Text: fw.Title.Value, Key: workbook.KeyHead},
		&FieldList{Aside: true, Fields: []Field{
			{Label: "O*NET-SOC Code", Value: or(occ.ONET, fw.ONET), Kind: FieldCode, Path: "occupation.onet"},
			{Label: "RAPIDS Code", Value: or(occ.RAPIDS, fw.RAPIDS), Kind: FieldCode, Path: "occupation.rapids"},
		}},
		&Paragraph{Text: "This schedule is attached to and a part of these Standards for the above identified occupation.", Style: StyleLegal, Key: &RowKey{Key: workbook.KeyHead}},
	}
	approach, term := approachBoxes(p.Approach.Value), &Paragraph{Text: termSentence(p)}
	// Written from what the schedule's header fields show: a workbook's
	// reader warns of an edit here rather than reading it.
	approach.Key = &RowKey{Key: workbook.KeyDerived + "the apprenticeship type", Shown: []string{approach.Text}}
	term.Key = &RowKey{Key: workbook.KeyDerived + "the term", Shown: []string{term.Text}}
	blocks = append(blocks, section("1. APPRENTICESHIP APPROACH", approach)...)
	blocks = append(blocks, section("2. TERM OF APPRENTICESHIP", term)...)
	blocks = append(blocks, ratioSection(p.Ratio)...)
	blocks = append(blocks, wageSection(p)...)
	blocks = append(blocks, probationSection(p.Probation)...)
	blocks = append(blocks, selectionSection(p.SelectionProcedures)...)
	blocks = append(blocks, credentialSection(p.InterimCredentials)...)
	return Part{Name: workbook.SheetAppendix, Blocks: blocks}
}

// section is a numbered section heading (an outline entry) and its blocks.
func section(title string, blocks ...Block) []Block {
	return append([]Block{&Heading{Level: 2, Text: title, Bookmark: true, Key: workbook.KeyHead}}, blocks...)
}

// approachBoxes is the form's three boxes, the program's approach checked.
func approachBoxes(approach string) *Paragraph {
	boxes := []struct{ label, value string }{{"Time-based", TimeBased}, {"Competency-based", CompetencyBased}, {"Hybrid", Hybrid}}
	parts := make([]string, len(boxes))
	for i, b := range boxes {
		parts[i] = Box(approach == b.value) + " " + b.label
	}
	return &Paragraph{Text: strings.Join(parts, "     ")}
}

// termSentence states the term in words and numbers as the Standards do:
// "The term of the occupation is approximately four (4) years with an OJL
// attainment of 6,375 – 8,000 hours, supplemented by the minimum required
// 576 hours of related instruction (minimum 144 hours annually)." The
// length in years is the term's hours over 2,000 rounded to a whole year
// (hence "approximately"), or the months or years the program states; the OJL
// hours are the schedule's totals; the related instruction is the sum of
// the courses. A part the program gives no number for is left out.
func termSentence(p *framework.Program) string {
	t := p.Term
	var length, ojl string
	if y, ok := approximateYears(p); ok {
		length = "approximately " + countWords(y, "year")
	}
	hours, lo, hi := framework.ScheduleTotals(p)
	switch p.Approach.Value {
	case TimeBased:
		ojl = "an OJL attainment of " + hours.Format() + " hours"
	case Hybrid:
		ojl = "an OJL attainment of " + lo.Format() + " – " + hi.Format() + " hours"
	case CompetencyBased:
		if n, ok := t.Months.Dec.Int64(); t.Months.Set && ok {
			length = "approximately " + countWords(n, "month")
		} else if n, ok := t.Years.Dec.Int64(); t.Years.Set && ok {
			length = "approximately " + countWords(n, "year")
		} else if t.Months.Set {
			length = "approximately " + t.Months.Dec.Format() + " months"
		} else if t.Years.Set {
			length = "approximately " + t.Years.Dec.Format() + " years"
		}
		if t.Hours.Set {
			ojl = "an OJL attainment of not less than " + t.Hours.Dec.Format() + " hours"
		}
	}
	var b strings.Builder
	b.WriteString("The term of the occupation is ")
	b.WriteString(joinNonEmpty(" with ", length, ojl))
	if p.Approach.Value == CompetencyBased && ojl == "" {
		b.WriteString(", progressing by demonstrated competency")
	}
	if ri := framework.RTITotal(p); ri.Sign() > 0 {
		fmt.Fprintf(&b, ", supplemented by the minimum required %s hours of related instruction (minimum %d hours annually)",
			ri.Format(), framework.RTIHoursPerYear)
	}
	b.WriteString(".")
	return b.String()
}

// approximateYears is the term's OJL hours (hybrid: the most) over 2,000
// hours a year, rounded half up, at least one; false when the term states
// no hours.
func approximateYears(p *framework.Program) (int64, bool) {
	t := p.Term
	h := t.Hours
	if p.Approach.Value == Hybrid {
		h = t.MaxHours
	}
	if !h.Set || h.Dec.Sign() <= 0 {
		return 0, false
	}
	y, ok := h.Dec.Div(decimal.FromInt(framework.HoursPerYear), 0).Int64()
	return max(y, 1), ok
}

// countWords writes a count in words and numbers: "four (4) years",
// "one (1) year".
func countWords(n int64, unit string) string {
	if n != 1 {
		unit += "s"
	}
	return fmt.Sprintf("%s (%d) %s", numberWords(n), n, unit)
}

var (
	smallNumbers = strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
	tensWords    = strings.Fields("_ _ twenty thirty forty fifty sixty seventy eighty ninety")
)

// numberWords spells 0 to 999 in English ("forty-eight"); larger numbers
// stay in digits (no term is that long: the term-range rule says so).
func numberWords(n int64) string {
	switch {
	case n < 0 || n > 999:
		return decimal.FromInt(n).Format()
	case n < 20:
		return smallNumbers[n]
	case n < 100:
		if n%10 == 0 {
			return tensWords[n/10]
		}
		return tensWords[n/10] + "-" + smallNumbers[n%10]
	case n%100 == 0:
		return smallNumbers[n/100] + " hundred"
	}
	return smallNumbers[n/100] + " hundred " + numberWords(n%100)
}

// ratioSection is "1 Apprentice to 1 Journeyworker (1:1)" and its note.
func ratioSection(r *framework.Ratio) []Block {
	if r == nil || !r.Apprentices.Set || !r.Journeyworkers.Set {
		return nil
	}
	a, j := r.Apprentices.Dec, r.Journeyworkers.Dec
	text := fmt.Sprintf("%s to %s (%s:%s)", countOf(a, "Apprentice"), countOf(j, "Journeyworker"), a.String(), j.String())
	blocks := section("3. RATIO OF APPRENTICES TO JOURNEYWORKERS", &Paragraph{Text: text,
		Key: &RowKey{Key: workbook.KeyRatio, Shown: []string{text, a.String(), j.String()}}})
	if r.Note.Value != "" {
		blocks = append(blocks, &Paragraph{Text: r.Note.Value, Key: &RowKey{Key: workbook.KeyText + "ratio.note", Shown: []string{r.Note.Value}}})
	}
	return blocks
}

// countOf is "1 Apprentice", "2 Apprentices".
func countOf(n decimal.Decimal, noun string) string {
	if n.Cmp(decimal.FromInt(1)) != 0 {
		noun += "s"
	}
	return n.Format() + " " + noun
}

// probationSection is the probationary period: "the first 1,500 hours of
// OJL", "12 weeks", "3 months", and its note.
func probationSection(pr *framework.Probation) []Block {
	text := framework.ProbationText(pr)
	if text == "" {
		return nil
	}
	if pr.Hours.Set {
		text = "The first " + text + " of OJL"
	} else {
		text = strings.ToUpper(text[:1]) + text[1:]
	}
	blocks := section("5. PROBATIONARY PERIOD", &Paragraph{Text: text + ".", Key: &RowKey{Key: workbook.KeyProbation, Shown: []string{text + "."}}})
	if pr.Note.Value != "" {
		blocks = append(blocks, &Paragraph{Text: pr.Note.Value, Key: &RowKey{Key: workbook.KeyText + "probation.note", Shown: []string{pr.Note.Value}}})
	}
	return blocks
}

// selectionSection is the selection procedures, a paragraph each.
func selectionSection(procs []framework.String) []Block {
	var paras []Block
	for i, s := range procs {
		if s.Value != "" {
			paras = append(paras, &Paragraph{Text: s.Value, Key: &RowKey{Key: workbook.KeyProcedure + strconv.Itoa(i), Shown: []string{s.Value}}})
		}
	}
	if len(paras) == 0 {
		return nil
	}
	return section("6. SELECTION PROCEDURES", paras...)
}

// credentialsTable names the interim credentials table.
const credentialsTable = "Interim_Credentials"

// credentialSection is a row per interim credential: its title, and when it
// is earned (job functions, OJL hours, related instruction hours) with its
// note under.
func credentialSection(creds []*framework.InterimCredential) []Block {
	if len(creds) == 0 {
		return nil
	}
	t := &Table{
		ID:        credentialsTable,
		HeaderKey: workbook.KeyCredentialHead,
		Continued: "INTERIM CREDENTIALS (continued)",
		Columns: []Column{
			{Header: workbook.HeaderCredential, Kind: CellText, Width: 200},
			{Header: workbook.HeaderEarned, Kind: CellText, Width: 322},
		},
	}
	for i, c := range creds {
		var when []string
		if ids := idValues(c.After); len(ids) > 0 {
			when = append(when, "on completing "+jobFunctionList(ids))
		}
		if c.AfterHours.Set {
			when = append(when, "after "+c.AfterHours.Dec.Format()+" hours of OJL")
		}
		if c.AfterRTIHours.Set {
			when = append(when, "after "+c.AfterRTIHours.Dec.Format()+" hours of related instruction")
		}
		earned := capitalize(strings.Join(when, "; "))
		t.Rows = append(t.Rows, Row{Cells: []Cell{
			{Kind: CellText, Text: c.Title.Value},
			{Kind: CellText, Text: earned, Note: c.Note.Value},
		}, Key: &RowKey{Key: workbook.KeyCredential + strconv.Itoa(i), Shown: []string{c.Title.Value, earned, c.Note.Value}}})
	}
	return []Block{&Heading{Level: 2, Text: "INTERIM CREDENTIALS", Bookmark: true, Key: workbook.KeyHead}, t}
}

func idValues(ss []framework.String) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, s.Value)
	}
	return out
}

// jobFunctionList is "job function 1", "job functions 1 and 2",
// "job functions 1, 2, 3 and 4".
func jobFunctionList(ids []string) string {
	if len(ids) == 1 {
		return "job function " + ids[0]
	}
	return "job functions " + strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1]
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// competencyItems are a competency's sub-items: the program's for a
// custom competency, the framework's otherwise.
func competencyItems(c *framework.ScheduledCompetency) []ListItem {
	items := c.Src.Items
	if !c.Custom && c.Def != nil {
		items = c.Def.Items
	}
	return listItems(items)
}

func listItems(items []framework.Item) []ListItem {
	var out []ListItem
	for _, it := range items {
		out = append(out, ListItem{Text: it.Text.Value, Items: listItems(it.Items)})
	}
	return out
}

// itemRows are sub-item rows under a competency of a job function table
// (columns text, type, RTI, OJT), indented by depth and numbered as the
// Standards do: 1., 2. under the competency's letter, then a., b. Each
// row is keyed with its place under the competency (key: "item 6.E", the
// rows "item 6.E.1", "item 6.E.1.2") and the text it shows, for a
// workbook's reader: a sub-item is read back as one, never as a
// competency.
func itemRows(items []ListItem, depth int, key string) []Row {
	var rows []Row
	for i, it := range items {
		k := key + "." + strconv.Itoa(i+1)
		rows = append(rows, Row{Indent: depth, Cells: []Cell{
			{Kind: CellText, Prefix: itemMark(depth, i), Text: it.Text},
			{Kind: CellText},
			{Kind: CellCheck},
			{Kind: CellCheck},
		}, Key: &RowKey{Key: k, Shown: []string{it.Text}}})
		rows = append(rows, itemRows(it.Items, depth+1, k)...)
	}
	return rows
}

// itemMark is a sub-item's number at its depth: "1.", then "a.", then a
// bullet (the rules allow no deeper items).
func itemMark(depth, i int) string {
	switch depth {
	case 1:
		return fmt.Sprintf("%d.", i+1)
	case 2:
		if i < 26 {
			return string(rune('a'+i)) + "."
		}
	}
	return "•"
}
