package framework

import (
	"strings"
	"testing"
)

// TestNumberExact checks that sums use the decimals as written: 0.1 +
// 0.2 is 0.3 exactly, which float64 arithmetic would miss.
func TestNumberExact(t *testing.T) {
	f := Parse("n.yaml", []byte("kind: program\nterm: {hours: 0.3}\njob_functions: [{hours: 0.1}, {hours: 0.2}, {hours: 1_000}]\n"))
	p := f.Program
	hours, _, _ := ScheduleTotals(p)
	if want := "1000.3"; hours.String() != want {
		t.Errorf("ScheduleTotals = %v, want %v", hours, want)
	}
	if got := p.JobFunctions[2].Hours.Text; got != "1000" {
		t.Errorf("1_000 kept as %q, want 1000", got)
	}
	if got := p.Term.Hours.Dec.String(); got != "0.3" {
		t.Errorf("0.3 read as %v", got)
	}
}

// TestEmailFormat checks what an email key accepts: addresses as people
// write them, not a name, a phone number or an address missing its domain.
func TestEmailFormat(t *testing.T) {
	for email, ok := range map[string]bool{
		"dana@example.org":                       true,
		"pharmacy.tech@lincoln-land.example.edu": true,
		"first+tag@mail.example.co.uk":           true,
		"not-an-email":                           false,
		"dana at example.org":                    false,
		"dana@example":                           false,
		"dana@@example.org":                      false,
		"@example.org":                           false,
		"dana@example..org":                      false,
		"dana@example.org ":                      false,
		"+1 651 555 0100":                        false,
	} {
		f := Parse("p.yaml", []byte("kind: program\nsponsor: {contact: {email: \""+email+"\"}}\n"))
		var got []string
		for _, x := range f.Findings {
			if x.Rule == RuleSchema && strings.Contains(x.Message, "email address") {
				got = append(got, x.Message)
			}
		}
		if ok != (len(got) == 0) {
			t.Errorf("email %q: accepted=%v, want %v (findings %q)", email, len(got) == 0, ok, got)
		}
	}
}

// TestDecodeLists: a list is decoded in place, in order, without its empty
// items; an empty list is written (not nil, unlike a missing key: merge
// tells them apart).
func TestDecodeLists(t *testing.T) {
	cases := []struct {
		yaml string
		want []string // nil: the key is missing
	}{
		{"kind: framework\n", nil},
		{"kind: framework\napproaches: []\n", []string{}},
		{"kind: framework\napproaches: [hybrid, time-based]\n", []string{"hybrid", "time-based"}},
		{"kind: framework\napproaches:\n  - hybrid\n  -\n  - time-based\n", []string{"hybrid", "time-based"}},
		{"kind: framework\napproaches:\n  -\n", []string{}},
		{"kind: framework\napproaches: hybrid\n", []string{"hybrid"}}, // reported, read as a list of one
	}
	for _, c := range cases {
		fw := Parse("f.yaml", []byte(c.yaml)).Framework
		if fw == nil {
			t.Fatalf("%q: no framework", c.yaml)
		}
		got := fw.Approaches
		if (got == nil) != (c.want == nil) || len(got) != len(c.want) {
			t.Errorf("%q: approaches = %#v, want %#v", c.yaml, got, c.want)
			continue
		}
		for i, a := range got {
			if a.Value != c.want[i] {
				t.Errorf("%q: approaches[%d] = %q, want %q", c.yaml, i, a.Value, c.want[i])
			}
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 144: "144", 999: "999", 2000: "2,000", 300000: "300,000", 1234567: "1,234,567", -2000: "-2,000", -999: "-999"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
