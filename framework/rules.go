package framework

// Rule ids are a public contract: users grep for them and CI configs name them.
const (
	RuleSyntax          = "syntax"
	RuleSchema          = "schema"
	RuleONETFormat      = "onet-format"
	RuleONETUnknown     = "onet-unknown"
	RuleRAPIDSFormat    = "rapids-format"
	RuleDuplicateID     = "duplicate-id"
	RuleBadID           = "bad-id"
	RuleFrameworkRef    = "framework-ref"
	RuleExtendsConflict = "extends-conflict"
	RuleUnknownRef      = "unknown-ref"
	RuleCoreMissing     = "core-missing"
	RuleNoDelivery      = "no-delivery"
	RuleHoursMissing    = "hours-missing"
	RuleHoursRange      = "hours-range"
	RuleTermMismatch    = "term-mismatch"
	RuleTermMissing     = "term-missing"
	RuleOJLMinimum      = "ojl-minimum"
	RuleProbation       = "probation"
	RuleInterimCred     = "interim-credential"
	RuleBaseOccupation  = "base-occupation"
	RuleApproach        = "approach"
	RuleRTITotal        = "rti-total"
	RuleWages           = "wages"
	RuleUnprintable     = "unprintable"

	RuleRTIHours       = "rti-hours"
	RuleRTICoverage    = "rti-coverage"
	RuleONETLegacy     = "onet-legacy"
	RuleONETMismatch   = "onet-mismatch"
	RuleRAPIDSApproach = "rapids-approach"
	RuleBenchmarkHours = "benchmark-hours"
	RuleCompetencyTerm = "competency-term"

	RuleImport = "import"
)

// Rule describes one validation rule: its id, severity, what it checks and
// the regulation or form behind it.
type Rule struct {
	ID       string
	Severity Severity
	Summary  string // fires when ...
	Why      string // the fact behind the rule
}

// Rules lists every rule, errors first, in the order of RULES.md.
var Rules = []Rule{
	{RuleSyntax, Error, "the file is not valid YAML (or not UTF-8, or too large), or not a mapping at the top", "A file that cannot be read cannot be checked; positions point at the first problem."},
	{RuleSchema, Error, "unknown key, wrong type, missing required field, value outside an enum, duplicate key, empty list where one item is required, `kind` missing or unknown", "FORMAT.md is a contract: a typo must never be silently ignored."},
	{RuleONETFormat, Error, "an O*NET code that is not NN-NNNN.NN", "O*NET-SOC codes are written NN-NNNN.NN; the seed framework itself misprints 29.2071.00 and 29.2017.00."},
	{RuleONETUnknown, Error, "an O*NET code of the right shape that is in neither the 2019 O*NET-SOC taxonomy nor the 2010 one", "A registration agency checks the code against the O*NET-SOC lists; wpsgen carries both (O*NET data by USDOL/ETA, CC BY 4.0)."},
	{RuleRAPIDSFormat, Error, "a RAPIDS code that does not match the RAPIDS shapes", "RAPIDS occupation codes: a 4-digit base, optional letter variant (0414S, 0414S-R), approach suffix CB or HY, optional version (0870CBV1, 0824CB V3)."},
	{RuleDuplicateID, Error, "two job functions, two competencies in one job function, two specializations or two courses with the same id/number", "A competency is addressed as JOBFUNCTION.COMPETENCY; duplicates make references ambiguous."},
	{RuleBadID, Error, "a competency id that is not a letter sequence (A..Z, AA..), an id with characters outside [A-Za-z0-9-]", "The form letters competencies A, B, C ...; ids appear in references such as 1.A."},
	{RuleFrameworkRef, Error, "the referenced framework is not in the catalog and not a readable framework file; a cycle in extends", "A program is validated together with its framework."},
	{RuleExtendsConflict, Error, "an extending framework redefines, removes or weakens (core -> optional) a base item", "A customized framework may add to the published one, never change what it requires."},
	{RuleUnknownRef, Error, "a program names a job function, competency, specialization, covers or after reference that does not exist", "Additions must say custom: true, so a typo of a real id is an error, not new content."},
	{RuleCoreMissing, Error, "a core job function, a core competency of an included job function, or a core item of the chosen specialization is missing", "Core items of a framework are required; only optional ones may be crossed off."},
	{RuleNoDelivery, Error, "an included competency has neither rti nor ojt", "The form marks every competency as taught by related instruction, on the job, or both."},
	{RuleHoursMissing, Error, "time-based: a job function without hours; hybrid: without min_hours/max_hours", "29 CFR 29.5(b)(2): the work process schedule gives the approximate time spent in each work process."},
	{RuleHoursRange, Error, "negative hours; min_hours > max_hours; a course with zero or negative hours", "Hours are non-negative; a range runs from its minimum to its maximum."},
	{RuleTermMismatch, Error, "the stated term disagrees with the schedule's total", "Totals are computed, never typed: a DOL-certified hybrid schedule states 7,920-8,920 hours while its table totals 7,920-9,380."},
	{RuleTermMissing, Error, "term lacks the field its approach needs (hours; min_hours and max_hours; months or years)", "29 CFR 29.5(b)(2): the standards state the term of apprenticeship."},
	{RuleOJLMinimum, Error, "time-based total below 2,000 hours; hybrid sum of minimums below 2,000 hours", "29 CFR 29.4: at least 2,000 hours of on-the-job learning."},
	{RuleProbation, Error, "probation longer than 25% of the term or longer than one year", "29 CFR 29.5(b)(8): probation at most 25% of the term or one year, whichever is shorter."},
	{RuleInterimCred, Error, "interim credentials in a time-based program", "29 CFR 29.5(b)(16): interim credentials exist only in competency-based and hybrid programs."},
	{RuleBaseOccupation, Error, "stackable: true or a specialization without base_occupation", "The form asks for the base occupation name of a stackable or specialized program."},
	{RuleApproach, Error, "the program's approach is not one the framework allows", "A framework may be published for some approaches only."},
	{RuleRTITotal, Error, "rti.total_hours is stated and differs from the sum of course hours", "Totals are computed, never typed."},
	{RuleWages, Error, "wage steps not strictly increasing, a percent above 100, or a rate that is not positive", "29 CFR 29.5(b)(5): a progressively increasing schedule of wages."},
	{RuleUnprintable, Error, "text contains a character the PDF font cannot draw", "The document would show an empty box instead of the character."},
	{RuleImport, Error, "`wpsgen import`: a cell of a table or workbook that cannot be read (a mark other than the drop-down's, text in an hours cell, a competency row without its job function)", "A value that is not understood is never guessed: the cell is named so a person can fix it."},
	{RuleRTIHours, Warning, "RTI hours below 144 per year of term", "29 CFR 29.5(b)(4): at least 144 hours of related instruction per year is recommended."},
	{RuleRTICoverage, Warning, "courses use covers, and a competency delivered by rti is covered by no course", "Every competency taught by related instruction should be taught by some course."},
	{RuleONETLegacy, Warning, "the O*NET code was replaced in the 2019 O*NET-SOC taxonomy (every successor is named)", "The O*NET 2010-to-2019 crosswalk: 29-2071.00 became 29-2072.00 and 29-9021.00, 15-1132.00 became 15-1252.00 and 15-1253.00."},
	{RuleONETMismatch, Warning, "the program's O*NET code differs from its framework's", "A program trains for its framework's occupation; a different code is usually a slip."},
	{RuleRAPIDSApproach, Warning, "the RAPIDS suffix disagrees with the approach", "RAPIDS codes end in CB for competency-based and HY for hybrid occupations, and in neither for time-based."},
	{RuleBenchmarkHours, Warning, "the OJL total is below the framework's benchmark_hours for the approach", "The framework records DOL's hours for the occupation."},
	{RuleCompetencyTerm, Warning, "competency-based term shorter than 12 months", "DOL policy: a competency-based program has an on-the-job component of at least 12 months."},
}

var ruleSeverity = func() map[string]Severity {
	m := map[string]Severity{}
	for _, r := range Rules {
		m[r.ID] = r.Severity
	}
	return m
}()
