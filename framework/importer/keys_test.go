package importer

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/workbook"
)

// TestWorkbookRowsKeyed: below a sheet's first keyed row, every row the
// workbook writes has a key, in the workbook of every program the tests
// render. Import tells a row a person typed by its having none: an
// unkeyed row of the workbook's own (as the RTI Plan's signature block
// was) hides a row typed beside it.
func TestWorkbookRowsKeyed(t *testing.T) {
	forEachProgram(t, func(t *testing.T, path string, src []byte) {
		f, err := excelize.OpenReader(bytes.NewReader(workbookOf(t, path, src)))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		hidden, err := f.GetRows(workbook.SheetRoundTrip)
		if err != nil {
			t.Fatal(err)
		}
		sheets := 0
		for _, h := range hidden {
			if len(h) < 3 || h[0] != workbook.KeyColumn {
				continue
			}
			sheets++
			sheet := h[1]
			keyCol, err := strconv.Atoi(h[2])
			if err != nil {
				t.Fatalf("key column of %s: %q", sheet, h[2])
			}
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			keyed := false
			for i, r := range rows {
				key := ""
				if keyCol <= len(r) {
					key = r[keyCol-1]
				}
				if key != "" {
					keyed = true
					continue
				}
				if keyed && strings.TrimSpace(strings.Join(r, "")) != "" {
					t.Errorf("%s row %d has no key: %q", sheet, i+1, r)
				}
			}
		}
		if sheets != 3 {
			t.Errorf("the workbook gives the key columns of %d sheets, want 3", sheets)
		}
	})
}
