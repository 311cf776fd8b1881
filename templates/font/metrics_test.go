package font

import "testing"

func TestAdvance(t *testing.T) {
	if i, m := Advance('i', false), Advance('M', false); !(0 < i && i < m && m < 1) {
		t.Errorf("advances: i %v, M %v (ems)", i, m)
	}
	if r, b := Width("wide", false), Width("wide", true); b <= r {
		t.Errorf("bold %v is not wider than regular %v", b, r)
	}
	// DejaVu Sans's digits are 0.636 em wide.
	if d := Advance('0', false); d < 0.63 || d > 0.64 {
		t.Errorf("digit advance %v", d)
	}
	// A character the font lacks counts as wide as "M".
	if got, want := Advance('\uE000', false), Advance('M', false); got != want {
		t.Errorf("missing glyph %v, want %v", got, want)
	}
	if got, want := Width("ab", false), Advance('a', false)+Advance('b', false); got != want {
		t.Errorf("Width %v, want %v", got, want)
	}
}
