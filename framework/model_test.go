package framework

import (
	"testing"
)

// TestNumberExact checks that sums use the decimals as written: 0.1 +
// 0.2 is 0.3 exactly, which float64 arithmetic would miss.
func TestNumberExact(t *testing.T) {
	f := Parse("n.yaml", []byte("kind: program\nterm: {hours: 0.3}\njob_functions: [{hours: 0.1}, {hours: 0.2}, {hours: 1_000}]\n"))
	p := f.Program
	hours, _, _ := ScheduleTotals(p)
	if want := "1000.3"; hours.String() != want {
		t.Errorf("ScheduleTotals = %v, want %v", hours, want)
	}
	if got := p.JobFunctions[2].Hours.Text; got != "1000" {
		t.Errorf("1_000 kept as %q, want 1000", got)
	}
	if got := p.Term.Hours.Dec.String(); got != "0.3" {
		t.Errorf("0.3 read as %v", got)
	}
}
