package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// fullFacesDocument is the sample with characters only the full faces
// have: an Armenian and Georgian sponsor, a Georgian competency.
func fullFacesDocument() *templates.Layout {
	d := templatestest.Sample()
	d.Header.Sponsor = "Երևանի բժշկական կենտրոն — სამედიცინო ცენტრი"
	templatestest.JobFunctions(d)[0].Rows[0].Cells[0].Text = "Codes diagnoses (კოდირება) and procedures"
	return d
}

func TestFacesChosenByDocument(t *testing.T) {
	fs := testFonts(t)
	for _, tc := range []struct {
		name    string
		d       *templates.Layout
		compact bool
	}{
		{"sample (Latin, Vietnamese, Polish, Greek, Cyrillic, check boxes)", templatestest.Sample(), true},
		{"large", templatestest.Large(20, 8), true},
		{"hostile text, drawn as U+FFFD", hostileDocument(), true},
		{"Armenian and Georgian", fullFacesDocument(), false},
	} {
		if got := fs.fitsCompact(layout(fs, tc.d)); got != tc.compact {
			t.Errorf("%s: compact faces %v, want %v", tc.name, got, tc.compact)
		}
	}
}

// renderWith renders d with the compact or the full pair, whatever it needs.
func renderWith(t *testing.T, d *templates.Layout, compact bool) []byte {
	t.Helper()
	fs := testFonts(t)
	l := d
	doc := newPDF(fs, l.Meta, Options{Created: created}, compact)
	play(doc, layout(fs, l))
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// glyphAttr is a glyph's font-specific number in mutool's trace, and
// fileAttr the file's name.
var (
	glyphAttr = regexp.MustCompile(` glyph="\d+"`)
	fileAttr  = regexp.MustCompile(` filename="[^"]*"`)
)

// A document drawn with the compact pair is the document drawn with the
// full pair: the same characters at the same positions with the same
// advances, as a reader sees them; only the embedded font differs.
func TestCompactFacesDrawTheSame(t *testing.T) {
	requireTools(t)
	d := templatestest.Sample()
	compact, full := renderWith(t, d, true), renderWith(t, d, false)
	if !bytes.Equal(render(t, d), compact) {
		t.Fatal("Render did not embed the compact faces in a document they cover")
	}
	if len(compact) >= len(full) {
		t.Errorf("compact faces give %d bytes, full faces %d", len(compact), len(full))
	}
	dir := t.TempDir()
	var traces, texts [2]string
	for i, pdf := range [][]byte{compact, full} {
		path := filepath.Join(dir, []string{"compact.pdf", "full.pdf"}[i])
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		traces[i] = fileAttr.ReplaceAllString(glyphAttr.ReplaceAllString(run(t, "mutool", "trace", path), ""), "")
		texts[i] = run(t, "pdftotext", "-layout", path, "-")
	}
	if traces[0] != traces[1] {
		t.Error("mutool trace: the compact faces draw other glyphs or at other positions than the full faces")
	}
	if texts[0] != texts[1] {
		t.Error("pdftotext: the compact faces give other text than the full faces")
	}
}
