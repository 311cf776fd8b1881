package framework

import "testing"

func TestNormalizeONET(t *testing.T) {
	cases := []struct{ in, want string }{
		{"29.2071.00", "29-2071.00"}, // the seed framework's cover
		{"29.2017.00", "29-2017.00"}, // its schedule page: digits kept, the format fixed
		{"33-2011-02", "33-2011.02"},
		{"292071", "29-2071.00"},
		{"29-2071", "29-2071.00"},
		{"29 2072 00", "29-2072.00"},
		{"29-2072.00", "29-2072.00"},
		{"2920", ""},
		{"29-2072.001", ""},
		{"medical coder", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := NormalizeONET(c.in); got != c.want {
			t.Errorf("NormalizeONET(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRAPIDSSuffix(t *testing.T) {
	cases := []struct {
		code, suffix string
		ok           bool
	}{
		{"0414", "", true},
		{"1114", "", true},
		{"0414S", "", true},
		{"0414S-R", "", true},
		{"1114CB", "CB", true},
		{"0414HY", "HY", true},
		{"0414SCB", "CB", true},
		{"0414S-RHY", "HY", true},
		{"0870CBV1", "CB", true},
		{"0824CB V3", "CB", true},
		{"0414V2", "", true},
		{"0414H", "", true}, // a variant letter H, not half of HY

		{"", "", false},
		{"414", "", false},
		{"04140", "", false},
		{"1114cb", "", false},
		{"1114-CB", "", false},
		{"1114 CB", "", false},
		{"0414S-", "", false},
		{"0414SR", "", false},
		{"0870CBV", "", false},
		{"0824CB  V3", "", false},
		{"0414CBHY", "", false},
		{" 0414", "", false},
	}
	for _, c := range cases {
		suffix, ok := RAPIDSSuffix(c.code)
		if suffix != c.suffix || ok != c.ok {
			t.Errorf("RAPIDSSuffix(%q) = %q, %v; want %q, %v", c.code, suffix, ok, c.suffix, c.ok)
		}
	}
}

func TestLegacyONET(t *testing.T) {
	cases := []struct {
		code, succ string
		ok         bool
	}{
		{"15-1132.00", "15-1252.00 Software Developers or 15-1253.00 Software Quality Assurance Analysts and Testers", true},
		{"15-1199.08", "15-2051.01 Business Intelligence Analysts", true},
		{"29-2071.00", "29-2072.00 Medical Records Specialists or 29-9021.00 Health Information Technologists and Medical Registrars", true},
		{"29-2072.00", "", false}, // current
		{"11-9199.00", "", false}, // kept in 2019, though part of it moved
		{"99-9999.99", "", false},
	}
	for _, c := range cases {
		succ, ok := legacyONET(c.code)
		if succ != c.succ || ok != c.ok {
			t.Errorf("legacyONET(%q) = %q, %v; want %q, %v", c.code, succ, ok, c.succ, c.ok)
		}
	}
}

func TestIsSuccessorAndKnown(t *testing.T) {
	succ := []struct {
		legacy, code string
		want         bool
	}{
		{"29-2071.00", "29-2072.00", true},
		{"29-2071.00", "29-9021.00", true},
		{"15-1132.00", "15-1253.00", true},
		{"15-1132.00", "15-1254.00", false},
		{"29-2072.00", "29-2072.00", false}, // not legacy
	}
	for _, c := range succ {
		if got := isSuccessor(c.legacy, c.code); got != c.want {
			t.Errorf("isSuccessor(%q, %q) = %v", c.legacy, c.code, got)
		}
	}
	known := map[string]bool{"29-2072.00": true, "29-2071.00": true, "99-9999.99": false, "29.2072.00": false, "": false}
	for code, want := range known {
		if got := knownONET(code); got != want {
			t.Errorf("knownONET(%q) = %v", code, got)
		}
	}
}

func TestONETSuggestions(t *testing.T) {
	cases := []struct {
		code  string
		title String
		want  string
	}{
		{"47-2152.01", String{Value: "Plumber", Set: true},
			"; closest by number: 47-2152.00 Plumbers, Pipefitters, and Steamfitters or 47-2152.04 Solar Thermal Installers and Technicians or 47-2151.00 Pipelayers" +
				`; by the title "Plumber": 47-2152.00 Plumbers, Pipefitters, and Steamfitters or 47-3015.00 Helpers--Pipelayers, Plumbers, Pipefitters, and Steamfitters`},
		{"47-2152.01", String{Value: "TODO", Set: true},
			"; closest by number: 47-2152.00 Plumbers, Pipefitters, and Steamfitters or 47-2152.04 Solar Thermal Installers and Technicians or 47-2151.00 Pipelayers"},
		{"47-2152.01", String{Value: "Zzyzx", Set: true},
			"; closest by number: 47-2152.00 Plumbers, Pipefitters, and Steamfitters or 47-2152.04 Solar Thermal Installers and Technicians or 47-2151.00 Pipelayers"},
	}
	for _, c := range cases {
		if got := onetSuggestions(c.code, c.title); got != c.want {
			t.Errorf("onetSuggestions(%q, %q) =\n%s\nwant\n%s", c.code, c.title.Value, got, c.want)
		}
	}
}
