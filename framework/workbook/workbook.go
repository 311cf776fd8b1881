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
	SheetRoundTrip = "wpsgen"
)

// The hidden sheet's markers.
const (
	Format    = "wpsgen workbook 1" // cell A1
	Source    = "source"            // a piece of the program's YAML in column B
	KeyColumn = "key column"        // a sheet's name in B, its key column's number in C
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
	KeyField       = "field "
	KeyCourses     = "courses" // the course table's header row
	KeyHead        = "head"    // a job function table's column headings, a specialization's title
	KeyTotal       = "total"   // a computed total or subtotal: never read back
	KeyContinued   = "+"       // more text of the keyed row above
)

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
