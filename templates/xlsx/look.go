package xlsx

import (
	"github.com/xuri/excelize/v2"
)

// look names the appearance of a cell. Sheets are laid out with looks; the
// workbook turns each look and number format into an excelize style once.
type look int

const (
	lookPlain         look = iota // default style
	lookTitle                     // document or part title (heading level 1)
	lookSubtitle                  // section title (heading level 2)
	lookStrong                    // sub-section title, strong paragraph
	lookLabel                     // label of a field
	lookValue                     // value of a field, paragraph, list item
	lookNote                      // a note paragraph
	lookCode                      // a code field (O*NET, RAPIDS)
	lookHead                      // column header of a table
	lookHeading                   // table title row
	lookHeadingCenter             // centred cell of a title row
	lookHeadingNumber             // number on a title row
	lookText                      // wrapped text in a table
	lookCenter                    // short centred value in a table
	lookNoteCell                  // a row's notes in the notes column, wrapped
	lookCellCode                  // code in a table (course number)
	lookNumber                    // number in a table
	lookTotalLabel                // label of a total or subtotal
	lookTotal                     // total or subtotal
	lookGroup                     // group label ("Year 1")
	lookSignLine                  // blank line to sign or write on
	lookLink                      // a field value that is a hyperlink (an email)
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
	italic bool
	size   float64 // font size in points; 0 = default (11)
	wrap   bool
	align  string // horizontal alignment; "" = general
	fill   string // background colour; "" = none
	border string // "box" (thin, all sides), "bottom" or ""
	text   bool   // "@" number format
	link   bool   // blue and underlined, as Excel's Hyperlink cell style
}

// linkColor is the font colour of Excel's Hyperlink cell style.
const linkColor = "0563C1"

var looks = [lookCount]lookDef{
	lookPlain:         {},
	lookTitle:         {bold: true, size: 14, wrap: true},
	lookSubtitle:      {bold: true, size: 12, wrap: true},
	lookStrong:        {bold: true, wrap: true},
	lookLabel:         {bold: true, wrap: true, align: "right"},
	lookValue:         {wrap: true},
	lookNote:          {italic: true, size: 9, wrap: true},
	lookCode:          {bold: true, text: true, align: "left"},
	lookHead:          {bold: true, wrap: true, align: "center", fill: headFill, border: "box"},
	lookHeading:       {bold: true, wrap: true, fill: headingFill, border: "box"},
	lookHeadingCenter: {bold: true, wrap: true, align: "center", fill: headingFill, border: "box"},
	lookHeadingNumber: {bold: true, fill: headingFill, border: "box"},
	lookText:          {wrap: true, border: "box"},
	lookCenter:        {align: "center", border: "box"},
	lookNoteCell:      {align: "center", wrap: true, border: "box"},
	lookCellCode:      {text: true, border: "box"},
	lookNumber:        {border: "box"},
	lookTotalLabel:    {bold: true, wrap: true, align: "right"},
	lookTotal:         {bold: true, border: "box"},
	lookGroup:         {bold: true, fill: headingFill, border: "box"},
	lookSignLine:      {border: "bottom"},
	lookLink:          {wrap: true, link: true},
}

// Font of every cell: DejaVu Sans, the PDF's typeface, named on each style
// and as the workbook's default. Row heights and page breaks are estimated
// with its real advance widths, so they fit where it is installed; a
// reader that substitutes a narrower font shows a little room to spare.
const (
	fontFamily      = "DejaVu Sans"
	defaultFontSize = 9
)

// fontSize returns the look's font size in points.
func (l look) fontSize() float64 {
	if s := looks[l].size; s > 0 {
		return s
	}
	return defaultFontSize
}

// style returns a fresh excelize style for the look with a number format
// ("" = General).
func (l look) style(numFmt string) *excelize.Style {
	d := looks[l]
	s := &excelize.Style{
		Font:      &excelize.Font{Family: fontFamily, Bold: d.bold, Italic: d.italic, Size: l.fontSize()},
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
	if d.link {
		s.Font.Color, s.Font.Underline = linkColor, "single"
	}
	if numFmt != "" {
		f := numFmt
		s.CustomNumFmt = &f
	}
	return s
}

// styleKey is a look with a number format.
type styleKey struct {
	look   look
	numFmt string
}

// styles registers styles in a workbook as they are first used: the order
// of use is the layout's, so the styles part is the same on every run.
type styles struct {
	f   *excelize.File
	ids map[styleKey]int
}

func newStyles(f *excelize.File) *styles { return &styles{f: f, ids: map[styleKey]int{}} }

// id returns the style of a look and number format.
func (s *styles) id(l look, numFmt string) (int, error) {
	if l == lookPlain && numFmt == "" {
		return 0, nil
	}
	k := styleKey{l, numFmt}
	if id, ok := s.ids[k]; ok {
		return id, nil
	}
	id, err := s.f.NewStyle(l.style(numFmt))
	if err != nil {
		return 0, err
	}
	s.ids[k] = id
	return id, nil
}
