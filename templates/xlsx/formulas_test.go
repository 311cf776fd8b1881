package xlsx_test

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

// totals lists the totals of a document, as the renderer must write them.
func totals(d *templates.Layout) []total {
	var out []total
	for _, t := range templatestest.Totals(d) {
		sheet := xlsx.SheetRTI
		if t.Table == "OJL_Totals" {
			sheet = xlsx.SheetSchedule
		}
		out = append(out, total{sheet, t.Label, t.Cell.Num.Float64()})
	}
	return out
}

// checkTotals checks that the workbook's only formulas are the document's
// totals, each with the total as its cached value and computing it.
func checkTotals(t *testing.T, b *book, d *templates.Layout) {
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
		d := templatestest.SampleOf(templates.TimeBased) // 1,200.5 and 800 hours, S1 none
		if tot := templatestest.Totals(d)[0]; tot.Label != "Total OJL hours" || tot.Cell.Text != "2,000.5" {
			t.Fatalf("the time-based sample's total is %q %s, want Total OJL hours 2,000.5", tot.Label, tot.Cell.Text)
		}
		b := readBook(t, d)
		_, r := b.find(xlsx.SheetSchedule, templatestest.Table(d, "JF_1").Title)
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
		d := templatestest.SampleOf(templates.CompetencyBased)
		b := readBook(t, d)
		_, r := b.find(xlsx.SheetSchedule, templatestest.Table(d, "JF_1").Title)
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
	var groups []templatestest.Group
	for y := 1; y <= 750; y++ {
		groups = append(groups, templatestest.Group{
			Label:   fmt.Sprintf("Year %d", y),
			Courses: []templatestest.Course{{Title: fmt.Sprintf("Course %d", y), Hours: "1.5"}},
		})
	}
	templatestest.SetCourses(d, 2, groups...)
	b := readBook(t, d)
	for cell, f := range b.formulas(xlsx.SheetRTI) {
		if len(f) > 40 {
			t.Errorf("%s: formula of %d characters: %.80s", cell, len(f), f)
		}
	}
	checkTotals(t, b, d)
}
