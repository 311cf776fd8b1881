package onet

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Match is an occupation found by Search. Score orders the results: for a
// search by words, how well the title matches them; for a search by code,
// how many digits of the query the code starts with.
type Match struct {
	Occupation
	Score int `json:"score"`
}

// Search finds 2019 occupations by code prefix ("47-21", "4721") or by the
// words of their titles ("plumber", "medical records"), best first. It
// returns at most n matches; n <= 0 means all.
func Search(query string, n int) []Match {
	var ms []Match
	if d := digitsOnly(query); d != "" {
		ms = searchCode(d)
	} else {
		ms = searchWords(query)
	}
	if n > 0 && len(ms) > n {
		ms = ms[:n]
	}
	return ms
}

// digitsOnly returns the digits of a query written only with digits, dashes,
// dots and spaces, or "" when the query has anything else (it is words).
func digitsOnly(q string) string {
	var b strings.Builder
	for _, r := range q {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-' || r == '.' || unicode.IsSpace(r):
		default:
			return ""
		}
	}
	return b.String()
}

func searchCode(digits string) []Match {
	var ms []Match
	for _, o := range taxonomy2019 {
		if strings.HasPrefix(digitsOnly(o.Code), digits) {
			ms = append(ms, Match{o, len(digits)})
		}
	}
	return ms
}

// Weights of one query word against a title: the same word (after plurals
// are folded) counts most, a word of the same family ("plumbing",
// "plumbers") less. Ties go to titles that start with a query word (the
// occupation itself rather than its helpers or supervisors), hold the query
// words side by side, and are shorter (more specific).
const (
	sameWord   = 4
	sameFamily = 2
	firstWord  = 1
)

// maxQueryWords bounds the work of one search: a title pasted from a long
// document is matched by its first words.
const maxQueryWords = 16

func searchWords(query string) []Match {
	var q []string
	for _, w := range words(query) {
		if !slices.Contains(q, w) && len(q) < maxQueryWords {
			q = append(q, w)
		}
	}
	if len(q) == 0 {
		return nil
	}
	l := get()
	type scored struct {
		Match
		adjacent, length int
	}
	var found []scored
	for i, tw := range l.words {
		score, adjacent, prev := 0, 0, -2
		for _, w := range q {
			best, at := 0, -1
			for j, t := range tw {
				s := 0
				switch {
				case t == w:
					s = sameWord
				case sameStem(t, w):
					s = sameFamily
				}
				if s > best {
					best, at = s, j
				}
			}
			if best == 0 {
				continue
			}
			score += best
			if at == 0 {
				score += firstWord
			}
			if at == prev+1 {
				adjacent++
			}
			prev = at
		}
		if score > 0 {
			found = append(found, scored{Match{taxonomy2019[i], score}, adjacent, l.length[i]})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.adjacent != b.adjacent {
			return a.adjacent > b.adjacent
		}
		if a.length != b.length {
			return a.length < b.length
		}
		return a.Code < b.Code
	})
	ms := make([]Match, len(found))
	for i, f := range found {
		ms[i] = f.Match
	}
	return ms
}

// stopWords carry no meaning in an occupation title.
var stopWords = map[string]bool{"a": true, "an": true, "and": true, "or": true, "of": true, "the": true,
	"in": true, "for": true, "to": true, "with": true, "except": true, "all": true, "other": true}

// titleLength counts every word of a title, "All Other" included, so a
// catch-all occupation ranks after the specific ones.
func titleLength(title string) int {
	return len(strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

// words splits text into lower-case words without plurals ("Plumbers,
// Pipefitters, and Steamfitters" -> plumber pipefitter steamfitter).
func words(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !stopWords[f] {
			out = append(out, singular(f))
		}
	}
	return out
}

// singular folds the regular English plurals that occupation titles use.
func singular(w string) string {
	switch {
	case len(w) <= 3:
		return w
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// sameStem reports whether two words are of one family: they share at
// least four letters at the start and differ only by an ending that makes
// a trade, a person or an adjective of a word ("plumber"/"plumbing",
// "electrician"/"electrical", "weld"/"welder"), so "media" is not
// "medical".
func sameStem(a, b string) bool {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 4 && familyEnding[a[n:]] && familyEnding[b[n:]]
}

var familyEnding = map[string]bool{"": true, "e": true, "er": true, "ing": true, "ian": true, "al": true,
	"ical": true, "ic": true, "or": true, "ist": true, "ry": true, "ed": true, "ion": true, "ive": true}

// Closest returns the n 2019 codes nearest to code by number: fewest digit
// edits (a wrong, missing, extra or swapped digit), then the longest common
// start (the same occupation group), then the smallest numeric difference.
func Closest(code string, n int) []Occupation {
	d := digitsOnly(code)
	if d == "" || n <= 0 {
		return nil
	}
	type cand struct {
		o                  Occupation
		edits, prefix, gap int
	}
	cs := make([]cand, 0, len(taxonomy2019))
	for _, o := range taxonomy2019 {
		od := digitsOnly(o.Code)
		if od == d {
			continue
		}
		p := 0
		for p < len(d) && p < len(od) && d[p] == od[p] {
			p++
		}
		cs = append(cs, cand{o, editDistance(d, od), p, absDiff(d, od)})
	}
	sort.Slice(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.edits != b.edits {
			return a.edits < b.edits
		}
		if a.prefix != b.prefix {
			return a.prefix > b.prefix
		}
		if a.gap != b.gap {
			return a.gap < b.gap
		}
		return a.o.Code < b.o.Code
	})
	out := make([]Occupation, 0, n)
	for _, c := range cs[:min(n, len(cs))] {
		out = append(out, c.o)
	}
	return out
}

// absDiff is |a-b| for two digit strings of at most 18 digits.
func absDiff(a, b string) int {
	num := func(s string) int {
		v := 0
		for _, r := range s[:min(len(s), 18)] {
			v = v*10 + int(r-'0')
		}
		return v
	}
	x := num(a) - num(b)
	if x < 0 {
		x = -x
	}
	return x
}

// editDistance is the optimal-string-alignment distance of two short
// strings: insertions, deletions, substitutions and adjacent swaps.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 30
	}
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// Complete returns the 2019 codes that start with prefix, each followed by
// a tab and its title, the way shell completion shows a description.
func Complete(prefix string) []string {
	var out []string
	for _, o := range taxonomy2019 {
		if strings.HasPrefix(o.Code, prefix) {
			out = append(out, o.Code+"\t"+o.Title)
		}
	}
	return out
}
