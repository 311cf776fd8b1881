package xlsx

import "sort"

// Margins in inches: Excel's defaults.
const (
	marginSide = 0.7  // left and right
	marginEdge = 0.75 // top and bottom
	marginBand = 0.3  // page header and footer
)

// The printed page: US Letter landscape inside the margins, in points.
const (
	pageWidth  = (11 - 2*marginSide) * 72
	pageHeight = (8.5 - 2*marginEdge) * 72
)

// paginate chooses manual page breaks: a run of rows to keep together
// (a table's title, header and first rows; a signature block) that would
// run off the bottom of a page starts the next one, if it fits on one.
// Heights are estimates, so the reader's own breaks still apply; these
// only move a break up to keep a table's start whole.
func (s *sheet) paginate() {
	total := 0.0
	for _, w := range s.widths {
		total += columnPoints(w)
	}
	scale := 1.0
	if total > pageWidth {
		scale = pageWidth / total // the sheet prints fit to the page width
	}
	avail := pageHeight / scale
	// Print titles repeat the first table's header row on every page; a
	// table that fits on a page starts on one with its own header (the
	// breaks below), so they are only wanted when some table runs on.
	long := false
	for _, sp := range s.spans {
		h := 0.0
		for r := sp.first; r <= sp.last; r++ {
			h += s.rows[r-1].est
		}
		long = long || h > avail
	}
	if !long {
		s.titles = [2]int{}
	}
	titles := 0.0
	if s.titles[0] > 0 {
		for r := s.titles[0]; r <= s.titles[1]; r++ {
			titles += s.rows[r-1].est
		}
	}
	top := func(r int) float64 { // the height a page starting at row r starts with
		if s.titles[0] > 0 && r > s.titles[1] {
			return titles
		}
		return 0
	}
	sort.SliceStable(s.keeps, func(i, j int) bool { return s.keeps[i].first < s.keeps[j].first })
	y, k := 0.0, 0
	for r := 1; r <= len(s.rows); r++ {
		for k < len(s.keeps) && s.keeps[k].first < r {
			k++
		}
		if k < len(s.keeps) && s.keeps[k].first == r && y > top(r) {
			h := 0.0
			for i := r; i <= s.keeps[k].last && i <= len(s.rows); i++ {
				h += s.rows[i-1].est
			}
			if y+h > avail && top(r)+h <= avail {
				s.breaks = append(s.breaks, r)
				y = top(r)
			}
		}
		h := s.rows[r-1].est
		if y+h > avail && y > top(r) {
			y = top(r)
		}
		y += h
	}
}
