package decimal

import (
	"errors"
	"testing"
)

func TestParseString(t *testing.T) {
	for _, c := range []struct{ in, want, format string }{
		{"0", "0", "0"},
		{"-0", "0", "0"},
		{"-0.000", "0", "0"},
		{"8000", "8000", "8,000"},
		{"597.5", "597.5", "597.5"},
		{"597.50", "597.5", "597.5"},
		{"+12", "12", "12"},
		{".5", "0.5", "0.5"},
		{"5.", "5", "5"},
		{"2e3", "2000", "2,000"},
		{"1.25E-1", "0.125", "0.125"},
		{"-1234567.891", "-1234567.891", "-1,234,567.891"},
		{"1000.123456789123456789", "1000.123456789123456789", "1,000.123456789123456789"},
		{"0e999999999999", "0", "0"},
		{"007", "7", "7"},
	} {
		d, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got := d.String(); got != c.want {
			t.Errorf("Parse(%q).String() = %q, want %q", c.in, got, c.want)
		}
		if got := d.Format(); got != c.format {
			t.Errorf("Parse(%q).Format() = %q, want %q", c.in, got, c.format)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		in   string
		want error
	}{
		{"", ErrSyntax}, {"-", ErrSyntax}, {".", ErrSyntax}, {"1e", ErrSyntax}, {"1e+", ErrSyntax},
		{"abc", ErrSyntax}, {"1,000", ErrSyntax}, {"0x10", ErrSyntax}, {"1.2.3", ErrSyntax},
		{"NaN", ErrSyntax}, {".inf", ErrSyntax}, {" 1", ErrSyntax},
		{"1e400000", ErrRange}, {"1e-500", ErrRange}, {"1e99999999999999999999", ErrRange},
	} {
		if _, err := Parse(c.in); !errors.Is(err, c.want) {
			t.Errorf("Parse(%q) error = %v, want %v", c.in, err, c.want)
		}
	}
}

func TestArithmetic(t *testing.T) {
	m := MustParse
	if got := m("0.1").Add(m("0.2")).String(); got != "0.3" {
		t.Errorf("0.1+0.2 = %s", got)
	}
	if got := m("864.09").Add(m("11135.91")).String(); got != "12000" {
		t.Errorf("864.09+11135.91 = %s", got)
	}
	if got := m("5").Sub(m("7.25")).String(); got != "-2.25" {
		t.Errorf("5-7.25 = %s", got)
	}
	if got := m("0.55").Mul(m("30.00")).Money(); got != "$16.50" {
		t.Errorf("55%% of $30 = %s", got)
	}
	if c := m("2.50").Cmp(m("2.5")); c != 0 {
		t.Errorf("Cmp(2.50, 2.5) = %d", c)
	}
	if c := m("-1").Cmp(m("0.5")); c != -1 {
		t.Errorf("Cmp(-1, 0.5) = %d", c)
	}
	if got := Sum(m("1"), m("2.5"), m("-0.5")).String(); got != "3" {
		t.Errorf("Sum = %s", got)
	}
}

func TestRoundHalfUp(t *testing.T) {
	for _, c := range []struct {
		in     string
		places int32
		want   string
	}{
		{"16.505", 2, "16.51"}, {"16.504", 2, "16.5"}, {"-16.505", 2, "-16.51"},
		{"0.5", 0, "1"}, {"-0.5", 0, "-1"}, {"2.4", 0, "2"}, {"1.005", 2, "1.01"}, {"7", 2, "7"},
	} {
		if got := MustParse(c.in).Round(c.places).String(); got != c.want {
			t.Errorf("Round(%s, %d) = %s, want %s", c.in, c.places, got, c.want)
		}
	}
}

func TestDiv(t *testing.T) {
	m := MustParse
	for _, c := range []struct {
		a, b   string
		places int32
		want   string
	}{
		{"576", "4", 2, "144"}, {"1012.7", "7", 2, "144.67"}, {"24.60", "41.00", 4, "0.6"},
		{"2", "3", 2, "0.67"}, {"-2", "3", 2, "-0.67"}, {"1", "8", 2, "0.13"}, {"0.001", "1000", 2, "0"},
	} {
		if got := m(c.a).Div(m(c.b), c.places).String(); got != c.want {
			t.Errorf("%s/%s at %d = %s, want %s", c.a, c.b, c.places, got, c.want)
		}
	}
}

func TestFormatFixedAndMoney(t *testing.T) {
	m := MustParse
	for _, c := range []struct{ in, fixed2, money string }{
		{"16.5", "16.50", "$16.50"}, {"1234", "1,234.00", "$1,234.00"}, {"-3.1", "-3.10", "-$3.10"},
		{"0.005", "0.01", "$0.01"}, {"24.6", "24.60", "$24.60"}, {"0", "0.00", "$0.00"},
	} {
		d := m(c.in)
		if got := d.FormatFixed(2); got != c.fixed2 {
			t.Errorf("FormatFixed(%s) = %s, want %s", c.in, got, c.fixed2)
		}
		if got := d.Money(); got != c.money {
			t.Errorf("Money(%s) = %s, want %s", c.in, got, c.money)
		}
	}
}

func TestConversions(t *testing.T) {
	if n, ok := MustParse("2e3").Int64(); !ok || n != 2000 {
		t.Errorf("Int64(2e3) = %d, %v", n, ok)
	}
	if _, ok := MustParse("2.5").Int64(); ok {
		t.Error("Int64(2.5) reported a whole number")
	}
	if f := MustParse("597.5").Float64(); f != 597.5 {
		t.Errorf("Float64 = %v", f)
	}
	if r := MustParse("0.25").Rat(); r.String() != "1/4" {
		t.Errorf("Rat = %v", r)
	}
	var d Decimal
	if err := d.UnmarshalText([]byte("12.50")); err != nil || d.String() != "12.5" {
		t.Errorf("UnmarshalText = %v, %v", d, err)
	}
	if b, _ := FromInt(-7).MarshalText(); string(b) != "-7" {
		t.Errorf("MarshalText = %s", b)
	}
	var zero Decimal
	if zero.String() != "0" || !zero.IsZero() || zero.Cmp(FromInt(0)) != 0 {
		t.Error("zero value is not 0")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"0", "597.5", "-1e3", "1.005", "1e400000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		back, err := Parse(d.String())
		if err != nil || back.Cmp(d) != 0 || back.String() != d.String() {
			t.Fatalf("%q -> %q does not read back: %v", s, d.String(), err)
		}
	})
}
