package pdf

import (
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// The running header's parts, as drawn on every page: the sponsor and
// occupation lines end before the RAPIDS code begins, however long the
// names (a 90-character sponsor wraps; longer ones are shortened).
func TestPageHeaderPartsNeverOverlap(t *testing.T) {
	fs := testFonts(t)
	for _, sponsor := range []string{
		"Northern Minnesota Plumbing, Pipefitting and Mechanical Contractors Joint Apprenticeship Trust",
		strings.Repeat("W", 90),
		strings.Repeat("WWWWWWWWW\u00a0", 9), // no space to break at
		strings.Repeat("Bệnh viện Đa khoa Łódź — Όμιλος Здоровье ", 3),
	} {
		d := templatestest.Sample()
		d.Header.Sponsor = sponsor
		d.Header.Occupation = strings.Repeat("Heating and Air Conditioning Mechanic ", 3)
		pages := layout(fs, d)
		for i, ops := range pages {
			var rapidsX float64
			var left []op
			for _, o := range ops {
				if o.kind != opText || o.y > headerTop+3*stChrome.lineHeight()+stChromeBold.lineHeight() {
					continue
				}
				if strings.HasPrefix(o.text, "RAPIDS Code: ") {
					rapidsX = o.x
				} else {
					left = append(left, o)
				}
			}
			if rapidsX == 0 || len(left) < 2 {
				t.Fatalf("%q, page %d: header not found (RAPIDS at %v, %d other lines)", sponsor, i+1, rapidsX, len(left))
			}
			for _, o := range left {
				if end := o.x + fs.width(o.text, o.style); end > rapidsX {
					t.Errorf("%q, page %d: %q ends at %.1f, past the RAPIDS code at %.1f", sponsor, i+1, o.text, end, rapidsX)
				}
			}
		}
	}
}
