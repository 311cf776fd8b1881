package onetdata

import (
	"reflect"
	"strings"
	"testing"
)

const head = "code,title,x,y\n"

func TestParse(t *testing.T) {
	c2019 := head + "47-2152.00,Plumbers,47-2152,P\n29-2072.00,Medical Records Specialists,29-2072,M\n11-1011.00,Chief Executives,11-1011,C\n"
	c2010 := head + "29-2071.00,Medical Records Technicians,29-2072.00,M\n" +
		"11-1011.00,Chief Executives,11-1011.00,C\n" +
		"11-1011.00,Chief Executives,29-2072.00,M\n" + // kept in 2019: not legacy
		"29-2071.00,Medical Records Technicians,47-2152.00,P\n"
	tb, err := Parse([]byte("\uFEFF"+c2019), []byte(c2010))
	if err != nil {
		t.Fatal(err)
	}
	wantCurrent := []Occupation{{"11-1011.00", "Chief Executives"}, {"29-2072.00", "Medical Records Specialists"}, {"47-2152.00", "Plumbers"}}
	wantOld := []Code2010{{"11-1011.00", "Chief Executives", nil}, {"29-2071.00", "Medical Records Technicians", []string{"29-2072.00", "47-2152.00"}}}
	if !reflect.DeepEqual(tb.Current, wantCurrent) || !reflect.DeepEqual(tb.Old, wantOld) {
		t.Errorf("Parse = %+v, %+v; want %+v, %+v", tb.Current, tb.Old, wantCurrent, wantOld)
	}
}

func TestParseRefuses(t *testing.T) {
	good2019 := head + "47-2152.00,Plumbers,47-2152,P\n"
	good2010 := head + "47-2152.01,Old Plumbers,47-2152.00,P\n"
	cases := []struct{ c2019, c2010, want string }{
		{head + "47-2152,Plumbers,47-2152,P\n", good2010, `code "47-2152"`},
		{good2019 + "47-2152.00,Again,47-2152,P\n", good2010, `code "47-2152.00"`},
		{good2019, head + "47-2152.01,Old,47-2152.09,P\n", "not a 2019 code"},
		{good2019, head + "bad,Old,47-2152.00,P\n", `code "bad"`},
		{head, good2010, "no rows"},
		{good2019, head + "47-2152.01,Old\n", "wrong number of fields"},
	}
	for _, c := range cases {
		if _, err := Parse([]byte(c.c2019), []byte(c.c2010)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q, %q) = %v, want an error with %q", c.c2019, c.c2010, err, c.want)
		}
	}
}
