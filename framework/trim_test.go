package framework

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestTrimmedLikeWhole: findings the decoder trims in batches while it
// reads give the same report as limiting all of them at the end: the same
// kept findings, the same count of omitted ones, and an error among the
// kept whenever there is one anywhere (however few and late).
func TestTrimmedLikeWhole(t *testing.T) {
	for _, tc := range []struct {
		n      int
		errors float64 // share of errors among the findings
	}{{10, 0.5}, {MaxFindings + 1, 0}, {findingsBuffer + 7, 0.001}, {3*findingsBuffer + 1, 0.0001}, {20_000, 0.3}, {20_000, 0}} {
		t.Run(fmt.Sprintf("%d-%g", tc.n, tc.errors), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(tc.n), 7))
			var all []Finding
			d := &decoder{file: "f.yaml"}
			for i := range tc.n {
				f := Finding{Pos: Pos{File: "f.yaml", Line: rng.IntN(tc.n) + 1, Col: 1}, Severity: Warning, Rule: RuleSchema, Message: fmt.Sprint("finding ", i)}
				if rng.Float64() < tc.errors || (tc.errors > 0 && i == tc.n-1) {
					f.Severity = Error
				}
				if i == tc.n/2 {
					f.Rule = RuleSyntax // never trimmed away
				}
				all = append(all, f)
				d.add(f)
				if len(d.findings) >= findingsBuffer {
					t.Fatalf("the decoder holds %d findings", len(d.findings))
				}
			}
			whole := &Result{Findings: SortFindings(slices.Clone(all))}
			whole.limit()
			trimmed := &Result{Findings: SortFindings(append(slices.Clone(d.findings), d.syntax...))}
			trimmed.limit()
			trimmed.Omitted += d.omitted
			if !slices.Equal(whole.Findings, trimmed.Findings) || whole.Omitted != trimmed.Omitted {
				t.Errorf("trimmed: %d kept, %d omitted; whole: %d kept, %d omitted", len(trimmed.Findings), trimmed.Omitted, len(whole.Findings), whole.Omitted)
			}
			if !HasSyntaxErrors(append(d.findings, d.syntax...)) {
				t.Error("the syntax finding was trimmed away")
			}
		})
	}
}

// TestEmptyItemsBounded: a file of nothing but empty list items keeps the
// decoder's findings bounded and still counts every one of them.
func TestEmptyItemsBounded(t *testing.T) {
	const items = 50_000
	src := "kind: program\nframework: medical-coder\njob_functions:\n" + strings.Repeat("- \n", items)
	f := Parse("empty-items.yaml", []byte(src))
	if len(f.Findings) >= findingsBuffer || len(f.Findings)+f.Omitted < items {
		t.Fatalf("%d findings held, %d omitted; want fewer than %d held and %d in all", len(f.Findings), f.Omitted, findingsBuffer, items)
	}
}
