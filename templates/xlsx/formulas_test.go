package xlsx_test

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

// totals lists the totals of a document, as the renderer must write them.
func totals(d *templates.Document) []total {
	var out []total
	for _, t := range d.Totals {
		out = append(out, total{xlsx.SheetSchedule, t.Label, t.Hours.Float64()})
	}
	for _, g := range d.RTI.Groups {
		if g.Label != "" {
			out = append(out, total{xlsx.SheetRTI, "Subtotal, " + g.Label, g.Subtotal.Float64()})
		}
	}
	out = append(out, total{xlsx.SheetRTI, "Total RTI hours", d.RTI.Total.Float64()})
	if d.RTI.Years > 0 {
		out = append(out, total{xlsx.SheetRTI, "Hours per year", d.RTI.HoursPerYear.Float64()})
	}
	return out
}

// checkTotals checks that the workbook's only formulas are the document's
// totals, each with the total as its cached value and computing it.
func checkTotals(t *testing.T, b *book, d *templates.Document) {
	t.Helper()
	want := totals(d)
	found := 0
	for _, s := range b.GetSheetList() {
		formulas := b.formulas(s)
		computed := b.subtotals(s, formulas)
		for cell, formula := range formulas {
			col, row, _ := excelize.CellNameToCoordinates(cell)
			label := b.value(s, 1, row)
			var match *total
			for i := range want {
				if want[i].sheet == s && strings.HasPrefix(label, want[i].label) {
					match = &want[i]
				}
			}
			if match == nil {
				t.Errorf("%s!%s holds formula %q, but row %d (%q) is no total", s, cell, formula, row, label)
				continue
			}
			found++
			var err error
			if cached := b.number(s, col, row); cached != match.value {
				t.Errorf("%s!%s (%s) caches %v, want %v", s, cell, label, cached, match.value)
			}
			calc, ok := computed[cell]
			if !ok {
				calc, err = b.CalcCellValue(s, cell, excelize.Options{RawCellValue: true})
			}
			if err != nil {
				t.Errorf("%s!%s: %v", s, cell, err)
				continue
			}
			if v, err := strconv.ParseFloat(calc, 64); err != nil || math.Abs(v-match.value) > 1e-9 {
				t.Errorf("%s!%s = %q computes %q, want %v", s, cell, formula, calc, match.value)
			}
		}
	}
	if found != len(want) {
		t.Errorf("found %d total formulas, want %d", found, len(want))
	}
}

// subtotals computes the SUBTOTAL(9,range) formulas of a sheet as Excel and
// LibreOffice do (excelize's calculator does not): the numbers of the range,
// skipping cells that are SUBTOTALs themselves. It then stores each result
// as a plain number, so formulas that refer to a subtotal compute from it.
func (b *book) subtotals(sheet string, formulas map[string]string) map[string]string {
	b.t.Helper()
	out := map[string]string{}
	for cell, formula := range formulas {
		rng, ok := strings.CutPrefix(formula, "SUBTOTAL(9,")
		if !ok {
			continue
		}
		from, to, _ := strings.Cut(strings.TrimSuffix(rng, ")"), ":")
		col, first, err1 := excelize.CellNameToCoordinates(from)
		_, last, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil {
			b.t.Fatalf("%s!%s: cannot read %q", sheet, cell, formula)
		}
		sum := 0.0
		for r := first; r <= last; r++ {
			if strings.HasPrefix(formulas[name(col, r)], "SUBTOTAL(") {
				continue
			}
			if v, err := strconv.ParseFloat(b.value(sheet, col, r), 64); err == nil {
				sum += v
			}
		}
		out[cell] = strconv.FormatFloat(sum, 'f', -1, 64)
	}
	for cell, v := range out {
		f, _ := strconv.ParseFloat(v, 64)
		if err := b.SetCellFloat(sheet, cell, f, -1, 64); err != nil {
			b.t.Fatal(err)
		}
	}
	return out
}

func TestTotalsAreFormulasWithCachedValues(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	checkTotals(t, b, d)
}

func TestApproaches(t *testing.T) {
	t.Run("time-based", func(t *testing.T) {
		d := templatestest.Sample()
		d.Approach = templates.TimeBased
		for i, h := range []string{"1200.5", "800"} {
			d.JobFunctions[i].MinHours, d.JobFunctions[i].MaxHours = nil, nil
			d.JobFunctions[i].Hours = &templates.Hours{Dec: decimal.MustParse(h)}
		}
		d.Specialization.JobFunctions[0].MinHours, d.Specialization.JobFunctions[0].MaxHours = nil, nil
		d.Totals = []templates.Total{{Label: "Total OJL hours", Hours: templates.Hours{Dec: decimal.MustParse("2000.5")}}}
		b := readBook(t, d)
		_, r := b.find(xlsx.SheetSchedule, d.JobFunctions[0].Heading)
		// The column headers are above the title row.
		for i, h := range []string{"OJT", "Hours", "Notes"} {
			if got := b.value(xlsx.SheetSchedule, 5+i, r-1); got != h {
				t.Errorf("column %d heading %q, want %q", 5+i, got, h)
			}
		}
		if got := b.number(xlsx.SheetSchedule, 6, r); got != 1200.5 {
			t.Errorf("hours %v, want 1200.5", got)
		}
		checkTotals(t, b, d)
	})
	t.Run("competency-based", func(t *testing.T) {
		d := templatestest.Sample()
		d.Approach = templates.CompetencyBased
		d.Totals = nil
		b := readBook(t, d)
		_, r := b.find(xlsx.SheetSchedule, d.JobFunctions[0].Heading)
		if got := b.value(xlsx.SheetSchedule, 6, r-1); got != "Notes" {
			t.Errorf("column 6 heading %q, want Notes (no hours columns)", got)
		}
		if f := b.formulas(xlsx.SheetSchedule); len(f) != 0 {
			t.Errorf("competency-based schedule has formulas %v", f)
		}
		checkTotals(t, b, d)
	})
}

// Courses in 750 distinct years: every total stays one short formula (a
// SUM of 750 ranges was longer than Excel's 8,192 characters, so a program
// that validated could not render).
func TestManyGroupsShortFormulas(t *testing.T) {
	d := templatestest.Sample()
	d.RTI.Groups = nil
	var total decimal.Decimal
	for y := 1; y <= 750; y++ {
		h := decimal.MustParse("1.5")
		d.RTI.Groups = append(d.RTI.Groups, templates.CourseGroup{
			Label:    fmt.Sprintf("Year %d", y),
			Courses:  []templates.Course{{Title: fmt.Sprintf("Course %d", y), Hours: templates.Hours{Dec: h}}},
			Subtotal: templates.Hours{Dec: h},
		})
		total = total.Add(h)
	}
	d.RTI.Total = templates.Hours{Dec: total}
	d.RTI.HoursPerYear = templates.Hours{Dec: total.Div(decimal.FromInt(int64(d.RTI.Years)), 2)}
	b := readBook(t, d)
	for cell, f := range b.formulas(xlsx.SheetRTI) {
		if len(f) > 40 {
			t.Errorf("%s: formula of %d characters: %.80s", cell, len(f), f)
		}
	}
	checkTotals(t, b, d)
}
