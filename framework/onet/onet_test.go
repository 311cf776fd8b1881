package onet

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wpsgen/wpsgen/framework/onet/internal/onetdata"
)

// TestMain checks that importing the package costs nothing: the search
// index is built by the first search, not at start-up.
func TestMain(m *testing.M) {
	if loaded != nil {
		fmt.Fprintln(os.Stderr, "the O*NET search index was built before any search")
		os.Exit(1)
	}
	os.Exit(m.Run())
}

func TestLongQuery(t *testing.T) {
	q := strings.Repeat("medical records specialist plumber welder nurse ", 20000)
	start := time.Now()
	if ms := Search(q, 1); len(ms) != 1 {
		t.Errorf("a long query found %v", head(ms))
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("a long query took %v", took)
	}
}

func TestLookup(t *testing.T) {
	cases := []struct {
		code, title string
		ok          bool
	}{
		{"29-2072.00", "Medical Records Specialists", true},
		{"47-2152.00", "Plumbers, Pipefitters, and Steamfitters", true},
		{"15-2051.01", "Business Intelligence Analysts", true},
		{"11-1011.00", "Chief Executives", true},
		{"29-2071.00", "", false}, // 2010 only
		{"99-9999.99", "", false},
		{"29.2072.00", "", false},
		{"", "", false},
	}
	for _, c := range cases {
		o, ok := Lookup(c.code)
		if ok != c.ok || o.Title != c.title || (ok && o.Code != c.code) {
			t.Errorf("Lookup(%q) = %+v, %v; want %q, %v", c.code, o, ok, c.title, c.ok)
		}
	}
	if n := len(All()); n != 1016 {
		t.Errorf("the 2019 taxonomy has %d codes, want 1016", n)
	}
}

func TestSuccessors(t *testing.T) {
	cases := []struct {
		code string
		want []string // "code title"
	}{
		{"15-1132.00", []string{"15-1252.00 Software Developers", "15-1253.00 Software Quality Assurance Analysts and Testers"}},
		{"29-2071.00", []string{"29-2072.00 Medical Records Specialists", "29-9021.00 Health Information Technologists and Medical Registrars"}},
		{"15-1199.08", []string{"15-2051.01 Business Intelligence Analysts"}},
		{"31-1011.00", []string{"31-1121.00 Home Health Aides"}},
		{"11-1011.00", nil}, // maps to itself: current, not legacy
		{"11-9199.00", nil}, // kept in 2019, though the crosswalk also sends part of it elsewhere
		{"29-2072.00", nil}, // a 2019 code
		{"99-9999.99", nil},
	}
	for _, c := range cases {
		succ, ok := Successors(c.code)
		var got []string
		for _, o := range succ {
			got = append(got, o.String())
		}
		if !reflect.DeepEqual(got, c.want) || ok != (c.want != nil) {
			t.Errorf("Successors(%q) = %q, %v; want %q", c.code, got, ok, c.want)
		}
	}
	if o, ok := Lookup2010("15-1132.00"); !ok || o.Title != "Software Developers, Applications" {
		t.Errorf("Lookup2010(15-1132.00) = %+v, %v", o, ok)
	}
	legacy := 0
	for _, o := range All() {
		if _, ok := Successors(o.Code); ok {
			t.Errorf("%s is a 2019 code, yet Successors calls it legacy", o.Code)
		}
	}
	for _, o := range taxonomy2010 {
		if _, ok := Successors(o.code); ok {
			legacy++
		}
	}
	if legacy != 262 {
		t.Errorf("%d legacy 2010 codes, want 262", legacy)
	}
}

func TestSearch(t *testing.T) {
	cases := []struct {
		query string
		first string // the best match's code
		also  []string
	}{
		{"plumber", "47-2152.00", []string{"47-3015.00"}},
		{"Plumbers", "47-2152.00", nil},
		{"plumbing", "47-2152.00", nil},
		{"medical records", "29-2072.00", nil},
		{"MEDICAL RECORDS SPECIALIST", "29-2072.00", nil},
		{"software developer", "15-1252.00", []string{"15-1253.00"}},
		{"electrician", "47-2111.00", []string{"47-3013.00"}},
		{"welder", "51-4121.00", []string{"51-4122.00"}},
		{"welding", "51-4122.00", []string{"51-4121.00"}},
		{"secretary", "43-6014.00", nil},
		{"truck drivers", "53-3033.00", []string{"53-3032.00"}},
		{"cook", "35-2014.00", []string{"35-2019.00"}}, // "All Other" last
		{"security guard", "33-9032.00", nil},
		{"47-2152", "47-2152.00", []string{"47-2152.04"}},
		{"472152", "47-2152.00", nil},
		{"29-2072.00", "29-2072.00", nil},
	}
	for _, c := range cases {
		ms := Search(c.query, 0)
		if len(ms) == 0 || ms[0].Code != c.first {
			t.Errorf("Search(%q) first = %v, want %s", c.query, head(ms), c.first)
			continue
		}
		for _, a := range c.also {
			if !slices.ContainsFunc(ms, func(m Match) bool { return m.Code == a }) {
				t.Errorf("Search(%q) lacks %s", c.query, a)
			}
		}
	}
	for _, q := range []string{"", "   ", "zzzzqx", "and of the", "99-99"} {
		if ms := Search(q, 0); len(ms) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, head(ms))
		}
	}
	if ms := Search("47", 5); len(ms) != 5 || ms[0].Code != "47-1011.00" {
		t.Errorf("Search(47, 5) = %v, want the first 5 codes of group 47", head(ms))
	}
	if ms := Search("47", 0); len(ms) < 50 {
		t.Errorf("Search(47, 0) = %d codes, want every code of group 47", len(ms))
	}
}

func head(ms []Match) []string {
	var out []string
	for _, m := range ms[:min(3, len(ms))] {
		out = append(out, m.String())
	}
	return out
}

func TestClosest(t *testing.T) {
	cases := []struct {
		code  string
		first string
	}{
		{"47-2152.01", "47-2152.00"}, // a wrong last digit
		{"29-2071.00", "29-2072.00"},
		{"47-2512.00", "47-2152.00"}, // swapped digits
		{"15-1252.0", "15-1252.00"},  // a missing digit
		{"99-9999.99", "49-9099.01"},
	}
	for _, c := range cases {
		got := Closest(c.code, 3)
		if len(got) != 3 || got[0].Code != c.first {
			t.Errorf("Closest(%q) = %v, want %s first", c.code, got, c.first)
		}
		for _, o := range got {
			if o.Code == c.code {
				t.Errorf("Closest(%q) suggests the code itself", c.code)
			}
		}
	}
	if got := Closest("medical", 3); got != nil {
		t.Errorf("Closest(words) = %v, want nothing", got)
	}
}

func TestComplete(t *testing.T) {
	if got := Complete("29-207"); !reflect.DeepEqual(got, []string{"29-2072.00\tMedical Records Specialists"}) {
		t.Errorf("Complete(29-207) = %q", got)
	}
	if got := Complete("47-21"); len(got) < 10 || !strings.HasPrefix(got[0], "47-21") {
		t.Errorf("Complete(47-21) = %q", got)
	}
	if got := Complete(""); len(got) != 1016 {
		t.Errorf("Complete(\"\") = %d codes, want all 1016", len(got))
	}
	if got := Complete("x"); got != nil {
		t.Errorf("Complete(x) = %q", got)
	}
}

// TestGeneratedTables: onet_gen.go is what the published lists in data/
// give, so the tables are the files.
func TestGeneratedTables(t *testing.T) {
	csv2019, err := os.ReadFile(File2019)
	if err != nil {
		t.Fatal(err)
	}
	csv2010, err := os.ReadFile(File2010)
	if err != nil {
		t.Fatal(err)
	}
	src, err := onetdata.Generate("onet", csv2019, csv2010)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile("onet_gen.go"); !bytes.Equal(got, src) {
		t.Error("onet_gen.go is stale: run go generate ./framework/onet")
	}
}

// TestSameAsShared compares the embedded lists row for row with the
// published files, in the shared folder cloned beside the repository.
func TestSameAsShared(t *testing.T) {
	// The repository root is two levels up; a git worktree sits one level
	// deeper than the clone, so look beside its parent too.
	var shared string
	for _, dir := range []string{"../../../shared", "../../../../shared"} {
		if _, err := os.Stat(filepath.Join(dir, "data", "onet")); err == nil {
			shared = filepath.Join(dir, "data", "onet")
			break
		}
	}
	if shared == "" {
		t.Skip("no shared/data/onet beside the repository (cloned on its own): the embedded O*NET lists are not compared with the published files")
	}
	t.Logf("comparing the embedded lists with %s", shared)
	for _, name := range []string{File2019, File2010} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		embedded, err := onetdata.ReadCSV(name, data, 4)
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(filepath.Join(shared, filepath.Base(name)))
		if err != nil {
			t.Fatal(err)
		}
		published, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		published = published[1:]
		if len(embedded) != len(published) {
			t.Errorf("%s: %d rows embedded, %d published", name, len(embedded), len(published))
		}
		for i := range min(len(embedded), len(published)) {
			if !reflect.DeepEqual(embedded[i], published[i]) {
				t.Errorf("%s row %d: embedded %q, published %q", name, i+2, embedded[i], published[i])
			}
		}
	}
}
