package decimal

import (
	"math"
	"math/bits"
)

// tens are the powers of ten an int64 holds.
var tens = [...]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// smallDigits is how many digits any int64 holds.
const smallDigits = 18

func uabs(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

// mulSmall returns x × y, and whether it fits small.
func mulSmall(x, y int64) (int64, bool) {
	hi, lo := bits.Mul64(uabs(x), uabs(y))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (x < 0) != (y < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

// addSmall returns x + y, and whether it fits small.
func addSmall(x, y int64) (int64, bool) {
	s := x + y
	if (x^s)&(y^s) < 0 || s == math.MinInt64 {
		return 0, false
	}
	return s, true
}

// scaleSmall returns x × 10^n, and whether it fits small.
func scaleSmall(x int64, n int32) (int64, bool) {
	if n >= int32(len(tens)) {
		return 0, x == 0
	}
	return mulSmall(x, tens[n])
}

// alignSmall returns both coefficients at the larger scale, when both are
// small and stay so.
func alignSmall(a, b Decimal) (x, y int64, scale int32, ok bool) {
	if a.coef != nil || b.coef != nil {
		return 0, 0, 0, false
	}
	x, y, scale, ok = a.small, b.small, a.scale, true
	switch {
	case a.scale < b.scale:
		x, ok = scaleSmall(x, b.scale-a.scale)
		scale = b.scale
	case b.scale < a.scale:
		y, ok = scaleSmall(y, a.scale-b.scale)
	}
	return x, y, scale, ok
}
