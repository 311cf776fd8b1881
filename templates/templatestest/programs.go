package templatestest

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Programs lists the program files the document tests render: the
// examples users copy and the renderer's own test programs (a 28-work-process
// hybrid program; a time-based one with decimal hours and Vietnamese,
// Polish, Greek and Cyrillic names). root is the repository root, relative
// to the calling test's directory.
func Programs(root string) ([]string, error) {
	var out []string
	for _, pattern := range []string{"examples/*.yaml", "templates/testdata/programs/*.yaml"} {
		m, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			return nil, err
		}
		for _, p := range m {
			if !strings.HasSuffix(p, ".framework.yaml") {
				out = append(out, p)
			}
		}
	}
	if len(out) < 5 {
		return nil, fmt.Errorf("found only %d programs under %s", len(out), root)
	}
	return out, nil
}
