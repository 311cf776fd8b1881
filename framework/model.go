package framework

import "github.com/wpsgen/wpsgen/framework/decimal"

// The model is the file formats of docs/format.md. Struct tags drive both the loader (decode.go)
// and the JSON Schema (package schema), so the two cannot disagree:
//
//	yaml:"name"   the key in the file
//	req:"true"    the key is required
//	enum:"a|b"    allowed values (for a list, of each item)
//	format:"date" YYYY-MM-DD or YYYY-MM
//	format:"email" an email address, name@domain.tld
//	min:"1"       a list needs at least this many items
//	doc:"..."     the description editors show on hover

// DatePattern is what a date key (format:"date") accepts: YYYY-MM-DD or YYYY-MM.
const DatePattern = `^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$`

// EmailPattern is what an email key (format:"email") accepts: one @, no
// spaces, a dot in the domain. Deliverability is the sponsor's to check;
// this catches a phone number or a name typed in the wrong key.
const EmailPattern = `^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$`

// schemaBase is where the published schemas live; SchemaURL appends the file name.
const schemaBase = "https://raw.githubusercontent.com/wpsgen/wpsgen/main/docs/schema/"

// SchemaURL returns the published URL of the JSON Schema of a file kind.
func SchemaURL(kind string) string { return schemaBase + kind + ".schema.json" }

// String is a scalar kept as text, with the position of its value. Numbers
// written without quotes are kept as written ("0414" stays "0414").
type String struct {
	Value string
	Pos   Pos
	Set   bool
}

// Number is a finite number with its literal text, so decimals are never
// lost. Dec is the exact value: every computation uses it.
type Number struct {
	Dec  decimal.Decimal
	Text string
	Pos  Pos
	Set  bool
}

// Bool is a true/false value with its position.
type Bool struct {
	Value bool
	Pos   Pos
	Set   bool
}

// Meta records where a mapping starts and where each of its keys is, so a
// finding can point at the key a person would fix.
type Meta struct {
	Pos  Pos
	keys []keyAt        // each key once, in the order written
	more map[string]int // index into keys, once there are more than indexKeys
}

// keyAt is where a key of a mapping is, in the mapping's file. Each
// mapping used to hold a map of its keys; a mapping has a handful, and
// those maps were a fifth of the bytes validation allocated.
type keyAt struct {
	key       string
	line, col int32
}

// indexKeys is how many keys a Meta scans to find one; more are indexed by
// a map, so a hostile mapping of many keys stays linear. The largest
// mapping of the model, a program's top, has 15 possible keys.
const indexKeys = 16

// addKey records key at p, a position in the mapping's file; the decoder
// adds each key once.
func (m *Meta) addKey(key string, p Pos) {
	m.keys = append(m.keys, keyAt{key: key, line: int32(p.Line), col: int32(p.Col)})
	switch {
	case m.more != nil:
		m.more[key] = len(m.keys) - 1
	case len(m.keys) > indexKeys:
		m.more = make(map[string]int, 2*len(m.keys))
		for i, k := range m.keys {
			m.more[k.key] = i
		}
	}
}

func (m *Meta) find(key string) int {
	if m.more != nil {
		if i, ok := m.more[key]; ok {
			return i
		}
		return -1
	}
	for i := range m.keys {
		if m.keys[i].key == key {
			return i
		}
	}
	return -1
}

// KeyPos returns the position of key, or of the mapping when the key is absent.
func (m Meta) KeyPos(key string) Pos {
	p := m.Pos
	if i := m.find(key); i >= 0 {
		p.Line, p.Col = int(m.keys[i].line), int(m.keys[i].col)
	}
	return p
}

// Has reports whether the mapping has key.
func (m Meta) Has(key string) bool { return m.find(key) >= 0 }

// Kinds of file.
const (
	KindFramework = "framework"
	KindProgram   = "program"
)

// Approaches.
const (
	CompetencyBased = "competency-based"
	TimeBased       = "time-based"
	Hybrid          = "hybrid"
)

// Item types and deliveries.
const (
	Core     = "core"
	Optional = "optional"
	RTI      = "rti"
	OJT      = "ojt"
)

// Framework is a published occupational framework (kind: framework).
type Framework struct {
	Meta
	Kind            String             `yaml:"kind" req:"true" enum:"framework" doc:"Always \"framework\"."`
	ID              String             `yaml:"id" req:"true" doc:"Identifier: lowercase letters, digits and dashes, e.g. medical-coder."`
	Version         String             `yaml:"version" doc:"The framework's own version or date."`
	Title           String             `yaml:"title" req:"true" doc:"The occupation title printed on the schedule."`
	ONET            String             `yaml:"onet" req:"true" doc:"O*NET-SOC code, NN-NNNN.NN (e.g. \"29-2072.00\")."`
	RAPIDS          String             `yaml:"rapids" doc:"RAPIDS occupation code as printed, e.g. \"1114CB\"."`
	Source          *Source            `yaml:"source" doc:"Where the framework was published."`
	Description     String             `yaml:"description" doc:"Free text about the framework."`
	Extends         String             `yaml:"extends" doc:"A catalog id or a path (relative to this file) of the framework this one customizes; it may only add to it. See https://github.com/wpsgen/wpsgen/blob/main/docs/format.md#extends"`
	Approaches      []String           `yaml:"approaches" enum:"competency-based|time-based|hybrid" doc:"Apprenticeship approaches the framework allows; default all three."`
	BenchmarkHours  *BenchmarkHours    `yaml:"benchmark_hours" doc:"The Department of Labor's hours for the occupation, per approach."`
	JobFunctions    []*JobFunction     `yaml:"job_functions" doc:"The job functions (work processes); at least one unless extends is set."`
	Specializations []*Specialization  `yaml:"specializations" doc:"Specializations a program may choose."`
	Courses         []*FrameworkCourse `yaml:"courses" doc:"Suggested related technical instruction courses."`
}

// Source describes where a framework was published.
type Source struct {
	Meta
	Publisher String `yaml:"publisher" doc:"Who published the framework."`
	Document  String `yaml:"document" doc:"The document's title."`
	Created   String `yaml:"created" format:"date" doc:"Creation date, YYYY-MM-DD or YYYY-MM."`
	Updated   String `yaml:"updated" format:"date" doc:"Last update, YYYY-MM-DD or YYYY-MM."`
	URL       String `yaml:"url" doc:"Where the document can be read."`
}

// BenchmarkHours are the DOL hours for an occupation, per approach.
type BenchmarkHours struct {
	Meta
	TimeBased       Number `yaml:"time_based" doc:"Hours of on-the-job learning for a time-based program."`
	Hybrid          Range  `yaml:"hybrid" doc:"Hours for a hybrid program: a number or {min, max}."`
	CompetencyBased Number `yaml:"competency_based" doc:"Indicative hours for a competency-based program."`
}

// Range is a number or a {min, max} mapping.
type Range struct {
	Meta
	Value Number // set when written as a plain number
	Min   Number
	Max   Number
	Set   bool
}

// Low returns the smallest value of the range.
func (r Range) Low() Number {
	if r.Value.Set {
		return r.Value
	}
	return r.Min
}

// JobFunction is a framework job function with its lettered competencies.
type JobFunction struct {
	Meta
	ID           String        `yaml:"id" req:"true" doc:"Unique in the file; printed as \"JOB FUNCTION <id>\"."`
	Title        String        `yaml:"title" req:"true" doc:"What the apprentice does."`
	Type         String        `yaml:"type" enum:"core|optional" doc:"core (every program includes it) or optional; default core."`
	Level        String        `yaml:"level" doc:"Level, e.g. Basic."`
	Competencies []*Competency `yaml:"competencies" req:"true" min:"1" doc:"Lettered competencies, at least one."`
}

// IsCore reports whether the job function is core (the default).
func (j *JobFunction) IsCore() bool { return j.Type.Value != Optional }

// Competency is one lettered competency of a job function.
type Competency struct {
	Meta
	ID       String   `yaml:"id" req:"true" doc:"A letter sequence: A..Z, AA, AB, ..."`
	Text     String   `yaml:"text" req:"true" doc:"What the apprentice can do."`
	Type     String   `yaml:"type" enum:"core|optional" doc:"core or optional; default core."`
	Delivery []String `yaml:"delivery" enum:"rti|ojt" doc:"Recommended delivery: rti (related instruction) and/or ojt (on the job)."`
	Items    []Item   `yaml:"items" min:"1" doc:"Sub-items printed indented under the competency: each a text or {text, items}; at most 3 levels counting the competency."`
}

// Item is a sub-item of a competency, written as a text or as {text, items}.
type Item struct {
	Meta
	Text  String `yaml:"text" req:"true" doc:"What the sub-item says."`
	Items []Item `yaml:"items" min:"1" doc:"Its own sub-items: each a text or {text, items}."`
}

// IsCore reports whether the competency is core (the default).
func (c *Competency) IsCore() bool { return c.Type.Value != Optional }

// Specialization is a named set of extra job functions.
type Specialization struct {
	Meta
	ID           String         `yaml:"id" req:"true" doc:"Identifier: lowercase letters, digits and dashes."`
	Title        String         `yaml:"title" req:"true" doc:"Printed as \"Type of Specialization\"."`
	JobFunctions []*JobFunction `yaml:"job_functions" req:"true" min:"1" doc:"The specialization's job functions; ids must not collide with the base ones."`
}

// FrameworkCourse is a suggested RTI course.
type FrameworkCourse struct {
	Meta
	Title      String   `yaml:"title" req:"true" doc:"Course name."`
	Hours      Range    `yaml:"hours" doc:"Hours: a number or {min, max}."`
	Objectives []String `yaml:"objectives" doc:"Learning objectives."`
}

// Program is one sponsor's work process schedule and RTI plan (kind: program).
type Program struct {
	Meta
	Kind                String                `yaml:"kind" req:"true" enum:"program" doc:"Always \"program\"."`
	Framework           String                `yaml:"framework" req:"true" doc:"A catalog id (wpsgen frameworks lists them), or a path (relative to this file) to a framework file. See https://github.com/wpsgen/wpsgen/blob/main/docs/format.md#catalog"`
	Revision            *Revision             `yaml:"revision" doc:"Revision printed on every page; the only source of dates in the output."`
	Sponsor             *Sponsor              `yaml:"sponsor" req:"true" doc:"The employer that sponsors the program."`
	Occupation          *Occupation           `yaml:"occupation" req:"true" doc:"The occupation the apprentice is trained for."`
	Approach            String                `yaml:"approach" req:"true" enum:"competency-based|time-based|hybrid" doc:"competency-based, time-based or hybrid."`
	Term                *Term                 `yaml:"term" req:"true" doc:"The term stated in the standards; cross-checked against the schedule."`
	Prerequisites       []String              `yaml:"prerequisites" doc:"Entry requirements."`
	Probation           *Probation            `yaml:"probation" doc:"Probationary period: one of hours, months, weeks or days, and an optional note."`
	Ratio               *Ratio                `yaml:"ratio" doc:"Ratio of apprentices to journeyworkers."`
	Wages               *Wages                `yaml:"wages" doc:"Progressive wage schedule."`
	SelectionProcedures []String              `yaml:"selection_procedures" doc:"Selection procedures: paragraphs printed in order."`
	InterimCredentials  []*InterimCredential  `yaml:"interim_credentials" doc:"Interim credentials (competency-based or hybrid only)."`
	JobFunctions        []*ProgramJobFunction `yaml:"job_functions" req:"true" min:"1" doc:"The schedule: every job function the program includes, in print order."`
	RTI                 *RTIPlan              `yaml:"rti" doc:"The related technical instruction plan."`
}

// Revision identifies a version of the program's paperwork.
type Revision struct {
	Meta
	Number String `yaml:"number" doc:"Revision number."`
	Date   String `yaml:"date" format:"date" doc:"Revision date, YYYY-MM-DD."`
}

// Sponsor is the employer.
type Sponsor struct {
	Meta
	Name    String   `yaml:"name" req:"true" doc:"Sponsor name."`
	Number  String   `yaml:"number" doc:"Registration or program number."`
	Address String   `yaml:"address" doc:"Postal address."`
	Contact *Contact `yaml:"contact" doc:"The form's Company Contact."`
}

// Contact is a person.
type Contact struct {
	Meta
	Name  String `yaml:"name" req:"true" doc:"Contact name."`
	Title String `yaml:"title" doc:"Contact's job title."`
	Phone String `yaml:"phone" req:"true" doc:"Phone number."`
	Email String `yaml:"email" req:"true" format:"email" doc:"Email address."`
}

// Occupation is what the apprentice is trained for.
type Occupation struct {
	Meta
	JobTitle       String `yaml:"job_title" req:"true" doc:"Job title printed on the schedule."`
	Level          String `yaml:"level" doc:"Level, e.g. Basic."`
	Specialization String `yaml:"specialization" doc:"A specialization id of the framework."`
	Stackable      Bool   `yaml:"stackable" doc:"Whether this is a stackable program; default false."`
	BaseOccupation String `yaml:"base_occupation" doc:"Base occupation name; required when stackable or a specialization is set."`
	ONET           String `yaml:"onet" doc:"O*NET-SOC code; defaults to the framework's."`
	RAPIDS         String `yaml:"rapids" doc:"RAPIDS code; defaults to the framework's."`
}

// Term is the term stated in the standards.
type Term struct {
	Meta
	Hours    Number `yaml:"hours" doc:"Time-based: total on-the-job learning hours. Competency-based: the hours of the term as the standards state them (printed, never summed; 2,000 hours count as a year)."`
	MinHours Number `yaml:"min_hours" doc:"Hybrid: minimum total hours."`
	MaxHours Number `yaml:"max_hours" doc:"Hybrid: maximum total hours."`
	Months   Number `yaml:"months" doc:"Competency-based: term in months."`
	Years    Number `yaml:"years" doc:"Competency-based: term in years."`
}

// Probation is the probationary period.
type Probation struct {
	Meta
	Hours  Number `yaml:"hours" doc:"Probation in hours of on-the-job learning."`
	Months Number `yaml:"months" doc:"Probation in months."`
	Weeks  Number `yaml:"weeks" doc:"Probation in weeks."`
	Days   Number `yaml:"days" doc:"Probation in days."`
	Note   String `yaml:"note" doc:"Printed after the period, e.g. who it applies to."`
}

// Ratio of apprentices to journeyworkers.
type Ratio struct {
	Meta
	Apprentices    Number `yaml:"apprentices" req:"true" doc:"Apprentices."`
	Journeyworkers Number `yaml:"journeyworkers" req:"true" doc:"Journeyworkers."`
	Note           String `yaml:"note" doc:"Printed after the ratio, e.g. where it applies."`
}

// Wages is the progressive wage schedule.
type Wages struct {
	Meta
	JourneyworkerRate Number      `yaml:"journeyworker_rate" doc:"The journeyworker's hourly rate in dollars; optional when every step gives rate."`
	RateNote          String      `yaml:"rate_note" doc:"Printed after the journeyworker rate."`
	Steps             []*WageStep `yaml:"steps" doc:"Wage steps, increasing."`
	Notes             []String    `yaml:"notes" doc:"Notes printed under the wage schedule (fringe benefits, minimums)."`
}

// WageStep is one step of the wage schedule.
type WageStep struct {
	Meta
	Percent      Number   `yaml:"percent" doc:"Percent of the journeyworker rate; percent and/or rate."`
	Rate         Number   `yaml:"rate" doc:"Hourly rate in dollars; percent and/or rate."`
	Hours        Number   `yaml:"hours" doc:"When: from this cumulative hour of on-the-job learning."`
	Period       *Period  `yaml:"period" doc:"When: a period of this many hours, {min_hours, max_hours}."`
	Months       Number   `yaml:"months" doc:"When: after this many months."`
	Competencies []String `yaml:"competencies" doc:"When: on completing these job functions (ids)."`
	Label        String   `yaml:"label" doc:"Names the step, printed in its when column; required when the step has no hours, period, months or competencies."`
	Note         String   `yaml:"note" doc:"Printed with the step."`
}

// Period is the length of a wage step in hours: a number or a range.
type Period struct {
	Meta
	MinHours Number `yaml:"min_hours" req:"true" doc:"Hours of the period, or its fewest hours when max_hours is given."`
	MaxHours Number `yaml:"max_hours" doc:"Most hours of the period, when it is a range."`
}

// InterimCredential is a credential earned along the way.
type InterimCredential struct {
	Meta
	Title         String   `yaml:"title" req:"true" doc:"Credential name."`
	After         []String `yaml:"after" doc:"Job function ids it certifies."`
	AfterHours    Number   `yaml:"after_hours" doc:"Hours of on-the-job learning after which it is earned."`
	AfterRTIHours Number   `yaml:"after_rti_hours" doc:"Hours of related instruction after which it is earned."`
	Note          String   `yaml:"note" doc:"Printed with the credential."`
}

// ProgramJobFunction is a job function as a program lists it: a reference to
// the framework's, or a custom addition.
type ProgramJobFunction struct {
	Meta
	ID           String               `yaml:"id" req:"true" doc:"A framework job function id, or a new id with custom: true."`
	Custom       Bool                 `yaml:"custom" doc:"true for the sponsor's own job function (not in the framework)."`
	Title        String               `yaml:"title" doc:"Title; required for custom job functions."`
	Type         String               `yaml:"type" enum:"core|optional" doc:"Custom job functions: core or optional; default core."`
	Level        String               `yaml:"level" doc:"Custom job functions: level."`
	Hours        Number               `yaml:"hours" doc:"Time-based: approximate hours for this work process."`
	MinHours     Number               `yaml:"min_hours" doc:"Hybrid: minimum hours for this work process."`
	MaxHours     Number               `yaml:"max_hours" doc:"Hybrid: maximum hours for this work process."`
	Competencies []*ProgramCompetency `yaml:"competencies" req:"true" min:"1" doc:"The competencies included."`
}

// ProgramCompetency is a competency as a program lists it.
type ProgramCompetency struct {
	Meta
	ID       String   `yaml:"id" req:"true" doc:"A framework competency letter, or a new one in a custom job function or with custom: true."`
	Custom   Bool     `yaml:"custom" doc:"true for the sponsor's own competency in a framework job function."`
	Text     String   `yaml:"text" doc:"Text; required for custom competencies."`
	Type     String   `yaml:"type" enum:"core|optional" doc:"Custom competencies: core or optional; default core."`
	Delivery []String `yaml:"delivery" enum:"rti|ojt" doc:"rti and/or ojt; optional when the framework recommends a delivery."`
	Items    []Item   `yaml:"items" min:"1" doc:"Custom competencies: sub-items printed indented, each a text or {text, items}; at most 3 levels counting the competency."`
}

// RTIPlan is the related technical instruction plan.
type RTIPlan struct {
	Meta
	Provider   *Provider `yaml:"provider" doc:"Who provides the instruction."`
	Paid       Bool      `yaml:"paid" doc:"Whether apprentices are paid for RTI hours."`
	Schedule   String    `yaml:"schedule" enum:"during-work|outside-work|both" doc:"When instruction takes place."`
	TotalHours Number    `yaml:"total_hours" doc:"If stated, must equal the sum of the course hours."`
	Courses    []*Course `yaml:"courses" doc:"The courses."`
}

// Provider is an RTI provider.
type Provider struct {
	Meta
	Name    String `yaml:"name" req:"true" doc:"Provider name."`
	Address String `yaml:"address" doc:"Postal address."`
	Email   String `yaml:"email" format:"email" doc:"Email address."`
	Phone   String `yaml:"phone" doc:"Phone number."`
}

// Course is one RTI course.
type Course struct {
	Meta
	Number     String   `yaml:"number" doc:"Course number, kept as text."`
	Title      String   `yaml:"title" req:"true" doc:"Course name."`
	Hours      Number   `yaml:"hours" req:"true" doc:"Hours of instruction."`
	Year       Number   `yaml:"year" doc:"Year or level; courses are grouped with subtotals by year."`
	Level      String   `yaml:"level" doc:"A named group (e.g. Level 1) instead of or as well as year; groups print in order of first appearance."`
	Provider   String   `yaml:"provider" doc:"The course's own provider, when courses come from several."`
	Elective   Bool     `yaml:"elective" doc:"true prints the course as Elective; it counts in the totals like any course."`
	Note       String   `yaml:"note" doc:"Printed under the course."`
	Objectives []String `yaml:"objectives" doc:"Learning objectives."`
	Covers     []String `yaml:"covers" doc:"Competencies taught, as JOBFUNCTION.COMPETENCY (e.g. \"1.A\")."`
}
