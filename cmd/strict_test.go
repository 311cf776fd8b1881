package cmd_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
)

// TestShippedFilesStrictClean: every built-in framework and every example
// is what users copy from, so none may carry even a warning — a legacy
// O*NET code in the catalog would teach every new program a stale code.
func TestShippedFilesStrictClean(t *testing.T) {
	r := runIn(t, repo, "validate", "--strict", "examples", "framework/catalog")
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("wpsgen validate --strict examples framework/catalog: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The directory must hold every built-in framework, or a clean run
	// proves nothing about the one that is missing.
	for _, id := range framework.NewLoader().CatalogIDs() {
		if _, err := os.Stat(filepath.Join(repo, "framework", "catalog", id+".yaml")); err != nil {
			t.Errorf("built-in framework %s: %v", id, err)
		}
	}
	examples, _ := filepath.Glob(filepath.Join(repo, "examples", "*.yaml"))
	if len(examples) == 0 {
		t.Error("no examples/*.yaml: the strict run checked nothing")
	}
}
