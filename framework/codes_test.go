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
