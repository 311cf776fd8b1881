package framework

// Todo marks every value a sponsor must fill in a skeleton (package
// framework/skeleton); a value still equal to it is not the user's text.
const Todo = "TODO"

// What the skeleton generator (package framework/skeleton) needs from the
// rules about codes, exported here so that it states no rule twice.

// LegacyONET returns the successors of an O*NET-SOC code that the 2019
// taxonomy replaced, and whether code is such a code.
func LegacyONET(code string) (string, bool) {
	return legacyONET(code)
}

// RAPIDSParts splits a well-formed RAPIDS code into its base (the digits
// and any letter variant) and its approach suffix ("CB", "HY" or "").
func RAPIDSParts(code string) (base, suffix string, ok bool) {
	m := rapidsRE().FindStringSubmatch(code)
	if m == nil {
		return "", "", false
	}
	return m[1] + m[2], m[3], true
}

// SuffixApproach returns the approach a RAPIDS suffix stands for.
func SuffixApproach(suffix string) string { return suffixApproach[suffix] }

// SpecializationIDs returns the ids of a framework's specializations.
func SpecializationIDs(fw *Resolved) []string { return specializationIDs(fw) }
