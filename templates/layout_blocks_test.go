package templates_test

import (
	"path/filepath"
	"testing"

	"github.com/wpsgen/wpsgen/templates"
)

// TestLayoutGolden pins the generic block layout of every example and test
// program. Refresh with go test ./templates -update.
func TestLayoutGolden(t *testing.T) {
	for _, p := range programs(t) {
		t.Run(filepath.Base(p), func(t *testing.T) {
			checkGolden(t, "block layout", p, ".layout.json", buildExample(t, p))
		})
	}
}

// Every formula of every layout names cells that exist and computes the
// number the build wrote; every number cell prints its number.
func TestLayoutFormulas(t *testing.T) {
	for _, p := range programs(t) {
		l := buildExample(t, p)
		formulas := 0
		for _, part := range l.Parts {
			for _, b := range part.Blocks {
				tb, ok := b.(*templates.Table)
				if !ok {
					continue
				}
				cells := append([]templates.Cell(nil), tb.TitleCells...)
				for _, r := range tb.Rows {
					cells = append(cells, r.Cells...)
				}
				for _, c := range cells {
					if c.Kind == templates.CellHours && c.Text != "" && c.Text != (templates.Hours{Dec: c.Num}).String() {
						t.Errorf("%s %s: cell prints %q for %s", p, tb.ID, c.Text, c.Num)
					}
					if c.Formula == nil {
						continue
					}
					formulas++
					v, err := l.Evaluate(c.Formula)
					if err != nil {
						t.Errorf("%s %s: %v", p, tb.ID, err)
					} else if v.Cmp(c.Num) != 0 {
						t.Errorf("%s %s: formula computes %s, the cell says %s", p, tb.ID, v, c.Num)
					}
				}
			}
		}
		if formulas == 0 {
			t.Errorf("%s: no formulas", p)
		}
	}
}
