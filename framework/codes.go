package framework

import (
	"fmt"
	"slices"
	"strings"

	"github.com/wpsgen/wpsgen/framework/onet"
	"github.com/wpsgen/wpsgen/internal/lazy"
)

var onetRE = lazy.Regexp(`^\d{2}-\d{4}\.\d{2}$`)

// NormalizeONET suggests the NN-NNNN.NN form of a mistyped O*NET-SOC code
// ("29.2071.00", "33-2011-02", "292071"), or "" when the digits do not fit.
func NormalizeONET(s string) string {
	var digits strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits.WriteRune(r)
		}
	}
	d := digits.String()
	switch len(d) {
	case 6:
		d += "00"
	case 8:
	default:
		return ""
	}
	return d[:2] + "-" + d[2:6] + "." + d[6:]
}

// rapidsRE: a 4-digit base, an optional letter variant (S, S-R), an optional
// approach suffix (CB, HY) and an optional version (V1, " V3").
var rapidsRE = lazy.Regexp(`^(\d{4})([A-Z](?:-[A-Z])?)??(CB|HY)?( ?V\d+)?$`)

// RAPIDSSuffix returns the approach suffix of a well-formed RAPIDS code
// ("CB", "HY" or "") and whether the code is well-formed.
func RAPIDSSuffix(code string) (string, bool) {
	m := rapidsRE().FindStringSubmatch(code)
	if m == nil {
		return "", false
	}
	return m[3], true
}

// isSuccessor reports whether code is one the 2019 taxonomy gave legacy as
// a replacement: a program that moves to it from a legacy framework code is
// doing what onet-legacy asks, not mismatching its framework.
func isSuccessor(legacy, code string) bool {
	succ, _ := onet.Successors(legacy)
	return slices.ContainsFunc(succ, func(o onet.Occupation) bool { return o.Code == code })
}

// legacyONET names the 2019 successors of a 2010 code that the 2019
// taxonomy replaced, with their titles ("15-1252.00 Software Developers or
// 15-1253.00 Software Quality Assurance Analysts and Testers"); ok is false
// for a current or unknown code. The first word is the first successor's
// code.
func legacyONET(code string) (successors string, ok bool) {
	succ, ok := onet.Successors(code)
	return orList(succ), ok
}

// knownONET reports whether code is in the 2019 O*NET-SOC taxonomy or is
// a 2010 code it replaced: only then is comparing it with another code
// meaningful (onet-unknown already reports the rest).
func knownONET(code string) bool {
	if _, ok := onet.Lookup(code); ok {
		return true
	}
	_, ok := onet.Successors(code)
	return ok
}

func orList(os []onet.Occupation) string {
	names := make([]string, len(os))
	for i, o := range os {
		names[i] = o.String()
	}
	return strings.Join(names, " or ")
}

// suggestedCodes is how many codes onet-unknown suggests each way.
const suggestedCodes = 3

// onetSuggestions proposes codes for an unknown one: the nearest by number
// (a mistyped digit) and, when the title names an occupation, the best
// matches for its words (a code copied from the wrong row).
func onetSuggestions(code string, title String) string {
	out := "; closest by number: " + orList(onet.Closest(code, suggestedCodes))
	if t := title.Value; title.Set && t != "" && !strings.Contains(t, Todo) {
		var byTitle []onet.Occupation
		ms := onet.Search(t, suggestedCodes)
		for _, m := range ms {
			// Only matches nearly as good as the best: one shared word
			// ("Specialists") is no suggestion.
			if 2*m.Score >= ms[0].Score {
				byTitle = append(byTitle, m.Occupation)
			}
		}
		if len(byTitle) > 0 {
			out += fmt.Sprintf("; by the title %q: %s", t, orList(byTitle))
		}
	}
	return out
}

// suffixApproach maps a RAPIDS suffix to the approach it stands for.
var suffixApproach = map[string]string{"CB": CompetencyBased, "HY": Hybrid, "": TimeBased}
