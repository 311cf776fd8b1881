// Package workbook is the contract between the XLSX renderer, which writes
// a workbook a person may edit, and `wpsgen import`, which reads it back:
// the sheets' names, the keys that say which program item each row shows,
// and the columns that hold the values import reads. Both sides use these
// names, so neither guesses what the other wrote; it lives under framework
// because import, like validation, must not depend on a document format.
//
// A workbook carries a very hidden sheet (SheetRoundTrip): row 1 names the
// format, "source" rows hold the program's YAML in pieces, "key column"
// rows give each visible sheet's key column, then one row per keyed row:
// "Sheet!key" and the values the row showed. In each visible sheet a
// hidden column right of the last one keys each row. The keys live in the
// rows, so a row a person deletes takes its key along, a row a person
// inserts has none, and moving rows keeps them right.
package workbook

// Sheets.
const (
	SheetSchedule  = "Work Process Schedule"
	SheetRTI       = "RTI Plan"
	SheetAppendix  = "Appendix A"
	SheetRoundTrip = "wpsgen"
)

// The hidden sheet's markers.
const (
	Format    = "wpsgen workbook 1" // cell A1
	Source    = "source"            // a piece of the program's YAML in column B
	KeyColumn = "key column"        // a sheet's name in B, its key column's number in C
	// FieldColumn gives a sheet's name in B and the column of its header
	// fields' values in C (FieldValueSchedule, FieldValueRTI without it).
	FieldColumn = "field column"
)

// Keys of rows. A job function's key ends in its id ("jf 1"), a
// competency's in JOBFUNCTION.COMPETENCY ("c 1.A"), a course's in its
// index in rti.courses ("course 0"), a course group's in its year, a
// header field's in the program key it shows ("field sponsor.address").
const (
	KeyJobFunction = "jf "
	KeyCompetency  = "c "
	KeyCourse      = "course "
	KeyGroup       = "group "
	KeyLevel       = "level " // a course group of a named level: the level
	KeyField       = "field "
	KeyText        = "text "   // a paragraph that is the value of a program key ("text ratio.note")
	KeyCourses     = "courses" // the course table's header row
	KeyHead        = "head"    // a job function table's column headings, a specialization's title, an Appendix A section's heading (so a row typed under a list stops there)
	KeyTotal       = "total"   // a computed total or subtotal: never read back
	KeyContinued   = "+"       // more text of the keyed row above
	// KeySignature keys each row of the signature block that ends the RTI
	// Plan, so a row typed under the totals is told from the block's rows.
	// A workbook rendered before has the block's rows unkeyed.
	KeySignature = "signature"
	// KeyItem keys a competency's sub-item by its place: "item 6.E.2" is
	// the second sub-item of competency 6.E, "item 6.E.2.1" the first under
	// it; the row's value is its text. A workbook rendered before sub-items
	// were read back keys them all KeyItemOld, and they are not read.
	KeyItem    = "item "
	KeyItemOld = "item"
)

// Keys of the Appendix A sheet's rows. A wage step's key ends in its index
// in wages.steps, a selection procedure's or a wage note's in its index in
// selection_procedures or wages.notes, an interim credential's in its
// index in interim_credentials.
const (
	KeyRatio     = "ratio"     // "1 Apprentice to 1 Journeyworker (1:1)": apprentices, journeyworkers
	KeyProbation = "probation" // "The first 500 hours of OJL."
	KeyWageHead  = "wage head" // the wage table's column headings
	KeyWageRate  = "wage rate" // the journeyworker rate's row: the rate
	KeyWageStep  = "step "     // percent and rate as stated ("" when computed), then as shown; when (as shown), label, note
	KeyProcedure = "procedure "
	KeyWageNote  = "wage note " // a note of wages.notes
	// KeyDerived marks a text written from header fields of the Work
	// Process Schedule ("derived the term"): never read back.
	KeyDerived        = "derived "
	KeyCredentialHead = "credential head"
	KeyCredential     = "credential " // title, when it is earned (computed), its note
)

// Column headings import finds the Appendix A tables' columns by.
const (
	HeaderPercent    = "Percent of journeyworker rate"
	HeaderRate       = "Hourly rate"
	HeaderCredential = "Interim credential"
	HeaderEarned     = "Earned"
	// HeaderNotes heads the schedule's notes column: a job function's
	// "Level: Basic; Custom".
	HeaderNotes = "Notes"
)

// Header fields that show several program keys, or one in other words:
// the key after KeyField, each read back its own way.
const (
	FieldSponsor        = "sponsor"                   // "Name (registration NUMBER)": sponsor.name and sponsor.number
	FieldContact        = "sponsor.contact"           // "Name, Title"
	FieldSpecialization = "occupation.specialization" // the specialization's title, for its id
	FieldStackable      = "occupation.stackable"      // "☐ yes     ☒ no"
	FieldApproach       = "approach"                  // three boxes
	FieldTerm           = "term"                      // the term in words, its numbers read back
	FieldPrerequisites  = "prerequisites"             // one per line
	FieldPaid           = "rti.paid"                  // Yes or No
	FieldSchedule       = "rti.schedule"              // ScheduleWords
)

// ScheduleWords are the words the RTI plan shows for rti.schedule.
var ScheduleWords = map[string]string{
	"during-work": "During work hours", "outside-work": "Outside work hours", "both": "During and outside work hours",
}

// Columns (1-based) of the Work Process Schedule's job function tables and
// of the RTI Plan's course table, and the value of an RTI or OJT mark.
const (
	ColLetter = 1
	ColText   = 2
	ColType   = 3
	ColRTI    = 4
	ColOJT    = 5
	ColHours  = 6 // the first hours column: hours, or minimum then maximum

	ColCourse      = 1
	ColNumber      = 2
	ColCourseHours = 3
	ColObjectives  = 4

	// FieldValueSchedule and FieldValueRTI are the columns of a header
	// field's value on each sheet.
	FieldValueSchedule = 3
	FieldValueRTI      = 2

	Mark = "✓"
)
