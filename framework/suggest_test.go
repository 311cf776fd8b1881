package framework

import (
	"strings"
	"testing"
)

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"title", "title", 0},
		{"titel", "title", 1}, // adjacent transposition
		{"sponser", "sponsor", 1},
		{"delivry", "delivery", 1},
		{"hours", "min_hours", 4},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3}, // optimal string alignment, not full Damerau
		{"Łódź", "Lodz", 3},
		{"ngữ", "ngư", 1}, // counted in runes, not bytes
		{strings.Repeat("a", 65), "a", 1 << 30},
	}
	for _, c := range cases {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := editDistance(c.b, c.a); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d (symmetry)", c.b, c.a, got, c.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	keys := []string{"kind", "framework", "sponsor", "occupation", "approach", "term", "job_functions", "rti"}
	cases := []struct {
		in   string
		cand []string
		want string
	}{
		{"sponser", keys, `; did you mean "sponsor"?`},
		{"aproach", keys, `; did you mean "approach"?`},
		{"job_function", keys, `; did you mean "job_functions"?`},
		{"RTI", keys, `; did you mean "rti"?`}, // letter case alone
		{"OJT", []string{"rti", "ojt"}, `; did you mean "ojt"?`},
		{"time based", []string{CompetencyBased, TimeBased, Hybrid}, `; did you mean "time-based"?`},
		{"wages2", keys, ""}, // nothing close
		{"kind", keys, ""},   // itself is not a suggestion
		{"evenings", []string{"during-work", "outside-work", "both"}, ""},
		{"x", nil, ""},
	}
	for _, c := range cases {
		if got := didYouMean(c.in, c.cand); got != c.want {
			t.Errorf("didYouMean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSuggestIn(t *testing.T) {
	many := []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}
	cases := []struct {
		in    string
		known []string
		want  string
	}{
		{"release-of-informaton", []string{"release-of-information"}, ` (did you mean "release-of-information"?)`},
		{"1.b", []string{"1.A", "1.B"}, ` (did you mean "1.B"?)`},
		{"D", []string{"A", "B", "C"}, ` (it has "A", "B", "C")`}, // one letter is no typo of another
		{"a", []string{"A", "B"}, ` (did you mean "A"?)`},
		{"A", []string{"1.A", "1.B"}, ` (it has "1.A", "1.B")`},
		{"100", many, ` (did you mean "10"?)`},
		{"x", many, ` (did you mean "1"?)`}, // too many to list: the nearest
		{"3", nil, ""},
	}
	for _, c := range cases {
		if got := suggestIn(c.in, c.known); got != c.want {
			t.Errorf("suggestIn(%q, %q) = %q, want %q", c.in, c.known, got, c.want)
		}
	}
}
