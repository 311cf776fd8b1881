package templates_test

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// appendixOf validates a program and returns it with its Appendix A part.
func appendixOf(t *testing.T, path string) (*framework.Program, *templates.Layout, templates.Part) {
	t.Helper()
	res, err := framework.NewLoader().Validate(path)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK(false) {
		t.Fatalf("%s does not validate: %v", path, res.Findings)
	}
	l := templates.Build(res.Schedule, "x")
	if l.Parts[0].Name != "Appendix A" {
		t.Fatalf("%s: first part is %q, want Appendix A", path, l.Parts[0].Name)
	}
	return res.Schedule.Program, l, l.Parts[0]
}

func headings(p templates.Part) []string {
	var out []string
	for _, b := range p.Blocks {
		if h, ok := b.(*templates.Heading); ok {
			out = append(out, h.Text)
		}
	}
	return out
}

func paragraphs(p templates.Part) string {
	var out []string
	for _, b := range p.Blocks {
		if x, ok := b.(*templates.Paragraph); ok {
			out = append(out, x.Text)
		}
	}
	return strings.Join(out, "\n")
}

// Every program prints sections 1 and 2, and sections 3 to 6 and the
// interim credentials exactly when it gives them.
func TestAppendixSectionsPrintedWhenGiven(t *testing.T) {
	for _, path := range programs(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			p, _, part := appendixOf(t, path)
			got := headings(part)
			want := []struct {
				heading string
				given   bool
			}{
				{"1. APPRENTICESHIP APPROACH", true},
				{"2. TERM OF APPRENTICESHIP", true},
				{"3. RATIO OF APPRENTICES TO JOURNEYWORKERS", p.Ratio != nil},
				{"4. APPRENTICE WAGE SCHEDULE", p.Wages != nil && len(p.Wages.Steps) > 0},
				{"5. PROBATIONARY PERIOD", p.Probation != nil},
				{"6. SELECTION PROCEDURES", len(p.SelectionProcedures) > 0},
				{"INTERIM CREDENTIALS", len(p.InterimCredentials) > 0},
			}
			for _, w := range want {
				if slices.Contains(got, w.heading) != w.given {
					t.Errorf("heading %q printed: %v, program gives it: %v", w.heading, !w.given, w.given)
				}
			}
			if !strings.Contains(paragraphs(part), "This schedule is attached to and a part of these Standards for the above identified occupation.") {
				t.Error("the attachment sentence is missing")
			}
		})
	}
}

// The wage table's rates are the program's, or percent × journeyworker
// rate rounded half up to the cent, computed here from the program.
func TestAppendixWageRates(t *testing.T) {
	hundred := decimal.FromInt(100)
	checked := 0
	for _, path := range programs(t) {
		p, l, _ := appendixOf(t, path)
		if p.Wages == nil {
			continue
		}
		w := p.Wages
		tb := templatestest.Table(l, "Wage_Schedule")
		if tb == nil {
			t.Fatalf("%s: no wage table", path)
		}
		rows := tb.Rows
		if w.JourneyworkerRate.Set {
			if got := last(rows[0]).Text; got != w.JourneyworkerRate.Dec.Money() {
				t.Errorf("%s: journeyworker rate prints %q", path, got)
			}
			rows = rows[1:]
		}
		if len(rows) != len(w.Steps) {
			t.Fatalf("%s: %d step rows for %d steps", path, len(rows), len(w.Steps))
		}
		for i, st := range w.Steps {
			want := st.Rate.Dec
			if !st.Rate.Set {
				want = st.Percent.Dec.Mul(w.JourneyworkerRate.Dec).Div(hundred, 2)
			}
			if got := last(rows[i]); got.Text != want.Money() || got.Num.Cmp(want) != 0 {
				t.Errorf("%s step %d: rate %q (%s), want %s", path, i+1, got.Text, got.Num, want.Money())
			}
			if !st.Rate.Set && last(rows[i]).Formula == nil {
				t.Errorf("%s step %d: a computed rate without its formula", path, i+1)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d wage steps checked", checked)
	}
}

func last(r templates.Row) templates.Cell { return r.Cells[len(r.Cells)-1] }

// The five real documents print their own numbers.
func TestAppendixRealDocuments(t *testing.T) {
	cases := []struct {
		path string
		want []string // in the Appendix A part's paragraphs or wage table
	}{
		{"../examples/plumber-0432HY.yaml", []string{
			"approximately four (4) years with an OJL attainment of 6,375 – 8,000 hours, supplemented by the minimum required 576 hours of related instruction (minimum 144 hours annually)",
			"1 Apprentice to 1 Journeyworker (1:1)", "The first 1,500 hours of OJL.", "☒ Hybrid",
			"1st period: 1,600 – 2,000 hours of OJL|55%|$16.50", "Journeyworker rate or as specified in each Appendix D - Employer Acceptance Agreement|$30.00",
		}},
		{"../examples/elevator-0174.yaml", []string{
			"approximately four (4) years with an OJL attainment of 8,000 hours", "6 months.",
			"Entry|$24.60", "Certified Elevator Technician (CET)|$37.84",
		}},
		{"testdata/programs/data-analyst-2099CB.yaml", []string{
			"approximately twelve (12) months with an OJL attainment of not less than 2,000 hours",
			"2 Apprentices to 1 Journeyworker (2:1)", "12 weeks.",
			"From the start|60%|$19.05", "On completing job functions 1 and 2|70%|$22.23",
		}},
		{"testdata/programs/hvac-0637HY.yaml", []string{
			"6,000 – 7,500 hours", "3 months.", "After 18 months|72.5%|$20.30", "Start of apprenticeship|60%|$16.80",
		}},
		{"testdata/programs/pipe-fitter-0414S-R.yaml", []string{
			"90 days.", "0 – 1,000 hours of OJL|50%|$16.73", "7,000 – 8,000 hours of OJL|90%|$30.11",
		}},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			_, l, part := appendixOf(t, c.path)
			text := paragraphs(part)
			if tb := templatestest.Table(l, "Wage_Schedule"); tb != nil {
				for _, r := range tb.Rows {
					var cells []string
					for _, x := range r.Cells {
						if x.Text != "" {
							cells = append(cells, x.Text)
						}
					}
					text += "\n" + strings.Join(cells, "|")
				}
			}
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("%q not printed in:\n%s", w, text)
				}
			}
		})
	}
}

// Courses grouped by named level keep the order the program lists them in,
// each group with its subtotal; elective and note print under the course,
// and its provider too, unless the group's row names it for all its courses.
func TestAppendixCourseLevels(t *testing.T) {
	p, l, _ := appendixOf(t, "../examples/plumber-0432HY.yaml")
	tb := templatestest.Table(l, "RTI_Courses")
	var groups []string
	notes := map[string]string{} // course title -> its note and its group's label
	group := ""
	for _, r := range tb.Rows {
		switch r.Kind {
		case templates.RowGroup:
			group = r.Cells[0].Text
			groups = append(groups, strings.Split(group, " — ")[0])
		case templates.RowBody:
			notes[r.Cells[0].Text] = r.Cells[0].Note + "\n" + group
		}
	}
	var want []string
	for _, c := range p.RTI.Courses {
		if !slices.Contains(want, c.Level.Value) {
			want = append(want, c.Level.Value)
		}
	}
	if !slices.Equal(groups, want) {
		t.Errorf("groups %q, want %q", groups, want)
	}
	providers := 0
	for _, c := range p.RTI.Courses {
		n := notes[c.Title.Value]
		if c.Provider.Value != "" {
			providers++
		}
		if c.Elective.Value != strings.Contains(n, "Elective") ||
			(c.Provider.Value != "") != strings.Contains(n, "Provider: "+c.Provider.Value) ||
			!strings.Contains(n, c.Note.Value) {
			t.Errorf("course %q: note and group %q", c.Title.Value, n)
		}
	}
	if providers == 0 {
		t.Error("no course names a provider: the test proves nothing")
	}
}

// Sub-items print under their competency, indented by their depth.
func TestAppendixCompetencyItems(t *testing.T) {
	_, l, _ := appendixOf(t, "../examples/plumber-0432HY.yaml")
	tb := templatestest.Table(l, "JF_1")
	var got []string
	for _, r := range tb.Rows {
		got = append(got, strings.Repeat(">", r.Indent)+r.Cells[0].Prefix+" "+r.Cells[0].Text)
	}
	want := []string{
		"A. Selects, uses, stores and maintains the tools, materials and equipment of the trade",
		">1. Basic awareness as well as use of industry tools & equipment",
		">2. Common materials (and alternatives) used in the industry",
		">>a. Copper tube and fittings",
		">>b. PEX and CPVC",
		">>c. Cast iron soil pipe",
		">>d. PVC and ABS",
		">3. Proper storage & disposal of common industry materials",
		">4. Proper maintenance of industry tools & equipment",
	}
	if len(got) < len(want) || !slices.Equal(got[:len(want)], want) {
		t.Errorf("job function 1 rows:\n%s", strings.Join(got, "\n"))
	}
}

// A workbook's reader finds each course by its place in rti.courses
// whatever group it prints in, and never reads a sub-item as a competency.
func TestAppendixReadBackKeys(t *testing.T) {
	p, l, _ := appendixOf(t, "../examples/plumber-0432HY.yaml")
	n := 0
	for _, r := range templatestest.Table(l, "RTI_Courses").Rows {
		if r.Kind != templates.RowBody {
			continue
		}
		i, err := strconv.Atoi(strings.TrimPrefix(r.Key.Key, workbook.KeyCourse))
		if err != nil || i >= len(p.RTI.Courses) || p.RTI.Courses[i].Title.Value != r.Cells[0].Text || r.Key.Shown[0] != r.Cells[0].Text {
			t.Errorf("course row %q has key %+v", r.Cells[0].Text, r.Key)
		}
		n++
	}
	if n != len(p.RTI.Courses) {
		t.Errorf("%d course rows for %d courses", n, len(p.RTI.Courses))
	}
	for _, r := range templatestest.Table(l, "JF_1").Rows {
		if r.Indent > 0 && (r.Key == nil || !strings.HasPrefix(r.Key.Key, workbook.KeyItem)) {
			t.Errorf("sub-item %q has key %+v", r.Cells[0].Text, r.Key)
		}
	}
}
