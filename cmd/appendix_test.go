package cmd_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRenderRefusesBadAppendixInput renders the plumber example broken in
// the ways issue reports name: each gives a positioned finding, exit 1, no
// Go runtime text, and no document.
func TestRenderRefusesBadAppendixInput(t *testing.T) {
	const example = "plumber-0432HY.yaml"
	src := mustReadFile(t, filepath.Join(repo, "examples", example))
	fw := mustReadFile(t, filepath.Join(repo, "examples", "plumber-0432HY.framework.yaml"))
	for _, tc := range []struct{ name, old, new, want string }{
		{"a wage step with two whens", "{percent: 55, period:", "{percent: 55, hours: 0, period:", "not both hours and period [schema]"},
		{"a negative rate", "{percent: 65, period:", "{rate: -19.50, period:", "wage step rate is -19.50; it must be more than 0 (dollars per hour) [wages]"},
		{"probation in two units", "  hours: 1500\n", "  hours: 1500\n  weeks: 12\n", "not both hours and weeks [schema]"},
		{"items four deep", "items: [Dedicated return line,", "items: [{text: Dedicated return line, items: [Sizing]},", "a 4th level; items nest at most 3 levels counting the competency (A. -> 1. -> a.) [schema]"},
		{"a rate given as text", "journeyworker_rate: 30.00", "journeyworker_rate: thirty dollars", `journeyworker_rate must be a number, found the text "thirty dollars" [schema]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !bytes.Contains(src, []byte(tc.old)) {
				t.Fatalf("%s no longer contains %q; update this test", example, tc.old)
			}
			in, out := t.TempDir(), t.TempDir()
			if err := os.WriteFile(filepath.Join(in, "plumber-0432HY.framework.yaml"), fw, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(in, example), bytes.Replace(src, []byte(tc.old), []byte(tc.new), 1), 0o644); err != nil {
				t.Fatal(err)
			}
			r := runIn(t, in, "render", example, "-o", out)
			all := r.stdout + r.stderr
			positioned := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(example) + `:\d+:\d+: error: .*` + regexp.QuoteMeta(tc.want) + `$`)
			if r.code != 1 || !positioned.MatchString(all) || !strings.Contains(all, "nothing was written") {
				t.Errorf("exit %d (want 1); want a positioned finding %q and \"nothing was written\":\n%s", r.code, tc.want, all)
			}
			if got := entries(t, out); len(got) != 0 {
				t.Errorf("wrote %v", got)
			}
		})
	}
}
