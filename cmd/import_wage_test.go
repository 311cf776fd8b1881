package cmd_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/cmd"
)

// TestImportWageRateDisagrees: a wage step added in the workbook with a
// rate that is not its percent of the journeyworker rate is written as
// typed, and the validation after import warns of it, both numbers said.
func TestImportWageRateDisagrees(t *testing.T) {
	dir, book := renderedPharmacy(t)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Appendix A")
	if err != nil {
		t.Fatal(err)
	}
	at := 0 // the row under the last step's
	for i, r := range rows {
		if len(r) > 0 && r[len(r)-1] == "step 3" {
			at = i + 2
		}
	}
	if at == 0 {
		t.Fatal("no row keyed step 3 on Appendix A")
	}
	n := strconv.Itoa(at)
	if err := f.InsertRows("Appendix A", at, 1); err != nil {
		t.Fatal(err)
	}
	for cell, v := range map[string]any{"A" + n: "after 1,800 hours", "B" + n: 0.95, "C" + n: 20} {
		if err := f.SetCellValue("Appendix A", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	r := runIn(t, dir, "import", "out/pharmacy-technician.xlsx", "-o", "p.yaml")
	want := ": warning: wage step rate is $20.00, but its percent, 95% of the journeyworker rate $24.50, is $23.28; give the rate $23.28, or only one of percent and rate [wage-rate]\n"
	if r.code != cmd.ExitOK || !strings.Contains(r.stderr, want) {
		t.Errorf("exit %d, want %q in\n%s", r.code, want, r.stderr)
	}
	if got := readString(t, filepath.Join(dir, "p.yaml")); !strings.Contains(got, "{percent: 95, rate: 20.00, hours: 1800}") {
		t.Errorf("the step is not in the program:\n%s", got)
	}
}
