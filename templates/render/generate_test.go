package render_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// The synthetic program is a hybrid program on the built-in
// ehr-specialist-mn framework: its two core job functions (1: four
// competencies recommended for RTI, 2: five recommended for OJT), filled up
// with custom competencies, then custom job functions C3..Cn, each with
// competencies letters. It validates with no finding at all, so it measures
// the documents, not the error path.
const (
	frameworkJF1 = 4 // competencies of ehr-specialist-mn job function 1
	frameworkJF2 = 5 // competencies of ehr-specialist-mn job function 2
	minHoursJF   = 20
	extraHoursJF = 5 // max_hours - min_hours of each job function
	ojlMinimum   = 2000
	maxTermHours = 40000 // a term is at most 20 years (term-range)
	jfsPerCourse = 10
)

// syntheticProgram returns the YAML of a valid program with jobFunctions
// job functions of competencies competencies each (at least the framework's
// own): jobFunctions*competencies schedule rows when competencies >= 5.
func syntheticProgram(jobFunctions, competencies int) []byte {
	if jobFunctions < 2 {
		panic("syntheticProgram needs the framework's two job functions")
	}
	var b strings.Builder
	minHours := max(minHoursJF, (ojlMinimum+jobFunctions-1)/jobFunctions) // at least 2,000 in all
	maxHours := minHours + extraHoursJF
	if maxHours*jobFunctions > maxTermHours { // thousands of job functions: fewer hours each
		minHours = max(1, (ojlMinimum+jobFunctions-1)/jobFunctions)
		maxHours = max(minHours, maxTermHours/jobFunctions)
	}
	minTotal, maxTotal := minHours*jobFunctions, maxHours*jobFunctions
	fmt.Fprintf(&b, `kind: program
framework: ehr-specialist-mn
revision: {number: 3, date: 2026-11-01}
sponsor:
  name: Synthetic Health Network
  number: "2026-MN-009999"
  address: 1 Generator Way, Saint Paul, MN 55101
  contact: {name: Nguyễn Thị Hương, title: Apprenticeship Coordinator, phone: "+1 651 555 0100", email: apprenticeship@example.org}
occupation: {job_title: Electronic Health Records Specialist, level: Basic}
approach: hybrid
term: {min_hours: %d, max_hours: %d}
prerequisites: [High school diploma or GED]
wages:
  journeyworker_rate: 24.5
  steps:
    - {percent: 60, hours: 0}
    - {percent: 80, hours: %d}
job_functions:
`, minTotal, maxTotal, minTotal/2)
	rti := make([][]string, jobFunctions) // per job function: competencies delivered by RTI
	for i := range jobFunctions {
		rti[i] = writeJobFunction(&b, i, competencies, minHours, maxHours)
	}
	writeCourses(&b, rti, maxTotal)
	return []byte(b.String())
}

// writeJobFunction writes the i-th job function (from 0) of the synthetic
// program and returns the references of its competencies delivered by RTI.
// The first two are the framework's, with its competencies and custom ones
// added up to competencies; the others are custom.
func writeJobFunction(b *strings.Builder, i, competencies, minHours, maxHours int) []string {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	id, own := fmt.Sprint(i+1), 0
	switch i {
	case 0, 1:
		own = []int{frameworkJF1, frameworkJF2}[i]
		w("  - id: \"%s\"\n", id)
	default:
		id = fmt.Sprintf("C%d", i+1)
		w("  - id: %s\n    custom: true\n    title: Synthetic work process %d, long enough to wrap onto a second line in the heading of its table\n", id, i+1)
	}
	w("    min_hours: %d\n    max_hours: %d\n    competencies:\n", minHours, maxHours)
	var rti []string
	for j := range max(competencies, own) {
		letter := letters(j)
		if j < own {
			w("      - {id: %s}\n", letter) // the framework recommends RTI for job function 1, OJT for 2
			if i == 0 {
				rti = append(rti, id+"."+letter)
			}
			continue
		}
		delivery := "[ojt]"
		if j%2 == 0 {
			delivery = "[rti, ojt]"
			rti = append(rti, id+"."+letter)
		}
		custom := ""
		if i < 2 {
			custom = "custom: true, "
		}
		w("      - {id: %s, %stext: \"Competency %s.%s: reviews the record for completeness and accuracy, then corrects it with the provider (Łódź, Đà Nẵng)\", delivery: %s}\n",
			letter, custom, id, letter, delivery)
	}
	return rti
}

// writeCourses writes an RTI plan of one course per jfsPerCourse job
// functions that covers their RTI competencies, with at least the
// recommended 144 hours per year of term, grouped by year.
func writeCourses(b *strings.Builder, rti [][]string, maxTotal int) {
	years := int(math.Ceil(float64(maxTotal) / 2000))
	courses := (len(rti) + jfsPerCourse - 1) / jfsPerCourse
	hours := max(40, int(math.Ceil(float64(144*years)/float64(courses))))
	fmt.Fprintf(b, "rti:\n  provider: {name: Synthetic Community College, address: 1 College Way, email: rti@example.edu, phone: \"+1 651 555 0199\"}\n")
	fmt.Fprintf(b, "  paid: true\n  schedule: both\n  total_hours: %d\n  courses:\n", hours*courses)
	for c := range courses {
		var covers []string
		for _, refs := range rti[c*jfsPerCourse : min(len(rti), (c+1)*jfsPerCourse)] {
			covers = append(covers, refs...)
		}
		fmt.Fprintf(b, "    - number: SYN %03d\n      title: Synthetic course %d\n      hours: %d\n      year: %d\n",
			c+1, c+1, hours, 1+c*years/courses)
		fmt.Fprintf(b, "      objectives: [Apply the course's competencies to real records, Explain each step to a colleague]\n")
		fmt.Fprintf(b, "      covers: [%s]\n", strings.Join(covers, ", "))
	}
}

// letters returns the competency letter for index i: A..Z, AA, AB, ...
func letters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// writeProgram writes data as dir/name.yaml and returns its path.
func writeProgram(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name+".yaml")
	// -synthetic-out may name a directory that does not exist yet.
	if err := os.MkdirAll(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSyntheticProgram checks the generator: every size validates with no
// finding at all and lays out the rows it promises.
func TestSyntheticProgram(t *testing.T) {
	dir := t.TempDir()
	for _, size := range append(syntheticSizes, struct{ jobFunctions, competencies int }{3, 5}) {
		n, m := size.jobFunctions, size.competencies
		path := writeProgram(t, dir, fmt.Sprintf("synthetic-%dx%d", n, m), syntheticProgram(n, m))
		res := validate(t, path)
		if len(res.Findings) > 0 {
			t.Errorf("%dx%d: %v", n, m, res.Findings)
		}
		jfs := templatestest.JobFunctions(templates.Build(res.Schedule, name(path)))
		rows := 0
		for _, jf := range jfs {
			rows += competencies(jf)
		}
		if len(jfs) != n || rows != n*m {
			t.Errorf("%dx%d: %d job functions, %d rows", n, m, len(jfs), rows)
		}
	}
}
