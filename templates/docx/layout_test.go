package docx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// example is one example or test program, laid out and rendered.
type example struct {
	name   string
	layout *templates.Layout
	docx   []byte
}

var exampleDate = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// rendered caches the examples' documents: three tests read them.
var rendered struct {
	sync.Once
	all []example
	err error
}

// renderExamples returns the example and test programs named (all when
// none is) rendered to DOCX.
func renderExamples(t *testing.T, names ...string) []example {
	t.Helper()
	rendered.Do(func() { rendered.all, rendered.err = renderAll() })
	if rendered.err != nil {
		t.Fatal(rendered.err)
	}
	var out []example
	for _, ex := range rendered.all {
		if len(names) == 0 || slices.Contains(names, ex.name) {
			out = append(out, ex)
		}
	}
	if len(out) == 0 || len(names) > 0 && len(out) != len(names) {
		t.Fatalf("found %d of the programs %q", len(out), names)
	}
	return out
}

func renderAll() ([]example, error) {
	paths, err := templatestest.Programs("../..")
	if err != nil {
		return nil, err
	}
	l := framework.NewLoader()
	var out []example
	for _, p := range paths {
		res, err := l.Validate(p)
		if err != nil {
			return nil, err
		}
		if !res.OK(false) || res.Schedule == nil {
			return nil, fmt.Errorf("%s does not validate: %v", p, res.Findings)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		lay := templates.Build(res.Schedule, name)
		var b bytes.Buffer
		if err := Render(&b, lay, Options{Created: exampleDate, Creator: "wpsgen test"}); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, example{name, lay, b.Bytes()})
	}
	return out, nil
}

// TestRenderIsReproducible: the same layout gives the same bytes, and the
// date is the one given, not the clock's.
func TestRenderIsReproducible(t *testing.T) {
	for _, ex := range renderExamples(t)[:2] {
		var b bytes.Buffer
		if err := Render(&b, ex.layout, Options{Created: exampleDate, Creator: "wpsgen test"}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), ex.docx) {
			t.Errorf("%s: two renders differ", ex.name)
		}
		b.Reset()
		if err := Render(&b, ex.layout, Options{Created: exampleDate.AddDate(0, 0, 1)}); err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(b.Bytes(), ex.docx) {
			t.Errorf("%s: another date gives the same bytes: the date is not recorded", ex.name)
		}
	}
}

func TestRenderRefuses(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, nil, Options{}); err == nil || b.Len() != 0 {
		t.Errorf("nil layout: error %v, %d bytes written", err, b.Len())
	}
	bad := &templates.Layout{Parts: []templates.Part{{Name: "P", Blocks: []templates.Block{
		&templates.Table{ID: "T", Columns: []templates.Column{{Header: "a", Width: 1}},
			Rows: []templates.Row{{Cells: []templates.Cell{{Text: "1"}, {Text: "2"}}}}},
	}}}}
	if err := Render(&b, bad, Options{}); err == nil || !strings.HasPrefix(err.Error(), "docx: P: ") || b.Len() != 0 {
		t.Errorf("a row wider than its table: error %v, %d bytes written", err, b.Len())
	}
}

type bodyItem struct {
	Style string
	Text  string
	Rows  []struct {
		Header    bool
		CantSplit bool
		Cells     []string
		Style     string
	}
}

type readBody struct {
	Body   []bodyItem
	Links  []struct{ Text, Target string }
	Core   map[string]string
	Header string
	Footer string
}

// TestLayoutReadsBack renders every example and test program and reads it
// back with python-docx: the body, in reading order, must be the layout's
// blocks (heading styles and texts, paragraphs, field rows, list items,
// every table cell), the title and column header rows marked to repeat, the
// emails links, the properties the layout's.
func TestLayoutReadsBack(t *testing.T) {
	py := "/usr/bin/python3"
	if exec.Command(py, "-c", "import docx").Run() != nil {
		missing(t, "python3 with python-docx", "python3-docx")
	}
	exs := renderExamples(t)
	dir := t.TempDir()
	args := []string{"testdata/body.py"}
	for _, ex := range exs {
		p := filepath.Join(dir, ex.name+".docx")
		if err := os.WriteFile(p, ex.docx, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	out, err := exec.Command(py, args...).Output()
	if err != nil {
		t.Fatalf("python-docx cannot read the documents: %v\n%s", err, stderr(err))
	}
	var got []readBody
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for i, ex := range exs {
		t.Run(ex.name, func(t *testing.T) { checkBody(t, ex.layout, got[i]) })
	}
}

func checkBody(t *testing.T, l *templates.Layout, got readBody) {
	want, links := expectedBody(l)
	var body []string
	for _, it := range got.Body {
		switch {
		case it.Rows != nil:
			body = append(body, rowsText(it)...)
		case it.Text == "\f":
			body = append(body, pageBreak)
		case it.Text != "": // spacers are empty
			body = append(body, it.Style+": "+it.Text)
		}
	}
	for i := range max(len(body), len(want)) {
		var g, w string
		if i < len(body) {
			g = body[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Fatalf("body line %d:\n got %q\nwant %q", i+1, g, w)
		}
	}
	for _, it := range got.Body {
		if len(it.Rows) > 0 && it.Rows[0].Header && !it.Rows[0].CantSplit {
			t.Errorf("header row %q may split", it.Rows[0].Cells)
		}
	}
	var gotLinks []string
	for _, lk := range got.Links {
		gotLinks = append(gotLinks, lk.Text+" -> "+lk.Target)
	}
	if fmt.Sprint(gotLinks) != fmt.Sprint(links) {
		t.Errorf("links %q, want %q", gotLinks, links)
	}
	m := l.Meta
	for k, v := range map[string]string{"title": m.Title, "subject": m.Subject, "author": m.Author,
		"keywords": m.Keywords, "language": "en-US", "created": "2026-11-01T00:00:00"} {
		if got.Core[k] != v {
			t.Errorf("core property %s = %q, want %q", k, got.Core[k], v)
		}
	}
	if !strings.Contains(m.Title, l.Header.Occupation) {
		t.Errorf("title %q does not name the occupation %q", m.Title, l.Header.Occupation)
	}
	if !strings.HasPrefix(got.Header, l.Header.Sponsor) || !strings.Contains(got.Header, l.Header.RAPIDS) {
		t.Errorf("page header %q lacks the sponsor or the RAPIDS code", got.Header)
	}
	if !strings.HasPrefix(got.Footer, l.Footer.Revision+"\tPage ") {
		t.Errorf("page footer %q, want the revision then the page number", got.Footer)
	}
}

// pageBreak is a paragraph that starts a new page, as a body line.
const pageBreak = "--- new page ---"

// rowsText is a table as lines: "[H] a | b" for a row marked to repeat,
// "    a | b" for a body row, "[H] Heading 2: title" for a title in a
// heading style.
func rowsText(it bodyItem) []string {
	var out []string
	for _, r := range it.Rows {
		mark := "    "
		if r.Header {
			mark = "[H] "
		}
		if strings.HasPrefix(r.Style, "Heading") {
			mark += r.Style + ": "
		}
		out = append(out, mark+strings.Join(r.Cells, " | "))
	}
	return out
}

// expectedBody is what a reader of the layout should find, block by block,
// in the lines rowsText and checkBody make, and the links it should have.
func expectedBody(l *templates.Layout) (lines, links []string) {
	para := func(style, text string) {
		if text != "" {
			lines = append(lines, style+": "+text)
		}
	}
	row := func(header bool, cells ...string) {
		mark := "    "
		if header {
			mark = "[H] "
		}
		lines = append(lines, mark+strings.Join(cells, " | "))
	}
	for i, p := range l.Parts {
		if i > 0 {
			lines = append(lines, pageBreak)
		}
		under := "Heading 2" // a table title's heading style
		for _, blk := range p.Blocks {
			switch b := blk.(type) {
			case *templates.Heading:
				switch {
				case b.Bookmark && b.Level <= 1:
					under = "Heading 2"
				case b.Bookmark:
					under = "Heading 3"
				}
				if b.Bookmark {
					para(fmt.Sprintf("Heading %d", min(max(b.Level, 1), 3)), b.Text)
				} else {
					para("Normal", b.Text)
				}
			case *templates.Paragraph:
				para("Normal", b.Text)
			case *templates.FieldList:
				for _, f := range b.Fields {
					v := f.Value
					if f.Kind == templates.FieldItems && len(f.Items) > 1 {
						v = strings.Join(f.Items, "\n")
					}
					if f.Kind == templates.FieldEmail && f.Value != "" {
						links = append(links, f.Value+" -> mailto:"+f.Value)
					}
					row(false, f.Label+":", v)
				}
			case *templates.List:
				var add func([]templates.ListItem)
				add = func(items []templates.ListItem) {
					for _, it := range items {
						para("List Paragraph", it.Text)
						add(it.Items)
					}
				}
				add(b.Items)
			case *templates.Table:
				if b.Title != "" {
					title := b.Title
					if b.Details != "" {
						title += "\n" + b.Details
					}
					row(true, under+": "+title)
				}
				var heads []string
				named := false
				for _, c := range b.Columns {
					heads = append(heads, c.Header)
					named = named || c.Header != ""
				}
				if named {
					row(true, heads...)
				}
				for _, r := range b.Rows {
					var cells []string
					for _, c := range r.Cells {
						cells = append(cells, cellText(c))
					}
					row(false, cells...)
				}
			case *templates.Signature:
				para("Heading 2", b.SponsorTitle)
				slots := func(labels []string) {
					for i := 0; i < len(labels); i += 2 {
						right := "\n" // an empty slot: no rule, no label
						if i+1 < len(labels) {
							right = "\n" + labels[i+1]
						}
						row(false, "\n"+labels[i], right)
					}
				}
				slots(b.SponsorLines)
				if b.AgencyTitle != "" {
					row(false, b.AgencyTitle)
				}
				slots(b.AgencyLines)
			}
		}
	}
	return lines, links
}

// cellText is a layout cell as a reader reads it: the letter, a tab and
// the text; the objectives, the note, one per line; the check mark.
func cellText(c templates.Cell) string {
	if c.Kind == templates.CellCheck {
		if c.Checked {
			return templates.CheckMark
		}
		return ""
	}
	var parts []string
	if c.Prefix != "" {
		parts = append(parts, c.Prefix+"\t"+c.Text)
	} else if c.Text != "" || len(c.Items) == 0 {
		parts = append(parts, c.Text)
	}
	parts = append(parts, c.Items...)
	if c.Note != "" {
		parts = append(parts, c.Note)
	}
	return strings.Join(parts, "\n")
}
