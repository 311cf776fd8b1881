package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// longText returns a text of at least n bytes made of distinct numbered
// words, so a test can tell whether every part of it is printed.
func longText(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "w%05d ", i)
	}
	return b.String()
}

// longDocument returns the sample with a 100,000-character competency, a
// 100,000-character word in a course title and long names everywhere.
func longDocument() *templates.Document {
	d := templatestest.Sample()
	d.JobFunctions[0].Competencies[0].Text = longText(100_000)
	d.RTI.Groups[0].Courses[0].Title = strings.Repeat("x", 100_000)
	d.Header.Sponsor = strings.Repeat("Very Long Sponsor Name ", 40)
	d.Footer.Revision = strings.Repeat("Revision ", 60)
	return d
}

// hostileDocument returns the sample with invalid UTF-8, characters
// beyond U+FFFF, characters DejaVu lacks and control characters in every
// kind of text.
func hostileDocument() *templates.Document {
	d := templatestest.Sample()
	bad := func(s string) string { return s + " \xff\xfe 😀 \U0001D400 \u0870 \a\x00 \u200b end\xe2\x82" }
	d.Title, d.Occupation, d.ONET = bad(d.Title), bad(d.Occupation), bad(d.ONET)
	d.Header.Sponsor, d.Header.RAPIDS, d.Footer.Revision = bad(d.Header.Sponsor), bad(d.Header.RAPIDS), bad(d.Footer.Revision)
	d.Fields[0] = templates.Field{Label: bad("Job title"), Value: bad("Coder")}
	d.Fields[3] = templates.BoxField(bad("Stackable"), templates.Checkbox{Label: bad("yes"), Checked: true})
	jf := &d.JobFunctions[0]
	jf.Heading, jf.Level, jf.Competencies[0].Letter, jf.Competencies[0].Text = bad(jf.Heading), bad("L"), bad("A"), bad("text")
	d.Specialization.Title = bad(d.Specialization.Title)
	c := &d.RTI.Groups[0].Courses[0]
	c.Title, c.Number, c.Objectives[0] = bad(c.Title), bad(c.Number), bad(c.Objectives[0])
	d.RTI.Groups[0].Label = bad("Year 1")
	d.Signature.AgencyTitle, d.Signature.SponsorLines[0] = bad(d.Signature.AgencyTitle), bad("Sponsor signature")
	return d
}

// testDocuments are the documents the layout tests run on.
func testDocuments() map[string]*templates.Document {
	timeBased := templatestest.Large(6, 5)
	timeBased.Approach = templates.TimeBased
	for i := range timeBased.JobFunctions {
		jf := &timeBased.JobFunctions[i]
		jf.MinHours, jf.MaxHours, jf.Hours = nil, nil, &templates.Hours{Dec: decimal.FromInt(1400)}
	}
	timeBased.Totals = []templates.Total{{Label: "Total OJL hours", Hours: templates.Hours{Dec: decimal.FromInt(8400)}}}
	return map[string]*templates.Document{
		"sample":     templatestest.Sample(),
		"large":      templatestest.Large(40, 12),
		"time-based": timeBased,
		"long":       longDocument(),
		"hostile":    hostileDocument(),
		"empty":      {},
	}
}

// textOps returns the text ops of each page.
func textOps(pages [][]op) [][]op {
	out := make([][]op, len(pages))
	for i, p := range pages {
		for _, o := range p {
			if o.kind == opText {
				out[i] = append(out[i], o)
			}
		}
	}
	return out
}

// pagesWith returns the (0-based) pages with a text op containing s.
func pagesWith(pages [][]op, s string) []int {
	var found []int
	for i, p := range textOps(pages) {
		for _, o := range p {
			if strings.Contains(o.text, s) {
				found = append(found, i)
				break
			}
		}
	}
	return found
}

// pageText returns the text of a page, its ops joined by spaces.
func pageText(p []op) string {
	var parts []string
	for _, o := range p {
		if o.kind == opText {
			parts = append(parts, o.text)
		}
	}
	return strings.Join(parts, " ")
}

// allText returns the text of all pages.
func allText(pages [][]op) string {
	var parts []string
	for _, p := range pages {
		parts = append(parts, pageText(p))
	}
	return strings.Join(parts, " ")
}

// inOrder reports the first of words not found in text after the
// previous one ("" when all are there, in order).
func inOrder(text string, words []string) string {
	at := 0
	for _, w := range words {
		i := strings.Index(text[at:], w)
		if i < 0 {
			return w
		}
		at += i + len(w)
	}
	return ""
}

const eps = 0.01

func TestContentStaysInsideItsArea(t *testing.T) {
	fs := testFonts(t)
	for name, d := range testDocuments() {
		f, ph := paginate(fs, d.Layout())
		for p, ops := range f.pages {
			for _, o := range ops {
				left, right, top, bottom := o.x, o.x+o.x2, o.y, o.y+o.y2
				switch o.kind {
				case opBookmark:
					left, right, bottom = contentLeft, contentLeft, o.y
				case opText:
					right = o.x + fs.width(o.text, o.style)
					top, bottom = o.y-o.style.size, o.y
				case opLine:
					right, bottom = o.x2, o.y2
				}
				if left < contentLeft-eps || right > contentRight+eps || top < ph.bottom-eps || bottom > contentBottom+eps {
					t.Errorf("%s: page %d: op %+v outside the content area (%.1f-%.1f, %.1f-%.1f)",
						name, p+1, o, left, right, top, bottom)
				}
			}
		}
	}
}

func TestEveryPageHasHeaderAndFooter(t *testing.T) {
	fs := testFonts(t)
	for name, d := range testDocuments() {
		pages := layout(fs, d.Layout())
		for i, p := range pages {
			text := pageText(p)
			if want := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !strings.Contains(text, want) {
				t.Errorf("%s: page %d lacks %q", name, i+1, want)
			}
			if d.Header.RAPIDS != "" && !strings.Contains(text, "RAPIDS Code: "+fs.clean(d.Header.RAPIDS, regular)) {
				t.Errorf("%s: page %d lacks the RAPIDS code", name, i+1)
			}
			if d.Header.Sponsor != "" && !strings.Contains(text, strings.Fields(d.Header.Sponsor)[0]) {
				t.Errorf("%s: page %d lacks the sponsor", name, i+1)
			}
		}
	}
}

func TestLongTextIsPrintedCompletely(t *testing.T) {
	fs := testFonts(t)
	d := longDocument()
	pages := layout(fs, d.Layout())
	text := allText(pages)
	if missing := inOrder(text, strings.Fields(d.JobFunctions[0].Competencies[0].Text)); missing != "" {
		t.Errorf("long competency text: %q missing or out of order", missing)
	}
	if got := strings.Count(text, "x"); got < 100_000 {
		t.Errorf("long course title: %d of 100,000 characters printed", got)
	}
	if spread := pagesWith(pages, "w09999"); len(spread) != 1 || spread[0] == pagesWith(pages, "w00001")[0] {
		t.Errorf("long competency did not continue over several pages (w09999 on %v)", spread)
	}
}

func TestTableHeaderRepeatsAfterPageBreak(t *testing.T) {
	fs := testFonts(t)
	pages := layout(fs, templatestest.Large(6, 40).Layout())
	continued := 0
	for i, p := range pages {
		text := pageText(p)
		if !strings.Contains(text, "(continued)") {
			continue
		}
		continued++
		if !strings.Contains(text, "Core or Optional") {
			t.Errorf("page %d continues a table without its column header", i+1)
		}
	}
	if continued == 0 {
		t.Error("no table continues onto another page; the test document is too small")
	}
}

func TestHeadingKeptWithFirstRow(t *testing.T) {
	fs := testFonts(t)
	for _, m := range []int{1, 2, 7, 12} {
		d := templatestest.Large(30, m)
		pages := layout(fs, d.Layout())
		for _, jf := range d.JobFunctions {
			heading := pagesWith(pages, "JOB FUNCTION "+jf.ID+":")
			first := pagesWith(pages, jf.Competencies[0].Text)
			if len(heading) != 1 || len(first) != 1 || heading[0] != first[0] {
				t.Errorf("m=%d: job function %s heading on pages %v, first competency on %v", m, jf.ID, heading, first)
			}
		}
	}
}

func TestRowsAreNotSplit(t *testing.T) {
	fs := testFonts(t)
	d := templatestest.Large(12, 6)
	for i := range d.JobFunctions {
		for j := range d.JobFunctions[i].Competencies {
			c := &d.JobFunctions[i].Competencies[j]
			c.Text = strings.Repeat(fmt.Sprintf("c%d-%d ", i, j), 60) // several lines
		}
	}
	pages := layout(fs, d.Layout())
	for i, jf := range d.JobFunctions {
		for j := range jf.Competencies {
			if on := pagesWith(pages, fmt.Sprintf("c%d-%d ", i, j)); len(on) != 1 {
				t.Errorf("competency %d.%d split over pages %v", i, j, on)
			}
		}
	}
}

func TestSignatureBlockOnOnePage(t *testing.T) {
	fs := testFonts(t)
	for n := 1; n <= 12; n++ {
		d := templatestest.Large(2, 1)
		for i := 0; i < n; i++ {
			d.RTI.Groups[0].Courses = append(d.RTI.Groups[0].Courses, templates.Course{Title: fmt.Sprint("Course ", i), Objectives: []string{"one", "two", "three"}})
		}
		pages := layout(fs, d.Layout())
		first := pagesWith(pages, d.Signature.SponsorLines[0])
		last := pagesWith(pages, d.Signature.AgencyLines[len(d.Signature.AgencyLines)-1])
		if len(first) != 1 || len(last) != 1 || first[0] != last[0] {
			t.Errorf("%d courses: signature block spread over pages %v and %v", n, first, last)
		}
	}
}

func TestRTIPlanStartsOnNewPage(t *testing.T) {
	fs := testFonts(t)
	for name, d := range testDocuments() {
		pages := layout(fs, d.Layout())
		rti := pagesWith(pages, "RELATED TECHNICAL INSTRUCTION PLAN")
		if len(rti) == 0 {
			t.Errorf("%s: no RTI plan", name)
			continue
		}
		if jf := pagesWith(pages, "JOB FUNCTION"); len(d.JobFunctions) > 0 && jf[len(jf)-1] >= rti[0] {
			t.Errorf("%s: RTI plan on page %d shares it with a job function", name, rti[0]+1)
		}
	}
}

func TestContentInFormOrder(t *testing.T) {
	fs := testFonts(t)
	d := templatestest.Sample()
	text := allText(layout(fs, d.Layout()))
	order := []string{
		"WORK PROCESS SCHEDULE", "O*NET Code: 29-2072.00", d.Occupation, "RAPIDS Code: 1114HY",
		"Job title:", "Medical Coder", "Specialization:", "Stackable program:", "☒ yes", "☐ no", "Base occupation name:",
		"Apprenticeship type:", "☐ Competency-Based", "☐ Time-Based", "☒ Hybrid", "Term:", "Prerequisites:", "High school diploma",
		"JOB FUNCTION 1:", "Core · Level: Basic · Hours: Min 1,000 – Max 1,300.5", "Competencies", "Core or Optional", "RTI", "OJT",
		"A.", "Enters or confirms", "Core", "✓", "✓", "B.", "Ensures medical codes",
		"JOB FUNCTION C1:", "Optional (custom)", "Logs each request", "(custom)",
		"Type of Specialization: Release of Information Specialist", "JOB FUNCTION S1:", "Verifies patient authorization",
		"Total OJL hours (minimum)", "2,000", "Total OJL hours (maximum)", "2,600.5",
		"RELATED TECHNICAL INSTRUCTION PLAN", "Provider:", "Example Community College", "Schedule:", "Outside work hours",
		"Course name", "Course number", "Hours", "Learning objectives",
		"Year 1", "Medical Terminology", "HIT 101", "45", "• Build and decode", "• Spell and pronounce", "=SUM(A1:A9)", "12.5", "Subtotal, Year 1", "57.5",
		"Year 2", "ICD-10-CM and CPT Coding", "597.5", "Subtotal, Year 2", "597.5", "Total RTI hours", "655",
		"Hours per year (2 years of term)", "327.5",
		"Sponsor signature", "Printed name", "Title", "Date",
		"For Registration Agency use", "Registered by", "Signature", "Title", "Date", "Registration number",
	}
	normalized := strings.Join(strings.Fields(text), " ")
	for i := range order {
		order[i] = strings.Join(strings.Fields(order[i]), " ")
	}
	if missing := inOrder(normalized, order); missing != "" {
		t.Errorf("%q missing or out of form order in:\n%s", missing, normalized)
	}
}

func TestTimeBasedHours(t *testing.T) {
	fs := testFonts(t)
	d := testDocuments()["time-based"]
	text := allText(layout(fs, d.Layout()))
	for _, want := range []string{"Hours: 1,400", "Total OJL hours", "8,400"} {
		if !strings.Contains(text, want) {
			t.Errorf("time-based document lacks %q", want)
		}
	}
	if strings.Contains(text, "Min ") {
		t.Error("time-based document shows hybrid minimum hours")
	}
}

func TestBlankFieldsAreLinesToFill(t *testing.T) {
	fs := testFonts(t)
	d := templatestest.Sample()
	d.Fields = []templates.Field{{Label: "Job title"}, {Label: "Level", Value: "Basic"}}
	f, _ := paginate(fs, d.Layout())
	lines := 0
	for _, o := range f.pages[0] {
		if o.kind == opLine && o.x > contentLeft+fieldLabelWidth-eps && o.x2 > o.x+100 {
			lines++
		}
	}
	if lines < 2 {
		t.Errorf("%d fill-in lines for two fields, want one each", lines)
	}
}

// No page holds only one or two rows of a table that continues from or onto
// another page, whatever the table lengths (widows and orphans).
func TestNoPageWithTwoRowsOfATable(t *testing.T) {
	fs := testFonts(t)
	for m := 4; m <= 40; m++ {
		d := templatestest.Large(6, m)
		pages := layout(fs, d.Layout())
		for jf := 1; jf <= 6; jf++ {
			row := fmt.Sprintf("Competency %d.", jf)
			on := map[int]int{} // page -> rows of this table
			for i, p := range textOps(pages) {
				for _, o := range p {
					if strings.HasPrefix(o.text, row) {
						on[i]++
					}
				}
			}
			if len(on) < 2 {
				continue
			}
			for page, n := range on {
				if n < 3 {
					t.Errorf("%d rows per table: page %d holds %d rows of job function %d (rows per page %v)", m, page+1, n, jf, on)
				}
			}
		}
	}
}

// A 100-letter custom competency id wraps on lines of its own: every
// competency text of the table is printed, and nothing runs off the page.
func TestLongCompetencyID(t *testing.T) {
	fs := testFonts(t)
	d := templatestest.Sample()
	long := strings.Repeat("X", 100)
	cs := d.JobFunctions[0].Competencies
	cs[0].Letter = long
	pages := layout(fs, d.Layout())
	text := strings.Join(strings.Fields(allText(pages)), "")
	if !strings.Contains(text, long+".") {
		t.Errorf("the long id is not printed whole")
	}
	for _, c := range cs {
		if !strings.Contains(text, strings.Join(strings.Fields(c.Text), "")) {
			t.Errorf("competency %.10s: text %q missing", c.Letter, c.Text)
		}
	}
	for i, p := range pages {
		for _, o := range p {
			if o.kind == opText && (o.x < 0 || o.x+fs.width(o.text, o.style) > contentRight+0.01) {
				t.Errorf("page %d: %q drawn from x=%.1f, past the content's right edge %.1f", i+1, o.text, o.x, contentRight)
			}
		}
	}
}

// Numbers are drawn whole, on one line, inside their cells, even ones far
// longer than any valid program's (terms are bounded).
func TestNumbersUnbroken(t *testing.T) {
	fs := testFonts(t)
	d := templatestest.Sample()
	long := decimal.MustParse("1234567.125")
	d.RTI.Groups[0].Courses[0].Hours = templates.Hours{Dec: long}
	d.RTI.Groups[0].Subtotal = templates.Hours{Dec: long.Add(decimal.MustParse("12.5"))}
	d.RTI.Total = templates.Hours{Dec: d.RTI.Groups[0].Subtotal.Dec.Add(decimal.MustParse("597.5"))}
	d.Totals[1].Hours = templates.Hours{Dec: decimal.MustParse("1000000002600.5")}
	pages := layout(fs, d.Layout())
	for _, want := range []string{"1,234,567.125", "1,234,579.625", "1,235,177.125", "1,000,000,002,600.5"} {
		found := false
		for _, p := range pages {
			for _, o := range p {
				if o.kind == opText && o.text == want {
					found = true
					if o.x+fs.width(o.text, o.style) > contentRight+0.01 {
						t.Errorf("%s runs past the content's edge", want)
					}
				}
			}
		}
		if !found {
			t.Errorf("%s is not drawn whole on one line", want)
		}
	}
}
