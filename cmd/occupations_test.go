package cmd_test

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/cmd"
	"github.com/wpsgen/wpsgen/framework/onet"
)

// TestOccupations runs the lookups a user makes: by code, by a replaced
// 2010 code, by the start of a code, by words, and nothing found.
func TestOccupations(t *testing.T) {
	cases := []struct {
		args  []string
		code  int
		lines []string // the first lines of stdout
		err   string   // in stderr
	}{
		{[]string{"plumber"}, cmd.ExitOK, []string{
			"47-2152.00  Plumbers, Pipefitters, and Steamfitters",
			"47-3015.00  Helpers--Pipelayers, Plumbers, Pipefitters, and Steamfitters"}, ""},
		{[]string{"medical", "records"}, cmd.ExitOK, []string{"29-2072.00  Medical Records Specialists"}, "showing 10 of"},
		{[]string{"medical records", "--limit", "1"}, cmd.ExitOK, []string{"29-2072.00  Medical Records Specialists"}, "showing 1 of"},
		{[]string{"47-2152.00"}, cmd.ExitOK, []string{"47-2152.00  Plumbers, Pipefitters, and Steamfitters"}, ""},
		{[]string{"47.2152.00"}, cmd.ExitOK, []string{"47-2152.00  Plumbers, Pipefitters, and Steamfitters"}, ""},
		{[]string{"15-1132.00"}, cmd.ExitOK, []string{
			"15-1132.00  Software Developers, Applications (O*NET-SOC 2010), replaced in the 2019 taxonomy by:",
			"15-1252.00  Software Developers",
			"15-1253.00  Software Quality Assurance Analysts and Testers"}, ""},
		{[]string{"47-215"}, cmd.ExitOK, []string{"47-2151.00  Pipelayers", "47-2152.00  Plumbers, Pipefitters, and Steamfitters"}, ""},
		{[]string{}, cmd.ExitOK, []string{"11-1011.00  Chief Executives", "11-1011.03  Chief Sustainability Officers"}, ""},
		{[]string{"99-9999.99"}, cmd.ExitFindings, nil, "99-9999.99 is in neither the 2019 O*NET-SOC taxonomy nor the 2010 one; the closest codes are:\n  49-9099.01 Geothermal Technicians"},
		{[]string{"zzyzx"}, cmd.ExitFindings, nil, `no O*NET-SOC 2019 occupation matches "zzyzx"`},
		{[]string{"plumber", "--format", "xml"}, cmd.ExitUsage, nil, `unknown --format "xml"`},
		{[]string{"plumber", "--limit", "-2"}, cmd.ExitUsage, nil, "--limit -2"},
	}
	for _, c := range cases {
		r := runIn(t, repo, append([]string{"occupations"}, c.args...)...)
		lines := strings.Split(r.stdout, "\n")
		if r.code != c.code || len(lines) < len(c.lines) || !slices.Equal(lines[:len(c.lines)], c.lines) ||
			!strings.Contains(r.stderr, c.err) || (c.code != cmd.ExitOK && r.stdout != "") {
			t.Errorf("wpsgen occupations %q: exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit %d, stdout starting %q, stderr with %q",
				c.args, r.code, r.stdout, r.stderr, c.code, c.lines, c.err)
		}
	}
	if r := runIn(t, repo, "occupations"); strings.Count(r.stdout, "\n") != len(onet.All()) || r.stderr != "" {
		t.Errorf("wpsgen occupations lists %d lines (stderr %q), want every one of %d codes", strings.Count(r.stdout, "\n"), r.stderr, len(onet.All()))
	}
}

func TestOccupationsJSON(t *testing.T) {
	r := runIn(t, repo, "occupations", "15-1132.00", "--format", "json")
	type occupation struct {
		Code       string            `json:"code"`
		Title      string            `json:"title"`
		Taxonomy   string            `json:"taxonomy"`
		ReplacedBy []onet.Occupation `json:"replaced_by"`
	}
	var got []occupation
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != cmd.ExitOK {
		t.Fatalf("exit %d, %v:\n%s", r.code, err, r.stdout)
	}
	want := []occupation{{Code: "15-1132.00", Title: "Software Developers, Applications", Taxonomy: "2010", ReplacedBy: []onet.Occupation{
		{Code: "15-1252.00", Title: "Software Developers"}, {Code: "15-1253.00", Title: "Software Quality Assurance Analysts and Testers"}}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	r = runIn(t, repo, "occupations", "plumber", "--format", "json", "--limit", "1")
	if r.code != cmd.ExitOK || !strings.Contains(r.stdout, `"code": "47-2152.00"`) || strings.Contains(r.stdout, "47-3015.00") {
		t.Errorf("plumber --limit 1 as JSON: exit %d\n%s", r.code, r.stdout)
	}
}

// TestONETCredit: the O*NET data's license (CC BY 4.0) requires the credit
// wherever the data ships; the README and the command's help carry it.
func TestONETCredit(t *testing.T) {
	unwrap := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(unwrap(string(readme)), onet.Credit) {
		t.Errorf("README.md lacks the O*NET credit:\n%s", onet.Credit)
	}
	r := runIn(t, repo, "occupations", "--help")
	if r.code != cmd.ExitOK || !strings.Contains(unwrap(r.stdout), onet.Credit) {
		t.Errorf("wpsgen occupations --help (exit %d) lacks the O*NET credit:\n%s", r.code, r.stdout)
	}
	for _, s := range []string{"USDOL/ETA", "CC BY 4.0", "O*NET-SOC 2019"} {
		if !strings.Contains(onet.Credit, s) {
			t.Errorf("the credit lacks %q", s)
		}
	}
}

func TestCompleteONET(t *testing.T) {
	got, _ := cmd.CompleteONET(nil, nil, "29-207")
	if !reflect.DeepEqual(got, []string{"29-2072.00\tMedical Records Specialists"}) {
		t.Errorf("CompleteONET(29-207) = %q", got)
	}
	r := runIn(t, repo, "__complete", "occupations", "47-215")
	if !strings.Contains(r.stdout, "47-2152.00\tPlumbers, Pipefitters, and Steamfitters\n") || strings.Contains(r.stdout, "47-2111.00") {
		t.Errorf("shell completion of 47-215:\n%s", r.stdout)
	}
}
