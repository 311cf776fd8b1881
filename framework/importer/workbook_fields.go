package importer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
	"github.com/wpsgen/wpsgen/internal/lazy"
)

// fieldReader reads an edited header field that shows several program
// keys, or one in other words: v is the cell's text, shown the keys'
// values as the program stated them (workbook.Field*).
type fieldReader func(sheet string, row, col int, v string, shown []string)

func (w *workbookReader) fieldReaders() map[string]fieldReader {
	return map[string]fieldReader{
		workbook.FieldSponsor:        w.readSponsor,
		workbook.FieldContact:        w.readContact,
		workbook.FieldSpecialization: w.readSpecialization,
		workbook.FieldStackable:      w.readStackable,
		workbook.FieldApproach:       w.readApproach,
		workbook.FieldTerm:           w.readTerm,
		workbook.FieldPrerequisites:  w.readPrerequisites,
		workbook.FieldPaid:           w.readPaid,
		workbook.FieldSchedule:       w.readRTISchedule,
	}
}

// registration is the sponsor field's " (registration NUMBER)".
var registration = lazy.Regexp(`(?i)^(.*?)\s*\(\s*registration(?:\s+(?:no\.?|number|#))?\s*:?\s*([^()]*?)\s*\)$`)

// readSponsor reads "Name (registration NUMBER)": without the
// parenthesis, the cell is the name and the program has no number.
func (w *workbookReader) readSponsor(sheet string, row, col int, v string, _ []string) {
	name, number := oneLine(v), ""
	if m := registration().FindStringSubmatch(name); m != nil {
		name, number = m[1], m[2]
	}
	if name == "" {
		w.errorAt(sheet, row, col, "the sponsor's name is empty; write it (with its registration number in parentheses: Name (registration 2026-IL-000311))")
		return
	}
	w.patch.SetField("sponsor.name", name)
	w.patch.SetField("sponsor.number", number)
	w.note(sheet, row, col, "sponsor: name %q, registration number %q", name, number)
}

// readContact reads "Name, Title". The part a person left as it was is
// kept (a name with a comma in it stays whole when only the title
// changed); otherwise the name is what comes before the first comma.
func (w *workbookReader) readContact(sheet string, row, col int, v string, shown []string) {
	v = oneLine(v)
	oldName, oldTitle := shown[0], shown[1]
	var name, title string
	switch {
	case oldName != "" && strings.HasPrefix(v, oldName+", "):
		name, title = oldName, v[len(oldName)+2:]
	case oldName != "" && v == oldName:
		name = oldName
	case oldTitle != "" && strings.HasSuffix(v, ", "+oldTitle):
		name, title = strings.TrimSuffix(v, ", "+oldTitle), oldTitle
	default:
		name, title, _ = strings.Cut(v, ",")
	}
	name, title = strings.TrimSpace(name), strings.TrimSpace(title)
	if name == "" {
		w.errorAt(sheet, row, col, "the company contact's name is empty; write it, then a comma and the contact's title")
		return
	}
	w.patch.SetField("sponsor.contact.name", name)
	w.patch.SetField("sponsor.contact.title", title)
	w.note(sheet, row, col, "company contact: name %q, title %q", name, title)
}

// readSpecialization reads a specialization's title (or id) back as its
// id in the framework; an empty cell removes it.
func (w *workbookReader) readSpecialization(sheet string, row, col int, v string, _ []string) {
	v = oneLine(v)
	if v == "" {
		w.patch.SetField(workbook.FieldSpecialization, "")
		w.note(sheet, row, col, "specialization removed")
		return
	}
	if w.fw == nil {
		w.errorAt(sheet, row, col, "the specialization %q cannot be read back: the program's framework cannot be read; set the cell back", v)
		return
	}
	var titles []string
	for _, s := range w.fw.Specializations {
		if strings.EqualFold(oneLine(s.Title.Value), v) || strings.EqualFold(s.ID.Value, v) {
			w.patch.SetField(workbook.FieldSpecialization, s.ID.Value)
			w.note(sheet, row, col, "specialization %s (%s)", s.ID.Value, s.Title.Value)
			return
		}
		titles = append(titles, strings.TrimSpace(s.Title.Value))
	}
	if len(titles) == 0 {
		w.errorAt(sheet, row, col, "the framework has no specializations; leave the cell empty")
		return
	}
	w.errorAt(sheet, row, col, "the framework has no specialization %q; write one of: %s (or leave the cell empty)", v, strings.Join(titles, "; "))
}

// checked marks, and unchecked ones, of a box a person may type over.
var (
	checkedMarks   = []string{"☒", "☑", "✓", "✔", "x", "■", "[x]", "(x)"}
	uncheckedMarks = []string{"☐", "□", "", "[ ]", "( )", "[]", "()"}
)

// boxes reads which of labels a box field checks: "☐ yes     ☒ no" with
// any box overtyped (x, ✓, ☑), or one label alone ("no"). ok is false
// (and a finding made) when not exactly one is checked.
func (w *workbookReader) boxes(sheet string, row, col int, v string, labels []string) (string, bool) {
	v = strings.TrimSpace(v)
	for _, l := range labels {
		if strings.EqualFold(v, l) {
			return l, true
		}
	}
	var on []string
	from := 0
	for _, l := range labels {
		loc := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(l)).FindStringIndex(v[from:])
		at := -1
		if loc != nil {
			at = loc[0]
		}
		if at < 0 {
			w.errorAt(sheet, row, col, "%q cannot be read as boxes: keep the labels %s, each after its box (☒ checked, ☐ not), or write one of them alone", v, strings.Join(labels, ", "))
			return "", false
		}
		mark := strings.ToLower(strings.TrimSpace(v[from : from+at]))
		switch {
		case slices.Contains(checkedMarks, mark):
			on = append(on, l)
		case !slices.Contains(uncheckedMarks, mark):
			w.errorAt(sheet, row, col, "%q before %s is not a box: write ☒ (or x) for checked, ☐ for not", mark, l)
			return "", false
		}
		from += at + len(l)
	}
	if len(on) != 1 {
		w.errorAt(sheet, row, col, "check exactly one box of %s (%d are checked)", strings.Join(labels, ", "), len(on))
		return "", false
	}
	return on[0], true
}

func (w *workbookReader) readStackable(sheet string, row, col int, v string, _ []string) {
	on, ok := w.boxes(sheet, row, col, v, []string{"yes", "no"})
	if !ok {
		return
	}
	w.patch.SetBool(workbook.FieldStackable, on == "yes")
	w.note(sheet, row, col, "stackable program: %s", on)
}

func (w *workbookReader) readApproach(sheet string, row, col int, v string, _ []string) {
	on, ok := w.boxes(sheet, row, col, v, []string{"Competency-Based", "Time-Based", "Hybrid"})
	if !ok {
		return
	}
	approach := strings.ToLower(on)
	w.patch.SetField(workbook.FieldApproach, approach)
	w.note(sheet, row, col, "approach: %s (its job functions' hours and its term follow the approach: check them)", approach)
}

var (
	termNumber = `(\d[\d,]*(?:\.\d+)?)`
	termRange  = lazy.Regexp(`(?i)` + termNumber + `\s*(?:to|–|—|-)\s*` + termNumber + `\s*hours?`)
	termUnits  = map[string]func() *regexp.Regexp{
		"hours":  lazy.Regexp(`(?i)` + termNumber + `\s*hours?\b`),
		"months": lazy.Regexp(`(?i)` + termNumber + `\s*months?\b`),
		"years":  lazy.Regexp(`(?i)` + termNumber + `\s*years?\b`),
	}
)

// readTerm reads the numbers of the term's words back: "A to B hours" are
// term.min_hours and max_hours, "N hours", "N months", "N years" term.hours,
// months and years. A key the words no longer state is removed.
func (w *workbookReader) readTerm(sheet string, row, col int, v string, _ []string) {
	values := map[string]*decimal.Decimal{}
	rest := v
	parse := func(s string) *decimal.Decimal {
		d, err := decimal.Parse(strings.ReplaceAll(s, ",", ""))
		if err != nil || !thousandsGrouped(s) {
			return nil
		}
		return &d
	}
	if m := termRange().FindStringSubmatchIndex(rest); m != nil {
		values["min_hours"], values["max_hours"] = parse(rest[m[2]:m[3]]), parse(rest[m[4]:m[5]])
		rest = rest[:m[0]] + rest[m[1]:]
	}
	for _, key := range []string{"hours", "months", "years"} {
		if m := termUnits[key]().FindStringSubmatch(rest); m != nil {
			values[key] = parse(m[1])
		}
	}
	for k, d := range values {
		if d == nil {
			w.errorAt(sheet, row, col, "the term's %s cannot be read in %q; write a number such as 2,000", strings.ReplaceAll(k, "_", " "), v)
			return
		}
	}
	if len(values) == 0 {
		w.errorAt(sheet, row, col, "%q states no term: write its hours (2,000 hours; hybrid: 2,000 to 2,400 hours) or its months or years", v)
		return
	}
	var said []string
	for _, k := range []string{"hours", "min_hours", "max_hours", "months", "years"} {
		w.patch.SetTermValue(k, values[k])
		if values[k] != nil {
			said = append(said, k+" "+values[k].String())
		}
	}
	w.note(sheet, row, col, "term: %s", strings.Join(said, ", "))
}

func (w *workbookReader) readPrerequisites(sheet string, row, col int, v string, _ []string) {
	lines := objectiveLines(v)
	w.patch.SetList(workbook.FieldPrerequisites, lines)
	w.note(sheet, row, col, "prerequisites: %d, one per line", len(lines))
}

func (w *workbookReader) readPaid(sheet string, row, col int, v string, _ []string) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "yes":
		w.patch.SetBool(workbook.FieldPaid, true)
	case "no":
		w.patch.SetBool(workbook.FieldPaid, false)
	default:
		w.errorAt(sheet, row, col, "%q is not Yes or No", v)
		return
	}
	w.note(sheet, row, col, "apprentices paid for RTI hours: %s", strings.TrimSpace(v))
}

func (w *workbookReader) readRTISchedule(sheet string, row, col int, v string, _ []string) {
	var words []string
	for key, text := range workbook.ScheduleWords {
		if strings.EqualFold(oneLine(v), text) || strings.EqualFold(strings.TrimSpace(v), key) {
			w.patch.SetField(workbook.FieldSchedule, key)
			w.note(sheet, row, col, "RTI schedule: %s", key)
			return
		}
		words = append(words, text)
	}
	slices.Sort(words)
	w.errorAt(sheet, row, col, "%q is not a schedule of instruction: write one of %s", v, strings.Join(words, "; "))
}
