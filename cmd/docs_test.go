package cmd

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/wpsgen/wpsgen/framework"
)

// The reference documentation in docs/ is generated from the code: the
// command tree (docs/cli, docs/man) and the rules with their failing
// examples (docs/rules.md). These tests fail when a copy is stale;
// go test ./cmd -update rewrites them.

func init() {
	// Another test file of the package may define -update already
	// (package variables initialize before init functions run).
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite generated documentation")
	}
}

// updating reports whether the tests run with -update.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// manDate is the date in the man pages' header: fixed, so they are
// reproducible.
var manDate = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// docsRoot returns the command tree as users get it, with the version flag
// and completion command cobra adds at run time.
func docsRoot() *cobra.Command {
	root := NewRootCmd(IO{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard})
	root.InitDefaultVersionFlag()
	root.InitDefaultCompletionCmd()
	root.DisableAutoGenTag = true
	escapeNames(root)
	return root
}

// tagLike is a name in angle brackets, as findings name standard input
// (<stdin>): Markdown, and the man pages made from it, take it for an HTML
// tag and drop it.
var tagLike = regexp.MustCompile(`<(\w+)>`)

// escapeNames escapes the names in angle brackets in the long help of c and
// its subcommands, so the generated reference shows them as help does.
func escapeNames(c *cobra.Command) {
	c.Long = tagLike.ReplaceAllString(c.Long, `\<$1\>`)
	for _, sub := range c.Commands() {
		escapeNames(sub)
	}
}

// TestCLIReference keeps docs/cli (Markdown) and docs/man (man pages) in
// step with the commands.
func TestCLIReference(t *testing.T) {
	gens := map[string]func(root *cobra.Command, dir string) error{
		"cli": doc.GenMarkdownTree,
		"man": func(root *cobra.Command, dir string) error {
			return doc.GenManTree(root, &doc.GenManHeader{Title: "WPSGEN", Section: "1", Date: &manDate, Source: "wpsgen", Manual: "wpsgen manual"}, dir)
		},
	}
	for sub, gen := range gens {
		t.Run(sub, func(t *testing.T) {
			tmp := t.TempDir()
			if err := gen(docsRoot(), tmp); err != nil {
				t.Fatal(err)
			}
			got := readDir(t, tmp)
			if len(got) < 6 {
				t.Fatalf("only %d files generated", len(got))
			}
			again := t.TempDir()
			if err := gen(docsRoot(), again); err != nil {
				t.Fatal(err)
			}
			if !mapsEqual(got, readDir(t, again)) {
				t.Fatal("the generated reference differs from one run to the next")
			}
			checkGeneratedDir(t, filepath.Join("..", "docs", sub), got)
		})
	}
}

// TestCLIReferenceNames: a name in angle brackets in the help (<stdin>)
// reaches the man pages, and the Markdown reference escapes it so it is
// shown, not taken for an HTML tag.
func TestCLIReferenceNames(t *testing.T) {
	root := NewRootCmd(IO{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard})
	found := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		base := strings.ReplaceAll(c.CommandPath(), " ", "-")
		for _, name := range tagLike.FindAllString(c.Long, -1) {
			found++
			if man := string(mustRead(t, filepath.Join("..", "docs", "man", base+".1"))); !strings.Contains(man, name) {
				t.Errorf("docs/man/%s.1 lacks %s", base, name)
			}
			md := string(mustRead(t, filepath.Join("..", "docs", "cli", strings.ReplaceAll(base, "-", "_")+".md")))
			if esc := `\<` + name[1:len(name)-1] + `\>`; !strings.Contains(md, esc) {
				t.Errorf("docs/cli/%s.md lacks %s", strings.ReplaceAll(base, "-", "_"), esc)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if found < 2 {
		t.Errorf("%d names in angle brackets in the help; validate and render name <stdin>", found)
	}
}

// readDir returns the files of dir by name.
func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if !e.IsDir() {
			files[e.Name()] = mustRead(t, filepath.Join(dir, e.Name()))
		}
	}
	return files
}

func mapsEqual(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// checkGenerated checks that the file at path holds data, or with -update
// writes it.
func checkGenerated(t *testing.T, path string, data []byte) {
	t.Helper()
	if updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(path)
	switch {
	case err != nil:
		t.Errorf("%v: run go test ./cmd -update", err)
	case !bytes.Equal(old, data):
		t.Errorf("%s is stale: run go test ./cmd -update", path)
	}
}

// checkGeneratedDir checks that dir holds exactly the files of want, or
// with -update makes it so.
func checkGeneratedDir(t *testing.T, dir string, want map[string][]byte) {
	t.Helper()
	for name, data := range want {
		checkGenerated(t, filepath.Join(dir, name), data)
	}
	for name := range readDir(t, dir) {
		if _, ok := want[name]; ok {
			continue
		}
		if !updating() {
			t.Errorf("%s documents nothing that exists: run go test ./cmd -update", filepath.Join(dir, name))
		} else if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
}

// ruleExample is a failing example of a rule: a case of
// framework/testdata/err and what wpsgen validate prints for it, run from
// the framework directory.
type ruleExample struct {
	path   string // relative to framework/
	source string
	output string
}

// errCases validates every case of framework/testdata/err, from the
// framework directory (as its golden test does, so paths in findings and
// messages read the same), and checks the output against the case's .out.
func errCases(t *testing.T) []ruleExample {
	t.Helper()
	paths, err := filepath.Glob("testdata/err/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases in framework/testdata/err (%v)", err)
	}
	var cases []ruleExample
	for _, path := range paths {
		res, err := newLoader().Validate(path)
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		for _, f := range res.Findings {
			out.WriteString(f.String() + "\n")
		}
		golden := strings.TrimSuffix(path, ".yaml") + ".out"
		if want, err := os.ReadFile(golden); err == nil && string(want) != out.String() {
			t.Errorf("%s: wpsgen validate prints\n%s\nbut %s says\n%s", path, out.String(), golden, want)
		}
		cases = append(cases, ruleExample{path, string(mustRead(t, path)), out.String()})
	}
	return append(cases, tableCases(t)...)
}

// tableCases runs `wpsgen import --framework` on each table case of
// framework/testdata/err (the import rule's examples): its output is what
// the command prints, and its finding lines must be the case's .out.
func tableCases(t *testing.T) []ruleExample {
	t.Helper()
	paths, _ := filepath.Glob("testdata/err/*.csv")
	var cases []ruleExample
	for _, path := range paths {
		r := runMain(t, "import", "--framework", path)
		if r.code != ExitFindings || r.out != "" {
			t.Errorf("wpsgen import --framework %s: exit %d, stdout %q; want exit 1 and nothing written", path, r.code, r.out)
		}
		var findings strings.Builder
		for _, line := range strings.SplitAfter(r.errOut, "\n") {
			if strings.HasSuffix(line, "]\n") {
				findings.WriteString(line)
			}
		}
		golden := strings.TrimSuffix(path, ".csv") + ".out"
		if want := string(mustRead(t, golden)); findings.String() != want {
			t.Errorf("%s: wpsgen import prints\n%s\nbut %s says\n%s", path, r.errOut, golden, want)
		}
		cases = append(cases, ruleExample{path, string(mustRead(t, path)), r.errOut})
	}
	return cases
}

// examplesOf returns the cases whose output has a finding of rule, the
// best first: the case named after the rule, then cases whose name starts
// with it, then the others, each group by name.
func examplesOf(rule framework.Rule, cases []ruleExample) []ruleExample {
	tag := ": " + rule.Severity.String() + ": "
	rank := func(c ruleExample) int {
		name := strings.TrimSuffix(filepath.Base(c.path), filepath.Ext(c.path))
		switch {
		case name == rule.ID:
			return 0
		case strings.HasPrefix(name, rule.ID+"-"):
			return 1
		}
		return 2
	}
	var out []ruleExample
	for _, c := range cases {
		for _, line := range strings.Split(c.output, "\n") {
			if strings.HasSuffix(line, "["+rule.ID+"]") && strings.Contains(line, tag) {
				out = append(out, c)
				break
			}
		}
	}
	slices.SortStableFunc(out, func(a, b ruleExample) int { return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.path, b.path)) })
	return out
}

// rulesDoc writes docs/rules.md: every rule of framework.Rules with what it
// checks, why, and its best failing example with the exact output.
func rulesDoc(cases []ruleExample) []byte {
	var b bytes.Buffer
	b.WriteString(`# Validation rules

<!-- Generated by "go test ./cmd -update" from framework.Rules and framework/testdata/err. Do not edit. -->

` + "`wpsgen validate`" + ` reports each problem as a finding: the file, line and column of the key or value to fix, a
severity, a message, and the id of one of the rules below. Rule ids are stable: grep for them, or
name them in CI. Errors make validation fail (exit 1) and stop ` + "`wpsgen render`" + `; warnings do not, unless
` + "`--strict`" + ` is given. See [ci.md](ci.md) for the output formats CI systems read.

Each example is a file of [framework/testdata/err](../framework/testdata/err) (programs there use the
small frameworks of [framework/testdata/fw](../framework/testdata/fw)); the output is what
` + "`wpsgen validate`" + ` (for a table, ` + "`wpsgen import --framework`" + `) prints for it, run in the ` + "`framework`" + ` directory. Tests rerun every example, so
the output shown is the output you get.

| rule | severity | fires when |
|---|---|---|
`)
	for _, r := range framework.Rules {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, r.ID, r.Severity, strings.ReplaceAll(r.Summary, "|", `\|`))
	}
	for _, sev := range []framework.Severity{framework.Error, framework.Warning} {
		title := map[framework.Severity]string{framework.Error: "Errors", framework.Warning: "Warnings"}[sev]
		fmt.Fprintf(&b, "\n## %s\n", title)
		for _, r := range framework.Rules {
			if r.Severity == sev {
				writeRule(&b, r, examplesOf(r, cases))
			}
		}
	}
	return b.Bytes()
}

func writeRule(b *bytes.Buffer, r framework.Rule, examples []ruleExample) {
	fmt.Fprintf(b, "\n### `%s`\n\n", r.ID)
	fmt.Fprintf(b, "- Severity: %s\n", r.Severity)
	fmt.Fprintf(b, "- Fires when: %s\n", r.Summary)
	fmt.Fprintf(b, "- Why: %s\n", r.Why)
	var checks []string
	if r.Reader {
		checks = append(checks, "every file as it is read")
	}
	if kinds := r.Kinds(); len(kinds) > 0 {
		checks = append(checks, strings.Join(kinds, " and ")+" files")
	}
	if r.ID == framework.RuleImport {
		checks = append(checks, "the tables and workbooks `wpsgen import` reads")
	}
	fmt.Fprintf(b, "- Checks: %s\n", strings.Join(checks, ", and "))
	if len(examples) == 0 {
		b.WriteString("\nNo failing example yet.\n")
		return
	}
	ex := examples[0]
	fmt.Fprintf(b, "\nExample: [`framework/%s`](../framework/%s)\n\n", ex.path, ex.path)
	lang, command := "yaml", "validate"
	if filepath.Ext(ex.path) == ".csv" {
		lang, command = "csv", "import --framework"
	}
	fmt.Fprintf(b, "```%s\n%s```\n\n", lang, ensureNewline(ex.source))
	fmt.Fprintf(b, "```console\n$ wpsgen %s %s\n%s```\n", command, ex.path, ex.output)
	if len(examples) > 1 {
		var more []string
		for _, e := range examples[1:] {
			more = append(more, fmt.Sprintf("[`%s`](../framework/%s)", filepath.Base(e.path), e.path))
		}
		fmt.Fprintf(b, "\nMore examples: %s.\n", strings.Join(more, ", "))
	}
}

func ensureNewline(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

// TestRulesDoc keeps docs/rules.md true: it reruns every example through
// validation and regenerates the document from framework.Rules.
func TestRulesDoc(t *testing.T) {
	t.Chdir("../framework")
	cases := errCases(t)
	got := rulesDoc(cases)
	for _, r := range framework.Rules {
		if !bytes.Contains(got, []byte("\n### `"+r.ID+"`\n")) {
			t.Errorf("rule %s is not documented", r.ID)
		}
		if len(examplesOf(r, cases)) == 0 {
			t.Errorf("rule %s has no failing example in framework/testdata/err", r.ID)
		}
	}
	checkGenerated(t, "../docs/rules.md", got)
}

// TestReadmeRules: the README's list of rules names every rule, under its
// severity, so a rule added to framework.Rules cannot be missing there.
func TestReadmeRules(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for sev, start := range map[framework.Severity]string{framework.Error: "Errors (exit 1):", framework.Warning: "Warnings (exit 0"} {
		i := strings.Index(readme, start)
		if i < 0 {
			t.Fatalf("README.md has no line starting %q", start)
		}
		para, _, _ := strings.Cut(readme[i:], "\n\n")
		var want []string
		for _, r := range framework.Rules {
			if r.Severity == sev {
				want = append(want, "`"+r.ID+"`")
			}
		}
		got := regexp.MustCompile("`[a-z][a-z-]*`").FindAllString(para, -1)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("README.md's %q list names\n%v\nwant, in the order of docs/rules.md:\n%v", start, got, want)
		}
	}
}
