package pdf

// Cell padding, in points.
const (
	padX = 4.0
	padY = 3.0
)

// Table rule widths, in points.
const (
	borderWidth = 0.5
	ruleWidth   = 0.4
)

// align is the horizontal alignment of a cell's lines.
type align uint8

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

// border is how a cell is outlined.
type border uint8

const (
	noBorder   border = iota
	boxBorder         // a table cell
	fillInLine        // a line under the cell, to write on
)

// line is one line of text in a cell. Prefix (a letter, a bullet) is
// drawn at the cell's left edge and the text indent points to its right,
// so wrapped lines hang under the text, not under the prefix.
type line struct {
	prefix string
	text   string
	indent float64
	style  style
	offset float64 // prefix and text moved right (a nested row)
}

// cell is a table cell spanning one or more columns.
type cell struct {
	span   int // columns spanned; 0 means 1
	lines  []line
	align  align
	shade  uint8 // background grey level; 0 means none
	border border
	link   string // a URL the cell's area links to (mailto: for an email)
}

// height returns the height the cell needs.
func (c cell) height() float64 {
	return 2*padY + linesHeight(c.lines)
}

// linesHeight returns the height of lines set one under the other.
func linesHeight(lines []line) float64 {
	h := 0.0
	for _, l := range lines {
		h += l.style.lineHeight()
	}
	return h
}

// row is a table row. A row is never split across pages unless it is
// taller than a whole page.
type row struct {
	cells        []cell
	keepWithNext bool // never the last row on a page (a group label)
}

// height returns the height of the row: that of its tallest cell.
func (r row) height() float64 {
	h := 0.0
	for _, c := range r.cells {
		h = max(h, c.height())
	}
	return h
}

// rowsHeight returns the total height of rows.
func rowsHeight(rows []row) float64 {
	h := 0.0
	for _, r := range rows {
		h += r.height()
	}
	return h
}

// table is a grid of rows placed down the pages.
type table struct {
	x    float64   // left edge
	cols []float64 // column widths

	lead   []row // printed once, kept on a page with the header and the first body row
	header []row // column headings: printed after the lead and again after each page break
	cont   []row // printed above the repeated header on continuation pages
	body   []row

	// bookmarks are outline entries (text, level) pointing at the table's
	// start.
	bookmarks []bookmark

	// notes is how many of the last body rows are notes under the table
	// (not counted among the rows kept together at its end).
	notes int
}

// span returns the left edge and width of a cell starting at column col
// and spanning span columns.
func (t *table) span(col, span int) (x, w float64) {
	x = t.x
	for i := 0; i < col; i++ {
		x += t.cols[i]
	}
	for i := col; i < col+max(span, 1) && i < len(t.cols); i++ {
		w += t.cols[i]
	}
	return x, w
}

// textWidth returns the width available to text in a cell starting at
// column col and spanning span columns.
func (t *table) textWidth(col, span int) float64 {
	_, w := t.span(col, span)
	return w - 2*padX
}

// place lays the table out on the flow. The lead, the header and the
// first body row start on the same page; after each page break inside the
// body the continuation rows and the header are repeated.
func (t *table) place(f *flow) {
	start := rowsHeight(t.lead) + rowsHeight(t.header)
	if len(t.body) > 0 {
		start += t.firstPiece(f, t.body[0])
		// A page never ends with only the first rows of a table when the
		// first few fit together; a table too short to leave keepRows rows
		// on each side of a break is kept whole.
		n := min(keepRows, len(t.body))
		if len(t.body) < 2*keepRows {
			n = len(t.body)
		}
		if more := start + rowsHeight(t.body[1:n]); more <= f.capacity() {
			start = more
		}
	}
	f.ensure(start)
	for _, b := range t.bookmarks {
		f.bookmark(b.text, b.level)
	}
	for _, r := range t.lead {
		t.placeRow(f, r, nil)
	}
	for _, r := range t.header {
		t.placeRow(f, r, nil)
	}
	repeat := append(append([]row(nil), t.cont...), t.header...)
	for i, r := range t.body {
		if r.keepWithNext && i+1 < len(t.body) {
			t.keepWithNext(f, r, t.body[i+1], repeat)
		}
		if i > 0 && len(t.body)-i == keepRows+t.notes {
			t.keepTail(f, t.body[i:], repeat)
		}
		t.placeRow(f, r, repeat)
	}
}

// keepRows is how many rows of a table are kept together at the start and
// at the end of a table, so no page holds only one or two of its rows.
const keepRows = 3

// keepTail breaks the page before the last rows of a table unless they all
// fit on the current one (or would not fit on a page of their own).
func (t *table) keepTail(f *flow, tail, repeat []row) {
	h := rowsHeight(tail)
	if h > f.room() && tail[0].height() <= f.room() && h <= f.capacity()-rowsHeight(repeat) {
		t.breakPage(f, repeat)
	}
}

// keepWithNext breaks the page before r unless r and the start of next
// fit on the current one.
func (t *table) keepWithNext(f *flow, r, next row, repeat []row) {
	need := r.height() + t.firstPiece(f, next)
	if need > f.room() && need <= f.capacity()-rowsHeight(repeat) {
		t.breakPage(f, repeat)
	}
}

// firstPiece returns the height of r, or of the smallest piece of it
// worth putting at the bottom of a page when r is taller than a page.
func (t *table) firstPiece(f *flow, r row) float64 {
	h := r.height()
	if h <= f.capacity()-rowsHeight(t.cont)-rowsHeight(t.header) {
		return h
	}
	return minPiece(r)
}

// minPiece returns the height of the first three lines of r's tallest
// cell: a row is split across pages only when at least that much fits.
func minPiece(r row) float64 {
	h := 0.0
	for _, c := range r.cells {
		ch := 2 * padY
		for i := 0; i < len(c.lines) && i < 3; i++ {
			ch += c.lines[i].style.lineHeight()
		}
		h = max(h, ch)
	}
	return h
}

// placeRow places one row, breaking the page first when it does not fit
// (repeat is printed at the top of the new page). A row taller than a
// whole page is split between its lines.
func (t *table) placeRow(f *flow, r row, repeat []row) {
	h := r.height()
	if h <= f.room() {
		t.drawRow(f, r)
		return
	}
	if h <= f.capacity()-rowsHeight(repeat) {
		t.breakPage(f, repeat)
		t.drawRow(f, r)
		return
	}
	if f.room() < minPiece(r) {
		t.breakPage(f, repeat)
	}
	for {
		head, rest, done := splitRow(r, f.room())
		t.drawRow(f, head)
		if done {
			return
		}
		t.breakPage(f, repeat)
		r = rest
	}
}

// breakPage starts a new page and prints the rows to repeat on it.
func (t *table) breakPage(f *flow, repeat []row) {
	f.newPage()
	for _, r := range repeat {
		t.drawRow(f, r)
	}
}

// splitRow splits r into a head no taller than avail (but holding at least
// one line, so splitting always makes progress) and the rest. done
// reports that the head holds all of r.
func splitRow(r row, avail float64) (head, rest row, done bool) {
	take := make([]int, len(r.cells))
	any := false
	for i, c := range r.cells {
		used := 2 * padY
		for take[i] < len(c.lines) && used+c.lines[take[i]].style.lineHeight() <= avail {
			used += c.lines[take[i]].style.lineHeight()
			take[i]++
		}
		any = any || take[i] > 0
	}
	done = true
	for i, c := range r.cells {
		if !any && len(c.lines) > 0 {
			take[i] = 1
		}
		h, t := c, c
		h.lines, t.lines = c.lines[:take[i]], c.lines[take[i]:]
		head.cells = append(head.cells, h)
		rest.cells = append(rest.cells, t)
		done = done && len(t.lines) == 0
	}
	return head, rest, done
}

// drawRow draws r at the top of the free space and moves below it:
// backgrounds first, then text, then borders, so borders are never
// painted over.
func (t *table) drawRow(f *flow, r row) {
	h := r.height()
	top := f.y
	t.eachCell(r, func(c cell, x, w float64) {
		if c.shade != 0 {
			f.fill(x, top, w, h, c.shade)
		}
	})
	t.eachCell(r, func(c cell, x, w float64) {
		drawLines(f, c, x, top, w)
	})
	t.eachCell(r, func(c cell, x, w float64) {
		if c.link != "" {
			f.link(x, top, w, h, c.link)
		}
		switch c.border {
		case boxBorder:
			f.stroke(x, top, w, h, inkBorder, borderWidth)
		case fillInLine:
			f.line(x+padX, top+h, x+w-padX, top+h, inkRule, ruleWidth)
		}
	})
	f.y = top + h
}

// eachCell calls fn with each cell of r and its left edge and width.
func (t *table) eachCell(r row, fn func(c cell, x, w float64)) {
	col := 0
	for _, c := range r.cells {
		x, w := t.span(col, c.span)
		fn(c, x, w)
		col += max(c.span, 1)
	}
}

// drawLines draws a cell's lines inside the box at (x, top), w wide.
func drawLines(f *flow, c cell, x, top, w float64) {
	y := top + padY
	for _, l := range c.lines {
		base := l.style.baseline(y)
		f.text(x+padX+l.offset, base, l.style, l.prefix)
		tx := x + padX + l.offset + l.indent
		switch c.align {
		case alignRight:
			tx = x + w - padX - f.fonts.width(l.text, l.style)
		case alignCenter:
			tx = x + (w-f.fonts.width(l.text, l.style))/2
		}
		f.text(tx, base, l.style, l.text)
		y += l.style.lineHeight()
	}
}

// bookmark is an entry of the PDF outline.
type bookmark struct {
	text  string
	level int
}
