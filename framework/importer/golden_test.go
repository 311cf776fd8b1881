package importer

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
)

var update = flag.Bool("update", false, "rewrite the expected findings (*.out) of the table cases in ../testdata/err")

func findingsText(fs []framework.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}

// TestGoldenTables imports each table case of framework/testdata/err (the
// failing examples of the import rule, beside the YAML cases of the other
// rules) from the framework directory, as the rules reference shows it,
// and compares the findings with the case's .out file.
func TestGoldenTables(t *testing.T) {
	t.Chdir("..")
	paths, _ := filepath.Glob("testdata/err/*.csv")
	if len(paths) == 0 {
		t.Fatal("no table cases in framework/testdata/err")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res := Framework(path, data, Options{})
			if res.YAML != nil || !framework.HasErrors(res.Findings, false) {
				t.Fatalf("%s imports without errors; every case in testdata/err must fail", path)
			}
			got := findingsText(res.Findings)
			golden := strings.TrimSuffix(path, ".csv") + ".out"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./framework/importer -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("findings of %s differ from %s\n--- got:\n%s--- want:\n%s", path, golden, got, want)
			}
		})
	}
}
