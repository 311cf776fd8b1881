package framework

import "fmt"

// Rule ids of this file.
const (
	RuleONETFormat     = "onet-format"
	RuleONETUnknown    = "onet-unknown"
	RuleRAPIDSFormat   = "rapids-format"
	RuleONETLegacy     = "onet-legacy"
	RuleONETMismatch   = "onet-mismatch"
	RuleRAPIDSApproach = "rapids-approach"
)

var ruleONETFormat = Rule{
	ID: RuleONETFormat, Severity: Error,
	Summary:   "an O*NET code that is not NN-NNNN.NN",
	Why:       "O*NET-SOC codes are written NN-NNNN.NN (e.g. 29-2072.00); a code written 29.2072.00 names no occupation.",
	Framework: func(c *checker) { c.checkONETFormat(c.fw.ONET) },
	Program:   func(c *checker) { c.checkONETFormat(c.p.Occupation.ONET) },
}

var ruleONETUnknown = Rule{
	ID: RuleONETUnknown, Severity: Error,
	Summary:   "an O*NET code of the right shape that is in neither the 2019 O*NET-SOC taxonomy nor the 2010 one",
	Why:       "A registration agency checks the code against the O*NET-SOC lists; wpsgen carries both (O*NET data by USDOL/ETA, CC BY 4.0) and suggests the closest codes by number and by the occupation's title.",
	Framework: func(c *checker) { c.checkONETUnknown(c.fw.ONET, c.fw.Title) },
	Program:   func(c *checker) { c.checkONETUnknown(c.p.Occupation.ONET, c.p.Occupation.JobTitle) },
}

var ruleRAPIDSFormat = Rule{
	ID: RuleRAPIDSFormat, Severity: Error,
	Summary:   "a RAPIDS code that does not match the RAPIDS shapes",
	Why:       "RAPIDS occupation codes: a 4-digit base, optional letter variant (0414S, 0414S-R), approach suffix CB or HY, optional version (0870CBV1, 0824CB V3).",
	Framework: func(c *checker) { c.checkRAPIDS(c.fw.RAPIDS) },
	Program:   func(c *checker) { c.checkRAPIDS(c.p.Occupation.RAPIDS) },
}

var ruleONETLegacy = Rule{
	ID: RuleONETLegacy, Severity: Warning,
	Summary:   "the O*NET code was replaced in the 2019 O*NET-SOC taxonomy (every successor is named)",
	Why:       "The O*NET 2010-to-2019 crosswalk: 29-2071.00 became 29-2072.00 and 29-9021.00, 15-1132.00 became 15-1252.00 and 15-1253.00. A registration agency expects the current code.",
	Framework: func(c *checker) { c.checkONETLegacy(c.fw.ONET) },
	Program:   checkProgramONETLegacy,
}

var ruleONETMismatch = Rule{
	ID: RuleONETMismatch, Severity: Warning,
	Summary: "the program's O*NET code differs from its framework's",
	Why:     "A program trains for its framework's occupation; a different code is usually a slip.",
	Program: checkONETMismatch,
}

var ruleRAPIDSApproach = Rule{
	ID: RuleRAPIDSApproach, Severity: Warning,
	Summary: "the RAPIDS suffix disagrees with the approach",
	Why:     "RAPIDS codes end in CB for competency-based and HY for hybrid occupations, and in neither for time-based.",
	Program: checkRAPIDSApproach,
}

func (c *checker) checkONETFormat(s String) {
	if !s.Set || onetRE().MatchString(s.Value) {
		return
	}
	hint := "NN-NNNN.NN, e.g. \"29-2072.00\""
	if n := NormalizeONET(s.Value); n != "" {
		hint = fmt.Sprintf("%q", n)
	}
	c.report(RuleONETFormat, s.Pos, "O*NET code %q is not written NN-NNNN.NN; write %s", s.Value, hint)
}

// checkONETUnknown reports a well-formed code that is in neither O*NET-SOC
// list, with the closest codes by number and by title.
func (c *checker) checkONETUnknown(s, title String) {
	if !s.Set || !onetRE().MatchString(s.Value) || knownONET(s.Value) {
		return
	}
	c.report(RuleONETUnknown, s.Pos, "O*NET code %s is in neither the 2019 O*NET-SOC taxonomy nor the 2010 one%s", s.Value, onetSuggestions(s.Value, title))
}

func (c *checker) checkONETLegacy(s String) {
	if !s.Set || !onetRE().MatchString(s.Value) {
		return
	}
	if succ, ok := legacyONET(s.Value); ok {
		c.report(RuleONETLegacy, s.Pos, "O*NET code %s was replaced in the 2019 O*NET-SOC taxonomy by %s", s.Value, succ)
	}
}

// checkProgramONETLegacy checks the program's code, or the framework's when
// the program names none (it applies by default).
func checkProgramONETLegacy(c *checker) {
	if occ := c.p.Occupation; occ.ONET.Set {
		c.checkONETLegacy(occ.ONET)
	} else if c.res != nil {
		if succ, ok := legacyONET(c.res.ONET.Value); ok {
			c.report(RuleONETLegacy, c.p.Framework.Pos, "the framework's O*NET code %s was replaced in the 2019 O*NET-SOC taxonomy by %s; set occupation.onet to the current code", c.res.ONET.Value, succ)
		}
	}
}

func checkONETMismatch(c *checker) {
	occ, fw := c.p.Occupation, c.res
	if fw == nil || !occ.ONET.Set || !fw.ONET.Set {
		return
	}
	if occ.ONET.Value != fw.ONET.Value && knownONET(occ.ONET.Value) && !isSuccessor(fw.ONET.Value, occ.ONET.Value) {
		c.report(RuleONETMismatch, occ.ONET.Pos, "O*NET code %s differs from the framework's %s (%s)", occ.ONET.Value, fw.ONET.Value, fw.ID.Value)
	}
}

// checkRAPIDS checks a RAPIDS code's shape.
func (c *checker) checkRAPIDS(s String) {
	if !s.Set {
		return
	}
	if _, ok := RAPIDSSuffix(s.Value); !ok {
		hint := ""
		if up := string(toUpper([]rune(s.Value))); up != s.Value {
			if _, ok := RAPIDSSuffix(up); ok {
				hint = fmt.Sprintf("; did you mean %q?", up)
			}
		}
		c.report(RuleRAPIDSFormat, s.Pos, "RAPIDS code %q does not have a RAPIDS shape: 4 digits, an optional variant letter, CB or HY for competency-based or hybrid, an optional version (e.g. \"0414\", \"0414S-R\", \"1114CB\", \"0870CBV1\")%s", s.Value, hint)
	}
}

// checkRAPIDSApproach compares the program's RAPIDS code (or the
// framework's, which applies by default) with the approach.
func checkRAPIDSApproach(c *checker) {
	p, fw := c.p, c.res
	if fw == nil {
		return
	}
	occ := p.Occupation
	rapids, pos := occ.RAPIDS, occ.RAPIDS.Pos
	if !rapids.Set {
		rapids, pos = fw.RAPIDS, p.Approach.Pos
	}
	if !rapids.Set || !p.Approach.Set {
		return
	}
	suffix, ok := RAPIDSSuffix(rapids.Value)
	if !ok || suffixApproach[suffix] == p.Approach.Value {
		return
	}
	has := "has no approach suffix (time-based)"
	if suffix != "" {
		has = fmt.Sprintf("ends in %s (%s)", suffix, suffixApproach[suffix])
	}
	want := map[string]string{CompetencyBased: "end in CB", Hybrid: "end in HY", TimeBased: "have no CB or HY suffix"}[p.Approach.Value]
	where := ""
	if !occ.RAPIDS.Set {
		where = " (the framework's code; set occupation.rapids)"
	}
	c.report(RuleRAPIDSApproach, pos, "RAPIDS code %s %s but the program is %s, whose codes %s%s", rapids.Value, has, p.Approach.Value, want, where)
}
