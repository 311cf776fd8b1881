package framework

// Rule is one validation rule: its id (a public contract: users grep for it
// and CI configs name it), its severity, when it fires, the fact behind it,
// and the code that checks it. A rule lives in one check_*.go file next to
// its code and is listed once in Rules; nothing else calls a rule.
type Rule struct {
	ID       string
	Severity Severity
	Summary  string // fires when ...
	Why      string // the fact behind the rule

	// Framework and Program check a framework or a program file; nil when
	// the rule does not apply to that kind of file.
	Framework func(*checker)
	Program   func(*checker)

	// Reader is true for the rules the reader reports while it reads and
	// resolves a file (parse.go, decode.go, load.go), whatever its kind.
	Reader bool
}

// Kinds returns the kinds of file the rule checks ("framework", "program"),
// or nil for a rule reported while files are read.
func (r Rule) Kinds() []string {
	var kinds []string
	if r.Framework != nil {
		kinds = append(kinds, KindFramework)
	}
	if r.Program != nil {
		kinds = append(kinds, KindProgram)
	}
	return kinds
}

// Rules lists every rule, errors first; validation runs them in this order
// and docs/rules.md lists them in it.
var Rules = []Rule{
	// errors
	ruleSyntax,
	ruleSchema,
	ruleONETFormat,
	ruleONETUnknown,
	ruleRAPIDSFormat,
	ruleDuplicateID,
	ruleBadID,
	ruleFrameworkRef,
	ruleExtendsConflict,
	ruleUnknownRef,
	ruleCoreMissing,
	ruleNoDelivery,
	ruleHoursMissing,
	ruleHoursRange,
	ruleTermMismatch,
	ruleTermMissing,
	ruleTermRange,
	ruleOJLMinimum,
	ruleProbation,
	ruleInterimCred,
	ruleBaseOccupation,
	ruleApproach,
	ruleRTITotal,
	ruleWages,
	ruleRatio,
	ruleUnprintable,
	ruleImport,
	// warnings
	ruleRTIHours,
	ruleRTICoverage,
	ruleCourseYear,
	ruleONETLegacy,
	ruleONETMismatch,
	ruleRAPIDSApproach,
	ruleBenchmarkHours,
	ruleCompetencyTerm,
	ruleWageRate,
}

// ruleSeverity is filled in init, not by an initializer: the rules' checks
// report through it, and Go forbids a variable whose initializer refers to
// itself through the functions it names.
var ruleSeverity map[string]Severity

func init() {
	ruleSeverity = make(map[string]Severity, len(Rules))
	for _, r := range Rules {
		if _, dup := ruleSeverity[r.ID]; dup {
			panic("framework: rule " + r.ID + " is listed twice in Rules")
		}
		ruleSeverity[r.ID] = r.Severity
	}
}

// Rules reported while a file is read and resolved (parse.go, decode.go,
// load.go); their code is the reader's.
const (
	RuleSyntax       = "syntax"
	RuleSchema       = "schema"
	RuleFrameworkRef = "framework-ref"
)

var ruleSyntax = Rule{
	ID: RuleSyntax, Severity: Error,
	Summary: "the file is not valid YAML (or not UTF-8, or too large), or not a mapping at the top",
	Why:     "A file that cannot be read cannot be checked; positions point at the first problem.",
	Reader:  true,
}

// The schema rule is mostly the reader's; these checks add what depends on
// the approach or on another key.
var ruleSchema = Rule{
	ID: RuleSchema, Severity: Error,
	Summary:   "unknown key, wrong type, missing required field, value outside an enum, duplicate key, empty list where one item is required, `kind` missing or unknown; a wage step without percent or rate, or with more than one of hours, period, months, competencies (or none and no label); probation in none or more than one unit; items nested deeper than 3 levels counting the competency",
	Why:       "Every key and value has one meaning (docs/format.md): a typo must never be silently ignored.",
	Framework: checkFrameworkItems,
	Program:   all(checkScheduleKeys, checkHoursKeysApply, checkTermKeysApply, checkProbationKeys, checkWageStepKeys, checkProgramItems, checkCourseYearWhole),
	Reader:    true,
}

var ruleFrameworkRef = Rule{
	ID: RuleFrameworkRef, Severity: Error,
	Summary: "the referenced framework is not in the catalog and not a readable framework file; a cycle in extends",
	Why:     "A program is validated together with its framework.",
	Reader:  true,
}

// RuleImport is reported by `wpsgen import` (framework/importer) for a
// cell of a table or workbook it cannot read; validation never runs it.
const RuleImport = "import"

var ruleImport = Rule{
	ID: RuleImport, Severity: Error,
	Summary: "`wpsgen import`: a cell of a table or workbook that cannot be read (a mark other than the drop-down's, text in an hours cell, a competency row without its job function)",
	Why:     "A value that is not understood is never guessed: the cell is named so a person can fix it.",
}

// all runs several checks as one.
func all(checks ...func(*checker)) func(*checker) {
	return func(c *checker) {
		for _, check := range checks {
			check(c)
		}
	}
}

// runFramework runs every framework rule on c.fw.
func (c *checker) runFramework() {
	for _, r := range Rules {
		if r.Framework != nil {
			r.Framework(c)
		}
	}
}

// runProgram joins the program with its framework (reporting the
// references it cannot resolve) and runs every program rule on the result.
func (c *checker) runProgram() {
	c.s = c.joinSchedule()
	for _, r := range Rules {
		if r.Program != nil {
			r.Program(c)
		}
	}
}
