package cmd

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
)

// mainResult is what one run of Main gave.
type mainResult struct {
	code        int
	out, errOut string
}

// runMain runs wpsgen in-process with args.
func runMain(t *testing.T, args ...string) mainResult {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errOut)
	return mainResult{code, out.String(), errOut.String()}
}

// TestInitAsNewUser does what a sponsor does: init from a framework, fill
// in the TODOs, validate. The untouched skeleton fails validation; the
// filled one has no errors and none of the warnings its TODOs warn about.
func TestInitAsNewUser(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "roi.framework.yaml"), mustRead(t, "../examples/medical-coder-roi.framework.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	roi := filepath.Join(dir, "roi.framework.yaml")
	// The built-in frameworks carry current O*NET codes; this one keeps a
	// legacy code, whose skeleton asks for the current one.
	legacy := filepath.Join(dir, "legacy.framework.yaml")
	if err := os.WriteFile(legacy, mustRead(t, "../framework/testdata/legacy/coder.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := [][]string{
		{"--framework", "medical-coder"},
		{"--framework", "medical-coder", "--approach", "time-based"},
		{"--framework", "ehr-specialist-mn", "--approach", "hybrid"},
		{"--framework", "ehr-specialist-mn"},
		{"--framework", roi, "--approach", "hybrid"},
		{"--framework", roi, "--specialization", "release-of-information"},
		{"--framework", legacy},
	}
	for i, args := range cases {
		t.Run(strings.ReplaceAll(strings.Join(args[1:], " "), dir+string(filepath.Separator), ""), func(t *testing.T) {
			path := filepath.Join(dir, fmt.Sprintf("program-%d.yaml", i))
			if r := runMain(t, append([]string{"init", "-o", path}, args...)...); r.code != ExitOK || r.out != "" {
				t.Fatalf("init: exit %d\nstdout: %s\nstderr: %s", r.code, r.out, r.errOut)
			}
			if r := runMain(t, "validate", path); r.code != ExitFindings || !strings.Contains(r.out, "needs a value") {
				t.Fatalf("the untouched skeleton: exit %d, want %d with its TODOs reported\n%s", r.code, ExitFindings, r.out)
			}
			filled := fillTodos(t, mustRead(t, path))
			if err := os.WriteFile(path, filled, 0o644); err != nil {
				t.Fatal(err)
			}
			r := runMain(t, "validate", path)
			if r.code != ExitOK {
				t.Fatalf("the filled skeleton: exit %d\n%s\n%s", r.code, r.out, filled)
			}
			t.Logf("the filled skeleton's warnings:\n%s", r.out)
			// Only the program's own findings: a framework file's warnings
			// about itself are not the skeleton's to fix.
			var own []string
			for _, line := range strings.Split(r.out, "\n") {
				if strings.HasPrefix(line, path+":") {
					own = append(own, line)
				}
			}
			for _, rule := range []string{framework.RuleONETLegacy, framework.RuleONETMismatch, framework.RuleRAPIDSApproach} {
				if strings.Contains(strings.Join(own, "\n"), "["+rule+"]") {
					t.Errorf("the filled skeleton still warns %s:\n%s", rule, r.out)
				}
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fillTodos fills every empty value marked TODO the way a sponsor would:
// the example a TODO gives when it gives one, else a plausible value; then
// it states the term as the sum of the job functions' hours.
func fillTodos(t *testing.T, src []byte) []byte {
	t.Helper()
	lines := strings.Split(string(src), "\n")
	section, filled := "", 0
	var termLines []int
	for i, line := range lines {
		if key, _, ok := strings.Cut(line, ":"); ok && key != "" && !strings.HasPrefix(key, " ") && !strings.HasPrefix(key, "#") {
			section = key
		}
		m := todoRE.FindStringSubmatch(line)
		if m == nil || opensBlock(lines, i) {
			continue
		}
		filled++
		if section == "term" {
			termLines = append(termLines, i)
			continue
		}
		lines[i] = m[1] + m[2] + ": " + todoValue(t, section, m[2], todoComment(lines, i))
	}
	if filled == 0 {
		t.Fatal("the skeleton has no TODO to fill")
	}
	f := framework.Parse("filled.yaml", []byte(strings.Join(lines, "\n")))
	if f.Program == nil {
		t.Fatalf("the filled skeleton is not a program: %v", f.Findings)
	}
	p := f.Program
	hours, minHours, maxHours := framework.ScheduleTotals(p)
	term := map[string]string{"hours": hours.String(), "min_hours": minHours.String(), "max_hours": maxHours.String(), "months": "12"}
	for _, i := range termLines {
		m := todoRE.FindStringSubmatch(lines[i])
		lines[i] = m[1] + m[2] + ": " + term[m[2]]
	}
	return []byte(strings.Join(lines, "\n"))
}

// todoRE matches a key with an empty value marked TODO.
var todoRE = regexp.MustCompile(`^(\s*(?:- )?)([a-z_]+):  # TODO: (.*)$`)

// opensBlock reports whether the key on line i has a block under it: the
// next line that is not a comment is indented further.
func opensBlock(lines []string, i int) bool {
	indent := func(l string) int { return len(l) - len(strings.TrimLeft(l, " -")) }
	for _, l := range lines[i+1:] {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			return indent(l) > indent(lines[i])
		}
	}
	return false
}

// todoComment returns the TODO comment of line i with its continuation
// lines (comments aligned under it).
func todoComment(lines []string, i int) string {
	col := strings.Index(lines[i], "# TODO")
	text := lines[i][col:]
	for _, l := range lines[i+1:] {
		if len(l) <= col || strings.TrimSpace(l[:col]) != "" || l[col] != '#' {
			break
		}
		text += " " + l[col+1:]
	}
	return text
}

var exampleRE = regexp.MustCompile(`e\.g\. "([^"]+)"`)

// todoValue is what a sponsor writes for key in a section of the file.
func todoValue(t *testing.T, section, key, comment string) string {
	if m := exampleRE.FindStringSubmatch(comment); m != nil {
		return fmt.Sprintf("%q", m[1])
	}
	switch {
	case key == "delivery":
		return "[rti, ojt]"
	case section == "job_functions" && (key == "hours" || key == "min_hours"):
		return "1000"
	case section == "job_functions" && key == "max_hours":
		return "1500"
	case section == "rti" && key == "hours":
		return "150"
	case strings.Contains(key, "hours"):
		t.Fatalf("no value for %s in %s", key, section)
	}
	return "Example " + strings.ReplaceAll(key, "_", " ")
}

// TestInitStdout checks that without -o the skeleton goes to standard
// output, starting with the schema line, and matches the file -o writes.
func TestInitStdout(t *testing.T) {
	r := runMain(t, "init", "--framework", "ehr-specialist-mn")
	if r.code != ExitOK || !strings.HasPrefix(r.out, "# yaml-language-server: $schema="+framework.SchemaURL("program")+"\n") {
		t.Fatalf("exit %d, output starts %.100q", r.code, r.out)
	}
	path := filepath.Join(t.TempDir(), "p.yaml")
	if w := runMain(t, "init", "--framework", "ehr-specialist-mn", "-o", path); w.code != ExitOK || !strings.Contains(w.errOut, "TODO") {
		t.Fatalf("exit %d, stderr %q", w.code, w.errOut)
	}
	if string(mustRead(t, path)) != r.out {
		t.Error("the file -o writes differs from the standard output")
	}
}

// TestInitNeverOverwrites checks that an existing file is kept unless
// --force is given.
func TestInitNeverOverwrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "program.yaml")
	if err := os.WriteFile(path, []byte("my work\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runMain(t, "init", "--framework", "medical-coder", "-o", path)
	if r.code != ExitFatal || !strings.Contains(r.errOut, "--force") {
		t.Errorf("exit %d, stderr %q; want %d and a hint about --force", r.code, r.errOut, ExitFatal)
	}
	if got := string(mustRead(t, path)); got != "my work\n" {
		t.Fatalf("the existing file was changed to %.80q", got)
	}
	if r := runMain(t, "init", "--framework", "medical-coder", "-o", path, "--force"); r.code != ExitOK {
		t.Fatalf("--force: exit %d, %s", r.code, r.errOut)
	}
	if !bytes.HasPrefix(mustRead(t, path), []byte("# yaml-language-server")) {
		t.Error("--force did not write the skeleton")
	}
}

// TestInitFrameworkRef checks how the program names a framework file: by
// its path relative to the program, with a note when that path leaves the
// program's directory.
func TestInitFrameworkRef(t *testing.T) {
	dir := t.TempDir()
	fw := filepath.Join(dir, "shared", "roi.framework.yaml")
	if err := os.MkdirAll(filepath.Dir(fw), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fw, mustRead(t, "../examples/medical-coder-roi.framework.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ out, ref, note string }{
		{filepath.Join(dir, "p.yaml"), "shared/roi.framework.yaml", ""},
		{filepath.Join(dir, "shared", "p.yaml"), "roi.framework.yaml", ""},
		{filepath.Join(dir, "programs", "p.yaml"), "../shared/roi.framework.yaml", "note: the program refers to its framework as ../shared/roi.framework.yaml"},
	} {
		if err := os.MkdirAll(filepath.Dir(c.out), 0o755); err != nil {
			t.Fatal(err)
		}
		r := runMain(t, "init", "--framework", fw, "-o", c.out)
		if r.code != ExitOK {
			t.Fatalf("exit %d: %s", r.code, r.errOut)
		}
		if !bytes.Contains(mustRead(t, c.out), []byte("\nframework: "+c.ref+"\n")) {
			t.Errorf("%s does not refer to its framework as %s", c.out, c.ref)
		}
		if strings.Contains(r.errOut, "note:") != (c.note != "") || !strings.Contains(r.errOut, c.note) {
			t.Errorf("%s: stderr %q, want note %q", c.out, r.errOut, c.note)
		}
	}
}

func TestInitErrors(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.framework.yaml")
	if err := os.WriteFile(broken, []byte("kind: framework\nid: x\ntitle: X\nonet: \"29.2071.00\"\njob_functions: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"init"}, ExitUsage, `required flag(s) "framework" not set`},
		{[]string{"init", "--framework", "medical-codr"}, ExitUsage, "neither a built-in framework"},
		{[]string{"init", "--framework", "medical-coder", "--approach", "timebased"}, ExitUsage, `unknown approach "timebased"`},
		{[]string{"init", "--framework", "medical-coder", "--specialization", "roi"}, ExitUsage, `no specialization "roi"`},
		{[]string{"init", "--framework", "../examples/medical-coder-cb.yaml"}, ExitUsage, "is not a framework file"},
		{[]string{"init", "--framework", filepath.Join(dir, "missing.yaml")}, ExitFatal, "cannot read"},
		{[]string{"init", "--framework", broken}, ExitFindings, "[onet-format]"},
		{[]string{"init", "--framework", "medical-coder", "--onet", "29.9021.00"}, ExitUsage, `--onet: O*NET code "29.9021.00" is not written NN-NNNN.NN; write "29-9021.00"`},
		{[]string{"init", "--framework", "medical-coder", "--onet", "29-2071.00"}, ExitUsage, "--onet: O*NET code 29-2071.00 was replaced in the 2019 O*NET-SOC taxonomy by 29-2072.00 Medical Records Specialists or 29-9021.00"},
		{[]string{"init", "framework", "--onet", "99-9999.99"}, ExitUsage, "--onet: O*NET code 99-9999.99 is in neither the 2019 O*NET-SOC taxonomy nor the 2010 one; closest by number: 49-9099.01 Geothermal Technicians"},
	} {
		r := runMain(t, c.args...)
		if r.code != c.code || !strings.Contains(r.errOut, c.want) || r.out != "" {
			t.Errorf("wpsgen %v: exit %d, stdout %q, stderr %q; want exit %d and %q", c.args, r.code, r.out, r.errOut, c.code, c.want)
		}
	}
}

// TestInitFrameworkAsNewUser does what an intermediary with a new
// occupation does: write a framework skeleton, fill its TODOs with the
// examples the hints give, validate it, then write, fill and validate a
// program on it.
func TestInitFrameworkAsNewUser(t *testing.T) {
	dir := t.TempDir()
	fw := filepath.Join(dir, "new.framework.yaml")
	if r := runMain(t, "init", "framework", "-o", fw); r.code != ExitOK || r.out != "" || !strings.Contains(r.errOut, "TODO") {
		t.Fatalf("init framework: exit %d\nstdout: %s\nstderr: %s", r.code, r.out, r.errOut)
	}
	if r := runMain(t, "validate", fw); r.code != ExitFindings || !strings.Contains(r.out, "needs a value") {
		t.Fatalf("the untouched framework skeleton: exit %d, want %d with its TODOs reported\n%s", r.code, ExitFindings, r.out)
	}
	lines := strings.Split(string(mustRead(t, fw)), "\n")
	filled := 0
	for i, l := range lines {
		if m := todoRE.FindStringSubmatch(l); m != nil {
			// A parenthesis after the example explains it, as in
			// e.g. "29-2052.00" (Pharmacy Technicians).
			example := regexp.MustCompile(`e\.g\. (.+?)(?: \([^)]*\))?$`).FindStringSubmatch(todoComment(lines, i))
			if example == nil {
				t.Fatalf("line %d: a TODO without an example: %s", i+1, l)
			}
			lines[i] = m[1] + m[2] + ": " + strings.Join(strings.Fields(strings.ReplaceAll(example[1], "#", "")), " ")
			filled++
		}
	}
	if filled == 0 {
		t.Fatal("the framework skeleton has no TODO to fill")
	}
	if err := os.WriteFile(fw, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runMain(t, "validate", "--strict", fw); r.code != ExitOK || r.out != "" {
		t.Fatalf("the filled framework: exit %d\n%s", r.code, r.out)
	}
	program := filepath.Join(dir, "program.yaml")
	if r := runMain(t, "init", "--framework", fw, "-o", program); r.code != ExitOK {
		t.Fatalf("init --framework: exit %d\n%s", r.code, r.errOut)
	}
	if err := os.WriteFile(program, fillTodos(t, mustRead(t, program)), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runMain(t, "validate", program); r.code != ExitOK {
		t.Fatalf("the filled program: exit %d\n%s", r.code, r.out)
	}
}

// TestInitFrameworkStdout checks that without -o the framework skeleton
// goes to standard output, and that an existing file is kept without
// --force.
func TestInitFrameworkStdout(t *testing.T) {
	r := runMain(t, "init", "framework")
	if r.code != ExitOK || !strings.HasPrefix(r.out, "# yaml-language-server: $schema="+framework.SchemaURL("framework")+"\n") {
		t.Fatalf("exit %d, output starts %.100q", r.code, r.out)
	}
	path := filepath.Join(t.TempDir(), "f.yaml")
	if err := os.WriteFile(path, []byte("my work\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if w := runMain(t, "init", "framework", "-o", path); w.code != ExitFatal || !strings.Contains(w.errOut, "--force") {
		t.Errorf("exit %d, stderr %q; want %d and a hint about --force", w.code, w.errOut, ExitFatal)
	}
	if w := runMain(t, "init", "framework", "-o", path, "--force"); w.code != ExitOK || string(mustRead(t, path)) != r.out {
		t.Errorf("--force: exit %d; the file differs from the standard output", w.code)
	}
}

// TestFrameworkGuideOutput keeps the output docs/writing-a-framework.md
// shows for an untouched framework skeleton the output wpsgen gives.
func TestFrameworkGuideOutput(t *testing.T) {
	guide := string(mustRead(t, "../docs/writing-a-framework.md"))
	const cmd = "$ wpsgen validate pharmacy-technician.framework.yaml\n"
	_, shown, ok := strings.Cut(guide, cmd)
	if !ok {
		t.Fatalf("the guide no longer shows %q; update this test", cmd)
	}
	shown, _, _ = strings.Cut(shown, "```")
	t.Chdir(t.TempDir())
	if r := runMain(t, "init", "framework", "-o", "pharmacy-technician.framework.yaml"); r.code != ExitOK {
		t.Fatalf("init framework: exit %d: %s", r.code, r.errOut)
	}
	if r := runMain(t, "validate", "pharmacy-technician.framework.yaml"); r.out != shown {
		t.Errorf("the guide shows:\n%s\nwpsgen validate prints:\n%s", shown, r.out)
	}
}

// TestInitONET: --onet writes the code with its title, in a program and
// in a framework skeleton, and the shell completes it from the O*NET list.
func TestInitONET(t *testing.T) {
	for _, c := range []struct {
		args []string
		line string
	}{
		{[]string{"init", "--framework", "medical-coder", "--onet", "29-2072.00"}, "\n  onet: \"29-2072.00\"  # Medical Records Specialists\n"},
		{[]string{"init", "--framework", "medical-coder"}, "\n  # onet: \"29-2072.00\"  # Medical Records Specialists; defaults to the framework's\n"},
		{[]string{"init", "framework", "--onet", "29-2052.00"}, "\nonet: \"29-2052.00\"  # Pharmacy Technicians\n"},
	} {
		if r := runMain(t, c.args...); r.code != ExitOK || !strings.Contains(r.out, c.line) {
			t.Errorf("wpsgen %v: exit %d, want a line %q in:\n%s%s", c.args, r.code, c.line, r.out, r.errOut)
		}
	}
	for _, args := range [][]string{
		{"__complete", "init", "--framework", "medical-coder", "--onet", "29-207"},
		{"__complete", "init", "framework", "--onet", "29-207"},
	} {
		r := runMain(t, args...)
		if r.code != ExitOK || !strings.HasPrefix(r.out, "29-2072.00\tMedical Records Specialists\n:4\n") {
			t.Errorf("wpsgen %v: exit %d\n%s%s", args, r.code, r.out, r.errOut)
		}
	}
}

// TestFrameworkGuideSnippets: the framework the guide builds in its
// sections 3 to 6, put together as a user would, validates with no
// finding, so no snippet teaches a slip.
func TestFrameworkGuideSnippets(t *testing.T) {
	guide := string(mustRead(t, "../docs/writing-a-framework.md"))
	guide, _, _ = strings.Cut(guide, "## 7.")
	var src strings.Builder
	for _, block := range strings.Split(guide, "```yaml\n")[1:] {
		block, _, _ = strings.Cut(block, "```")
		src.WriteString(block)
	}
	if !strings.HasPrefix(src.String(), "kind: framework\n") {
		t.Fatalf("test bug: the guide's snippets no longer start with kind: framework:\n%s", src.String())
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("guide.yaml", []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runMain(t, "validate", "--strict", "guide.yaml"); r.code != ExitOK || r.out != "" {
		t.Errorf("the guide's framework (sections 3 to 6) gives exit %d:\n%s%s\nthe file:\n%s", r.code, r.out, r.errOut, src.String())
	}
}

// TestSkeletonRatioWording: the program skeleton's comment quotes the
// ratio as the documents print it.
func TestSkeletonRatioWording(t *testing.T) {
	r := runMain(t, "init", "--framework", "medical-coder")
	m := regexp.MustCompile(`# ratio: [^"\n]*"([^"\n]+)"`).FindStringSubmatch(r.out)
	if m == nil {
		t.Fatalf("no quoted ratio in the skeleton's # ratio: comment:\n%s", r.out)
	}
	dir := t.TempDir()
	if w := runMain(t, "render", "--xlsx", "-o", dir, "../examples/ehr-specialist-hybrid.yaml"); w.code != ExitOK {
		t.Fatalf("render: exit %d: %s", w.code, w.errOut)
	}
	zr, err := zip.OpenReader(filepath.Join(dir, "ehr-specialist-hybrid.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var text strings.Builder
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/") && strings.HasSuffix(f.Name, ".xml") {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			text.Write(b)
		}
	}
	if !strings.Contains(text.String(), m[1]) {
		t.Errorf("the skeleton says the ratio prints as %q; the workbook of a 1:1 program does not hold that text", m[1])
	}
}

// TestFrameworkGuideSkeletonExcerpt: the lines of a program skeleton the
// guide shows are lines wpsgen init writes for the guide's framework.
func TestFrameworkGuideSkeletonExcerpt(t *testing.T) {
	guide := string(mustRead(t, "../docs/writing-a-framework.md"))
	const cmd = "wpsgen init --framework pharmacy-technician.framework.yaml -o riverbend.yaml\n"
	_, after, ok := strings.Cut(guide, cmd)
	if !ok {
		t.Fatalf("the guide no longer shows %q; update this test", cmd)
	}
	_, excerpt, ok := strings.Cut(after, "```yaml\n")
	if !ok {
		t.Fatal("test bug: no yaml block after the init command")
	}
	excerpt, _, _ = strings.Cut(excerpt, "```")
	r := runMain(t, "init", "--framework", "../examples/pharmacy-technician.framework.yaml")
	if r.code != ExitOK {
		t.Fatalf("init: exit %d: %s", r.code, r.errOut)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(r.out, "\n") {
		lines[l] = true
	}
	for _, l := range strings.Split(strings.TrimSuffix(excerpt, "\n"), "\n") {
		if !lines[l] {
			t.Errorf("the guide shows the line\n%s\nwhich wpsgen init does not write", l)
		}
	}
}
