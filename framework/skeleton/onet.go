package skeleton

import (
	"fmt"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/onet"
)

// replacedBy is the one wording of a legacy code's comment, the words of
// the onet-legacy finding, so a file and its validation agree.
const replacedBy = "replaced in the 2019 O*NET-SOC taxonomy by "

// ONETComment is the comment written beside an O*NET-SOC code: the title
// of a 2019 code, or every successor of a 2010 code the 2019 taxonomy
// replaced; "" for a code in neither list (validation reports it).
func ONETComment(code string) string {
	if o, ok := onet.Lookup(code); ok {
		return o.Title
	}
	if succ, ok := framework.LegacyONET(code); ok {
		return replacedBy + succ
	}
	return ""
}

// CheckONET accepts a code given on the command line only when it is a
// 2019 O*NET-SOC code: a skeleton must not start out with a finding the
// user did not write. The error says which code to write instead.
func CheckONET(code string) error {
	if !onet.WellFormed(code) {
		hint := `NN-NNNN.NN, e.g. "29-2072.00"`
		if n := framework.NormalizeONET(code); n != "" {
			hint = fmt.Sprintf("%q", n)
		}
		return fmt.Errorf("O*NET code %q is not written NN-NNNN.NN; write %s", code, hint)
	}
	if _, ok := onet.Lookup(code); ok {
		return nil
	}
	if succ, ok := framework.LegacyONET(code); ok {
		return fmt.Errorf("O*NET code %s was %s%s; give the current code", code, replacedBy, succ)
	}
	var near []string
	for _, o := range onet.Closest(code, 3) {
		near = append(near, o.String())
	}
	return fmt.Errorf("O*NET code %s is in neither the 2019 O*NET-SOC taxonomy nor the 2010 one; closest by number: %s; 'wpsgen occupations WORDS' searches the titles",
		code, strings.Join(near, " or "))
}

// onetLine writes onet: "code" with its title as the comment, followed
// by note when there is one; off "# " writes it commented out.
func (s *writer) onetLine(indent int, off, code, note string) {
	comment := ONETComment(code)
	if note != "" {
		comment = strings.TrimPrefix(comment+"; "+note, "; ")
	}
	s.line(indent, off+"onet: "+quoted(code), comment)
}
