package xlsx_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

// FuzzRender puts arbitrary text and hours into a document: Render must
// never panic, and a workbook it writes must open with both sheets.
func FuzzRender(f *testing.F) {
	for _, seed := range []struct {
		text  string
		hours string
	}{
		{"=1+1", "12.5"}, {"@x&y<z>", "0"}, {"-", "-3"}, {"\x00\x01\ufffe", "1e300"},
		{strings.Repeat("long text ", 4000), "0.1"}, {"", "597.5"}, {"'quoted' sheet", "1e-9"},
	} {
		f.Add(seed.text, seed.hours)
	}
	f.Fuzz(func(t *testing.T, text string, hoursText string) {
		hours, err := decimal.Parse(hoursText)
		if err != nil {
			return
		}
		d := templatestest.Sample()
		templatestest.Blocks[*templates.Heading](d)[0].Text = text
		templatestest.Field(d, "", "O*NET Code").Value = text
		d.Header.Sponsor, d.Footer.Revision = text, text
		fields := templatestest.Blocks[*templates.FieldList](d)[1]
		fields.Fields = append(fields.Fields, templates.Field{Label: text, Value: text})
		jf := templatestest.Table(d, "JF_1")
		jf.Title, jf.TitleCells[2].Note = text, text // the level
		jf.Rows[0].Cells[0].Text = text
		sig := templatestest.Signature(d)
		sig.SponsorLines = append(sig.SponsorLines, text)
		groups := templatestest.SampleCourses()
		g := &groups[1]
		g.Label = text
		g.Courses[0] = templatestest.Course{Title: text, Number: text, Hours: hours.String(), Objectives: []string{text, text}}
		templatestest.SetCourses(d, 2, groups...) // the subtotal, total and hours per year follow

		var b bytes.Buffer
		if err := xlsx.Render(&b, d, xlsx.Options{Created: created}); err != nil {
			return // an error is fine; a panic is not
		}
		wb := open(t, b.Bytes())
		if got := wb.GetSheetList(); len(got) != 2 {
			t.Fatalf("sheets %q", got)
		}
	})
}
