package xlsx_test

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

// wageLayout is a section the renderer has never seen, made of generic
// blocks: a rate on one sheet, and wage steps on another whose hourly
// wages are products of a percent and that rate.
func wageLayout() *templates.Layout {
	num := func(kind templates.CellKind, s string) templates.Cell {
		d := decimal.MustParse(s)
		text := d.Format()
		switch kind {
		case templates.CellMoney:
			text = d.Money()
		case templates.CellPercent:
			text += "%"
		}
		return templates.Cell{Kind: kind, Num: d, Text: text}
	}
	wage := func(row int, value string) templates.Cell {
		c := num(templates.CellMoney, value)
		c.Formula = &templates.Formula{Op: templates.OpProduct, Places: 2, Refs: []templates.Ref{
			{Table: "Wage_Steps", Col: 1, Row: row}, {Table: "Wage_Rate", Col: 1, Row: 0},
		}}
		return c
	}
	text := func(s string) templates.Cell { return templates.Cell{Kind: templates.CellText, Text: s} }
	return &templates.Layout{
		Name: "wages",
		Meta: templates.Meta{Title: "Wages"},
		Parts: []templates.Part{
			{Name: "Rate", Blocks: []templates.Block{
				&templates.Heading{Level: 1, Text: "WAGES"},
				&templates.Paragraph{Text: "The journeyworker rate, from which every step is computed.", Style: templates.StyleNote},
				&templates.Table{ID: "Wage_Rate", Columns: []templates.Column{{Header: "Rate", Width: 3}, {Header: "Per hour", Kind: templates.CellMoney, Width: 1}},
					Rows: []templates.Row{{Cells: []templates.Cell{text("Journeyworker"), num(templates.CellMoney, "24.5")}}}},
			}},
			{Name: "Steps: [1/2]", Blocks: []templates.Block{
				&templates.List{Items: []templates.ListItem{{Text: "Steps by hours", Items: []templates.ListItem{{Text: "nested"}}}}},
				&templates.Table{ID: "Wage_Steps", Title: "WAGE SCHEDULE", Details: "Two steps",
					Columns: []templates.Column{{Header: "Step", Width: 2}, {Header: "Percent", Kind: templates.CellPercent, Width: 1},
						{Header: "Wage", Kind: templates.CellMoney, Width: 1}, {Header: "Hours", Kind: templates.CellHours, Width: 1}},
					Rows: []templates.Row{
						{Cells: []templates.Cell{text("1"), num(templates.CellPercent, "60"), wage(0, "14.7"), num(templates.CellHours, "0")}},
						{Cells: []templates.Cell{text("2"), num(templates.CellPercent, "82.5"), wage(1, "20.21"), num(templates.CellHours, "1000")}},
					}},
				// A narrower table lines up at the right; its first column spans.
				&templates.Table{ID: "Box", Box: true, Columns: []templates.Column{{Width: 1}, {Kind: templates.CellHours, Width: 1}},
					Rows: []templates.Row{{Kind: templates.RowTotal, Cells: []templates.Cell{text("Total hours"), num(templates.CellHours, "1000")}}}},
			}},
		},
	}
}

func TestGenericBlocks(t *testing.T) {
	l := wageLayout()
	var buf bytes.Buffer
	if err := xlsx.Render(&buf, l, xlsx.Options{Created: created}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Sheet names lose the characters Excel forbids.
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Rate" || got[1] != "Steps- -1-2-" {
		t.Fatalf("sheets %q", got)
	}
	const steps = "Steps- -1-2-"
	b := &book{File: f, t: t, rows: map[string][][]string{}}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		b.rows[s] = rows
	}
	_, r := b.find(steps, "1")
	for i, want := range []struct {
		formula, format string
		value           float64
	}{
		{"ROUND(B" + strconv.Itoa(r) + "*'Rate'!B4,2)", "$#,##0.00", 14.7},
		{"ROUND(B" + strconv.Itoa(r+1) + "*'Rate'!B4,2)", "$#,##0.00", 20.21},
	} {
		cell := name(3, r+i)
		got, _ := f.GetCellFormula(steps, cell)
		if got != want.formula {
			t.Errorf("%s formula %q, want %q", cell, got, want.formula)
		}
		if v := b.number(steps, 3, r+i); v != want.value {
			t.Errorf("%s caches %v, want %v", cell, v, want.value)
		}
		calc, err := f.CalcCellValue(steps, cell, excelize.Options{RawCellValue: true})
		if v, _ := strconv.ParseFloat(calc, 64); err != nil || v != want.value {
			t.Errorf("%s computes %q (%v), want %v", cell, calc, err, want.value)
		}
		if got := format(t, f, steps, cell); got != want.format {
			t.Errorf("%s format %q, want %q", cell, got, want.format)
		}
	}
	// A percent is stored as a fraction and shown with its decimals.
	if v := b.number(steps, 2, r+1); v != 0.825 {
		t.Errorf("82.5%% is stored as %v", v)
	}
	for cell, want := range map[string]string{name(2, r): "0%", name(2, r+1): "0.0%", name(4, r+1): "#,##0"} {
		if got := format(t, f, steps, cell); got != want {
			t.Errorf("%s format %q, want %q", cell, got, want)
		}
	}
	// The box's number is under the last column; its label spans the rest.
	col, br := b.find(steps, "Total hours")
	if v := b.number(steps, 4, br); col != 1 || v != 1000 {
		t.Errorf("box label in column %d, total %v in D%d", col, v, br)
	}
	if cells, _ := f.GetMergeCells(steps); !merged(cells, name(1, br), name(3, br)) {
		t.Errorf("the box label does not span A%d:C%d", br, br)
	}
	// The details of a table without title cells are printed under it.
	b.find(steps, "Two steps")
	b.find(steps, "• Steps by hours")
	b.find(steps, "    • nested")
	b.find("Rate", "The journeyworker rate, from which every step is computed.")
}

// format is the number format of a cell.
func format(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

func merged(cells []excelize.MergeCell, from, to string) bool {
	for _, c := range cells {
		if c.GetStartAxis() == from && c.GetEndAxis() == to {
			return true
		}
	}
	return false
}
