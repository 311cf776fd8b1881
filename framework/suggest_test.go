package framework

import (
	"fmt"
	"os"
	"path/filepath"
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

// TestSuggestionsBounded: up to a megabyte of unknown references to a
// program of two thousand competencies, in covers (one list of candidates
// built once) and in a job function's competencies (the list built afresh
// for each reference). Comparing each reference with each competency is a
// hundred million edit distances (hours); each reference must cost a
// bounded number.
func TestSuggestionsBounded(t *testing.T) {
	const competencies = 2_000
	// The bound is per reference: a smaller file proves the same property.
	// CI runs the full megabyte, except under the race detector.
	full := os.Getenv("CI") != "" && !raceEnabled
	var fw strings.Builder
	fw.WriteString("kind: framework\nid: big\ntitle: Big\nonet: \"29-2072.00\"\njob_functions:\n  - id: \"1\"\n    title: Does things\n    competencies:\n")
	for i := range competencies {
		fmt.Fprintf(&fw, "      - {id: %s, text: Does thing %d, delivery: [ojt]}\n", letters(i), i)
	}
	for _, where := range []string{"covers", "competencies"} {
		t.Run(where, func(t *testing.T) {
			// Unknown competencies also cost the checks a scan of the job
			// function's ids each: kept smaller.
			size := map[string]int{"covers": 256 << 10, "competencies": 64 << 10}[where]
			if full {
				size = 1 << 20
			}
			var prog strings.Builder
			prog.WriteString("kind: program\nframework: big.yaml\nsponsor: {name: X}\noccupation: {job_title: Y}\napproach: time-based\nterm: {hours: 2000}\n" +
				"job_functions:\n  - id: \"1\"\n    hours: 2000\n    competencies:\n")
			for i := range competencies {
				fmt.Fprintf(&prog, "      - {id: %s}\n", letters(i))
			}
			refs := 0
			if where == "competencies" {
				for i := 0; prog.Len() < size; i++ {
					fmt.Fprintf(&prog, "      - {id: %s}\n", letters(competencies+i))
					refs++
				}
			}
			prog.WriteString("rti:\n  courses:\n    - title: T\n      hours: 144\n      covers:\n        - 1.A\n")
			for i := 0; prog.Len() < size; i++ {
				fmt.Fprintf(&prog, "        - 1.%s\n", letters(competencies+i))
				refs++
			}
			dir := t.TempDir()
			for name, text := range map[string]string{"big.yaml": fw.String(), "p.yaml": prog.String()} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := comparisons.Load()
			res, err := NewLoader().Validate(filepath.Join(dir, "p.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			done := comparisons.Load() - before
			suggested := 0
			for _, f := range res.Findings {
				if strings.Contains(f.Message, "did you mean") {
					suggested++
				}
			}
			// Findings past MaxFindings are counted, not kept: every
			// reference is still reported, and the kept ones carry their
			// suggestion.
			if got := len(res.Findings) + res.Omitted; got < refs {
				t.Fatalf("%d unknown references gave %d findings", refs, got)
			}
			if want := min(refs, MaxFindings) / 2; suggested < want {
				t.Fatalf("want a suggestion for each of %d reported references, got %d:\n%s", min(refs, MaxFindings), suggested, findingsText(res.Findings[:min(5, len(res.Findings))]))
			}
			// A reference may be looked up in two lists (its job function's and all).
			if limit := int64(2 * maxComparedPerRef * refs); done > limit {
				t.Errorf("%d references took %d edit distances; the bound is %d (all pairs: %d)", refs, done, limit, refs*competencies)
			}
			t.Logf("%d references, %d edit distances", refs, done)
		})
	}
}

// TestIndexedClosestAgrees: the indexed search of a long list answers as
// comparing with every candidate would, when the answer is among the
// candidates it compares.
func TestIndexedClosestAgrees(t *testing.T) {
	var list []string
	for i := range 60 {
		list = append(list, "1."+letters(i*7))
	}
	list = append(list, "release-of-information", "Release", "records")
	brute := func(s string, typosOnly bool) string {
		best, bestD := "", 1<<30
		for _, c := range list {
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
		return acceptTypo(s, best, bestD, typosOnly)
	}
	for _, q := range []string{"1.A", "1.B", "1.ZZ", "1.HH", "2.A", "release", "RELEASE", "relase-of-information", "recrods", "x", "", "1.", "completely-unrelated-text"} {
		for _, typosOnly := range []bool{true, false} {
			if got, want := closest(q, list, typosOnly), brute(q, typosOnly); got != want {
				t.Errorf("closest(%q, typosOnly=%v) = %q, want %q", q, typosOnly, got, want)
			}
		}
	}
}

// letters is the n-th competency id: A..Z, AA, AB, ...
func letters(n int) string {
	var b []byte
	for n++; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}
