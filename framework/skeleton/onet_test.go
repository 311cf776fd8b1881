package skeleton

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
)

func TestONETComment(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"29-2072.00", "Medical Records Specialists"},
		{"29-2071.00", "replaced in the 2019 O*NET-SOC taxonomy by 29-2072.00 Medical Records Specialists or 29-9021.00 Health Information Technologists and Medical Registrars"},
		{"15-1199.08", "replaced in the 2019 O*NET-SOC taxonomy by 15-2051.01 Business Intelligence Analysts"},
		{"99-9999.99", ""},
		{"29.2072.00", ""},
	} {
		if got := ONETComment(c.code); got != c.want {
			t.Errorf("ONETComment(%s) = %q, want %q", c.code, got, c.want)
		}
	}
}

func TestCheckONET(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"29-2072.00", ""},
		{"29.2072.00", `not written NN-NNNN.NN; write "29-2072.00"`},
		{"2920", `not written NN-NNNN.NN; write NN-NNNN.NN, e.g. "29-2072.00"`},
		{"29-2071.00", "replaced in the 2019 O*NET-SOC taxonomy by 29-2072.00 Medical Records Specialists or 29-9021.00"},
		{"99-9999.99", "in neither the 2019 O*NET-SOC taxonomy nor the 2010 one; closest by number: 49-9099.01 Geothermal Technicians or "},
	} {
		err := CheckONET(c.code)
		if (c.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.want)) {
			t.Errorf("CheckONET(%s) = %v, want %q", c.code, err, c.want)
		}
	}
}

// onetLines returns the lines of a skeleton that hold an onet key, each
// with its comment's continuation lines joined.
func onetLines(text string) []string {
	var out []string
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasPrefix(strings.TrimLeft(l, " #"), "onet:") {
			continue
		}
		key := strings.Index(l, "onet:")
		col := key + strings.Index(l[key:], "  # ") + 2
		for i+1 < len(lines) && len(lines[i+1]) > col && lines[i+1][col] == '#' && strings.Trim(lines[i+1][:col], " #") == "" {
			i++
			l += " " + strings.TrimSpace(lines[i][col+1:])
		}
		out = append(out, l)
	}
	return out
}

// TestProgramSkeletonONET: the occupation's code is shown with its title;
// a legacy framework code asks for a current one, naming its successors;
// --onet writes the code the program uses, with its title.
func TestProgramSkeletonONET(t *testing.T) {
	l := framework.NewLoader()
	coder, err := l.Catalog("medical-coder")
	if err != nil {
		t.Fatal(err)
	}
	legacy := resolveFile(t, l, "../testdata/legacy/coder.yaml")
	for _, c := range []struct {
		name string
		fw   *framework.Resolved
		onet string
		want string // the onet line, comment continuations joined
		ref  string // in the framework: line's comment
	}{
		{"catalog", coder, "", `  # onet: "29-2072.00"  # Medical Records Specialists; defaults to the framework's`, ""},
		{"legacy", legacy, "", `  onet:  # TODO: the framework's O*NET code 29-2071.00 was replaced in the 2019 O*NET-SOC taxonomy by 29-2072.00 Medical Records Specialists or 29-9021.00 Health Information Technologists and Medical Registrars; write the current code, e.g. "29-2072.00"`,
			"its O*NET code is out of date: see the TODO at occupation.onet"},
		{"legacy --onet", legacy, "29-9021.00", `  onet: "29-9021.00"  # Health Information Technologists and Medical Registrars; instead of the framework's 29-2071.00`, ""},
		{"same --onet", coder, "29-2072.00", `  onet: "29-2072.00"  # Medical Records Specialists`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, err := Program(c.fw, Options{Ref: "f.yaml", ONET: c.onet})
			if err != nil {
				t.Fatal(err)
			}
			got := onetLines(string(data))
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("onet lines:\n%q\nwant\n%q", got, c.want)
			}
			if ref := "framework: f.yaml"; c.ref != "" {
				ref += "  # " + c.ref
				if !strings.Contains(string(data), "\n"+ref+"\n") {
					t.Errorf("no line %q", ref)
				}
			} else if !strings.Contains(string(data), "\n"+ref+"\n") {
				t.Errorf("no line %q", ref)
			}
		})
	}
	if _, err := Program(coder, Options{Ref: "f.yaml", ONET: "29-2071.00"}); err == nil || !strings.Contains(err.Error(), "29-9021.00") {
		t.Errorf("--onet with a legacy code: %v", err)
	}
}

// TestFrameworkSkeletonONET: without a code the TODO's example shows its
// title; with one, the onet line carries it and the filled skeleton
// validates clean.
func TestFrameworkSkeletonONET(t *testing.T) {
	if got := onetLines(skeletonText(t)); len(got) != 1 || !strings.HasSuffix(got[0], `e.g. "29-2052.00" (Pharmacy Technicians)`) {
		t.Errorf("onet lines of the plain skeleton: %q", got)
	}
	data, err := Framework(FrameworkOptions{ONET: "47-2152.00"})
	if err != nil {
		t.Fatal(err)
	}
	if got := onetLines(string(data)); len(got) != 1 || got[0] != `onet: "47-2152.00"  # Plumbers, Pipefitters, and Steamfitters` {
		t.Errorf("onet lines with --onet: %q", got)
	}
	path := filepath.Join(t.TempDir(), "plumber.framework.yaml")
	if err := os.WriteFile(path, []byte(fillTodos(t, string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := framework.NewLoader().Validate(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		t.Errorf("%s", f)
	}
	if _, err := Framework(FrameworkOptions{ONET: "15-1132.00"}); err == nil || !strings.Contains(err.Error(), "15-1253.00") {
		t.Errorf("a legacy code: %v", err)
	}
}

// TestFrameworkSkeletonExampleTitle: with --onet, the hints' example
// title, id and document name are the occupation's, not the pharmacy
// technician's of the plain skeleton.
func TestFrameworkSkeletonExampleTitle(t *testing.T) {
	data, err := Framework(FrameworkOptions{ONET: "47-2111.00"})
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{
		"id:  # TODO: lowercase letters, digits and dashes, e.g. electricians\n",
		"title:  # TODO: the occupation title, e.g. Electricians\n",
		"#   document: Electricians Apprenticeship Framework\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("skeleton for 47-2111.00 lacks %q", want)
		}
	}
	for _, gone := range []string{"Pharmacy Technician", "pharmacy-technician"} {
		if strings.Contains(text, gone) {
			t.Errorf("skeleton for 47-2111.00 still suggests %q", gone)
		}
	}
	if plain := skeletonText(t); !strings.Contains(plain, "e.g. Pharmacy Technician\n") || !strings.Contains(plain, "e.g. pharmacy-technician\n") {
		t.Errorf("the plain skeleton lost its example title")
	}
}

func TestSlug(t *testing.T) {
	for title, want := range map[string]string{
		"Electricians": "electricians",
		"Plumbers, Pipefitters, and Steamfitters":                               "plumbers-pipefitters-and-steamfitters",
		"Heating, Air Conditioning, and Refrigeration Mechanics and Installers": "heating-air-conditioning-and-refrigeration-mechanics-and-installers",
		"  Nurse (RN) ": "nurse-rn",
	} {
		if got := slug(title); got != want {
			t.Errorf("slug(%q) = %q, want %q", title, got, want)
		}
	}
}
