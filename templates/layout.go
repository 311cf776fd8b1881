// Package templates holds the documents wpsgen renders: one layout model,
// built from a validated program, and drawn by the PDF renderer
// (templates/pdf) and the XLSX renderer (templates/xlsx). Both renderers
// draw only what the model says, so the two documents always agree.
package templates

import (
	"strings"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
)

// Approach values, as in the program's `approach` field.
const (
	CompetencyBased = "competency-based"
	TimeBased       = "time-based"
	Hybrid          = "hybrid"
)

// Document is everything printed on the Work Process Schedule and the
// Related Technical Instruction plan, in print order.
type Document struct {
	// Name is the output base name (the program file name without extension).
	Name string

	// Page header and footer, printed on every page.
	Header PageHeader
	Footer PageFooter

	// Title block.
	Title      string // "WORK PROCESS SCHEDULE"
	Occupation string // the framework's occupation title
	ONET       string
	RAPIDS     string // may be empty

	// Header fields of the form, in its order: sponsor, job title, level,
	// specialization, stackable program (yes/no boxes), base occupation name,
	// company contact, address, phone, email, apprenticeship type (three
	// boxes), term in words and numbers, prerequisites. Value may be empty
	// (printed as a blank to fill in).
	Fields []Field

	// Approach is one of CompetencyBased, TimeBased, Hybrid; it decides the
	// hours columns of the job function tables.
	Approach string

	// Work processes: one table per job function, in program order.
	JobFunctions []JobFunction

	// Totals of on-the-job learning hours (time-based: one; hybrid: minimum
	// and maximum; competency-based: none).
	Totals []Total

	// Specialization section, nil when the program has no specialization.
	Specialization *Specialization

	// Related Technical Instruction plan.
	RTI RTIPlan

	// Signature block.
	Signature SignatureBlock

	// schedule is the validated program the Appendix A sections and the
	// related instruction outline are laid out from (appendix*.go).
	schedule *framework.Schedule
}

// PageHeader is printed at the top of every page.
type PageHeader struct {
	Sponsor    string
	Occupation string
	RAPIDS     string
}

// PageFooter is printed at the bottom of every page, followed by "Page X of Y".
type PageFooter struct {
	Revision string // e.g. "Revision 1, 2026-11-01"; may be empty
}

// Field is a labelled value. Value is always the printed form (for
// checkboxes, "☐ yes     ☒ no"; for a list, the items joined by "; "), so a
// format with no better way to show a Kind prints Value. A checkbox field
// (stackable program, apprenticeship type) has Boxes; a list field
// (prerequisites) has Items.
type Field struct {
	Label string
	Value string
	// Path is the program key Value shows when it shows exactly one
	// ("occupation.job_title"), for a workbook read back by wpsgen import.
	Path string `json:"-"`
	// Shown are the values of the keys Path stands for when the field shows
	// several (the sponsor's name and number) or a key in other words (a
	// specialization's title for its id).
	Shown []string   `json:"-"`
	Kind  FieldKind  `json:",omitempty"`
	Boxes []Checkbox `json:",omitempty"`
	Items []string   `json:",omitempty"`
}

// BoxField returns a checkbox field whose Value shows the boxes.
func BoxField(label string, boxes ...Checkbox) Field {
	parts := make([]string, len(boxes))
	for i, b := range boxes {
		parts[i] = Box(b.Checked) + " " + b.Label
	}
	return Field{Label: label, Value: strings.Join(parts, "     "), Kind: FieldBoxes, Boxes: boxes}
}

// Checkbox is a labelled box, drawn ☒ when checked and ☐ when not.
type Checkbox struct {
	Label   string
	Checked bool
}

// CheckMark is the one glyph every format prints for an RTI or OJT mark
// (and the value the XLSX drop-down offers).
const CheckMark = "✓"

// Box returns the glyph for a checkbox state.
func Box(checked bool) string {
	if checked {
		return "☒"
	}
	return "☐"
}

// JobFunction is one work process table.
type JobFunction struct {
	ID      string // "1", "S1", "C1"
	Heading string // "JOB FUNCTION 1: Properly applies diagnosis ..."
	Title   string
	Type    string // "Core" or "Optional"
	Level   string // may be empty
	Custom  bool   // a sponsor's addition, not from the framework

	// Hours for the work process: Hours for time-based, Min/Max for hybrid.
	Hours    *Hours
	MinHours *Hours
	MaxHours *Hours

	Competencies []Competency
}

// Competency is one row of a job function table.
type Competency struct {
	Letter string // "A"
	Text   string
	Type   string // "Core" or "Optional"
	RTI    bool
	OJT    bool
	Custom bool
	// Items are the competency's sub-items, printed indented under it.
	Items []ListItem `json:",omitempty"`
}

// Total is a computed hours total with its label.
type Total struct {
	Label string // "Total OJL hours", "Total OJL hours (minimum)"
	Hours Hours
}

// Specialization is the "Type of Specialization" section of the form.
type Specialization struct {
	Title        string
	JobFunctions []JobFunction
}

// RTIPlan is the Related Technical Instruction plan.
type RTIPlan struct {
	Provider []Field // name, address, phone, email (only those given)
	Notes    []Field // paid for RTI hours, schedule (only those given)

	// Groups of courses: one group with an empty Label when no course has a
	// year; otherwise one group per year ("Year 1", ...), in year order, with
	// courses without a year last under "Other courses".
	Groups []CourseGroup

	Total        Hours
	Years        int   // years of term (OJL hours / 2,000 or months / 12, rounded up); 0 if unknown
	HoursPerYear Hours // Total / Years, to two decimals (an average); zero when Years is 0
}

// CourseGroup is a run of courses with a subtotal.
type CourseGroup struct {
	Label    string // "" when courses are not grouped
	Year     string `json:"-"` // the courses' year as the program writes it; "" for none
	Courses  []Course
	Subtotal Hours
}

// Course is one row of the RTI plan.
type Course struct {
	// Index is the course's place in the program's rti.courses (groups
	// reorder courses), for a workbook read back by wpsgen import.
	Index      int `json:"-"`
	Title      string
	Number     string
	Hours      Hours
	Objectives []string
}

// SignatureBlock is the sponsor's signature and the registration agency's
// blank block.
type SignatureBlock struct {
	SponsorLines []string // "Sponsor signature", "Printed name", "Title", "Date"
	AgencyTitle  string   // "For Registration Agency use"
	AgencyLines  []string // "Registered by", "Signature", "Title", "Date", "Registration number"
}

// Hours is a number of hours, exact as written in the program or as
// computed once in the build (totals, averages). Renderers print String and
// never compute with hours themselves; a spreadsheet cell stores
// Dec.Float64() next to the exact text the other formats print.
type Hours struct {
	Dec decimal.Decimal
}

// String formats hours with thousands separators, exactly, without
// trailing zeros: 7920 -> "7,920", 597.5 -> "597.5".
func (h Hours) String() string { return h.Dec.Format() }

// Float64 is the value for a spreadsheet cell only.
func (h Hours) Float64() float64 { return h.Dec.Float64() }
