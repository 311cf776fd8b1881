package templates

import (
	"slices"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
)

// Build lays out a validated program in print order: the Appendix A part
// (appendix*.go), the Work Process Schedule part (schedule.go) and the
// RTI Plan part (appendix_rti.go). name is the output base name. The
// schedule must come from a validation without errors (framework
// resolved).
func Build(s *framework.Schedule, name string) *Layout {
	p, fw := s.Program, s.Framework
	occ := p.Occupation
	rapids := or(occ.RAPIDS, fw.RAPIDS)
	return &Layout{
		Name:   name,
		Header: PageHeader{Sponsor: p.Sponsor.Name.Value, Occupation: occ.JobTitle.Value, RAPIDS: rapids},
		Footer: PageFooter{Revision: revisionText(p.Revision)},
		// The title names the job title (or the occupation), the author is
		// the sponsor, the keywords the codes.
		Meta: Meta{
			Title:    "Work Process Schedule: " + or2(occ.JobTitle.Value, fw.Title.Value),
			Subject:  fw.Title.Value,
			Author:   p.Sponsor.Name.Value,
			Keywords: codes(or(occ.ONET, fw.ONET), rapids),
			Language: "en-US",
		},
		Parts: []Part{appendixPart(s), schedulePart(s), rtiPart(p)},
	}
}

func or(a, b framework.String) string {
	if a.Set {
		return a.Value
	}
	return b.Value
}

func or2(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// codes are the document's keywords: "O*NET 29-2072.00, RAPIDS 1114HY".
func codes(onet, rapids string) string {
	var k []string
	if onet != "" {
		k = append(k, "O*NET "+onet)
	}
	if rapids != "" {
		k = append(k, "RAPIDS "+rapids)
	}
	return strings.Join(k, ", ")
}

func revisionText(r *framework.Revision) string {
	if r == nil {
		return ""
	}
	parts := []string{}
	if r.Number.Set {
		parts = append(parts, "Revision "+r.Number.Value)
	}
	if r.Date.Set {
		parts = append(parts, r.Date.Value)
	}
	return strings.Join(parts, ", ")
}

func joinNonEmpty(sep string, parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), sep)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
