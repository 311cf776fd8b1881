// Package pdf draws a templates.Layout as a US Letter PDF: each part (the
// Work Process Schedule, then the Related Technical Instruction plan and
// the signature block) from a new page.
//
// Rendering happens in two steps. The document is first laid out into
// pages of drawing operations (measuring text with the embedded font's
// metrics, breaking pages and repeating table headers), so the page count
// is known; then the pages, with their headers and "Page X of Y" footers,
// are drawn with gofpdf in the embedded DejaVu Sans font.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/wpsgen/wpsgen/templates"
	wpsfont "github.com/wpsgen/wpsgen/templates/font"
)

// Options control rendering.
type Options struct {
	// Created is written as the document's creation and modification
	// date, in UTC. The output never depends on the clock: the zero time
	// is written as 1970-01-01 00:00:00.
	Created time.Time
	// Creator is the program that made the document ("wpsgen 1.2.0");
	// empty means "wpsgen".
	Creator string
}

// Render draws the document as a PDF and writes it to w. The same document
// and options always give the same bytes.
func Render(w io.Writer, l *templates.Layout, opts Options) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: internal error: %v", r)
		}
	}()
	if l == nil {
		return errors.New("pdf: no document to render")
	}
	fs, err := loadFonts()
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	pages := layout(fs, l)
	doc := newPDF(fs, l.Meta, opts, fs.pair(pages))
	play(doc, pages)
	doc.Close()
	if err := doc.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if err := doc.Output(w); err != nil {
		return fmt.Errorf("pdf: writing: %w", err)
	}
	return nil
}

// newPDF returns an empty gofpdf document set up for reproducible output,
// with its own copies of the faces of pair p.
func newPDF(fs fonts, meta templates.Meta, opts Options, p *wpsfont.Pair) *gofpdf.Fpdf {
	created := time.Unix(0, 0).UTC()
	if !opts.Created.IsZero() {
		created = opts.Created.UTC()
	}
	doc := gofpdf.New("P", "pt", "Letter", "")
	doc.SetCatalogSort(true)
	doc.SetCreationDate(created)
	doc.SetModificationDate(created)
	doc.SetAutoPageBreak(false, 0)
	doc.SetMargins(marginX, 0, marginX)
	creator := opts.Creator
	if creator == "" {
		creator = "wpsgen"
	}
	// gofpdf mangles invalid UTF-8 and characters beyond U+FFFF in
	// metadata too: clean it like the text drawn.
	doc.SetCreator(fs.clean(creator, regular), true)
	doc.SetTitle(fs.clean(meta.Title, regular), true)
	doc.SetSubject(fs.clean(meta.Subject, regular), true)
	doc.SetAuthor(fs.clean(meta.Author, regular), true)
	doc.SetKeywords(fs.clean(meta.Keywords, regular), true)
	for _, fc := range []face{regular, bold} {
		// gofpdf keeps and reads the slice while writing: each document
		// gets its own copy so concurrent renders share nothing.
		doc.AddUTF8FontFromBytes(fontFamily, fc.gofpdfStyle(), fc.private(p))
	}
	return doc
}
