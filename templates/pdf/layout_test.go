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
func longDocument() *templates.Layout {
	l := templatestest.Sample()
	templatestest.Table(l, "JF_1").Rows[0].Cells[0].Text = longText(100_000)
	templatestest.Table(l, "RTI_Courses").Rows[1].Cells[0].Text = strings.Repeat("x", 100_000)
	l.Header.Sponsor = strings.Repeat("Very Long Sponsor Name ", 40)
	l.Footer.Revision = strings.Repeat("Revision ", 60)
	return l
}

// hostileDocument returns the sample with invalid UTF-8, characters
// beyond U+FFFF, characters DejaVu lacks and control characters in every
// kind of text.
func hostileDocument() *templates.Layout {
	l := templatestest.Sample()
	bad := func(s string) string { return s + " \xff\xfe 😀 \U0001D400 \u0870 \a\x00 \u200b end\xe2\x82" }
	title, occupation := templatestest.Heading(l, "WORK PROCESS SCHEDULE"), templatestest.Heading(l, "Medical Records")
	title.Text, occupation.Text = bad(title.Text), bad(occupation.Text)
	onet := templatestest.Field(l, "", "O*NET Code")
	onet.Value = bad(onet.Value)
	l.Header.Sponsor, l.Header.RAPIDS, l.Footer.Revision = bad(l.Header.Sponsor), bad(l.Header.RAPIDS), bad(l.Footer.Revision)
	*templatestest.Field(l, "", "Job title") = templates.Field{Label: bad("Job title"), Value: bad("Coder")}
	*templatestest.Field(l, "", "Stackable program") = templates.BoxField(bad("Stackable"), templates.Checkbox{Label: bad("yes"), Checked: true})
	jf := templatestest.Table(l, "JF_1")
	jf.Title, jf.Details = bad(jf.Title), strings.Replace(jf.Details, "Basic", bad("L"), 1)
	jf.TitleCells[len(jf.TitleCells)-1].Note = "Level: " + bad("L")
	c := &jf.Rows[0].Cells[0]
	c.Prefix, c.Text = bad("A")+".", bad("text")
	spec := templatestest.Heading(l, "Type of Specialization: ")
	spec.Text = bad(spec.Text)
	courses := templatestest.Table(l, "RTI_Courses")
	group, course := &courses.Rows[0].Cells[0], courses.Rows[1].Cells
	group.Text = bad(group.Text)
	courses.Rows[3].Cells[0].Text = "Subtotal, " + group.Text
	course[0].Text, course[1].Text, course[3].Items[0] = bad(course[0].Text), bad(course[1].Text), bad(course[3].Items[0])
	sig := templatestest.Signature(l)
	sig.AgencyTitle, sig.SponsorLines[0] = bad(sig.AgencyTitle), bad("Sponsor signature")
	return l
}

// testDocuments are the documents the layout tests run on.
func testDocuments() map[string]*templates.Layout {
	return map[string]*templates.Layout{
		"sample":     templatestest.Sample(),
		"large":      templatestest.Large(40, 12),
		"time-based": templatestest.LargeOf(templates.TimeBased, 6, 5), // 1,400 hours each
		"long":       longDocument(),
		"hostile":    hostileDocument(),
		"empty":      templatestest.Empty(),
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
		f, ph := paginate(fs, d)
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
		pages := layout(fs, d)
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
	pages := layout(fs, d)
	text := allText(pages)
	if missing := inOrder(text, strings.Fields(templatestest.Table(d, "JF_1").Rows[0].Cells[0].Text)); missing != "" {
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
	pages := layout(fs, templatestest.Large(6, 40))
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
		pages := layout(fs, d)
		for _, jf := range templatestest.JobFunctions(d) {
			id := strings.TrimPrefix(jf.ID, "JF_")
			heading := pagesWith(pages, "JOB FUNCTION "+id+":")
			first := pagesWith(pages, jf.Rows[0].Cells[0].Text)
			if len(heading) != 1 || len(first) != 1 || heading[0] != first[0] {
				t.Errorf("m=%d: job function %s heading on pages %v, first competency on %v", m, id, heading, first)
			}
		}
	}
}

func TestRowsAreNotSplit(t *testing.T) {
	fs := testFonts(t)
	d := templatestest.Large(12, 6)
	jfs := templatestest.JobFunctions(d)
	for i, jf := range jfs {
		for j := range jf.Rows {
			jf.Rows[j].Cells[0].Text = strings.Repeat(fmt.Sprintf("c%d-%d ", i, j), 60) // several lines
		}
	}
	pages := layout(fs, d)
	for i, jf := range jfs {
		for j := range jf.Rows {
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
		groups := templatestest.SampleCourses()
		for i := 0; i < n; i++ {
			groups[0].Courses = append(groups[0].Courses, templatestest.Course{Title: fmt.Sprint("Course ", i), Objectives: []string{"one", "two", "three"}})
		}
		templatestest.SetCourses(d, 2, groups...)
		pages := layout(fs, d)
		sig := templatestest.Signature(d)
		first := pagesWith(pages, sig.SponsorLines[0])
		last := pagesWith(pages, sig.AgencyLines[len(sig.AgencyLines)-1])
		if len(first) != 1 || len(last) != 1 || first[0] != last[0] {
			t.Errorf("%d courses: signature block spread over pages %v and %v", n, first, last)
		}
	}
}

func TestRTIPlanStartsOnNewPage(t *testing.T) {
	fs := testFonts(t)
	for name, d := range testDocuments() {
		pages := layout(fs, d)
		rti := pagesWith(pages, "RELATED TECHNICAL INSTRUCTION PLAN")
		if len(rti) == 0 {
			t.Errorf("%s: no RTI plan", name)
			continue
		}
		if jf := pagesWith(pages, "JOB FUNCTION"); len(templatestest.JobFunctions(d)) > 0 && jf[len(jf)-1] >= rti[0] {
			t.Errorf("%s: RTI plan on page %d shares it with a job function", name, rti[0]+1)
		}
	}
}

func TestContentInFormOrder(t *testing.T) {
	fs := testFonts(t)
	d := templatestest.Sample()
	text := allText(layout(fs, d))
	order := []string{
		"WORK PROCESS SCHEDULE", "O*NET Code: 29-2072.00", d.Meta.Subject, "RAPIDS Code: 1114HY",
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
	text := allText(layout(fs, d))
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
	templatestest.Blocks[*templates.FieldList](d)[1].Fields = []templates.Field{{Label: "Job title"}, {Label: "Level", Value: "Basic"}}
	f, _ := paginate(fs, d)
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
		pages := layout(fs, d)
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
	rows := templatestest.Table(d, "JF_1").Rows
	rows[0].Cells[0].Prefix = long + "."
	pages := layout(fs, d)
	text := strings.Join(strings.Fields(allText(pages)), "")
	if !strings.Contains(text, long+".") {
		t.Errorf("the long id is not printed whole")
	}
	for _, r := range rows {
		if c := r.Cells[0]; !strings.Contains(text, strings.Join(strings.Fields(c.Text), "")) {
			t.Errorf("competency %.10s: text %q missing", c.Prefix, c.Text)
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
	groups := templatestest.SampleCourses()
	groups[0].Courses[0].Hours = "1234567.125" // the subtotal and total follow
	templatestest.SetCourses(d, 2, groups...)
	most := &templatestest.Table(d, "OJL_Totals").Rows[1].Cells[1]
	most.Num = decimal.MustParse("1000000002600.5")
	most.Text = templates.Hours{Dec: most.Num}.String()
	pages := layout(fs, d)
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
