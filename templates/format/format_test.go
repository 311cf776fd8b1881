package format_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/templates/format"
)

func names(fs []format.Format) string {
	var n []string
	for _, f := range fs {
		n = append(n, f.Name())
	}
	return strings.Join(n, ",")
}

func TestParse(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{"pdf,xlsx", "pdf,xlsx", ""},
		{"xlsx,pdf", "pdf,xlsx", ""}, // output order, not the user's
		{"XLSX", "xlsx", ""},
		{" pdf , pdf ", "pdf", ""},
		{"docx,pdf", "pdf,docx", ""},
		{"DOCX, xlsx ,pdf", "pdf,xlsx,docx", ""},
		{"pdf,odt", "", `unknown format "odt": the formats are pdf, xlsx, docx`},
		{"", "", "no format given"},
		{",", "", "no format given"},
	} {
		got, err := format.Parse(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Parse(%q) error %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || names(got) != tc.want {
			t.Errorf("Parse(%q) = %s, %v; want %s", tc.in, names(got), err, tc.want)
		}
	}
	if got := names(format.Default()); got != "pdf,xlsx" {
		t.Errorf("Default() = %s", got)
	}
}

func TestExt(t *testing.T) {
	for _, f := range format.All() {
		if f.Ext() != "."+f.Name() {
			t.Errorf("%s: extension %q", f.Name(), f.Ext())
		}
	}
}

// CanPrint: the PDF prints only what the embedded font has; the XLSX holds
// any character but the ones XML cannot carry; Printable needs both.
func TestPrintable(t *testing.T) {
	for _, tc := range []struct {
		r         rune
		pdf, xlsx bool
	}{
		{'A', true, true},
		{'é', true, true},
		{'\n', true, true},
		{'☒', true, true},
		{'\u0001', false, false},
		{'\u4e2d', false, true}, // CJK: not in DejaVu Sans
		{'😀', false, true},      // beyond the BMP: the PDF writer cannot encode it
		{0xFFFE, false, false},
	} {
		if got := format.PDF.CanPrint(tc.r); got != tc.pdf {
			t.Errorf("pdf CanPrint(%U) = %v", tc.r, got)
		}
		if got := format.XLSX.CanPrint(tc.r); got != tc.xlsx {
			t.Errorf("xlsx CanPrint(%U) = %v", tc.r, got)
		}
		// A Word document carries what XML carries, like the workbook.
		if got := format.DOCX.CanPrint(tc.r); got != tc.xlsx {
			t.Errorf("docx CanPrint(%U) = %v", tc.r, got)
		}
		if got := format.Printable(format.Default())(tc.r); got != (tc.pdf && tc.xlsx) {
			t.Errorf("Printable(pdf,xlsx)(%U) = %v", tc.r, got)
		}
		if got := format.Printable([]format.Format{format.XLSX})(tc.r); got != tc.xlsx {
			t.Errorf("Printable(xlsx)(%U) = %v", tc.r, got)
		}
	}
}

// Render of a nil document is an error from every format, never a panic.
func TestRenderNil(t *testing.T) {
	for _, f := range format.All() {
		var b bytes.Buffer
		if err := f.Render(&b, nil, format.Options{}); err == nil {
			t.Errorf("%s: rendered a nil document", f.Name())
		}
	}
}
