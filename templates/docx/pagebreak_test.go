package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/templates"
)

// bodyParagraph is what the page-break test needs of a w:p.
type bodyParagraph struct {
	PageBreakBefore bool // w:pPr/w:pageBreakBefore
	PageBreaks      int  // w:br w:type="page"
	Text            string
	InTable         bool
}

// paragraphs reads word/document.xml's paragraphs in order.
func paragraphs(t *testing.T, docx []byte) []bodyParagraph {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var out []bodyParagraph
	var cur *bodyParagraph
	var text strings.Builder
	inText, tables := false, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tbl":
				tables++
			case "p":
				cur = &bodyParagraph{InTable: tables > 0}
				text.Reset()
			case "pageBreakBefore":
				if cur != nil && attr(e, "val") != "0" && attr(e, "val") != "false" {
					cur.PageBreakBefore = true
				}
			case "br":
				if cur != nil && attr(e, "type") == "page" {
					cur.PageBreaks++
				}
			case "t":
				inText = true
			}
		case xml.CharData:
			if inText {
				text.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "tbl":
				tables--
			case "t":
				inText = false
			case "p":
				cur.Text = text.String()
				out = append(out, *cur)
				cur = nil
			}
		}
	}
	return out
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// TestNoPageOfItsOwnForABreak: a paragraph holding nothing but a page
// break lands on a page of its own when the page before is full, and breaks
// again: a page with only the running header and footer. Each part after
// the first starts with a paragraph marked to start a page instead, no
// paragraph is a bare break, and no empty spacer comes before the break.
func TestNoPageOfItsOwnForABreak(t *testing.T) {
	for _, ex := range renderExamples(t) {
		t.Run(ex.name, func(t *testing.T) {
			ps := paragraphs(t, ex.docx)
			var starts []string
			for i, p := range ps {
				if p.PageBreaks > 0 && strings.TrimSpace(p.Text) == "" {
					t.Errorf("paragraph %d holds only a page break", i+1)
				}
				if p.PageBreakBefore {
					if i > 0 && !ps[i-1].InTable && ps[i-1].Text == "" {
						t.Errorf("paragraph %d starts a page after an empty paragraph, which a full page pushes to a page of its own", i+1)
					}
					if p.InTable {
						t.Errorf("paragraph %d in a table starts a page: Word and LibreOffice disagree there", i+1)
					}
					starts = append(starts, p.Text)
				}
			}
			var want []string
			for _, part := range ex.layout.Parts[1:] {
				want = append(want, firstText(part))
			}
			if strings.Join(starts, "|") != strings.Join(want, "|") {
				t.Errorf("paragraphs that start a page %q, want each part's first %q", starts, want)
			}
		})
	}
}

// firstText is the text of a part's first block when it is a heading or a
// paragraph; "" when it is a table, which an empty paragraph precedes.
func firstText(p templates.Part) string {
	if len(p.Blocks) == 0 {
		return ""
	}
	switch b := p.Blocks[0].(type) {
	case *templates.Heading:
		return b.Text
	case *templates.Paragraph:
		return b.Text
	}
	return ""
}

// TestPageBreakBeforeATable: a part that starts with a table starts a page
// with an empty paragraph kept with the table, and a break with nothing
// after it adds nothing.
func TestPageBreakBeforeATable(t *testing.T) {
	d, err := New(Meta{})
	if err != nil {
		t.Fatal(err)
	}
	d.Paragraph("first part", Normal)
	d.PageBreak()
	d.Fields([]Field{{Label: "Sponsor", Value: "Acme"}})
	d.PageBreak()
	var b bytes.Buffer
	if err := d.Write(&b); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range paragraphs(t, b.Bytes()) {
		s := p.Text
		if p.PageBreakBefore {
			s = "[page] " + s
		}
		if p.InTable {
			s = "[cell] " + s
		}
		got = append(got, s)
	}
	want := []string{"first part", "[page] ", "[cell] Sponsor", "[cell] Acme", ""}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
}
