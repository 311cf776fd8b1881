// Package format lists the document formats wpsgen writes. A format is a
// value behind one small interface; the list below is the only place that
// knows which formats exist, so a new format (DOCX) is one entry here and
// its renderer package.
package format

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/docx"
	"github.com/wpsgen/wpsgen/templates/font"
	"github.com/wpsgen/wpsgen/templates/pdf"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

// Options are the settings every format's render takes.
type Options struct {
	// Created is the document's date (from revision.date or
	// SOURCE_DATE_EPOCH), never the clock: same input, same bytes.
	Created time.Time
	// Version is wpsgen's version, recorded as the document's creator.
	Version string
	// Source is the program file's YAML, for formats a person may edit and
	// wpsgen import read back (XLSX); nil when it is not at hand.
	Source []byte
}

// Format is one kind of document wpsgen writes.
type Format interface {
	// Name is how users select it: "pdf".
	Name() string
	// Ext is the output file's extension with its dot: ".pdf".
	Ext() string
	// Render draws doc to w. It writes nothing else and never panics.
	Render(w io.Writer, doc *templates.Layout, opts Options) error
	// CanPrint reports whether the format shows r as itself (not as an
	// empty box or a replacement glyph).
	CanPrint(r rune) bool
}

// all is every format, in the order their files are written and listed.
var all = []Format{PDF, XLSX, DOCX}

// The built-in formats.
var (
	PDF  Format = pdfFormat{}
	XLSX Format = xlsxFormat{}
	DOCX Format = docxFormat{}
)

// All returns every format, in output order.
func All() []Format { return slices.Clone(all) }

// Default is what render writes when no format is asked for: PDF and XLSX.
func Default() []Format { return []Format{PDF, XLSX} }

// Names returns the names of every format, in output order.
func Names() []string {
	names := make([]string, len(all))
	for i, f := range all {
		names[i] = f.Name()
	}
	return names
}

// Lookup returns the format called name (case-insensitive).
func Lookup(name string) (Format, bool) {
	for _, f := range all {
		if strings.EqualFold(f.Name(), strings.TrimSpace(name)) {
			return f, true
		}
	}
	return nil, false
}

// Parse reads a comma-separated list of format names ("pdf,xlsx") into
// formats in output order, without repeats. An empty list or an unknown
// name is an error that names the valid ones.
func Parse(list string) ([]Format, error) {
	var want []Format
	for name := range strings.SplitSeq(list, ",") {
		if strings.TrimSpace(name) == "" {
			continue
		}
		f, ok := Lookup(name)
		if !ok {
			return nil, fmt.Errorf("unknown format %q: the formats are %s", strings.TrimSpace(name), strings.Join(Names(), ", "))
		}
		want = append(want, f)
	}
	if len(want) == 0 {
		return nil, fmt.Errorf("no format given: the formats are %s", strings.Join(Names(), ", "))
	}
	return Ordered(want), nil
}

// Ordered returns fs in output order without repeats.
func Ordered(fs []Format) []Format {
	var out []Format
	for _, f := range all {
		if slices.ContainsFunc(fs, func(g Format) bool { return g.Name() == f.Name() }) {
			out = append(out, f)
		}
	}
	// Formats not in the list (a test's own) keep their given order, last.
	for _, f := range fs {
		if !slices.ContainsFunc(out, func(g Format) bool { return g.Name() == f.Name() }) {
			out = append(out, f)
		}
	}
	return out
}

// Printable returns a test that r can be printed by every one of fs: what
// validation must accept when the user asked for those formats.
func Printable(fs []Format) func(rune) bool {
	fs = slices.Clone(fs)
	return func(r rune) bool {
		for _, f := range fs {
			if !f.CanPrint(r) {
				return false
			}
		}
		return true
	}
}

type pdfFormat struct{}

func (pdfFormat) Name() string { return "pdf" }
func (pdfFormat) Ext() string  { return ".pdf" }
func (pdfFormat) Render(w io.Writer, d *templates.Layout, o Options) error {
	return pdf.Render(w, d, pdf.Options{Created: o.Created, Creator: creator(o.Version)})
}

// The PDF draws only what the embedded font has glyphs for.
func (pdfFormat) CanPrint(r rune) bool { return font.Check(r) == font.OK }

type xlsxFormat struct{}

func (xlsxFormat) Name() string { return "xlsx" }
func (xlsxFormat) Ext() string  { return ".xlsx" }
func (xlsxFormat) Render(w io.Writer, d *templates.Layout, o Options) error {
	return xlsx.Render(w, d, xlsx.Options{Created: o.Created, Source: o.Source})
}

// A spreadsheet cell holds any text the reader's fonts can show; only
// control characters (other than tab, line feed and carriage return),
// which XML 1.0 cannot carry, and unpaired surrogates are refused.
func (xlsxFormat) CanPrint(r rune) bool { return xmlChar(r) }

func xmlChar(r rune) bool {
	if r == '\t' || r == '\n' || r == '\r' {
		return true
	}
	return r <= unicode.MaxRune && !unicode.IsControl(r) && !(r >= 0xD800 && r <= 0xDFFF) && r != 0xFFFE && r != 0xFFFF
}

type docxFormat struct{}

func (docxFormat) Name() string { return "docx" }
func (docxFormat) Ext() string  { return ".docx" }
func (docxFormat) Render(w io.Writer, l *templates.Layout, o Options) error {
	return docx.Render(w, l, docx.Options{Created: o.Created, Creator: creator(o.Version)})
}

// A Word document, like a spreadsheet, holds any character XML can carry;
// Word and LibreOffice find a font for each.
func (docxFormat) CanPrint(r rune) bool { return xmlChar(r) }

func creator(version string) string {
	if version == "" {
		return "wpsgen"
	}
	return "wpsgen " + version
}
