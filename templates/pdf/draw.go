package pdf

import "github.com/jung-kurt/gofpdf"

// painter draws laid-out pages with gofpdf, setting fonts, colours and
// line widths only when they change.
type painter struct {
	doc       *gofpdf.Fpdf
	font      style // current font (face and size)
	fontSet   bool
	textGray  int
	drawGray  int
	fillGray  int
	lineWidth float64
}

// play draws the pages, one gofpdf page each.
func play(doc *gofpdf.Fpdf, pages [][]op) {
	p := painter{doc: doc, textGray: -1, drawGray: -1, fillGray: -1, lineWidth: -1}
	for _, ops := range pages {
		doc.AddPage()
		for _, o := range ops {
			p.draw(o)
		}
	}
}

// draw performs one op.
func (p *painter) draw(o op) {
	switch o.kind {
	case opText:
		p.setFont(o.style)
		if g := int(o.style.color); g != p.textGray {
			p.doc.SetTextColor(g, g, g)
			p.textGray = g
		}
		p.doc.Text(o.x, o.y, o.text)
	case opLine:
		p.setStroke(o.gray, o.lineWidth)
		p.doc.Line(o.x, o.y, o.x2, o.y2)
	case opFill:
		if g := int(o.gray); g != p.fillGray {
			p.doc.SetFillColor(g, g, g)
			p.fillGray = g
		}
		p.doc.Rect(o.x, o.y, o.x2, o.y2, "F")
	case opStroke:
		p.setStroke(o.gray, o.lineWidth)
		p.doc.Rect(o.x, o.y, o.x2, o.y2, "D")
	case opBookmark:
		// gofpdf encodes the title as UTF-16 only while a UTF-8 font is set.
		p.setFont(stBody)
		p.doc.Bookmark(o.text, int(o.gray), o.y)
	case opLink:
		p.doc.LinkString(o.x, o.y, o.x2, o.y2, o.text)
	}
}

// setFont selects the style's face and size.
func (p *painter) setFont(st style) {
	if p.fontSet && p.font.face == st.face && p.font.size == st.size {
		return
	}
	p.doc.SetFont(fontFamily, st.face.gofpdfStyle(), st.size)
	p.font, p.fontSet = st, true
}

// setStroke selects the colour and width of lines.
func (p *painter) setStroke(gray uint8, width float64) {
	if g := int(gray); g != p.drawGray {
		p.doc.SetDrawColor(g, g, g)
		p.drawGray = g
	}
	if width != p.lineWidth {
		p.doc.SetLineWidth(width)
		p.lineWidth = width
	}
}
