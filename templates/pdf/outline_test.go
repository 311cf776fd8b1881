package pdf

import "testing"

// TestOutlineText: headings printed in capitals read as titles in the
// viewer's outline, and a letter that names something stays a capital.
func TestOutlineText(t *testing.T) {
	for in, want := range map[string]string{
		"APPENDIX A":                             "Appendix A",
		"4. APPRENTICE WAGE SCHEDULE":            "4. Apprentice Wage Schedule",
		"RATIO OF APPRENTICES TO JOURNEYWORKERS": "Ratio of Apprentices to Journeyworkers",
		"INTERIM CREDENTIALS":                    "Interim Credentials",
		"Related Technical Instruction Plan":     "Related Technical Instruction Plan",
		"WORK PROCESS SCHEDULE":                  "Work Process Schedule",
	} {
		if got := outlineText(in); got != want {
			t.Errorf("outlineText(%q) = %q, want %q", in, got, want)
		}
	}
}
