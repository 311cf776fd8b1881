package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// look names the appearance of a cell. Sheets are laid out with looks; the
// workbook turns each into an excelize style once, when it is written.
type look int

const (
	lookPlain         look = iota // default style
	lookTitle                     // document title
	lookSubtitle                  // occupation, section titles
	lookLabel                     // label of a header field
	lookValue                     // value of a header field
	lookCode                      // O*NET or RAPIDS code in the title block
	lookHead                      // column heading of a table
	lookHeading                   // job function heading
	lookHeadingCenter             // centred cell of a job function heading row
	lookHeadingHours              // hours of a job function
	lookText                      // wrapped text in a table
	lookCenter                    // short centred value in a table
	lookCellCode                  // code in a table (course number)
	lookHours                     // hours in a table
	lookTotalLabel                // label of a total or subtotal
	lookTotal                     // total or subtotal (a formula)
	lookGroup                     // course group label ("Year 1")
	lookSignLine                  // blank line to sign or write on
	lookCount
)

// Fill colours of table headings.
const (
	headFill    = "D9D9D9"
	headingFill = "F2F2F2"
)

// textFormat is Excel's built-in "@" number format: the cell holds text, so
// Excel keeps leading zeros when a person edits it.
const textFormat = 49

// lookDef describes a look in plain values (no pointers), so the table below
// is never shared mutable state between concurrent renders.
type lookDef struct {
	bold   bool
	size   float64 // font size in points; 0 = default (11)
	wrap   bool
	align  string // horizontal alignment; "" = general
	fill   string // background colour; "" = none
	border string // "box" (thin, all sides), "bottom" or ""
	text   bool   // "@" number format
}

var looks = [lookCount]lookDef{
	lookPlain:         {},
	lookTitle:         {bold: true, size: 14},
	lookSubtitle:      {bold: true, size: 12, wrap: true},
	lookLabel:         {bold: true, wrap: true, align: "right"},
	lookValue:         {wrap: true},
	lookCode:          {bold: true, text: true},
	lookHead:          {bold: true, wrap: true, align: "center", fill: headFill, border: "box"},
	lookHeading:       {bold: true, wrap: true, fill: headingFill, border: "box"},
	lookHeadingCenter: {bold: true, wrap: true, align: "center", fill: headingFill, border: "box"},
	lookHeadingHours:  {bold: true, fill: headingFill, border: "box"},
	lookText:          {wrap: true, border: "box"},
	lookCenter:        {align: "center", border: "box"},
	lookCellCode:      {text: true, border: "box"},
	lookHours:         {border: "box"},
	lookTotalLabel:    {bold: true, wrap: true, align: "right"},
	lookTotal:         {bold: true, border: "box"},
	lookGroup:         {bold: true, fill: headingFill, border: "box"},
	lookSignLine:      {border: "bottom"},
}

// Font of every cell: excelize's default, named on each style so that no
// reader has to guess it.
const (
	fontFamily      = "Calibri"
	defaultFontSize = 11
)

// fontSize returns the look's font size in points.
func (l look) fontSize() float64 {
	if s := looks[l].size; s > 0 {
		return s
	}
	return defaultFontSize
}

// style returns a fresh excelize style for the look.
func (l look) style() *excelize.Style {
	d := looks[l]
	s := &excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Bold: d.bold, Size: l.fontSize()},
		Alignment: &excelize.Alignment{Horizontal: d.align, Vertical: "top", WrapText: d.wrap},
	}
	if d.fill != "" {
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{d.fill}}
	}
	switch d.border {
	case "box":
		for _, side := range []string{"left", "top", "right", "bottom"} {
			s.Border = append(s.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
	case "bottom":
		s.Border = []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}
	}
	if d.text {
		s.NumFmt = textFormat
	}
	return s
}

// styleIDs maps each look to its style in one workbook.
type styleIDs [lookCount]int

// newStyles registers every look as a style of f, in a fixed order so the
// styles part is the same on every run.
func newStyles(f *excelize.File) (styleIDs, error) {
	var ids styleIDs
	for l := lookPlain + 1; l < lookCount; l++ {
		id, err := f.NewStyle(l.style())
		if err != nil {
			return ids, fmt.Errorf("style %d: %w", l, err)
		}
		ids[l] = id
	}
	return ids, nil
}
