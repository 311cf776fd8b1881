package importer

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

var backticked = regexp.MustCompile("`([^`]+)`")

// TestImportDoc keeps docs/import.md true: every header its table lists is
// read as that column, and every value it lists is understood.
func TestImportDoc(t *testing.T) {
	data, err := os.ReadFile("../../docs/import.md")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]role{}
	for r, name := range roleNames {
		byName[name] = role(r)
	}
	rows := 0
	for _, line := range strings.Split(string(data), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 {
			if v, ok := strings.CutPrefix(line, "- Core or optional: "); ok {
				for _, m := range backticked.FindAllStringSubmatch(v, -1) {
					if _, ok := parseType(m[1]); !ok {
						t.Errorf("docs/import.md lists %q as core or optional; it is not understood", m[1])
					}
				}
			}
			continue
		}
		r, ok := byName[strings.TrimSpace(cells[1])]
		if !ok {
			continue
		}
		rows++
		for _, m := range backticked.FindAllStringSubmatch(cells[2], -1) {
			if got := headerRole(m[1]); got != r {
				t.Errorf("docs/import.md says header %q is the %s column; it is read as %q", m[1], roleNames[r], roleNames[got])
			}
		}
	}
	if rows != int(roleCount)-1 {
		t.Errorf("docs/import.md's table has %d columns, want %d (one per column import reads)", rows, roleCount-1)
	}
	text := strings.Join(strings.Fields(string(data)), " ")
	_, deliveries, _ := strings.Cut(text, "- Delivery: ")
	deliveries, _, _ = strings.Cut(deliveries, ". RTI and OJT mark")
	n := 0
	for _, m := range backticked.FindAllStringSubmatch(deliveries, -1) {
		n++
		if _, ok := parseDelivery(m[1]); !ok {
			t.Errorf("docs/import.md lists delivery %q; it is not understood", m[1])
		}
	}
	if n < 5 {
		t.Errorf("found %d delivery values in docs/import.md", n)
	}
}
