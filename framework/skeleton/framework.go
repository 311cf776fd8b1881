package skeleton

import (
	"fmt"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/onet"
)

// FormatReference is where users read what every key means.
const FormatReference = "https://github.com/wpsgen/wpsgen/blob/main/docs/format.md"

// FrameworkOptions choose what Framework writes.
type FrameworkOptions struct {
	ONET string // the occupation's O*NET-SOC code; "" leaves onet to fill in
}

// exampleONET is the code the framework skeleton's examples are about.
const exampleONET = "29-2052.00"

// Framework writes a framework file to fill in: every key of a framework,
// the required ones active with an empty value marked TODO and an example
// in the hint, the optional ones commented out with an example value. Once
// the TODOs are filled it validates without findings.
func Framework(o FrameworkOptions) ([]byte, error) {
	if o.ONET != "" {
		if err := CheckONET(o.ONET); err != nil {
			return nil, err
		}
	}
	// The hints' example title is the occupation's when the code names
	// one: a plumber's skeleton should not suggest a pharmacy's name.
	title := "Pharmacy Technician"
	if occ, ok := onet.Lookup(o.ONET); ok && o.ONET != "" {
		title = occ.Title
	}
	s := &writer{}
	s.line(0, "# yaml-language-server: $schema="+framework.SchemaURL(framework.KindFramework), "")
	s.line(0, "#", "")
	s.line(0, "", "A framework skeleton, written by `wpsgen init framework`: the job functions and competencies an occupation's apprentices learn.")
	s.line(0, "#", "")
	s.item("1. ", "Fill in every empty value marked "+Todo+": until then `wpsgen validate` reports each one.")
	s.item("2. ", "Commented-out keys are optional: uncomment and change those you need, delete the others.")
	s.item("3. ", "Add job functions and competencies by copying the ones below. Then write a program on this framework with `wpsgen init --framework THIS-FILE.yaml -o program.yaml`.")
	s.item("4. ", "Every key is explained in the format reference: "+FormatReference)
	s.line(0, "kind: framework", "")
	s.todo(0, "id", "lowercase letters, digits and dashes, e.g. "+slug(title))
	s.line(0, `# version: "2026-01"`, "the framework's own version or date")
	s.todo(0, "title", "the occupation title, e.g. "+title)
	if o.ONET != "" {
		s.onetLine(0, "", o.ONET, "")
	} else {
		s.todo(0, "onet", fmt.Sprintf("the O*NET-SOC code (see wpsgen occupations), e.g. %q (%s)", exampleONET, ONETComment(exampleONET)))
	}
	s.line(0, `# rapids: "0000"`, "the RAPIDS occupation code, if one was assigned: 4 digits, CB for competency-based, HY for hybrid")
	s.line(0, "# source:", "where the framework was published")
	s.line(0, "#   publisher: Example Health Careers Consortium", "")
	s.line(0, "#   document: "+title+" Apprenticeship Framework", "")
	s.line(0, "#   created: 2026-01-15", "YYYY-MM-DD or YYYY-MM")
	s.line(0, "#   updated: 2026-03", "")
	s.line(0, "#   url: https://example.org/framework", "")
	s.line(0, "# description: Where the framework comes from and what was changed.", "")
	s.line(0, "# extends: medical-coder", "to add to an existing framework instead: a built-in id or a path; its job functions are kept")
	s.line(0, "approaches: [competency-based, time-based, hybrid]", "the approaches programs may use: remove those that do not apply")
	s.line(0, "# benchmark_hours:", "the Department of Labor's hours for the occupation; programs below them get a warning")
	s.line(0, "#   time_based: 2000", "")
	s.line(0, "#   hybrid: {min: 2000, max: 4000}", "a number or {min, max}")
	s.line(0, "#   competency_based: 2000", "")
	s.line(0, "job_functions:", "the work processes; core ones are required in every program")
	s.line(2, `- id: "1"`, `printed as "JOB FUNCTION 1"; letters, digits and dashes`)
	s.todo(4, "title", "what the apprentice does, e.g. Fills prescriptions under the supervision of a pharmacist")
	s.line(4, "# type: core", "core (every program includes it) or optional")
	s.line(4, "# level: Basic", "")
	s.line(4, "competencies:", "lettered A, B, ... Z, AA, AB, ...")
	s.line(6, "- id: A", "")
	s.todo(8, "text", "what the apprentice can do, e.g. Reads and interprets a prescription")
	s.line(8, "# type: core", "core or optional")
	s.line(8, "delivery: [rti, ojt]", "recommended delivery: rti (related instruction), ojt (on the job) or both; programs may change it")
	s.line(6, "- id: B", "")
	s.todo(8, "text", "e.g. Counts and measures medications accurately")
	s.line(8, "delivery: [ojt]", "")
	s.line(8, "# items:", "sub-items printed indented under the competency: a text or {text, items}; at most 3 levels counting the competency")
	s.line(8, "#   - Counts tablets by hand", "")
	s.line(8, "#   - {text: Measures liquids, items: [Oral syringes, Graduated cylinders]}", "")
	s.line(0, "# specializations:", "named sets of extra job functions a program may choose")
	s.line(0, "#   - id: sterile-compounding", "lowercase letters, digits and dashes")
	s.line(0, "#     title: Sterile Compounding Technician", `printed as "Type of Specialization"`)
	s.line(0, "#     job_functions:", "ids must differ from the job functions above")
	s.line(0, "#       - id: S1", "")
	s.line(0, "#         title: Prepares sterile preparations", "")
	s.line(0, "#         type: core", "")
	s.line(0, "#         level: Advanced", "")
	s.line(0, "#         competencies:", "")
	s.line(0, "#           - {id: A, text: Performs hand hygiene and garbing, type: core, delivery: [rti, ojt], items: [{text: Garbing, items: [Gloves]}]}", "")
	s.line(0, "# courses:", fmt.Sprintf("suggested related instruction courses (%d hours per year of term are recommended); `wpsgen init` copies them into programs", framework.RTIHoursPerYear))
	s.line(0, "#   - title: Pharmacy Law and Ethics", "")
	s.line(0, "#     hours: 30", "")
	s.line(0, "#   - title: Pharmaceutical Calculations", "")
	s.line(0, "#     hours: {min: 40, max: 60}", "a number or {min, max}: the program chooses")
	s.line(0, "#     objectives: [Calculate doses and infusion rates]", "")
	return s.buf.Bytes(), nil
}

// slug is title as an id: lowercase ASCII letters and digits, anything
// else one dash ("Plumbers, Pipefitters" -> "plumbers-pipefitters").
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}
