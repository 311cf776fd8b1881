package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
)

const patchSrc = `# A program.
kind: program
framework: fw.yaml # beside this file
sponsor:
  name: Riverbend Pharmacy
  number: "0414"
approach: time-based
job_functions:
  - id: "1"
    hours: 450 # about a quarter
    competencies:
      - id: A
      - {id: B, delivery: [ojt]}
  - id: C1
    custom: true
    title: Keeps the log
    competencies:
      - {id: A, text: Logs requests, delivery: [ojt]}
rti:
  courses:
    - number: PHT 101
      title: Introduction
      hours: 24
      objectives:
        - Describe the roles
    - {title: Law, hours: 12.5}
`

func patched(t *testing.T, edit func(p *ProgramPatch) error) string {
	t.Helper()
	p, err := NewProgramPatch([]byte(patchSrc))
	if err != nil {
		t.Fatal(err)
	}
	if err := edit(p); err != nil {
		t.Fatal(err)
	}
	out, err := p.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestPatchUnchanged: edits that change nothing give the file back as it
// was, byte for byte (the round trip of an unedited workbook).
func TestPatchUnchanged(t *testing.T) {
	got := patched(t, func(p *ProgramPatch) error {
		p.SetField("sponsor.name", "Riverbend Pharmacy")
		p.SetField("sponsor.number", "0414")
		p.SetField("sponsor.contact.email", "")
		if err := p.SetHours("1", "hours", decimal.MustParse("450.0"), ""); err != nil {
			return err
		}
		if err := p.SetDelivery("1", "B", false, true); err != nil {
			return err
		}
		num, title, hours := "PHT 101", "Introduction", decimal.MustParse("24")
		law, lawHours := "Law", decimal.MustParse("12.50")
		return p.SetCourses([]int{0, 1}, []CourseEdit{
			{Number: &num, Title: &title, Hours: &hours, Objectives: []string{"Describe the roles"}},
			{Title: &law, Hours: &lawHours},
		})
	})
	if got != patchSrc {
		t.Errorf("unchanged edits changed the file:\n%s", got)
	}
}

// TestPatchEdits: each edit changes its value only; comments, order and
// flow style stay.
func TestPatchEdits(t *testing.T) {
	cases := []struct {
		name string
		edit func(p *ProgramPatch) error
		diff [][2]string // old line -> new line ("" = none)
	}{
		{"hours with decimals", func(p *ProgramPatch) error { return p.SetHours("1", "hours", decimal.MustParse("452.25"), "") },
			[][2]string{{"    hours: 450 # about a quarter", "    hours: 452.25 # about a quarter"}}},
		{"marks set", func(p *ProgramPatch) error { return p.SetDelivery("1", "A", true, true) },
			[][2]string{{"      - id: A", "      - id: A\n        delivery: [rti, ojt]"}}},
		{"marks cleared", func(p *ProgramPatch) error { return p.SetDelivery("1", "B", true, false) },
			[][2]string{{"      - {id: B, delivery: [ojt]}", "      - {id: B, delivery: [rti]}"}}},
		{"optional row deleted", func(p *ProgramPatch) error { return p.RemoveCompetency("1", "B") },
			[][2]string{{"      - {id: B, delivery: [ojt]}\n", ""}}},
		{"custom row added", func(p *ProgramPatch) error { return p.AddCompetency("1", "C", "Counts: pills", "", false, true) },
			[][2]string{{"      - {id: B, delivery: [ojt]}", "      - {id: B, delivery: [ojt]}\n      - {id: C, custom: true, text: 'Counts: pills', delivery: [ojt]}"}}},
		{"row added to a custom job function", func(p *ProgramPatch) error { return p.AddCompetency("C1", "B", "Files", "", true, false) },
			[][2]string{{"      - {id: A, text: Logs requests, delivery: [ojt]}", "      - {id: A, text: Logs requests, delivery: [ojt]}\n      - {id: B, text: Files, delivery: [rti]}"}}},
		{"header field", func(p *ProgramPatch) error { p.SetField("sponsor.contact.email", "a@b.example"); return nil },
			[][2]string{{`  number: "0414"`, `  number: "0414"` + "\n  contact:\n    email: a@b.example"}}},
		{"field cleared", func(p *ProgramPatch) error { p.SetField("sponsor.number", ""); return nil },
			[][2]string{{`  number: "0414"` + "\n", ""}}},
		{"course removed and one added", func(p *ProgramPatch) error {
			title, hours, num := "Calculations", decimal.MustParse("40"), "PHT 110"
			law, lawHours := "Law", decimal.MustParse("12.5")
			return p.SetCourses([]int{1, -1}, []CourseEdit{{Title: &law, Hours: &lawHours}, {Number: &num, Title: &title, Hours: &hours, Objectives: []string{"Convert units"}}})
		}, [][2]string{
			{"    - number: PHT 101\n      title: Introduction\n      hours: 24\n      objectives:\n        - Describe the roles\n", ""},
			{"    - {title: Law, hours: 12.5}", "    - {title: Law, hours: 12.5}\n    - number: PHT 110\n      title: Calculations\n      hours: 40\n      objectives: [Convert units]"},
		}},
		{"objectives edited", func(p *ProgramPatch) error {
			return p.SetCourses([]int{0, 1}, []CourseEdit{{Objectives: []string{"Describe the roles", "Name the laws"}}, {}})
		}, [][2]string{{"        - Describe the roles", "        - Describe the roles\n        - Name the laws"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := patchSrc
			for _, d := range c.diff {
				if !strings.Contains(want, d[0]) {
					t.Fatalf("test bug: %q not in the source", d[0])
				}
				want = strings.Replace(want, d[0], d[1], 1)
			}
			if got := patched(t, c.edit); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestPatchMissing(t *testing.T) {
	p, err := NewProgramPatch([]byte(patchSrc))
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{
		p.SetHours("9", "hours", decimal.FromInt(1), ""),
		p.SetDelivery("1", "Z", true, true),
		p.RemoveCompetency("1", "Z"),
		p.AddCompetency("9", "A", "x", "", true, false),
		p.SetCourses([]int{5}, []CourseEdit{{}}),
	} {
		if err == nil {
			t.Error("an edit of something the program lacks did not fail")
		}
	}
	if _, err := NewProgramPatch([]byte("- a list\n")); err == nil {
		t.Error("a list read as a program")
	}
}

// TestPatchExamplesUnchanged: every example program re-encodes to itself,
// so an edit of one value changes one line of a hand-written file.
func TestPatchExamplesUnchanged(t *testing.T) {
	paths, _ := filepath.Glob("../../examples/*.yaml")
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if f := framework.Parse(path, src); f.Kind != framework.KindProgram {
			continue
		}
		p, err := NewProgramPatch(src)
		if err != nil {
			t.Fatal(err)
		}
		p.changed = true // force the re-encoding
		out, err := p.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != string(src) {
			t.Errorf("%s does not re-encode to itself:\n%s", path, out)
		}
	}
}

// TestPatchFlowComma: yaml.v3's trailing comma before a comment is not
// written, and text that merely ends in ",}" is left alone.
func TestPatchFlowComma(t *testing.T) {
	src := "kind: program\nnote: a plain text ending {b,}\njob_functions:\n  - id: \"1\"\n    competencies:\n      - {id: A}\n      - {id: C}\n      # 1.B is crossed off\n    hours: [1]\n    # x\n"
	p, err := NewProgramPatch([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p.changed = true
	out, err := p.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != src {
		t.Errorf("got:\n%s\nwant:\n%s", out, src)
	}
}
