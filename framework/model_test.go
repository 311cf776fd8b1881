package framework

import (
	"math/big"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		in   *big.Rat
		want string
	}{
		{big.NewRat(2000, 1), "2000"},
		{big.NewRat(0, 1), "0"},
		{big.NewRat(-40, 1), "-40"},
		{big.NewRat(1195, 2), "597.5"},
		{big.NewRat(25, 2), "12.5"},
		{big.NewRat(1, 4), "0.25"},
		{big.NewRat(1, 3), "0.3333333333333333"},
		{new(big.Rat).SetFrac64(938000, 100), "9380"},
	}
	for _, c := range cases {
		if got := FormatNumber(c.in); got != c.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestNumberRatExact checks that sums use the decimals as written: 0.1 +
// 0.2 is 0.3 exactly, which float64 arithmetic would miss.
func TestNumberRatExact(t *testing.T) {
	f := Parse("n.yaml", []byte("kind: program\nterm: {hours: 0.3}\njob_functions: [{hours: 0.1}, {hours: 0.2}, {hours: 1_000}]\n"))
	p := f.Program
	hours, _, _ := ScheduleHours(p)
	if want := big.NewRat(10003, 10); hours.Cmp(want) != 0 {
		t.Errorf("ScheduleHours = %v, want %v", hours, want)
	}
	if got := p.JobFunctions[2].Hours.Text; got != "1000" {
		t.Errorf("1_000 kept as %q, want 1000", got)
	}
	if p.Term.Hours.Rat().Cmp(big.NewRat(3, 10)) != 0 {
		t.Errorf("0.3 read as %v", p.Term.Hours.Rat())
	}
}
