package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates"
	wpsfont "github.com/wpsgen/wpsgen/templates/font"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// latinDocument is the sample as a US sponsor writes it: accented names,
// typographic punctuation, units and signs, all in the Latin pair.
func latinDocument() *templates.Layout {
	d := templatestest.Sample()
	sponsor := "Peña & Søren Plumbing — Łódź “Quality” Co.™"
	d.Header.Sponsor = sponsor
	templatestest.Signature(d).SponsorTitle = "Sponsor: " + sponsor
	templatestest.Field(d, "", "Company contact").Value = "José Ñúñez-Müller, Apprenticeship Coordinator"
	for _, jf := range templatestest.JobFunctions(d) {
		for i := range jf.Rows {
			if c := &jf.Rows[i].Cells[0]; strings.Contains(c.Text, "Ελληνικά") {
				c.Text = "Sets pipe to ±1/16″ at 72 °F, 2×4 ‘studs’, ½ in. – 1¼ in. (€, £, §, µ, Ω, CO₂) ✓"
			}
		}
	}
	return d
}

// fullFacesDocument is the sample with characters only the full faces
// have: an Armenian and Georgian sponsor, a Georgian competency.
func fullFacesDocument() *templates.Layout {
	d := templatestest.Sample()
	d.Header.Sponsor = "Երևանի բժշկական կենտրոն — სამედიცინო ცენტრი"
	templatestest.JobFunctions(d)[0].Rows[0].Cells[0].Text = "Codes diagnoses (კოდირება) and procedures"
	return d
}

// pairNamed returns the embedded pair called name.
func pairNamed(t testing.TB, name string) *wpsfont.Pair {
	t.Helper()
	for _, p := range fontPairs {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no pair %q", name)
	return nil
}

func TestPairChosenByDocument(t *testing.T) {
	fs := testFonts(t)
	for _, tc := range []struct {
		name string
		d    *templates.Layout
		pair string
	}{
		{"Latin: accents, quotes, units, signs", latinDocument(), "latin"},
		{"sample (Vietnamese, Greek, Cyrillic)", templatestest.Sample(), "compact"},
		{"large (the sample's sponsor)", templatestest.Large(20, 8), "compact"},
		{"hostile text, drawn as U+FFFD", hostileDocument(), "compact"},
		{"Armenian and Georgian", fullFacesDocument(), "full"},
	} {
		if got := fs.pair(layout(fs, tc.d)); got.Name != tc.pair {
			t.Errorf("%s: %s pair, want %s", tc.name, got.Name, tc.pair)
		}
	}
}

// The pair is the smallest holding every character drawn, wherever the
// characters are and in whatever order; text only a larger pair has
// moves the document on, never back.
func TestPairOfCharacters(t *testing.T) {
	fs := testFonts(t)
	text := func(s string, fc face) op { return op{kind: opText, text: s, style: style{face: fc}} }
	for i, tc := range []struct {
		pages [][]op
		want  string
	}{
		{nil, "latin"},
		{[][]op{{text("plain ASCII", regular)}}, "latin"},
		{[][]op{{text("Peña – “µ” ☒ ✓ \uFFFD", bold)}}, "latin"},
		{[][]op{{{kind: opLine}, text("José", regular)}, {text("Nguyễn", regular)}}, "compact"},
		{[][]op{{text("Nguyễn", bold)}, {text("José", regular)}}, "compact"},
		{[][]op{{text("ՀՀ", regular)}, {text("Nguyễn", regular)}}, "full"},
		{[][]op{{text("José", regular)}, {text("Nguyễn", regular), text("ბ", bold)}}, "full"},
		{[][]op{{text("\U0001F600", regular)}}, "full"}, // beyond the BMP: not drawn by any pair
	} {
		if got := fs.pair(tc.pages); got.Name != tc.want {
			t.Errorf("case %d: %s pair, want %s", i, got.Name, tc.want)
		}
	}
}

// Every example takes the Latin pair; the one test program written in
// Vietnamese, Polish and Greek takes the compact pair.
func TestPairChosenByProgram(t *testing.T) {
	paths, err := templatestest.Programs("../..")
	if err != nil {
		t.Fatal(err)
	}
	needs := map[string]string{"time-based-unicode-decimals": "compact"}
	fs := testFonts(t)
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		res, err := framework.NewLoader().Validate(path)
		if err != nil || res.Schedule == nil {
			t.Fatalf("%s: %v", path, err)
		}
		want := needs[name]
		if want == "" {
			want = "latin"
		}
		if got := fs.pair(layout(fs, templates.Build(res.Schedule, name))); got.Name != want {
			t.Errorf("%s: %s pair, want %s", path, got.Name, want)
		}
	}
}

// renderWith renders d with pair p.
func renderWith(t *testing.T, d *templates.Layout, p *wpsfont.Pair) []byte {
	t.Helper()
	fs := testFonts(t)
	doc := newPDF(fs, d.Meta, Options{Created: created}, p)
	play(doc, layout(fs, d))
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

// A document drawn with the smallest pair holding it is the document drawn
// with every larger pair: the same characters at the same positions with
// the same advances, as a reader sees them; only the embedded font
// differs. Render embeds that smallest pair, the same bytes every time, and
// the readers find no empty box.
func TestPairsDrawTheSame(t *testing.T) {
	requireTools(t)
	for _, tc := range []struct {
		name string
		d    *templates.Layout
		pair string
	}{
		{"latin", latinDocument(), "latin"},
		{"compact", templatestest.Sample(), "compact"},
		{"full", fullFacesDocument(), "full"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.d)
			if !bytes.Equal(got, render(t, tc.d)) {
				t.Error("two renders differ")
			}
			dir := t.TempDir()
			var want struct{ trace, text string }
			larger := false
			for _, p := range fontPairs {
				if p.Name == tc.pair {
					larger = true
				}
				if !larger {
					continue
				}
				pdf := renderWith(t, tc.d, p)
				path := filepath.Join(dir, p.Name+".pdf")
				if err := os.WriteFile(path, pdf, 0o644); err != nil {
					t.Fatal(err)
				}
				checkReaders(t, path)
				trace := fileAttr.ReplaceAllString(glyphAttr.ReplaceAllString(run(t, "mutool", "trace", path), ""), "")
				text := run(t, "pdftotext", "-layout", path, "-")
				if p.Name == tc.pair {
					if !bytes.Equal(got, pdf) {
						t.Fatalf("Render did not embed the %s pair", p.Name)
					}
					want.trace, want.text = trace, text
					continue
				}
				if trace != want.trace {
					t.Errorf("mutool trace: the %s pair draws other glyphs or at other positions than the %s pair", tc.pair, p.Name)
				}
				if text != want.text {
					t.Errorf("pdftotext: the %s pair gives other text than the %s pair", tc.pair, p.Name)
				}
			}
		})
	}
}
