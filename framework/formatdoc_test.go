package framework

import (
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The format reference, docs/format.md, documents keys in tables with this
// header. The first column is the key's dotted path from the top of the
// file; the section the table is in (## Framework file, ## Program file)
// says which kind of file it belongs to.
const (
	formatDoc      = "../docs/format.md"
	keyTableHeader = "| key | type | required | default | example | meaning | checked by |"
)

var kindSections = map[string]string{
	"## Framework file": KindFramework,
	"## Program file":   KindProgram,
}

// docKey is one row of a key table.
type docKey struct {
	line  int
	kind  string
	path  string
	cells []string
	row   string
}

// parseFormatDoc returns the rows of every key table of the format
// reference, and a problem for every row it cannot read.
func parseFormatDoc(text string) ([]docKey, []string) {
	var keys []docKey
	var problems []string
	kind, inTable := "", false
	pathCell := regexp.MustCompile("^`([a-z_.]+)`$")
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		if strings.HasPrefix(line, "## ") {
			kind = kindSections[strings.TrimSpace(line)]
		}
		if line == keyTableHeader {
			inTable = true
			if kind == "" {
				problems = append(problems, fmt.Sprintf("line %d: a key table outside the sections %q", n, slices.Sorted(maps.Keys(kindSections))))
			}
			continue
		}
		if !strings.HasPrefix(line, "|") {
			inTable = false
			continue
		}
		if !inTable || strings.HasPrefix(line, "|---") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for j := range cells {
			cells[j] = strings.TrimSpace(cells[j])
		}
		if len(cells) != 7 {
			problems = append(problems, fmt.Sprintf("line %d: %d cells, want 7 (%s)", n, len(cells), keyTableHeader))
			continue
		}
		m := pathCell.FindStringSubmatch(cells[0])
		if m == nil {
			problems = append(problems, fmt.Sprintf("line %d: the first cell %q is not a key path in backquotes, e.g. `term.min_hours`", n, cells[0]))
			continue
		}
		keys = append(keys, docKey{line: n, kind: kind, path: m[1], cells: cells, row: line})
	}
	return keys, problems
}

// TestFormatDocMatchesModel keeps docs/format.md true: every key of both
// kinds of file is documented once, with the model's type and whether it is
// required, and with every allowed value; no documented key is missing from
// the model; every rule it names exists.
func TestFormatDocMatchesModel(t *testing.T) {
	data, err := os.ReadFile(formatDoc)
	if err != nil {
		t.Fatal(err)
	}
	rows, problems := parseFormatDoc(string(data))
	for _, p := range problems {
		t.Errorf("%s: %s", formatDoc, p)
	}
	for _, p := range checkFormatDoc(rows) {
		t.Error(p)
	}
}

// checkFormatDoc compares the documented keys with the model.
func checkFormatDoc(rows []docKey) []string {
	var problems []string
	documented := map[string]docKey{}
	for _, r := range rows {
		id := r.kind + " " + r.path
		if first, dup := documented[id]; dup {
			problems = append(problems, fmt.Sprintf("%s:%d: %s key `%s` is documented twice (first at line %d)", formatDoc, r.line, r.kind, r.path, first.line))
			continue
		}
		documented[id] = r
	}
	for _, kind := range []string{KindFramework, KindProgram} {
		model := map[string]bool{}
		for _, k := range Keys(kind) {
			model[k.Path] = true
			r, ok := documented[kind+" "+k.Path]
			if !ok {
				problems = append(problems, fmt.Sprintf("%s: %s key `%s` (model.go) is not documented; add a row to the %s file's table for `%s`",
					formatDoc, kind, k.Path, kind, parentPath(k.Path)))
				continue
			}
			problems = append(problems, checkDocRow(r, k)...)
		}
		for _, r := range rows {
			if r.kind == kind && !model[r.path] {
				problems = append(problems, fmt.Sprintf("%s:%d: %s key `%s` is documented but a %s file has no such key", formatDoc, r.line, kind, r.path, kind))
			}
		}
	}
	return problems
}

// parentPath names the mapping a key belongs to ("top level" for top keys).
func parentPath(path string) string {
	i := strings.LastIndex(path, ".")
	if i < 0 {
		return "top level"
	}
	return path[:i]
}

var ruleRef = regexp.MustCompile("\\[`([a-z-]+)`\\]\\(rules\\.md#([a-z-]+)\\)")

// checkDocRow compares one documented key with the model's.
func checkDocRow(r docKey, k Key) []string {
	var problems []string
	at := fmt.Sprintf("%s:%d: %s key `%s`", formatDoc, r.line, r.kind, r.path)
	if r.cells[1] != k.Type {
		problems = append(problems, fmt.Sprintf("%s: type is %q, the model says %q", at, r.cells[1], k.Type))
	}
	if (r.cells[2] == "yes") != k.Required {
		problems = append(problems, fmt.Sprintf("%s: required is %q, the model says required=%v", at, r.cells[2], k.Required))
	}
	for _, v := range k.Enum {
		if !strings.Contains(r.row, "`"+v+"`") {
			problems = append(problems, fmt.Sprintf("%s: the allowed value `%s` is not mentioned", at, v))
		}
	}
	for _, c := range r.cells[3:5] {
		if c == "" {
			problems = append(problems, fmt.Sprintf("%s: empty default or example (write — for none)", at))
		}
	}
	if r.cells[6] != "—" && ruleRef.ReplaceAllString(r.cells[6], "") != strings.Repeat(", ", strings.Count(r.cells[6], "](")-1) {
		problems = append(problems, fmt.Sprintf("%s: checked by %q: write links such as [`schema`](rules.md#schema), separated by commas, or —", at, r.cells[6]))
	}
	for _, m := range ruleRef.FindAllStringSubmatch(r.cells[6], -1) {
		if _, ok := ruleSeverity[m[1]]; !ok || m[1] != m[2] {
			problems = append(problems, fmt.Sprintf("%s: checked by names %q (anchor %q), which is not a rule", at, m[1], m[2]))
		}
	}
	return problems
}

// TestFormatDocCheckCatches proves the check fails where it should: a key
// left out, a key invented, a wrong type or requirement, an allowed value
// not mentioned, an unknown rule.
func TestFormatDocCheckCatches(t *testing.T) {
	data, err := os.ReadFile(formatDoc)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, c := range []struct{ name, old, new, want string }{
		{"missing", "| `term.min_hours` |", "| `term.minimum` |", "program key `term.min_hours` (model.go) is not documented; add a row to the program file's table for `term`"},
		{"invented", "| `term.min_hours` |", "| `term.minimum` |", "program key `term.minimum` is documented but a program file has no such key"},
		{"type", "| `ratio.apprentices` | number |", "| `ratio.apprentices` | text |", "program key `ratio.apprentices`: type is \"text\", the model says \"number\""},
		{"required", "| `sponsor.name` | text | yes |", "| `sponsor.name` | text | no |", "program key `sponsor.name`: required is \"no\""},
		{"enum", "`during-work`, `outside-work` or `both`", "during-work, outside-work or both", "the allowed value `during-work` is not mentioned"},
		{"rule", "[`wages`](rules.md#wages) |", "[`wage`](rules.md#wage) |", "checked by names \"wage\""},
		{"framework", "| `courses.objectives` |", "| `courses.goals` |", "framework key `courses.objectives` (model.go) is not documented"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(text, c.old) {
				t.Fatalf("docs/format.md no longer has %q; update this test", c.old)
			}
			rows, problems := parseFormatDoc(strings.Replace(text, c.old, c.new, 1))
			problems = append(problems, checkFormatDoc(rows)...)
			if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, c.want) }) {
				t.Errorf("no problem says %q; got:\n%s", c.want, strings.Join(problems, "\n"))
			}
		})
	}
}

// yamlBlocks returns the ```yaml blocks of a Markdown text with the line
// each starts on and the kind of file its section documents.
func yamlBlocks(text string) (blocks []struct {
	line       int
	kind, body string
}) {
	kind, start := "", 0
	var body []string
	for i, line := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(line, "## "):
			kind = kindSections[strings.TrimSpace(line)]
		case line == "```yaml":
			start, body = i+1, []string{}
		case line == "```" && body != nil:
			blocks = append(blocks, struct {
				line       int
				kind, body string
			}{start, kind, strings.Join(body, "\n")})
			body = nil
		case body != nil:
			body = append(body, line)
		}
	}
	return blocks
}

// TestFormatDocExamples checks the examples of the format reference: a
// complete framework validates without errors; every other example, read
// as part of a file of its section's kind, uses only keys and values of
// that kind (the required keys it leaves out are the only findings).
func TestFormatDocExamples(t *testing.T) {
	data, err := os.ReadFile(formatDoc)
	if err != nil {
		t.Fatal(err)
	}
	blocks := yamlBlocks(string(data))
	if len(blocks) < 10 {
		t.Fatalf("found only %d yaml examples in %s", len(blocks), formatDoc)
	}
	dir := t.TempDir()
	for _, b := range blocks {
		at := fmt.Sprintf("%s:%d", formatDoc, b.line)
		src := b.body
		if !strings.HasPrefix(src, "kind: ") {
			if b.kind == "" {
				t.Errorf("%s: an example outside the framework and program sections must start with kind:", at)
				continue
			}
			src = "kind: " + b.kind + "\n" + src
		}
		f := Parse("example.yaml", []byte(src))
		for _, finding := range f.Findings {
			if !strings.Contains(finding.Message, "missing the required key") {
				t.Errorf("%s: %s", at, finding)
			}
		}
		if strings.HasPrefix(b.body, "kind: "+KindFramework) {
			path := fmt.Sprintf("%s/example-%d.yaml", dir, b.line)
			if err := os.WriteFile(path, []byte(b.body), 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := NewLoader().Validate(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, finding := range res.Findings {
				t.Errorf("%s: the framework example: %s", at, finding)
			}
		}
	}
}
