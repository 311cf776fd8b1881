package xlsx

import (
	"testing"

	"github.com/wpsgen/wpsgen/framework/workbook"
	"github.com/wpsgen/wpsgen/templates"
)

// TestRoundTripContract: the columns and the mark import reads are the
// ones this renderer writes.
func TestRoundTripContract(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"letter", colLetter, workbook.ColLetter}, {"text", colText, workbook.ColText}, {"type", colType, workbook.ColType},
		{"RTI", colRTI, workbook.ColRTI}, {"OJT", colOJT, workbook.ColOJT}, {"hours", colHours, workbook.ColHours},
		{"course", colCourse, workbook.ColCourse}, {"number", colNumber, workbook.ColNumber},
		{"course hours", colCourseHours, workbook.ColCourseHours}, {"objectives", colObjectives, workbook.ColObjectives},
	} {
		if c.got != c.want {
			t.Errorf("the %s column is %d here and %d in package workbook", c.name, c.got, c.want)
		}
	}
	if mark != workbook.Mark || templates.CheckMark != workbook.Mark {
		t.Errorf("the mark is %q here and %q in package workbook", mark, workbook.Mark)
	}
}
