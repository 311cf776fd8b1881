package skeleton

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wpsgen/wpsgen/framework"
)

// Todo marks every value a sponsor must fill in a skeleton. The skeleton
// leaves those values empty, so `wpsgen validate` reports each one, on the
// line that carries the mark, until it is filled.
const Todo = framework.Todo

// lineWidth is the column comments are wrapped at.
const lineWidth = 100

// Options choose what Program writes.
type Options struct {
	Ref            string // the program's framework: value (a catalog id or a relative path)
	Approach       string // "" means DefaultApproach
	Specialization string // a specialization id to include; "" lists them in a comment
	ONET           string // occupation.onet to write; "" leaves the framework's
}

// DefaultApproach is the approach a skeleton uses when none is asked for:
// the one the framework's RAPIDS code stands for, else the first one the
// framework allows, else time-based.
func DefaultApproach(fw *framework.Resolved) string {
	if suffix, ok := framework.RAPIDSSuffix(fw.RAPIDS.Value); fw.RAPIDS.Set && ok && fw.AllowsApproach(framework.SuffixApproach(suffix)) {
		return framework.SuffixApproach(suffix)
	}
	if len(fw.Approaches) > 0 {
		return fw.Approaches[0].Value
	}
	return framework.TimeBased
}

// Program writes a program file for a framework: every job function and
// competency, core ones active and optional ones commented out, hours keys
// for the approach, and an empty value marked TODO wherever a sponsor must
// write something. It is valid except for those values.
func Program(fw *framework.Resolved, o Options) ([]byte, error) {
	if o.Approach == "" {
		o.Approach = DefaultApproach(fw)
	}
	if !slices.Contains([]string{framework.CompetencyBased, framework.TimeBased, framework.Hybrid}, o.Approach) {
		return nil, fmt.Errorf("unknown approach %q; use competency-based, time-based or hybrid", o.Approach)
	}
	if !fw.AllowsApproach(o.Approach) {
		return nil, fmt.Errorf("framework %s does not allow the %s approach (it allows %s)", fw.ID.Value, o.Approach, approachList(fw))
	}
	if o.ONET != "" {
		if err := CheckONET(o.ONET); err != nil {
			return nil, err
		}
	}
	s := &writer{fw: fw, opts: o}
	if o.Specialization != "" {
		if s.spec = fw.Specialization(o.Specialization); s.spec == nil {
			return nil, fmt.Errorf("framework %s has no specialization %q%s", fw.ID.Value, o.Specialization, specializationHint(fw))
		}
	}
	s.header()
	s.identity()
	s.occupation()
	s.term()
	s.optionalTerms()
	s.jobFunctions()
	s.rti()
	return s.buf.Bytes(), nil
}

func approachList(fw *framework.Resolved) string {
	var names []string
	for _, a := range fw.Approaches {
		names = append(names, a.Value)
	}
	return strings.Join(names, ", ")
}

func specializationHint(fw *framework.Resolved) string {
	ids := framework.SpecializationIDs(fw)
	if len(ids) == 0 {
		return "; it has none"
	}
	return "; it has " + strings.Join(ids, ", ")
}

// writer accumulates the lines of a program skeleton.
type writer struct {
	buf  bytes.Buffer
	fw   *framework.Resolved
	opts Options
	spec *framework.Specialization
}

// line writes one line: indentation, code, and a comment wrapped at
// lineWidth with its continuation lines aligned under the first #.
// Code that starts with "# " is a commented-out line; its continuations
// stay comments when it is uncommented.
func (s *writer) line(indent int, code, comment string) {
	lead := strings.Repeat(" ", indent)
	if comment == "" {
		s.buf.WriteString(strings.TrimRight(lead+code, " ") + "\n")
		return
	}
	if code == "" {
		for _, l := range wrap(comment, lineWidth-indent-2) {
			s.buf.WriteString(lead + "# " + l + "\n")
		}
		return
	}
	cont := strings.Repeat(" ", len(code))
	if rest, ok := strings.CutPrefix(code, "# "); ok {
		cont = "#" + strings.Repeat(" ", len(rest)+1)
	}
	for i, l := range wrap(comment, lineWidth-indent-len(code)-4) {
		if i == 0 {
			s.buf.WriteString(lead + code + "  # " + l + "\n")
		} else {
			s.buf.WriteString(lead + cont + "  # " + l + "\n")
		}
	}
}

// item writes a numbered paragraph of the header comment, its continuation
// lines indented under the text.
func (s *writer) item(number, text string) {
	for i, l := range wrap(text, lineWidth-2-len(number)) {
		if i == 0 {
			s.buf.WriteString("# " + number + l + "\n")
		} else {
			s.buf.WriteString("# " + strings.Repeat(" ", len(number)) + l + "\n")
		}
	}
}

// todo writes a key with an empty value that a sponsor must fill.
func (s *writer) todo(indent int, key, hint string) {
	s.line(indent, key+":", Todo+": "+hint)
}

// wrap splits text into lines of at most width runes (at least 40), at spaces.
func wrap(text string, width int) []string {
	width = max(width, 40)
	var lines []string
	cur := ""
	for _, w := range strings.Fields(text) {
		if cur != "" && len([]rune(cur))+1+len([]rune(w)) > width {
			lines = append(lines, cur)
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	return append(lines, cur)
}

// scalar writes a string as a YAML scalar: plain when that reads back as
// the same text, quoted otherwise.
func scalar(text string) string {
	out, err := yaml.Marshal(text)
	if s := strings.TrimSuffix(string(out), "\n"); err == nil && !strings.Contains(s, "\n") {
		return s
	}
	return fmt.Sprintf("%q", text)
}

// quoted writes an id or code in double quotes, so digits stay text.
func quoted(text string) string { return fmt.Sprintf("%q", text) }

func (s *writer) header() {
	fw := s.fw
	s.line(0, "# yaml-language-server: $schema="+framework.SchemaURL(framework.KindProgram), "")
	s.line(0, "#", "")
	s.line(0, "", fmt.Sprintf("A %s program on the framework %s (%s), written by `wpsgen init`.", s.opts.Approach, fw.ID.Value, fw.Title.Value))
	s.line(0, "#", "")
	s.item("1. ", "Fill in every empty value marked "+Todo+": until then `wpsgen validate` reports each one.")
	s.item("2. ", "Core job functions and competencies are listed and required. Optional ones are commented out: uncomment those the program includes.")
	s.item("3. ", "Each competency's text is the comment beside its id. delivery says how it is taught: rti (related technical instruction), ojt (on the job) or both. A competency without a delivery: line takes the framework's recommendation, shown in brackets; add delivery: to change it.")
	s.item("4. ", "Commented-out sections (probation, wages, ...) are optional: uncomment and fill them, or delete them.")
	s.item("5. ", "Every key is explained in the format reference: "+FormatReference)
}

func (s *writer) identity() {
	s.line(0, "kind: program", "")
	ref := "framework: " + scalar(s.opts.Ref)
	if _, legacy := framework.LegacyONET(s.fw.ONET.Value); legacy && s.opts.ONET == "" {
		s.line(0, ref, "its O*NET code is out of date: see the "+Todo+" at occupation.onet")
	} else {
		s.line(0, ref, "")
	}
	s.line(0, "revision:", "printed on every page")
	s.line(2, "number: 1", "")
	s.line(2, "# date: 2026-01-31", "the revision date, YYYY-MM-DD: the only date the documents print")
	s.line(0, "sponsor:", "")
	s.todo(2, "name", "the sponsor (employer) name")
	s.line(2, `# number: "2026-XX-000000"`, "registration or program number")
	s.line(2, "# address: 100 Main St, City, ST 00000", "")
	s.line(2, "contact:", "the form's Company Contact")
	s.todo(4, "name", "the contact's name")
	s.line(4, "# title: Apprenticeship Program Manager", "")
	s.todo(4, "phone", `phone number, e.g. "+1 651 555 0100"`)
	s.todo(4, "email", `email address, e.g. "apprenticeship@example.org"`)
}

func (s *writer) occupation() {
	fw := s.fw
	s.line(0, "occupation:", "")
	s.line(2, "job_title: "+scalar(fw.Title.Value), "change it to yours")
	s.line(2, "# level: Basic", "")
	succ, legacy := framework.LegacyONET(fw.ONET.Value)
	switch {
	case s.opts.ONET != "" && s.opts.ONET != fw.ONET.Value:
		s.onetLine(2, "", s.opts.ONET, "instead of the framework's "+fw.ONET.Value)
	case s.opts.ONET != "":
		s.onetLine(2, "", s.opts.ONET, "")
	case legacy:
		s.todo(2, "onet", fmt.Sprintf("the framework's O*NET code %s was %s%s; write the current code, e.g. %q", fw.ONET.Value, replacedBy, succ, strings.Fields(succ)[0]))
	default:
		s.onetLine(2, "# ", fw.ONET.Value, "defaults to the framework's")
	}
	s.rapids()
	s.specialization()
}

// rapids writes occupation.rapids: a TODO when the framework's code names
// another approach than the program's, else a commented default.
func (s *writer) rapids() {
	fw := s.fw
	base, suffix, other := s.otherApproachRAPIDS()
	switch {
	case !fw.RAPIDS.Set:
		s.line(2, `# rapids: "0000"`, "the RAPIDS occupation code, if the registration agency assigned one")
	case !other:
		s.line(2, "# rapids: "+quoted(fw.RAPIDS.Value), "defaults to the framework's")
	default:
		want := map[string]string{framework.CompetencyBased: "CB", framework.Hybrid: "HY"}[s.opts.Approach]
		s.todo(2, "rapids", fmt.Sprintf("the framework's RAPIDS code %s is for %s programs; write the code of the %s occupation, e.g. %q",
			fw.RAPIDS.Value, framework.SuffixApproach(suffix), s.opts.Approach, base+want))
	}
}

// otherApproachRAPIDS returns the base and suffix of the framework's RAPIDS
// code, and whether its suffix stands for another approach than the
// program's.
func (s *writer) otherApproachRAPIDS() (base, suffix string, other bool) {
	base, suffix, ok := framework.RAPIDSParts(s.fw.RAPIDS.Value)
	if !s.fw.RAPIDS.Set || !ok || framework.SuffixApproach(suffix) == s.opts.Approach {
		return "", "", false
	}
	return base, suffix, true
}

func (s *writer) specialization() {
	if s.spec != nil {
		s.line(2, "specialization: "+scalar(s.spec.ID.Value), Todo+": fill base_occupation")
		s.todo(2, "base_occupation", "the name of the occupation this specialization builds on")
		return
	}
	if len(s.fw.Specializations) == 0 {
		return
	}
	s.line(2, "", "Specializations (include one with wpsgen init --specialization ID):")
	for _, sp := range s.fw.Specializations {
		s.buf.WriteString("  #   " + sp.ID.Value + ": " + sp.Title.Value + "\n")
	}
}

func (s *writer) term() {
	s.line(0, "approach: "+s.opts.Approach, s.approachNote())
	s.line(0, "term:", "the term stated in the standards")
	bench := s.benchmarkNote()
	switch s.opts.Approach {
	case framework.TimeBased:
		s.todo(2, "hours", fmt.Sprintf("total on-the-job learning hours: the sum of the job functions' hours, at least %s%s", framework.Thousands(framework.MinOJLHours), bench))
	case framework.Hybrid:
		s.todo(2, "min_hours", fmt.Sprintf("the sum of the job functions' min_hours, at least %s%s", framework.Thousands(framework.MinOJLHours), bench))
		s.todo(2, "max_hours", "the sum of the job functions' max_hours")
	case framework.CompetencyBased:
		s.todo(2, "months", fmt.Sprintf("the term in months, at least %d (or write years: instead)%s", framework.MinCompetencyMonths, bench))
		s.line(2, "# hours: 2000", "the term in hours, when the standards state it (printed as well)")
	}
}

// approachNote points at occupation.rapids when the framework's RAPIDS code
// disagrees with the approach (the finding is reported on this line).
func (s *writer) approachNote() string {
	if _, _, other := s.otherApproachRAPIDS(); other {
		return "see the " + Todo + " at occupation.rapids"
	}
	return "competency-based, time-based or hybrid"
}

// benchmarkNote mentions the framework's benchmark hours for the approach.
func (s *writer) benchmarkNote() string {
	b := s.fw.BenchmarkHours
	if b == nil {
		return ""
	}
	var n framework.Number
	switch s.opts.Approach {
	case framework.TimeBased:
		n = b.TimeBased
	case framework.Hybrid:
		n = b.Hybrid.Low()
	case framework.CompetencyBased:
		n = b.CompetencyBased
	}
	if !n.Set {
		return ""
	}
	return fmt.Sprintf("; the framework's benchmark is %s hours", n.Dec.Format())
}

// optionalTerms writes the optional sections of the standards, commented out.
func (s *writer) optionalTerms() {
	s.line(0, "# prerequisites: [High school diploma or GED]", "")
	s.line(0, "# probation:", "one of hours, months, weeks or days: at most 25% of the term and at most one year")
	s.line(0, "#   weeks: 12", "")
	s.line(0, "#   note: Applies to newly indentured apprentices only", "printed after the period")
	s.line(0, "# ratio:", `printed as "1 Apprentice to 1 Journeyworker (1:1)" and its note`)
	s.line(0, "#   apprentices: 1", "")
	s.line(0, "#   journeyworkers: 1", "")
	s.line(0, "#   note: Per job site", "")
	s.line(0, "# wages:", "a progressively increasing schedule")
	s.line(0, "#   journeyworker_rate: 25.00", "dollars per hour; each step's dollars are computed from it")
	s.line(0, "#   rate_note: or as specified in each Employer Acceptance Agreement", "")
	s.line(0, "#   steps:", "percent of the journeyworker rate and/or rate in dollars, and when each applies")
	if s.opts.Approach == framework.CompetencyBased {
		s.line(0, `#     - {percent: 60, competencies: ["1"]}`, "earned by completing the job functions listed")
	} else {
		s.line(0, "#     - {percent: 60, hours: 0}", "from the given hour of on-the-job learning onward")
		s.line(0, "#     - {percent: 75, hours: 1000}", "or period: {min_hours, max_hours}, or months: 6")
	}
	s.line(0, "#     - {rate: 22.50, label: Final level}", "a named level in dollars")
	s.line(0, "#   notes: [Fringe benefits are paid at the same percentage.]", "")
	s.line(0, "# selection_procedures:", "paragraphs, printed in order")
	s.line(0, "#   - Applicants are ranked by interview score and offered positions in rank order.", "")
	if s.opts.Approach != framework.TimeBased && len(s.fw.JobFunctions) > 0 {
		s.line(0, "# interim_credentials:", "credentials earned along the way")
		s.line(0, "#   - title: Certificate name", "")
		s.line(0, "#     after: ["+quoted(s.fw.JobFunctions[0].ID.Value)+"]", "the job functions it certifies")
		s.line(0, "#     after_hours: 1000", "and/or hours of on-the-job learning")
		s.line(0, "#     after_rti_hours: 144", "and/or hours of related instruction")
	}
}

func (s *writer) jobFunctions() {
	var note string
	switch s.opts.Approach {
	case framework.TimeBased:
		note = fmt.Sprintf("%s: the hours below must total at least %s", Todo, framework.Thousands(framework.MinOJLHours))
	case framework.Hybrid:
		note = fmt.Sprintf("%s: the min_hours below must total at least %s", Todo, framework.Thousands(framework.MinOJLHours))
	}
	if !s.anyCore() {
		note = strings.TrimPrefix(note+"; ", "; ") + Todo + ": uncomment at least one job function"
	}
	s.line(0, "job_functions:", note)
	for _, jf := range s.fw.JobFunctions {
		s.jobFunction(jf)
	}
	if s.spec != nil {
		s.line(2, "", "Specialization "+s.spec.ID.Value+": "+s.spec.Title.Value)
		for _, jf := range s.spec.JobFunctions {
			s.jobFunction(jf)
		}
	}
	s.line(2, "", "A job function of the sponsor's own:")
	s.line(2, `# - id: C1`, "")
	s.line(2, "#   custom: true", "")
	s.line(2, "#   title: Describe the work process", "")
	s.line(2, "#   competencies:", "")
	s.line(2, "#     - {id: A, text: Describe the competency, delivery: [ojt]}", "")
}

// anyCore reports whether the skeleton lists at least one job function uncommented.
func (s *writer) anyCore() bool {
	jfs := slices.Clone(s.fw.JobFunctions)
	if s.spec != nil {
		jfs = append(jfs, s.spec.JobFunctions...)
	}
	return slices.ContainsFunc(jfs, (*framework.JobFunction).IsCore)
}

// jobFunction writes one job function; an optional one is commented out.
func (s *writer) jobFunction(jf *framework.JobFunction) {
	off := ""
	if !jf.IsCore() {
		off = "# "
		s.line(2, "", "Optional job function: uncomment to include it.")
	}
	desc := jf.Title.Value
	if jf.Level.Set {
		desc += " (level: " + jf.Level.Value + ")"
	}
	if !jf.IsCore() {
		desc = "(optional) " + desc
	}
	s.line(2, off+"- id: "+scalar(jf.ID.Value), desc)
	switch s.opts.Approach {
	case framework.TimeBased:
		s.line(4, off+"hours:", Todo+": approximate hours for this work process")
	case framework.Hybrid:
		s.line(4, off+"min_hours:", Todo+": minimum hours for this work process")
		s.line(4, off+"max_hours:", Todo+": maximum hours for this work process")
	}
	if !slices.ContainsFunc(jf.Competencies, (*framework.Competency).IsCore) && jf.IsCore() {
		s.line(4, "competencies:", Todo+": uncomment at least one competency")
	} else {
		s.line(4, off+"competencies:", "")
	}
	for _, c := range jf.Competencies {
		s.competency(c, off)
	}
}

// competency writes one competency, commented out when it or its job
// function is optional.
func (s *writer) competency(c *framework.Competency, off string) {
	desc := c.Text.Value
	if len(c.Delivery) > 0 {
		var d []string
		for _, x := range c.Delivery {
			d = append(d, x.Value)
		}
		desc = "[" + strings.Join(d, ", ") + "] " + desc
	}
	if !c.IsCore() {
		desc = "(optional) " + desc
		off = "# "
	}
	s.line(6, off+"- id: "+scalar(c.ID.Value), desc)
	if len(c.Delivery) == 0 {
		s.line(8, off+"delivery:", Todo+": [rti], [ojt] or [rti, ojt]")
	}
}

// rti writes the related technical instruction plan: the framework's
// suggested courses, or one course to fill in.
func (s *writer) rti() {
	s.line(0, "rti:", "the Related Technical Instruction plan")
	s.line(2, "provider:", "")
	s.todo(4, "name", "who provides the instruction, e.g. a college")
	s.line(4, "# address: ...", "")
	s.line(2, "# paid: true", "are apprentices paid for RTI hours?")
	s.line(2, "# schedule: outside-work", "during-work, outside-work or both")
	s.line(2, "courses:", fmt.Sprintf("at least %d hours per year of term are recommended", framework.RTIHoursPerYear))
	if len(s.fw.Courses) == 0 {
		s.todo(4, "- title", "course name")
		s.todo(6, "hours", "hours of instruction")
	}
	for _, c := range s.fw.Courses {
		s.line(4, "- title: "+scalar(c.Title.Value), "")
		switch {
		case c.Hours.Value.Set:
			s.line(6, "hours: "+c.Hours.Value.Text, "")
		case c.Hours.Set:
			s.todo(6, "hours", fmt.Sprintf("the framework suggests %s to %s hours", c.Hours.Min.Text, c.Hours.Max.Text))
		default:
			s.todo(6, "hours", "hours of instruction")
		}
		if len(c.Objectives) > 0 {
			s.line(6, "objectives:", "")
			for _, o := range c.Objectives {
				s.line(8, "- "+scalar(o.Value), "")
			}
		}
	}
	s.line(6, `# covers: ["1.A"]`, "the competencies a course teaches, as JOBFUNCTION.COMPETENCY")
	s.line(6, "# level: Level 1", "a named group, instead of or as well as year: e.g. Year 1, Level One Curriculum")
}
