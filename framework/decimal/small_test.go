package decimal

import (
	"math"
	"math/big"
	"strings"
	"testing"
)

// boundaryValues sit where a coefficient stops fitting an int64, or where
// aligning two scales overflows it: the operations must give the exact
// result on either side, as math/big computes it.
var boundaryValues = []string{
	"0", "1", "-1", "0.5", "-2.5", "3.14159", "0.1", "597.5", "16.505", "-16.505",
	"9223372036854775807", "-9223372036854775807", "9223372036854775808", "-9223372036854775808",
	"-9223372036854775809", "922337203685477580.7", "-922337203685477580.8", "92233720368547758.08",
	"999999999999999999", "1000000000000000000", "9999999999999999999", "4611686018427387904",
	"3037000499.97605", "3037000500", "0.000000000000000001", "1e-19", "1e-30", "1e30",
	"12345678901234567890.5", "0.9223372036854775807", "5e-1", "100", "1e18", "-1e19",
}

// ratString writes an exact rational with at most places decimals as
// String does.
func ratString(r *big.Rat, places int) string {
	s := r.FloatString(places)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		return "0"
	}
	return s
}

// checkForm fails when d is not in its one form: coefficient in small
// exactly when it fits, no trailing fractional zero.
func checkForm(t *testing.T, what string, d Decimal) {
	t.Helper()
	c := d.int()
	fits := c.IsInt64() && c.Int64() != math.MinInt64
	if fits != (d.coef == nil) || d.coef != nil && d.small != 0 {
		t.Errorf("%s = %s: coefficient %v held as coef=%v small=%d", what, d, c, d.coef, d.small)
	}
	if d.scale > 0 && new(big.Int).Rem(c, ten).Sign() == 0 || d.scale < 0 || c.Sign() == 0 && d.scale != 0 {
		t.Errorf("%s = %s: not normal (scale %d)", what, d, d.scale)
	}
}

func TestSmallAndBigAgree(t *testing.T) {
	rat := func(s string) *big.Rat {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("big.Rat cannot read %q", s)
		}
		return r
	}
	for _, a := range boundaryValues {
		da := MustParse(a)
		checkForm(t, a, da)
		if got, want := da.String(), ratString(rat(a), 40); got != want {
			t.Errorf("Parse(%s) = %s, want %s", a, got, want)
		}
		for _, places := range []int32{0, 1, 2, 17} {
			r := da.Round(places)
			checkForm(t, "Round", r)
			// Half away from zero: add or subtract half a unit, truncate.
			half := new(big.Rat).SetFrac(big.NewInt(5), new(big.Int).Exp(ten, big.NewInt(int64(places)+1), nil))
			ra := rat(a)
			if ra.Sign() < 0 {
				half.Neg(half)
			}
			ra.Add(ra, half)
			unit := new(big.Int).Exp(ten, big.NewInt(int64(places)), nil)
			q := new(big.Int).Quo(new(big.Int).Mul(ra.Num(), unit), ra.Denom())
			if got, want := r.String(), ratString(new(big.Rat).SetFrac(q, unit), int(places)); got != want {
				t.Errorf("Round(%s, %d) = %s, want %s", a, places, got, want)
			}
		}
		for _, b := range boundaryValues {
			db := MustParse(b)
			for _, op := range []struct {
				name string
				got  Decimal
				want *big.Rat
			}{
				{"+", da.Add(db), new(big.Rat).Add(rat(a), rat(b))},
				{"-", da.Sub(db), new(big.Rat).Sub(rat(a), rat(b))},
				{"×", da.Mul(db), new(big.Rat).Mul(rat(a), rat(b))},
			} {
				checkForm(t, a+op.name+b, op.got)
				if got, want := op.got.String(), ratString(op.want, 80); got != want {
					t.Errorf("%s %s %s = %s, want %s", a, op.name, b, got, want)
				}
			}
			if got, want := da.Cmp(db), rat(a).Cmp(rat(b)); got != want {
				t.Errorf("Cmp(%s, %s) = %d, want %d", a, b, got, want)
			}
		}
		if n, ok := da.Int64(); ok != (rat(a).IsInt() && rat(a).Num().IsInt64()) || ok && n != rat(a).Num().Int64() {
			t.Errorf("Int64(%s) = %d, %v", a, n, ok)
		}
	}
	if got := FromInt(math.MinInt64).Sub(FromInt(1)).String(); got != "-9223372036854775809" {
		t.Errorf("MinInt64 - 1 = %s", got)
	}
	checkForm(t, "FromInt(MinInt64)", FromInt(math.MinInt64))
	checkForm(t, "FromInt(7)", FromInt(7))
}

// FuzzArithmetic checks the operations against math/big on any two
// numbers, small, large or across the int64 limits.
func FuzzArithmetic(f *testing.F) {
	for i, a := range boundaryValues {
		f.Add(a, boundaryValues[(i*7+3)%len(boundaryValues)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		da, err1 := Parse(a)
		db, err2 := Parse(b)
		if err1 != nil || err2 != nil {
			return
		}
		ra, _ := new(big.Rat).SetString(da.String())
		rb, _ := new(big.Rat).SetString(db.String())
		for _, op := range []struct {
			name string
			got  Decimal
			want *big.Rat
		}{
			{"+", da.Add(db), new(big.Rat).Add(ra, rb)},
			{"-", da.Sub(db), new(big.Rat).Sub(ra, rb)},
			{"×", da.Mul(db), new(big.Rat).Mul(ra, rb)},
		} {
			checkForm(t, a+op.name+b, op.got)
			if got, want := op.got.String(), ratString(op.want, 2*MaxDigits+10); got != want {
				t.Errorf("%s %s %s = %s, want %s", a, op.name, b, got, want)
			}
		}
		if got, want := da.Cmp(db), ra.Cmp(rb); got != want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", a, b, got, want)
		}
	})
}
