package framework

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestLimitsDoc keeps docs/limits.md true to the limits in the code.
func TestLimitsDoc(t *testing.T) {
	data, err := os.ReadFile("../docs/limits.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, want := range []string{
		fmt.Sprintf("| File size | %d MiB |", MaxFileSize>>20),
		fmt.Sprintf("| Values in a file | %s |", Thousands(MaxValues)),
		fmt.Sprintf("| List markers, keys and separators in a file, counted before reading | %s |", Thousands(MaxNodeBound)),
		fmt.Sprintf("| 4 per value written, plus %s |", Thousands(aliasAllowance)),
		fmt.Sprintf("| %d times the file's size, at least %d MiB |", expandFactor, minExpand>>20),
		fmt.Sprintf("| years %d to 9999 |", minYear),
		fmt.Sprintf("| %d characters |", shownRunes),
		fmt.Sprintf("| %d names per unknown name |", maxComparedPerRef),
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("docs/limits.md does not say %q", want)
		}
	}
}
