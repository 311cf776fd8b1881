// Package xlsx renders a templates.Document as an XLSX workbook with two
// sheets, "Work Process Schedule" and "RTI Plan", that carry the same
// content as the PDF. Codes are text cells, hours are numbers, totals are
// SUM formulas that also carry their values, header rows are frozen, the
// RTI/OJT and Core/Optional columns have drop-down lists, and each sheet
// prints landscape on US Letter, fit to the page width.
//
// The same document and options always give the same bytes.
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

// Names of the two sheets.
const (
	SheetSchedule = workbook.SheetSchedule
	SheetRTI      = workbook.SheetRTI
)

// creator is written as the workbook's author.
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

// Render writes the document as an XLSX workbook to w.
func Render(w io.Writer, d *templates.Document, opts Options) error {
	if d == nil {
		return errors.New("xlsx: no document")
	}
	sheets, err := layout(d)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	f := excelize.NewFile()
	err = write(w, f, d, sheets, opts)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// layout lays out both sheets, in workbook order.
func layout(d *templates.Document) ([]*sheet, error) {
	wps, err := scheduleSheet(d)
	if err != nil {
		return nil, fmt.Errorf("%s sheet: %w", SheetSchedule, err)
	}
	rti, err := rtiSheet(d)
	if err != nil {
		return nil, fmt.Errorf("%s sheet: %w", SheetRTI, err)
	}
	return []*sheet{wps, rti}, nil
}

// write fills the new workbook f with the sheets and writes it to w.
func write(w io.Writer, f *excelize.File, d *templates.Document, sheets []*sheet, opts Options) error {
	styles, err := newStyles(f)
	if err != nil {
		return err
	}
	// The first sheet takes the place of excelize's default "Sheet1".
	if err := f.SetSheetName(f.GetSheetName(0), sheets[0].name); err != nil {
		return err
	}
	for _, s := range sheets[1:] {
		if _, err := f.NewSheet(s.name); err != nil {
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
	if err := f.SetDocProps(properties(d, opts.Created)); err != nil {
		return err
	}
	f.SetZipWriter(newOrderedZip)
	_, err = f.WriteTo(w)
	return err
}

// properties are the workbook's document properties.
func properties(d *templates.Document, created time.Time) *excelize.DocProperties {
	meta := d.Meta()
	p := &excelize.DocProperties{
		Title:          meta.Title,
		Subject:        meta.Subject,
		Keywords:       meta.Keywords,
		Language:       meta.Language,
		Creator:        creator,
		LastModifiedBy: creator,
	}
	if !created.IsZero() {
		p.Created = created.UTC().Format(time.RFC3339)
		p.Modified = p.Created
	}
	return p
}
