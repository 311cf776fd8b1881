package cmd_test

import (
	"os"
	"testing"

	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// TestMain turns the test binary into a launcher when it was started as
// one (templatestest.RunMeasured), so that the peak memory measured of a
// wpsgen run is its own, not this test process's.
func TestMain(m *testing.M) {
	templatestest.Launcher()
	os.Exit(m.Run())
}
