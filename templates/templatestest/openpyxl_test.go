package templatestest

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestOpenpyxl: a script sees its arguments and prints what it returns; a
// failing script gives an error with its traceback and leaves the shared
// process working for the next; concurrent callers each get their own
// answer.
func TestOpenpyxl(t *testing.T) {
	out, err := Openpyxl(t, "import sys, openpyxl\nprint(sys.argv[1:], 'é')", "a b", "c")
	if err != nil || string(out) != "['a b', 'c'] é\n" {
		t.Fatalf("got %q, %v", out, err)
	}
	for script, want := range map[string]string{
		"print('half')\nraise ValueError('broken')": "ValueError: broken",
		"import sys\nsys.exit(3)":                   "exit status 3",
		"import os\nos.write(1, b'stray')\nx = (":   "SyntaxError",
	} {
		if _, err := Openpyxl(t, script); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", script, err, want)
		}
	}
	if out, err := Openpyxl(t, "import sys\nsys.exit(0)"); err != nil || len(out) != 0 {
		t.Errorf("exit 0: %q, %v", out, err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			arg := fmt.Sprint(i)
			if out, err := Openpyxl(t, "import sys\nprint(sys.argv[1])", arg); err != nil || string(out) != arg+"\n" {
				t.Errorf("caller %d got %q, %v", i, out, err)
			}
		})
	}
	wg.Wait()
}
