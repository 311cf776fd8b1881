package framework

import (
	"fmt"
	"strings"
)

// didYouMean returns "; did you mean "x"?" for the candidate closest to s,
// or "" when none is close enough to be a likely typo.
func didYouMean(s string, candidates []string) string {
	if best := closest(s, candidates, true); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// closest returns the candidate nearest to s by edit distance; a candidate
// that differs only in letter case ("OJT" for "ojt") is nearest of all. With
// typosOnly it returns one only within a third of the longer word (at least
// one edit, at most three), so unrelated words are not suggested.
func closest(s string, candidates []string, typosOnly bool) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if c == s {
			continue
		}
		if strings.EqualFold(c, s) {
			return c
		}
		if d := editDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	if typosOnly && bestD > max(1, min(3, max(len([]rune(s)), len([]rune(best)))/3)) {
		return ""
	}
	return best
}

// editDistance is the optimal-string-alignment distance between a and b, by
// runes: insertions, deletions, substitutions and adjacent transpositions
// ("titel" -> "title") each cost one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 30 // long strings are never typos of short ids
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
