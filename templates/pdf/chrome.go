package pdf

import (
	"fmt"

	"github.com/wpsgen/wpsgen/templates"
)

// Page header and footer geometry, in points.
const (
	headerTop     = 28.0               // top of the first header line
	headerGap     = 14.0               // from the header rule to the content
	footerRuleY   = pageHeight - 44.0  // the rule above the footer text
	footerBase    = pageHeight - 32.0  // baseline of the footer text
	contentBottom = footerRuleY - 10.0 // bottom of the content area
	headerLines   = 2                  // most lines the sponsor and the occupation each take
)

var (
	stChrome     = style{face: regular, size: 7.5, color: inkMuted}
	stChromeBold = style{face: bold, size: 7.5, color: inkMuted}
)

// pageHeader is the header printed at the top of every page: sponsor and
// occupation on the left, the RAPIDS code on the right.
type pageHeader struct {
	left   []line
	right  string
	ruleY  float64
	bottom float64 // top of the content area
}

// newPageHeader lays out the header of d. Long names wrap onto a second
// line and are shortened after that, so the header stays small.
func newPageHeader(fs fonts, h templates.PageHeader) pageHeader {
	var ph pageHeader
	leftWidth := contentWidth
	if h.RAPIDS != "" {
		ph.right = "RAPIDS Code: " + fs.clean(h.RAPIDS, regular)
		leftWidth -= fs.width(ph.right, stChrome) + 18
	}
	ph.left = append(cappedLines(fs, h.Sponsor, stChromeBold, leftWidth), cappedLines(fs, h.Occupation, stChrome, leftWidth)...)
	y := headerTop
	for _, l := range ph.left {
		y += l.style.lineHeight()
	}
	ph.ruleY = max(y, headerTop+stChrome.lineHeight()) + 3
	ph.bottom = ph.ruleY + headerGap
	return ph
}

// cappedLines wraps s into at most headerLines lines, shortening the last
// with an ellipsis when there is more. An empty s gives no lines.
func cappedLines(fs fonts, s string, st style, width float64) []line {
	s = fs.clean(s, st.face)
	if s == "" {
		return nil
	}
	texts := fs.wrap(s, st, width)
	if len(texts) > headerLines {
		texts = texts[:headerLines]
		texts[headerLines-1] = fs.fit(texts[headerLines-1]+" …", st, width)
	}
	lines := make([]line, len(texts))
	for i, t := range texts {
		lines[i] = line{text: t, style: st}
	}
	return lines
}

// decorate adds the page header and the footer ("Page X of Y") to every
// laid-out page.
func decorate(f *flow, ph pageHeader, footer templates.PageFooter) {
	revision := f.fonts.clean(footer.Revision, regular)
	for i := range f.pages {
		f.page = i
		ph.draw(f)
		drawFooter(f, revision, i+1, len(f.pages))
	}
}

// draw prints the header on a page.
func (ph pageHeader) draw(page *flow) {
	y := headerTop
	for _, l := range ph.left {
		page.text(contentLeft, l.style.baseline(y), l.style, l.text)
		y += l.style.lineHeight()
	}
	if ph.right != "" {
		page.text(contentRight-page.fonts.width(ph.right, stChrome), stChrome.baseline(headerTop), stChrome, ph.right)
	}
	page.line(contentLeft, ph.ruleY, contentRight, ph.ruleY, inkRule, ruleWidth)
}

// drawFooter prints the revision and "Page n of total" on a page.
func drawFooter(page *flow, revision string, n, total int) {
	number := fmt.Sprintf("Page %d of %d", n, total)
	numberWidth := page.fonts.width(number, stChrome)
	page.line(contentLeft, footerRuleY, contentRight, footerRuleY, inkRule, ruleWidth)
	page.text(contentLeft, footerBase, stChrome, page.fonts.fit(revision, stChrome, contentWidth-numberWidth-18))
	page.text(contentRight-numberWidth, footerBase, stChrome, number)
}
