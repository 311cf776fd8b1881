package templates

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
)

// wagesTable names the wage schedule table.
const wagesTable = "Wage_Schedule"

var hundred = decimal.FromInt(100)

// wageSection is the apprentice wage schedule: a table whose first row is
// the journeyworker rate (with its note) when the program gives one, then
// a row per step saying when it applies, its percent and its hourly rate,
// then the notes. A step given as a percent gets its rate computed as
// percent × journeyworker rate, rounded half up to the cent, with the
// formula that computes it (a spreadsheet keeps it live: change the
// journeyworker rate and every step follows); a step given as a rate gets
// its percent computed as rate / journeyworker rate when there is one.
func wageSection(p *framework.Program) []Block {
	w := p.Wages
	if w == nil || len(w.Steps) == 0 {
		return nil
	}
	jw := w.JourneyworkerRate
	hasPercent := jw.Set || slices.ContainsFunc(w.Steps, func(st *framework.WageStep) bool { return st.Percent.Set })
	t := &Table{ID: wagesTable, HeaderKey: workbook.KeyWageHead, Continued: "APPRENTICE WAGE SCHEDULE (continued)"}
	t.Columns = append(t.Columns, Column{Header: "Period or level", Kind: CellText, Width: 302})
	percentCol, rateCol := -1, 1
	if hasPercent {
		percentCol, rateCol = 1, 2
		t.Columns = append(t.Columns, Column{Header: workbook.HeaderPercent, Kind: CellPercent, Width: 110})
	}
	t.Columns = append(t.Columns, Column{Header: workbook.HeaderRate, Kind: CellMoney, Width: 110})
	row := func(when, note string, percent, rate Cell) Row {
		cells := []Cell{{Kind: CellText, Text: when, Note: note}}
		if hasPercent {
			cells = append(cells, percent)
		}
		return Row{Cells: append(cells, rate)}
	}
	jwRow := -1
	if jw.Set {
		jwRow = len(t.Rows)
		t.Rows = append(t.Rows, row(joinNonEmpty(" ", "Journeyworker rate", w.RateNote.Value), "", Cell{Kind: CellPercent}, moneyCell(jw.Dec)))
		t.Rows[jwRow].Key = &RowKey{Key: workbook.KeyWageRate, Shown: []string{jw.Dec.String()}}
	}
	termMax := termMaxHours(p)
	periods := 0
	for i, st := range w.Steps {
		if st.Period != nil {
			periods++
		}
		percent, rate := Cell{Kind: CellPercent}, Cell{Kind: CellMoney}
		switch {
		case st.Percent.Set:
			percent = percentCell(st.Percent.Dec)
		case st.Rate.Set && jw.Set && jw.Dec.Sign() > 0:
			percent = percentCell(st.Rate.Dec.Mul(hundred).Div(jw.Dec, 2))
		}
		switch {
		case st.Rate.Set:
			rate = moneyCell(st.Rate.Dec)
		case st.Percent.Set && jw.Set:
			rate = moneyCell(st.Percent.Dec.Mul(jw.Dec).Div(hundred, 2))
			rate.Formula = &Formula{Op: OpProduct, Places: 2, Refs: []Ref{
				{Table: wagesTable, Col: percentCol, Row: len(t.Rows)},
				{Table: wagesTable, Col: rateCol, Row: jwRow},
			}}
		}
		when := stepWhen(w.Steps, i, periods, termMax)
		r := row(when, st.Note.Value, percent, rate)
		// What a workbook's reader compares the row with: the percent and
		// rate the program states ("" when computed), then as shown; when
		// it applies as shown, its label and its note.
		r.Key = &RowKey{Key: workbook.KeyWageStep + strconv.Itoa(i), Shown: []string{
			stated(st.Percent), stated(st.Rate), shownNum(percent), shownNum(rate), when, st.Label.Value, st.Note.Value}}
		t.Rows = append(t.Rows, r)
	}
	blocks := section("4. APPRENTICE WAGE SCHEDULE")
	if !jw.Set && w.RateNote.Value != "" {
		blocks = append(blocks, &Paragraph{Text: "Journeyworker rate: " + w.RateNote.Value})
	}
	blocks = append(blocks, t)
	for i, n := range w.Notes {
		if n.Value != "" {
			blocks = append(blocks, &Paragraph{Text: n.Value, Key: &RowKey{Key: workbook.KeyWageNote + strconv.Itoa(i), Shown: []string{n.Value}}})
		}
	}
	return blocks
}

func moneyCell(d decimal.Decimal) Cell {
	return Cell{Kind: CellMoney, Num: d, Text: d.Money()}
}

func percentCell(d decimal.Decimal) Cell {
	return Cell{Kind: CellPercent, Num: d, Text: d.Format() + "%"}
}

// termMaxHours is the most OJL hours of the term as the program states
// it, the end of the last hours step; nil when the term has no hours.
func termMaxHours(p *framework.Program) *decimal.Decimal {
	t := p.Term
	switch {
	case p.Approach.Value == Hybrid && t.MaxHours.Set:
		return &t.MaxHours.Dec
	case p.Approach.Value != Hybrid && t.Hours.Set:
		return &t.Hours.Dec
	}
	return nil
}

// stepWhen says when step i applies, in the way the program states it:
// hours from one step to the next ("0 – 1,000 hours of OJL"; the last to
// the end of the term), a period ("1st period: 1,600 – 2,000 hours of
// OJL", periods counting from 1), months ("After 6 months"), job functions
// ("On completing job functions 1 and 2"), or the step's label, which
// names the step before any of these.
func stepWhen(steps []*framework.WageStep, i, period int, termMax *decimal.Decimal) string {
	st := steps[i]
	var when string
	switch {
	case st.Hours.Set:
		from := st.Hours.Dec
		switch {
		case i+1 < len(steps) && steps[i+1].Hours.Set:
			when = from.Format() + " – " + steps[i+1].Hours.Dec.Format() + " hours of OJL"
		case i+1 == len(steps) && termMax != nil && termMax.Cmp(from) > 0:
			when = from.Format() + " – " + termMax.Format() + " hours of OJL"
		case from.Sign() == 0:
			when = "From the start"
		default:
			when = "From " + from.Format() + " hours of OJL"
		}
	case st.Period != nil && st.Period.MinHours.Set:
		when = ordinal(period) + " period: " + st.Period.MinHours.Dec.Format()
		if st.Period.MaxHours.Set {
			when += " – " + st.Period.MaxHours.Dec.Format()
		}
		when += " hours of OJL"
	case st.Months.Set && st.Months.Dec.Sign() == 0:
		when = "From the start"
	case st.Months.Set:
		when = "After " + plural(st.Months.Dec, "month")
	case len(st.Competencies) > 0:
		when = "On completing " + jobFunctionList(idValues(st.Competencies))
	}
	if st.Label.Value != "" {
		return joinNonEmpty(" — ", st.Label.Value, when)
	}
	return when
}

// ordinal is "1st", "2nd", "3rd", "4th", "11th", "21st".
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// stated is a number as the program states it, "" when it does not.
func stated(n framework.Number) string {
	if !n.Set {
		return ""
	}
	return n.Dec.String()
}

// shownNum is a money or percent cell's number as shown, "" when blank.
func shownNum(c Cell) string {
	if c.Text == "" {
		return ""
	}
	return c.Num.String()
}
