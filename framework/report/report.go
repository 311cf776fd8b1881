// Package report writes validation findings in the formats `wpsgen validate
// --format` offers: text for people, json for scripts, github for workflow
// annotations and sarif for code scanning. Each format is a Formatter in one
// registry, so a new format is one file and one Register call.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
)

// RuleRead is the rule id of a path that could not be read at all (missing,
// not a regular file, no permission). It is not a validation rule of the
// framework: the command line reports it so that one unreadable path does
// not hide the findings of the others.
const RuleRead = "read"

// ReadRule describes RuleRead for formats that list rule metadata.
var ReadRule = framework.Rule{
	ID:       RuleRead,
	Severity: framework.Error,
	Summary:  "a path given on the command line cannot be read (missing, not a regular file, no permission)",
	Why:      "A file that cannot be read cannot be checked; the other files are still checked and reported.",
}

// Options are what a format may need besides the findings.
type Options struct {
	// Version of wpsgen, recorded by formats that name their tool (sarif).
	Version string
	// Omitted counts, per file name, the findings left out because the file
	// reached the per-file cap; formats say "... and N more findings in FILE".
	Omitted map[string]int
	// Rules is the rule table formats describe (sarif); nil means
	// framework.Rules plus ReadRule.
	Rules []framework.Rule
}

func (o Options) rules() []framework.Rule {
	if o.Rules != nil {
		return o.Rules
	}
	return append(append([]framework.Rule(nil), framework.Rules...), ReadRule)
}

// omitted lists the files with omitted findings, sorted, so every format
// prints them in the same order on every run.
func (o Options) omitted() []string {
	var files []string
	for f, n := range o.Omitted {
		if n > 0 {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	return files
}

// omittedLine is the closing line of a file whose findings were capped.
func omittedLine(file string, n int) string {
	noun := "findings"
	if n == 1 {
		noun = "finding"
	}
	return fmt.Sprintf("... and %d more %s in %s", n, noun, file)
}

// Formatter writes findings, already sorted, in one output format.
type Formatter interface {
	Write(w io.Writer, findings []framework.Finding, opts Options) error
}

// FormatterFunc adapts a function to Formatter.
type FormatterFunc func(w io.Writer, findings []framework.Finding, opts Options) error

// Write calls f.
func (f FormatterFunc) Write(w io.Writer, findings []framework.Finding, opts Options) error {
	return f(w, findings, opts)
}

var (
	registry = map[string]Formatter{}
	names    []string
)

// Register adds a format under name. Registering a name twice is a
// programming error.
func Register(name string, f Formatter) {
	if _, dup := registry[name]; dup {
		panic("report: format " + name + " registered twice")
	}
	registry[name] = f
	names = append(names, name)
}

func init() {
	Register("text", FormatterFunc(writeText))
	Register("json", FormatterFunc(writeJSON))
	Register("github", FormatterFunc(writeGitHub))
	Register("sarif", FormatterFunc(writeSARIF))
}

// Names lists the registered formats, the default (text) first.
func Names() []string { return append([]string(nil), names...) }

// Lookup returns the format called name, or an error naming the formats.
func Lookup(name string) (Formatter, error) {
	if f, ok := registry[name]; ok {
		return f, nil
	}
	return nil, fmt.Errorf("unknown format %q; use one of %s", name, strings.Join(names, ", "))
}

// Write writes findings in the format called name ("" is text).
func Write(w io.Writer, name string, findings []framework.Finding, opts Options) error {
	if name == "" {
		name = "text"
	}
	f, err := Lookup(name)
	if err != nil {
		return err
	}
	return f.Write(w, findings, opts)
}

// cellMessage is a finding's message, led by its workbook cell (Sheet!C12)
// when it has one, for formats whose positions are a line and a column
// only: the line alone would not say which sheet.
func cellMessage(f framework.Finding) string {
	if f.Pos.Sheet != "" && !f.Pos.IsZero() {
		return f.Pos.Cell() + ": " + f.Message
	}
	return f.Message
}
