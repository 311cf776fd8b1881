package templates_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/templates"
)

// TestLayoutGolden pins the generic block layout of every example and test
// program. Refresh with go test ./templates -update.
func TestLayoutGolden(t *testing.T) {
	for _, p := range programs(t) {
		t.Run(filepath.Base(p), func(t *testing.T) {
			got, err := json.MarshalIndent(buildExample(t, p).Layout(), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(p), ".yaml")+".layout.json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./templates -update)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(got)) {
				t.Errorf("block layout of %s differs from %s; if the change is intended run go test ./templates -update and review the diff", p, golden)
			}
		})
	}
}

// Every formula of every layout names cells that exist and computes the
// number the build wrote; every number cell prints its number.
func TestLayoutFormulas(t *testing.T) {
	for _, p := range programs(t) {
		l := buildExample(t, p).Layout()
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
