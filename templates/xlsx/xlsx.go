// Package xlsx draws a templates.Layout as an XLSX workbook: one worksheet
// per part, named after it, drawn from the part's blocks alone (the renderer
// knows headings, field lists, lists, paragraphs, tables and signatures,
// never the sections of the form).
//
// # The grid
//
// A worksheet is one grid of columns. Its columns come from the part's
// widest table (the "main" table, the first one of that width): a column
// for the prefixes of its first column's cells (competency letters) when
// it has any, then its columns, then a column for each title cell whose
// column header is not one of the table's (a job function's hours), then a
// Notes column when any of its cells has a note. Every table with the
// same column headers uses the same columns, with its own header row, as
// on the form. Any other table is laid out right-aligned on the columns
// before Notes, its first column spanning (merged across) the columns it
// does not use; its prefixes and notes stay in the text. Headings,
// paragraphs and list items span the whole grid; a field's label takes the
// first columns (at least 16 characters wide) and its value the rest.
// Column widths share 96 digits (of the default font) in the proportions
// the layout gives, so a sheet fits US Letter landscape; the page setup
// also fits each sheet to one page wide.
//
// # Cells
//
// Hours, money and percentages are numbers with number formats that keep
// the decimals they are written with (#,##0.0; $#,##0.00; 0%); codes are
// text cells in the text format; text that starts with = + - or @ is
// stored as text, never as a formula. A formula of the layout is written
// as a short A1 formula (SUM over the fewest ranges, SUBTOTAL(9, range)
// over a column with subtotals in it, ROUND(a*b) and ROUND(a/n)) with the
// layout's value as its cached value. A column with Choices (Core or
// Optional) and every check column (RTI, OJT) has a drop-down list.
//
// # Printing
//
// Each table has a defined name (its ID) over its cells. A table's column
// headers sit above its title row. Excel allows one row range of print
// titles per sheet: a sheet gets its first main table's header row as
// print titles only when one of its tables runs past a page (by the
// estimate below); otherwise every page starts with a table's own header
// row, which print titles would repeat. Manual page breaks keep a table's
// header, title and first two rows (and a heading before it) on one page.
// The rows above a sheet's first header row are frozen only when there are
// at most eight of them.
//
// The sheet is set in DejaVu Sans, the PDF's typeface. Readers do not size
// rows to their text when they open a file (LibreOffice keeps the default
// height, and no reader sizes merged cells), so a row taller than one line
// gets a height estimated from DejaVu Sans's real advance widths; the
// height is not marked as set by hand, so a reader fits the row again when
// its text is edited.
//
// # Reading back
//
// Given the program's YAML (Options.Source), the workbook also carries
// what `wpsgen import` reads back: each keyed row's key (a block's RowKey)
// in a hidden column, and a very hidden sheet with the YAML and the values
// each keyed row showed (roundtrip.go, package framework/workbook).
//
// The same layout and options always give the same bytes.
package xlsx

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/workbook"

	"github.com/wpsgen/wpsgen/templates"
)

// Names of the two sheets of a schedule: the names of the layout's parts.
const (
	SheetSchedule = workbook.SheetSchedule
	SheetRTI      = workbook.SheetRTI
)

// creator is written as the workbook's last author, and as its author
// when the layout names none.
const creator = "wpsgen"

// Options are the settings of a render.
type Options struct {
	// Created is written, in UTC, as the workbook's created and modified
	// dates. Callers pass a date from the input (the revision date, or
	// SOURCE_DATE_EPOCH), never the clock. The zero time leaves the dates
	// of excelize's template.
	Created time.Time
	// Source is the program file's YAML. When set, the workbook carries
	// what `wpsgen import` needs to read it back (roundtrip.go).
	Source []byte
}

// Render writes the layout as an XLSX workbook to w.
func Render(w io.Writer, l *templates.Layout, opts Options) error {
	if l == nil {
		return errors.New("xlsx: no document")
	}
	sheets, err := layout(l)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	f := excelize.NewFile()
	err = write(w, f, l, sheets, opts)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// layout lays out every part as a sheet, then writes the formulas, which
// may name cells of any sheet.
func layout(l *templates.Layout) ([]*sheet, error) {
	if len(l.Parts) == 0 {
		return nil, errors.New("the document has no parts")
	}
	b := &book{tables: map[string]*placed{}}
	header := pageHeader(l.Header.Sponsor, l.Header.Occupation, l.Header.RAPIDS)
	footer := pageFooter(l.Footer.Revision)
	names := map[string]bool{}
	for _, p := range l.Parts {
		s, err := b.part(p, sheetName(p.Name, names))
		if err != nil {
			return nil, fmt.Errorf("%s sheet: %w", p.Name, err)
		}
		s.header, s.footer = header, footer
		b.sheets = append(b.sheets, s)
	}
	if err := b.formulas(); err != nil {
		return nil, err
	}
	for _, s := range b.sheets {
		s.paginate()
	}
	return b.sheets, nil
}

// write fills the new workbook f with the sheets and writes it to w.
func write(w io.Writer, f *excelize.File, l *templates.Layout, sheets []*sheet, opts Options) error {
	if err := f.SetDefaultFont(fontFamily); err != nil {
		return err
	}
	styles := newStyles(f)
	// The first sheet takes the place of excelize's default "Sheet1".
	if err := f.SetSheetName(f.GetSheetName(0), sheets[0].name); err != nil {
		return err
	}
	for _, s := range sheets[1:] {
		if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
	}
	if opts.Source != nil {
		if err := newRoundTripSheet(f); err != nil {
			return err
		}
	}
	for _, s := range sheets {
		s.roundTrip = opts.Source != nil
		if err := s.write(f, styles); err != nil {
			return fmt.Errorf("%s sheet: %w", s.name, err)
		}
	}
	if opts.Source != nil {
		if err := writeRoundTrip(f, sheets, opts.Source); err != nil {
			return err
		}
	}
	if err := f.SetDocProps(properties(l.Meta, opts.Created)); err != nil {
		return err
	}
	f.SetZipWriter(newOrderedZip)
	_, err := f.WriteTo(w)
	return err
}

// properties are the workbook's document properties.
func properties(meta templates.Meta, created time.Time) *excelize.DocProperties {
	author := meta.Author
	if author == "" {
		author = creator
	}
	p := &excelize.DocProperties{
		Title:          meta.Title,
		Subject:        meta.Subject,
		Keywords:       meta.Keywords,
		Language:       meta.Language,
		Creator:        author,
		LastModifiedBy: creator,
	}
	if !created.IsZero() {
		p.Created = created.UTC().Format(time.RFC3339)
		p.Modified = p.Created
	}
	return p
}
