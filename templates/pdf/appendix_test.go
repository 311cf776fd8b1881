package pdf

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates"
)

// The five real Appendix A documents, as readers extract them: every
// heading, paragraph and table row of the Appendix A part, the sub-items
// under the competencies and the course notes, and the documents' own
// numbers.
func TestReadersFindAppendixA(t *testing.T) {
	requireTools(t)
	cases := []struct {
		path string
		want []string
	}{
		{"../../examples/plumber-0432HY.yaml", []string{"1st period: 1,600 – 2,000 hours of OJL 55% $16.50", "The first 1,500 hours of OJL.",
			"1. Basic awareness as well as use of industry tools & equipment", "a. Copper tube and fittings", "Provider: Butler Community College", "Elective"}},
		{"../../examples/elevator-0174.yaml", []string{"Entry $24.60", "6 months."}},
		{"../../templates/testdata/programs/data-analyst-2099CB.yaml", []string{"12 weeks.", "not less than 2,000 hours"}},
		{"../../templates/testdata/programs/hvac-0637HY.yaml", []string{"After 18 months 72.5% $20.30", "3 months.", "HVAC Level 2"}},
		{"../../templates/testdata/programs/pipe-fitter-0414S-R.yaml", []string{"7,000 – 8,000 hours of OJL 90% $30.11", "90 days."}},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			res, err := framework.NewLoader().Validate(c.path)
			if err != nil {
				t.Fatal(err)
			}
			if !res.OK(false) {
				t.Fatalf("does not validate: %v", res.Findings)
			}
			d := templates.Build(res.Schedule, "appendix")
			texts := checkReaders(t, writePDF(t, d, "appendix.pdf"))
			all := strings.Join(texts, " ")
			want := append(appendixTexts(d.Parts[0]), c.want...)
			for _, w := range want {
				if w = normalize(w); w != "" && !strings.Contains(all, w) {
					t.Errorf("text %q not found by pdftotext", w)
				}
			}
			if i, j := strings.Index(all, "APPENDIX A"), strings.Index(all, "WORK PROCESS SCHEDULE"); i < 0 || j < i {
				t.Error("Appendix A does not come before the work process schedule")
			}
		})
	}
}

// appendixTexts are the texts of a part as a reader finds them: headings,
// paragraphs, and each table row's cells in order (value, then note).
func appendixTexts(p templates.Part) []string {
	var want []string
	for _, b := range p.Blocks {
		switch x := b.(type) {
		case *templates.Heading:
			want = append(want, x.Text)
		case *templates.Paragraph:
			want = append(want, x.Text)
		case *templates.Table:
			for _, r := range x.Rows {
				var cells []string
				for _, c := range r.Cells {
					cells = append(cells, c.Prefix, c.Text, c.Note)
				}
				want = append(want, strings.Join(cells, " "))
			}
		}
	}
	return want
}
