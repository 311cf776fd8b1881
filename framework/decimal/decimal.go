// Package decimal is wpsgen's number type for hours and money: an exact
// decimal, parsed from the text a person wrote and printed back exactly,
// never through a float. Every derived number (a total, an average, a
// dollar rate) is computed once, in this type, and drawn by every format.
package decimal

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Decimal is the exact value coefficient × 10^-scale. The zero value is 0.
// A Decimal is immutable: every operation returns a new value.
//
// The coefficient is held in small when it fits an int64 (every hour and
// wage a person writes, and their sums): the operations then compute with
// machine integers, and fall back to math/big, exact at any size, when a
// result would not fit. One value has one form (normal), so equal values
// are equal structs.
type Decimal struct {
	coef  *big.Int // the coefficient when it does not fit small, else nil
	small int64    // the coefficient when coef is nil; never math.MinInt64
	scale int32    // digits after the decimal point, >= 0
}

// MaxDigits bounds the digits a parsed number may have, so a hostile
// "1e1000000" cannot allocate megabytes.
const MaxDigits = 400

// ErrSyntax is returned for text that is not a finite decimal number.
var ErrSyntax = errors.New("not a decimal number")

// ErrRange is returned for a number with more than MaxDigits digits.
var ErrRange = errors.New("number too large or too precise")

var ten = big.NewInt(10)

// Parse reads a decimal number: an optional sign, digits with an optional
// fraction, and an optional exponent ("597.5", "-0", "2e3", "1.25E-1").
func Parse(s string) (Decimal, error) {
	t := s
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	mant, exp := t, ""
	if i := strings.IndexAny(t, "eE"); i >= 0 {
		mant, exp = t[:i], t[i+1:]
	}
	intPart, frac := mant, ""
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		intPart, frac = mant[:i], mant[i+1:]
	}
	if intPart == "" && frac == "" || !digits(intPart) || !digits(frac) {
		return Decimal{}, ErrSyntax
	}
	e := 0
	if i := strings.IndexAny(t, "eE"); i >= 0 {
		v, err := strconv.Atoi(exp)
		switch {
		case exp == "" || exp[0] != '+' && exp[0] != '-' && !digits(exp[:1]):
			return Decimal{}, ErrSyntax
		case err != nil && strings.Trim(exp, "+-0123456789") == "" && len(exp) > 1:
			v = MaxDigits * 4 // out of range either way; decided below
			if exp[0] == '-' {
				v = -v
			}
		case err != nil:
			return Decimal{}, ErrSyntax
		}
		if v > MaxDigits*4 || v < -MaxDigits*4 {
			v = max(min(v, MaxDigits*4), -MaxDigits*4)
		}
		e = v
	}
	sig := 0 // significant digits: from the first that is not 0
	var v int64
	for _, part := range [2]string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			if sig == 0 && part[i] == '0' {
				continue
			}
			if sig++; sig <= smallDigits {
				v = v*10 + int64(part[i]-'0')
			}
		}
	}
	scale := len(frac) - e
	if sig > MaxDigits || scale > MaxDigits || sig-scale > MaxDigits {
		if sig == 0 {
			return Decimal{}, nil
		}
		return Decimal{}, ErrRange
	}
	if sig == 0 {
		return Decimal{}, nil
	}
	if sig <= smallDigits {
		if v, ok := scaleSmall(v, int32(max(-scale, 0))); ok {
			if neg {
				v = -v
			}
			return Decimal{small: v, scale: int32(max(scale, 0))}.normal(), nil
		}
	}
	coef, _ := new(big.Int).SetString(strings.TrimLeft(intPart+frac, "0"), 10)
	if scale < 0 {
		coef.Mul(coef, new(big.Int).Exp(ten, big.NewInt(int64(-scale)), nil))
		scale = 0
	}
	if neg {
		coef.Neg(coef)
	}
	return Decimal{coef: coef, scale: int32(scale)}.normal(), nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// MustParse is Parse for constants in code and tests; it panics on bad text.
func MustParse(s string) Decimal {
	d, err := Parse(s)
	if err != nil {
		panic("decimal.MustParse(" + strconv.Quote(s) + "): " + err.Error())
	}
	return d
}

// FromInt returns n as a Decimal.
func FromInt(n int64) Decimal {
	if n == math.MinInt64 {
		return Decimal{coef: big.NewInt(n)}
	}
	return Decimal{small: n}
}

// normal drops trailing fractional zeros and holds a coefficient that fits
// in small, so equal values have one form.
func (d Decimal) normal() Decimal {
	if d.coef == nil {
		if d.small == 0 {
			return Decimal{}
		}
		for d.scale > 0 && d.small%10 == 0 {
			d.small, d.scale = d.small/10, d.scale-1
		}
		return d
	}
	if d.coef.Sign() == 0 {
		return Decimal{}
	}
	c := d.coef
	s := d.scale
	if s > 0 {
		c = new(big.Int).Set(d.coef)
		m := new(big.Int)
		for s > 0 {
			q, r := new(big.Int).QuoRem(c, ten, m)
			if r.Sign() != 0 {
				break
			}
			c, s = q, s-1
		}
	}
	if c.IsInt64() && c.Int64() != math.MinInt64 {
		return Decimal{small: c.Int64(), scale: s}
	}
	return Decimal{coef: c, scale: s}
}

// int returns the coefficient as a big.Int, which the caller must not change.
func (d Decimal) int() *big.Int {
	if d.coef == nil {
		return big.NewInt(d.small)
	}
	return d.coef
}

// align returns both coefficients at the larger scale.
func align(a, b Decimal) (x, y *big.Int, scale int32) {
	x, y, scale = a.int(), b.int(), a.scale
	switch {
	case a.scale < b.scale:
		x = new(big.Int).Mul(x, pow10(b.scale-a.scale))
		scale = b.scale
	case b.scale < a.scale:
		y = new(big.Int).Mul(y, pow10(a.scale-b.scale))
	}
	return x, y, scale
}

func pow10(n int32) *big.Int { return new(big.Int).Exp(ten, big.NewInt(int64(n)), nil) }

// Add returns d + e.
func (d Decimal) Add(e Decimal) Decimal {
	if x, y, s, ok := alignSmall(d, e); ok {
		if r, ok := addSmall(x, y); ok {
			return Decimal{small: r, scale: s}.normal()
		}
	}
	x, y, s := align(d, e)
	return Decimal{coef: new(big.Int).Add(x, y), scale: s}.normal()
}

// Sub returns d - e.
func (d Decimal) Sub(e Decimal) Decimal {
	if x, y, s, ok := alignSmall(d, e); ok {
		if r, ok := addSmall(x, -y); ok {
			return Decimal{small: r, scale: s}.normal()
		}
	}
	x, y, s := align(d, e)
	return Decimal{coef: new(big.Int).Sub(x, y), scale: s}.normal()
}

// Mul returns d × e, exactly.
func (d Decimal) Mul(e Decimal) Decimal {
	if d.coef == nil && e.coef == nil {
		if r, ok := mulSmall(d.small, e.small); ok {
			return Decimal{small: r, scale: d.scale + e.scale}.normal()
		}
	}
	return Decimal{coef: new(big.Int).Mul(d.int(), e.int()), scale: d.scale + e.scale}.normal()
}

// Cmp compares d and e: -1, 0 or +1.
func (d Decimal) Cmp(e Decimal) int {
	if x, y, _, ok := alignSmall(d, e); ok {
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	x, y, _ := align(d, e)
	return x.Cmp(y)
}

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int {
	switch {
	case d.coef != nil:
		return d.coef.Sign()
	case d.small < 0:
		return -1
	case d.small > 0:
		return 1
	}
	return 0
}

// IsZero reports whether d is 0.
func (d Decimal) IsZero() bool { return d.Sign() == 0 }

// Round rounds d to places digits after the point, halves away from zero
// ("rounded half up": 16.505 -> 16.51, -0.5 -> -1 at 0 places).
func (d Decimal) Round(places int32) Decimal {
	if d.scale <= places {
		return d
	}
	if n := d.scale - places; d.coef == nil && places >= 0 && n < int32(len(tens)) {
		// Go's division truncates toward zero; a remainder of half the
		// divisor or more moves the quotient away from zero.
		q, r := d.small/tens[n], uabs(d.small%tens[n])
		if 2*r >= uint64(tens[n]) {
			if d.small < 0 {
				q--
			} else {
				q++
			}
		}
		return Decimal{small: q, scale: places}.normal()
	}
	return roundQuo(d.int(), pow10(d.scale-places), places)
}

// roundQuo returns num/den rounded half away from zero to places digits,
// where num/den is already scaled by 10^places.
func roundQuo(num, den *big.Int, places int32) Decimal {
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	r.Abs(r).Lsh(r, 1)
	if r.Cmp(new(big.Int).Abs(den)) >= 0 {
		if num.Sign()*den.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return Decimal{coef: q, scale: places}.normal()
}

// Div returns d / e rounded half away from zero to places digits. It
// panics when e is 0, like integer division: callers check first.
func (d Decimal) Div(e Decimal, places int32) Decimal {
	if e.IsZero() {
		panic("decimal: division by zero")
	}
	// d/e = (dc/10^ds) / (ec/10^es); scaled by 10^places:
	// dc × 10^(es+places) / (ec × 10^ds)
	num := new(big.Int).Mul(d.int(), pow10(e.scale+places))
	den := new(big.Int).Mul(e.int(), pow10(d.scale))
	return roundQuo(num, den, places)
}

// Int64 returns d as an int64 when it is a whole number that fits.
func (d Decimal) Int64() (int64, bool) {
	if d.scale != 0 {
		return 0, false
	}
	if d.coef == nil {
		return d.small, true
	}
	if !d.coef.IsInt64() {
		return 0, false
	}
	return d.int().Int64(), true
}

// Float64 returns the nearest float64, for formats that store numbers as
// binary floats (a spreadsheet cell). Never compute with it.
func (d Decimal) Float64() float64 {
	f, _ := strconv.ParseFloat(d.String(), 64)
	return f
}

// Rat returns d as an exact rational.
func (d Decimal) Rat() *big.Rat {
	return new(big.Rat).SetFrac(d.int(), pow10(d.scale))
}

// Scale is the number of digits after the point in String.
func (d Decimal) Scale() int { return int(d.scale) }

// String returns d in plain notation with no exponent and no trailing
// fractional zeros: "8000", "597.5", "-0.25". Zero is "0", never "-0".
func (d Decimal) String() string {
	sign := d.Sign()
	if sign == 0 {
		return "0"
	}
	var s string
	if d.coef == nil {
		s = strconv.FormatUint(uabs(d.small), 10)
	} else {
		s = new(big.Int).Abs(d.coef).String()
	}
	if d.scale > 0 {
		if pad := int(d.scale) - len(s) + 1; pad > 0 {
			s = strings.Repeat("0", pad) + s
		}
		s = s[:len(s)-int(d.scale)] + "." + s[len(s)-int(d.scale):]
	}
	if sign < 0 {
		s = "-" + s
	}
	return s
}

// Format returns d for people: thousands separators in the whole part and
// every decimal kept: 8000 -> "8,000", 1012.75 -> "1,012.75".
func (d Decimal) Format() string { return group(d.String()) }

// FormatFixed returns d rounded to places with exactly that many decimals
// and thousands separators: 16.5 at 2 -> "16.50".
func (d Decimal) FormatFixed(places int32) string {
	s := d.Round(places).String()
	if places <= 0 {
		return group(s)
	}
	frac := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		frac = len(s) - i - 1
	} else {
		s += "."
	}
	return group(s + strings.Repeat("0", int(places)-frac))
}

// Money returns d as US dollars rounded half up to the cent: "$16.50",
// "$1,234.00", "-$3.10".
func (d Decimal) Money() string {
	s := d.FormatFixed(2)
	if strings.HasPrefix(s, "-") {
		return "-$" + s[1:]
	}
	return "$" + s
}

// group inserts thousands separators into a plain decimal string.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(intPart[i])
	}
	b.WriteString(frac)
	return b.String()
}

// MarshalText writes String, so JSON and YAML goldens show exact numbers.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads what MarshalText wrote.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Sum adds ds.
func Sum(ds ...Decimal) Decimal {
	var t Decimal
	for _, d := range ds {
		t = t.Add(d)
	}
	return t
}
