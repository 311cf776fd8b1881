package pdf

import "github.com/wpsgen/wpsgen/templates"

// Signature block geometry, in points.
const (
	signSpace = 24.0 // room to sign above each line
	slotGap   = 8.0  // below each row of labels
	gutter    = 24.0 // between the two columns of lines
	boxPad    = 10.0 // inside the agency box
)

// signatures prints the sponsor's name and signature lines and the boxed
// registration agency block, all on one page.
func (b *builder) signatures(s *templates.Signature) {
	f := b.flow
	f.space(gapSection)
	innerWidth := contentWidth - 2*boxPad
	sponsorTitle := b.lines(s.SponsorTitle, stHeading, contentWidth)
	sponsor := b.slots(s.SponsorLines, contentWidth)
	agency := b.slots(s.AgencyLines, innerWidth)
	agencyTitle := b.lines(s.AgencyTitle, stHeading, innerWidth)
	boxHeight := 2*boxPad + linesHeight(agencyTitle) + agency.height()
	f.ensure(linesHeight(sponsorTitle) + sponsor.height() + gapBlock + boxHeight)
	f.bookmark("Signatures", 0)

	b.drawLines(sponsorTitle, contentLeft)
	sponsor.draw(f, contentLeft)
	f.y += gapBlock
	top := f.y
	f.y += boxPad
	b.drawLines(agencyTitle, contentLeft+boxPad)
	agency.draw(f, contentLeft+boxPad)
	f.y = top + boxHeight
	f.stroke(contentLeft, top, contentWidth, boxHeight, inkBorder, borderWidth)
}

// drawLines prints lines one under the other at x, from the top of the
// free space down.
func (b *builder) drawLines(lines []line, x float64) {
	f := b.flow
	for _, l := range lines {
		f.text(x, l.style.baseline(f.y), l.style, l.text)
		f.y += l.style.lineHeight()
	}
}

// slotGrid is a grid of signature lines, two per row, each with its label
// under the line.
type slotGrid struct {
	colWidth float64
	labels   [][]line // wrapped label of each slot
}

// slots lays out labelled lines to sign or fill in, two per row, in width
// points.
func (b *builder) slots(labels []string, width float64) slotGrid {
	g := slotGrid{colWidth: (width - gutter) / 2}
	for _, l := range labels {
		g.labels = append(g.labels, b.lines(l, stNote, g.colWidth))
	}
	return g
}

// rowHeight returns the height of the row of slots starting at slot i.
func (g slotGrid) rowHeight(i int) float64 {
	h := linesHeight(g.labels[i])
	if i+1 < len(g.labels) {
		h = max(h, linesHeight(g.labels[i+1]))
	}
	return signSpace + 2 + h + slotGap
}

// height returns the height of the grid.
func (g slotGrid) height() float64 {
	h := 0.0
	for i := 0; i < len(g.labels); i += 2 {
		h += g.rowHeight(i)
	}
	return h
}

// draw prints the grid with its left edge at x, from the top of the free
// space down.
func (g slotGrid) draw(f *flow, x float64) {
	for i := 0; i < len(g.labels); i += 2 {
		h := g.rowHeight(i)
		for j := i; j < i+2 && j < len(g.labels); j++ {
			left := x + float64(j-i)*(g.colWidth+gutter)
			ruleY := f.y + signSpace
			f.line(left, ruleY, left+g.colWidth, ruleY, inkText, ruleWidth)
			y := ruleY + 2
			for _, l := range g.labels[j] {
				f.text(left, l.style.baseline(y), l.style, l.text)
				y += l.style.lineHeight()
			}
		}
		f.y += h
	}
}
