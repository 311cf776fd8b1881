package templatestest

import (
	"os"
	"os/exec"
	"sync"
	"testing"
)

// install is what .ci/run installs for the document checks.
const install = "apt-get install -y poppler-utils qpdf mupdf-tools python3-openpyxl"

// missing skips the test outside CI and fails it in CI (CI set), where
// .ci/run installs every tool the document checks read files with.
func missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing in CI; .ci/run installs it (%s)", what, install)
	}
	t.Skipf("%s is not installed (%s)", what, install)
}

// NeedTools returns after checking every tool is on PATH; otherwise the
// test is skipped (failed in CI).
func NeedTools(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			missing(t, tool)
		}
	}
}

// Python returns a Python interpreter that can import openpyxl: the
// system one first, as the one on PATH may be a separate install without
// it. Without one the test is skipped (failed in CI).
//
// The answer is looked for once per test process: importing openpyxl
// costs about 0.3 s of CPU, as much as most of the checks that need it.
func Python(t testing.TB) string {
	t.Helper()
	py := findPython()
	if py == "" {
		missing(t, "python3 with openpyxl")
	}
	return py
}

var findPython = sync.OnceValue(func() string {
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import openpyxl").Run() == nil {
			return py
		}
	}
	return ""
})
