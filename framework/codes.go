package framework

import (
	"regexp"
	"strings"
)

var onetRE = regexp.MustCompile(`^\d{2}-\d{4}\.\d{2}$`)

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

// legacyONET lists O*NET-SOC codes that the 2019 taxonomy replaced, with
// their successors.
var legacyONET = map[string]string{
	"29-2071.00": "29-2072.00 (Medical Records Specialists) or 29-9021.00 (Health Information Technologists and Medical Registrars)",
	"31-1011.00": "31-1121.00 (Home Health Aides)",
	"31-1014.00": "31-1131.00 (Nursing Assistants)",
	"39-9021.00": "31-1122.00 (Personal Care Aides)",
	"15-1121.00": "15-1211.00 (Computer Systems Analysts)",
	"15-1122.00": "15-1212.00 (Information Security Analysts)",
	"15-1132.00": "15-1252.00 (Software Developers)",
	"15-1133.00": "15-1252.00 (Software Developers)",
	"15-1134.00": "15-1254.00 (Web Developers)",
	"15-1141.00": "15-1242.00 (Database Administrators)",
	"15-1142.00": "15-1244.00 (Network and Computer Systems Administrators)",
	"15-1151.00": "15-1232.00 (Computer User Support Specialists)",
	"15-1152.00": "15-1231.00 (Computer Network Support Specialists)",
}

// rapidsRE: a 4-digit base, an optional letter variant (S, S-R), an optional
// approach suffix (CB, HY) and an optional version (V1, " V3").
var rapidsRE = regexp.MustCompile(`^(\d{4})([A-Z](?:-[A-Z])?)??(CB|HY)?( ?V\d+)?$`)

// RAPIDSSuffix returns the approach suffix of a well-formed RAPIDS code
// ("CB", "HY" or "") and whether the code is well-formed.
func RAPIDSSuffix(code string) (string, bool) {
	m := rapidsRE.FindStringSubmatch(code)
	if m == nil {
		return "", false
	}
	return m[3], true
}

// isSuccessor reports whether code is one the 2019 taxonomy gave legacy as
// a replacement: a program that moves to it from a legacy framework code is
// doing what onet-legacy asks, not mismatching its framework.
func isSuccessor(legacy, code string) bool {
	succ, ok := legacyONET[legacy]
	return ok && strings.Contains(succ, code+" (")
}

// suffixApproach maps a RAPIDS suffix to the approach it stands for.
var suffixApproach = map[string]string{"CB": CompetencyBased, "HY": Hybrid, "": TimeBased}
