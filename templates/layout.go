// Package templates holds the documents wpsgen renders, as one layout
// model. Build lays a validated program out as a Layout: parts made of
// blocks (headings, paragraphs, field lists, lists, tables with typed
// cells, a signature block), in print order: the Appendix A (appendix*.go),
// the Work Process Schedule (schedule.go) and the RTI Plan with the
// signatures (appendix_rti.go). The formats (templates/pdf, templates/xlsx,
// templates/docx) draw those blocks without knowing which section of the
// form a block belongs to, so the documents always agree, and a new section
// is a function of the build that returns blocks, with its golden layout,
// never a change to the renderers. Every value a renderer prints is
// decided here: numbers are exact decimals computed once, texts are final,
// and a formula says only which cells it combines, so a spreadsheet can
// keep it live while the other formats print its value.
package templates

// Approach values, as in the program's `approach` field.
const (
	CompetencyBased = "competency-based"
	TimeBased       = "time-based"
	Hybrid          = "hybrid"
)

// Layout is a document as generic blocks.
type Layout struct {
	Name   string // output base name (the program file name without extension)
	Meta   Meta
	Header PageHeader // printed at the top of every page
	Footer PageFooter // printed at the bottom of every page, with "Page X of Y"
	Parts  []Part
}

// Meta is the document's properties (PDF info, XLSX and DOCX core
// properties), never printed on a page.
type Meta struct {
	Title    string // "Work Process Schedule: Medical Coder"
	Subject  string // the occupation
	Author   string // the sponsor
	Keywords string // "O*NET 29-2072.00, RAPIDS 1114HY"
	Language string // "en-US"
}

// Part is a run of blocks that starts on a new page: a worksheet in the
// XLSX (Name is the sheet name), a section starting on a new page in the
// PDF and DOCX.
type Part struct {
	Name   string // "Work Process Schedule", "RTI Plan"
	Blocks []Block
}

// Block is one of *Heading, *Paragraph, *FieldList, *List, *Table,
// *Signature. Renderers switch on the type and draw blocks in order; an
// unknown block is an error, never skipped silently.
type Block interface{ block() }

func (*Heading) block()   {}
func (*Paragraph) block() {}
func (*FieldList) block() {}
func (*List) block()      {}
func (*Table) block()     {}
func (*Signature) block() {}

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
