package templates

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/wpsgen/wpsgen/framework/decimal"
)

// Heading is a title. Level 1 is the document or part title, 2 a section
// ("Type of Specialization: ..."), 3 a sub-section. Bookmark asks for an
// entry in the PDF outline (and is a Word heading style in DOCX). A heading
// is never the last line of a page: it is kept with the block after it.
type Heading struct {
	Level    int
	Text     string
	Bookmark bool
	Key      string `json:"-"` // a read-back key (RowKey) for the heading's row
}

// ParagraphStyle is how a paragraph is set.
type ParagraphStyle int

const (
	StyleNormal ParagraphStyle = iota
	StyleStrong                // bold: a computed statement the reader must see
	StyleNote                  // smaller, muted: an explanation
	StyleLegal                 // a regulation's required wording
)

// Paragraph is running text.
type Paragraph struct {
	Text  string
	Style ParagraphStyle
	Key   *RowKey `json:"-"` // a read-back key (RowKey) for the paragraph's row
}

// FieldKind says how a field's value is shown.
type FieldKind int

const (
	FieldText  FieldKind = iota // plain text; "" is a blank line to fill in by hand
	FieldCode                   // an identifier (O*NET, RAPIDS): text, never a number
	FieldEmail                  // an address: a mailto: link where the format has links
	FieldBoxes                  // checkboxes: Boxes, with Value their printed form
	FieldItems                  // several values: Items, one per line or bullet
)

// FieldList is a block of labelled values, as on the form's header.
// Aside asks for the compact form printed beside the headings before it
// (the form's O*NET and RAPIDS codes at the top right).
type FieldList struct {
	Fields []Field
	Aside  bool
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

// List is a bulleted list; items may hold lists of their own.
type List struct {
	Items []ListItem
}

// ListItem is one entry of a List.
type ListItem struct {
	Text  string
	Items []ListItem `json:",omitempty"`
}

// CellKind is what a table cell holds. It decides alignment and, in a
// spreadsheet, the cell's type and number format.
type CellKind int

const (
	CellText    CellKind = iota // text, wrapped to the column
	CellCode                    // an identifier or number-like text ("0414"): text, never a number
	CellHours                   // Num, printed with thousands separators, exactly
	CellMoney                   // Num, printed "$16.50"
	CellPercent                 // Num is the percent (55), printed "55%"; a spreadsheet stores Num / 100
	CellCheck                   // Checked: the one check mark (CheckMark) or nothing
)

// Column is a table column. Width is the column's share of the table
// width (the shares need not add up to anything: each format scales them).
type Column struct {
	Header string
	Kind   CellKind
	Width  float64
	// Center asks for a column of short values (Core / Optional) centred.
	Center bool `json:",omitempty"`
	// Choices are the only values the column's body cells may hold (or
	// blank): a spreadsheet offers them in a drop-down list. A check
	// column's one choice is CheckMark, without saying so.
	Choices []string `json:",omitempty"`
}

// RowKind is the role of a row in its table.
type RowKind int

const (
	RowBody     RowKind = iota
	RowGroup            // a label over the rows after it ("Year 1"); kept with the next row
	RowSubtotal         // a group's subtotal; skipped by sums over ranges that contain it
	RowTotal            // a table total
	RowNote             // a derived line after the total, kept with it (hours per year)
)

// Row is one row of a table. Indent nests a row's first cell (0 = none).
type Row struct {
	Kind   RowKind
	Indent int `json:",omitempty"`
	Cells  []Cell
	Key    *RowKey `json:"-"`
}

// RowKey names the program item a row shows ("jf 1", "course 0", keys of
// package framework/workbook) and the values it shows as the program
// states them, for a workbook a person edits and `wpsgen import` reads
// back: a grid format writes the key beside the row and the values aside.
// Page formats ignore it.
type RowKey struct {
	Key   string
	Shown []string
}

// Cell is one table cell. Span is the number of columns it covers (0 = 1).
// Text is the printed form for every kind: numbers are formatted in the
// build from Num, so all formats print the same digits; a spreadsheet
// stores Num (as a float, the only number it has) and formats it itself.
type Cell struct {
	Kind    CellKind
	Span    int             `json:",omitempty"`
	Text    string          `json:",omitempty"`
	Num     decimal.Decimal `json:"-"`
	Checked bool            `json:",omitempty"`

	// Prefix hangs before the text (a competency letter "A."); a grid
	// format may give it a column of its own.
	Prefix string `json:",omitempty"`
	// Items are lines of a list inside the cell (a course's objectives).
	Items []string `json:",omitempty"`
	// Note is a short remark under the value ("(custom)"); a grid format
	// may put it in a notes column.
	Note string `json:",omitempty"`

	// Formula, when set, says how Num was computed from other cells, so a
	// spreadsheet writes a live formula with Num as its cached value.
	Formula *Formula `json:",omitempty"`
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

// Table is a table with typed cells. ID is a stable name (letters, digits
// and underscores) for a spreadsheet's defined names and for formula
// references. Title is printed in a shaded row above the column headers
// and Details under it; on every page the table continues on, Continued
// ("JOB FUNCTION 1 (continued)") and the column headers are repeated, and
// the title is kept with the headers and the first rows. TitleCells are
// values that belong to the title (a job function's hours, then its type
// and level): a grid format writes them in cells of their own on the
// title row, a page format prints Details, which says the same in words.
// TitleColumns name the title cells for a grid format, one per cell: a
// title cell whose column has the Header of one of Columns is written in
// that column, any other in a column of its own with that header.
type Table struct {
	ID           string
	Title        string   `json:",omitempty"`
	Details      string   `json:",omitempty"`
	TitleCells   []Cell   `json:",omitempty"`
	TitleColumns []Column `json:",omitempty"`
	TitleKey     *RowKey  `json:"-"` // the title row's read-back key
	HeaderKey    string   `json:"-"` // the column headers' read-back key
	Continued    string   `json:",omitempty"`
	// Box asks for a small table at the right edge, kept on one page, with
	// no column headers (the OJL totals).
	Box     bool `json:",omitempty"`
	Columns []Column
	Rows    []Row
}

// TitleRow is the row index of a table's title row in a Ref.
const TitleRow = -1

// Ref is a cell of a table, or a run of cells of one column: rows Row to
// ToRow (ToRow 0 or less than Row means Row alone), counted in Rows from 0.
// Col counts columns, not cells (a cell spanning columns covers each).
// Row TitleRow names TitleCells[Col-1].
type Ref struct {
	Table string
	Col   int
	Row   int
	ToRow int `json:",omitempty"`
}

// FormulaOp is what a formula computes.
type FormulaOp int

const (
	// OpSum adds the numbers of Refs; within a run of rows, RowSubtotal rows
	// are skipped, so a table total is one range however many groups it has
	// (XLSX: SUBTOTAL(9, range)).
	OpSum FormulaOp = iota
	// OpProduct multiplies the numbers of Refs and rounds to Places (a wage:
	// percent x rate; a percent cell counts as its value / 100).
	OpProduct
	// OpDivide divides the number of Refs[0] by By and rounds to Places (an
	// average: hours per year of term).
	OpDivide
)

// Formula is how a cell's Num was computed, for formats that keep formulas
// live. The build computes Num exactly; the formula must give the same
// value, and tests check that it does.
type Formula struct {
	Op     FormulaOp
	Refs   []Ref
	By     int64 `json:",omitempty"`
	Places int32 `json:",omitempty"`
}

// Signature is the signature block that ends the document: the sponsor's
// lines to sign, then the registration agency's boxed block.
type Signature struct {
	SponsorTitle string   // "Sponsor: Prairie Valley Medical Center"
	SponsorLines []string // "Sponsor signature", "Printed name", "Title", "Date"
	AgencyTitle  string   // "For Registration Agency use"
	AgencyLines  []string // "Registered by", "Signature", ...
}

// Kinds print by name in the golden layouts.

var (
	paragraphStyles = []string{"normal", "strong", "note", "legal"}
	fieldKinds      = []string{"text", "code", "email", "boxes", "items"}
	cellKinds       = []string{"text", "code", "hours", "money", "percent", "check"}
	rowKinds        = []string{"body", "group", "subtotal", "total", "note"}
	formulaOps      = []string{"sum", "product", "divide"}
)

func name(names []string, i int) ([]byte, error) {
	if i < 0 || i >= len(names) {
		return nil, fmt.Errorf("unknown kind %d", i)
	}
	return []byte(names[i]), nil
}

func (k ParagraphStyle) MarshalText() ([]byte, error) { return name(paragraphStyles, int(k)) }
func (k FieldKind) MarshalText() ([]byte, error)      { return name(fieldKinds, int(k)) }
func (k CellKind) MarshalText() ([]byte, error)       { return name(cellKinds, int(k)) }
func (k RowKind) MarshalText() ([]byte, error)        { return name(rowKinds, int(k)) }
func (k FormulaOp) MarshalText() ([]byte, error)      { return name(formulaOps, int(k)) }

// Numeric reports whether cells of the kind hold Num.
func (k CellKind) Numeric() bool { return k == CellHours || k == CellMoney || k == CellPercent }

// Align is where a cell's content sits across its column; every format
// follows it.
type Align uint8

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Align is how cells of the kind are aligned: numbers right, check marks
// centred, text left.
func (k CellKind) Align() Align {
	switch {
	case k.Numeric():
		return AlignRight
	case k == CellCheck:
		return AlignCenter
	}
	return AlignLeft
}

// Align is how the column's cells are aligned: centred when it asks,
// else as its kind.
func (c Column) Align() Align {
	if c.Center {
		return AlignCenter
	}
	return c.Kind.Align()
}

// MarshalJSON writes Num only for numeric cells.
func (c Cell) MarshalJSON() ([]byte, error) {
	type plain Cell
	if !c.Kind.Numeric() {
		return json.Marshal(plain(c))
	}
	return json.Marshal(struct {
		plain
		Num string
	}{plain(c), c.Num.String()})
}
