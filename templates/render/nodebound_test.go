package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
)

// TestNodeBoundLetsProgramsThrough checks that the node bound the loader
// applies before reading YAML never refuses a real program: the largest
// synthetic programs (6,000 schedule rows; 10,000 job functions; the
// largest under the value limit) and a 2 MB program of long texts.
func TestNodeBoundLetsProgramsThrough(t *testing.T) {
	t.Parallel()
	long := syntheticProgram(40, 5)
	for i := 0; bytes.Contains(long, []byte("text: \"Competency ")); i++ {
		long = bytes.Replace(long, []byte("text: \"Competency "), []byte("text: \""+longText(10_000)+" "), 1)
	}
	if len(long) < 2<<20 {
		t.Fatalf("the long-text program has %d bytes", len(long))
	}
	for name, data := range map[string][]byte{
		"6,000 rows":           syntheticProgram(300, 20),
		"10,000 job functions": syntheticProgram(10_000, 1),
		"largest":              syntheticProgram(largestJobFunctions, 60),
		"long texts":           long,
	} {
		f := framework.Parse(name+".yaml", data)
		for _, fd := range f.Findings {
			if strings.Contains(fd.Message, "could hold more than") {
				t.Errorf("%s (%d bytes) is refused: %s", name, len(data), fd)
			}
		}
	}
}
