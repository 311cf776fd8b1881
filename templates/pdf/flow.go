package pdf

// Page geometry, in points (US Letter portrait).
const (
	pageWidth    = 612.0
	pageHeight   = 792.0
	marginX      = 45.0 // left and right margins
	contentLeft  = marginX
	contentWidth = pageWidth - 2*marginX
	contentRight = contentLeft + contentWidth
)

// Grey levels (0 black, 255 white) used for text, rules and shading.
const (
	inkText   uint8 = 20  // body text
	inkMuted  uint8 = 95  // secondary text: labels, header and footer
	inkRule   uint8 = 150 // light rules: header, footer, fill-in lines
	inkBorder uint8 = 70  // table borders
)

// style is how a run of text is set.
type style struct {
	face  face
	size  float64 // points
	color uint8   // grey level
}

// lineHeight is the height of one line of text at the style.
func (st style) lineHeight() float64 { return st.size * 1.3 }

// baseline returns the baseline of a line of this style whose line box
// starts at top: capitals sit centred in the box.
func (st style) baseline(top float64) float64 {
	return top + st.lineHeight()/2 + 0.365*st.size
}

// opKind says what an op draws.
type opKind uint8

const (
	opText     opKind = iota // text at (x, y = baseline)
	opLine                   // line from (x, y) to (x2, y2)
	opFill                   // filled rectangle (x, y, w, h)
	opStroke                 // outlined rectangle (x, y, w, h)
	opBookmark               // outline entry: text at level (gray), destination y
	opLink                   // link area (x, y, w, h) to the URL in text
)

// op is one drawing operation on a page. Pages are laid out as lists of
// ops first, so the page count is known before anything is drawn.
type op struct {
	kind      opKind
	x, y      float64
	x2, y2    float64 // opLine: end point; opFill, opStroke: width, height
	gray      uint8   // opLine, opFill, opStroke: grey level (text: style.color)
	lineWidth float64 // opLine, opStroke
	style     style   // opText
	text      string  // opText
}

// flow places content down the pages, starting a new page when the
// current one is full.
type flow struct {
	fonts  fonts
	pages  [][]op
	page   int     // index of the page being drawn on
	y      float64 // top of the free space on the current page
	top    float64 // top of the content area (below the page header)
	bottom float64 // bottom of the content area (above the page footer)
}

// newFlow returns a flow with one empty page.
func newFlow(fs fonts, top, bottom float64) *flow {
	f := &flow{fonts: fs, top: top, bottom: bottom}
	f.newPage()
	return f
}

// chromeOps is room for the ops of a page's header and footer, which are
// added when every page is laid out.
const chromeOps = 8

// newPage starts a new page. Its ops start with room for as many as the
// previous page holds: pages of one document hold similar numbers, and a
// list grown from nothing is copied about ten times on a full page.
func (f *flow) newPage() {
	var ops []op
	if n := len(f.pages); n > 0 {
		ops = make([]op, 0, len(f.pages[n-1])+chromeOps)
	}
	f.pages = append(f.pages, ops)
	f.page = len(f.pages) - 1
	f.y = f.top
}

// atTop reports whether nothing has been placed on the current page yet.
func (f *flow) atTop() bool { return f.y <= f.top }

// room returns the free height left on the current page.
func (f *flow) room() float64 { return f.bottom - f.y }

// capacity returns the height of a whole page's content area.
func (f *flow) capacity() float64 { return f.bottom - f.top }

// space adds vertical space, unless at the top of a page.
func (f *flow) space(h float64) {
	if !f.atTop() {
		f.y = min(f.y+h, f.bottom)
	}
}

// ensure starts a new page unless h points fit on the current one.
func (f *flow) ensure(h float64) {
	if h > f.room() && !f.atTop() {
		f.newPage()
	}
}

// add appends an op to the page being drawn on.
func (f *flow) add(o op) {
	f.pages[f.page] = append(f.pages[f.page], o)
}

// text draws s with its baseline at y.
func (f *flow) text(x, y float64, st style, s string) {
	if s != "" {
		f.add(op{kind: opText, x: x, y: y, style: st, text: s})
	}
}

// line draws a straight line.
func (f *flow) line(x1, y1, x2, y2 float64, gray uint8, width float64) {
	f.add(op{kind: opLine, x: x1, y: y1, x2: x2, y2: y2, gray: gray, lineWidth: width})
}

// fill paints a rectangle.
func (f *flow) fill(x, y, w, h float64, gray uint8) {
	f.add(op{kind: opFill, x: x, y: y, x2: w, y2: h, gray: gray})
}

// bookmark adds an outline entry pointing at the top of the free space.
func (f *flow) bookmark(text string, level int) {
	// gofpdf mangles what the font cannot encode in outline titles too.
	if text = f.fonts.clean(text, regular); text != "" {
		f.add(op{kind: opBookmark, y: f.y, gray: uint8(level), text: text})
	}
}

// link makes a rectangle a link to url.
func (f *flow) link(x, y, w, h float64, url string) {
	f.add(op{kind: opLink, x: x, y: y, x2: w, y2: h, text: url})
}

// stroke outlines a rectangle.
func (f *flow) stroke(x, y, w, h float64, gray uint8, width float64) {
	f.add(op{kind: opStroke, x: x, y: y, x2: w, y2: h, gray: gray, lineWidth: width})
}
