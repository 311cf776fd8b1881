package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/report"
)

// stdinName is how findings name a program read from standard input.
const stdinName = "<stdin>"

// ValidateOptions are the flags and arguments of `wpsgen validate`.
type ValidateOptions struct {
	F      *Factory
	Paths  []string
	Format string
	Strict bool
}

// NewValidateCmd builds `wpsgen validate`.
func NewValidateCmd(f *Factory) *cobra.Command {
	opts := &ValidateOptions{F: f}
	c := &cobra.Command{
		Use:   "validate PATH...",
		Short: "Check framework and program files",
		Long: `Check framework and program files (the kind comes from each file's kind: key). A directory
is walked for *.yaml and *.yml files. A program is checked together with its framework.
The path - reads one file from standard input; its findings name it <stdin>, and a relative
framework: path in it is read from the working directory.
Findings go to standard output, one per line, sorted by file, line and column. A path that
cannot be read is reported among them (rule read) and the other paths are still checked.
In the text format on a terminal, a summary line ends the run on standard error.

Exit status: 0 no errors (warnings allowed unless --strict), 1 errors found,
2 usage error, 3 a file could not be read (and no other file had errors).`,
		Example: `  wpsgen validate examples/
  wpsgen validate --strict program.yaml
  cat program.yaml | wpsgen validate -
  wpsgen validate --format github apprenticeship/     # annotations in GitHub Actions
  wpsgen validate --format sarif apprenticeship/ > wpsgen.sarif  # code scanning`,
		Args: pathArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Paths = args
			return runValidate(opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "text", "output format: "+strings.Join(report.Names(), ", "))
	c.Flags().BoolVar(&opts.Strict, "strict", false, "treat warnings as errors (exit 1)")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(report.Names(), cobra.ShellCompDirectiveNoFileComp))
	return c
}

func runValidate(opts *ValidateOptions) error {
	f := opts.F
	if !slices.Contains(report.Names(), opts.Format) {
		return usageError{fmt.Errorf("unknown --format %q; use one of %s", opts.Format, strings.Join(report.Names(), ", "))}
	}
	if err := stdinOnce(opts.Paths); err != nil {
		return usageError{err}
	}
	var paths []string
	seen := map[string]bool{}
	var unreadable []framework.Finding
	stdin := false
	for _, p := range opts.Paths {
		if p == "-" {
			stdin = true
			continue
		}
		// A path or a walked folder that cannot be read does not hide the others.
		expanded, err := framework.ExpandPaths([]string{p})
		for _, re := range framework.ReadErrors(err) {
			fd, _ := readFinding(re)
			unreadable = append(unreadable, fd)
		}
		for _, e := range expanded {
			if !seen[e] {
				seen[e] = true
				paths = append(paths, e)
			}
		}
	}
	if len(paths) == 0 && !stdin && len(unreadable) == 0 {
		return usageError{fmt.Errorf("no *.yaml or *.yml files in %s", strings.Join(opts.Paths, ", "))}
	}
	l := f.NewLoader()
	l.FindingsOnly = true // nothing is drawn: each program is let go once checked
	results, errs := l.ValidateAll(paths, 0)
	if stdin {
		res, err := validateStdin(l, f.IO.In)
		results = append(results, res)
		if err != nil {
			errs = append(errs, err)
		}
	}
	var all []framework.Finding
	checked := map[string]bool{}
	omitted := map[string]int{}
	for _, r := range results {
		if r != nil {
			checked[r.Path] = true
			all = append(all, r.Findings...)
			if r.Omitted > 0 {
				omitted[r.Path] = r.Omitted
			}
		}
	}
	var internal []error
	for _, err := range errs {
		if fd, ok := readFinding(err); ok {
			unreadable = append(unreadable, fd)
		} else {
			internal = append(internal, err)
		}
	}
	for _, fd := range unreadable {
		checked[fd.Pos.File] = true
	}
	all = framework.SortFindings(append(all, unreadable...))
	if err := report.Write(f.IO.Out, opts.Format, all, report.Options{Version: f.Version(), Omitted: omitted}); err != nil {
		return fatalError{err}
	}
	if opts.Format == "text" && f.IsTerminal(f.IO.ErrOut) {
		fmt.Fprintln(f.IO.ErrOut, summary(all, checked))
	}
	if len(internal) > 0 {
		return fatalError{errors.Join(internal...)}
	}
	others := slices.DeleteFunc(slices.Clone(all), func(fd framework.Finding) bool { return fd.Rule == report.RuleRead })
	if framework.HasErrors(others, opts.Strict) {
		if opts.Strict && !framework.HasErrors(others, false) {
			fmt.Fprintln(f.IO.ErrOut, "wpsgen: "+failureHint(others, true))
		}
		return findingsError{}
	}
	if len(unreadable) > 0 {
		return findingsFatal{}
	}
	return nil
}

// findingsFatal means a path could not be read; its finding has been
// printed with the others (exit 3).
type findingsFatal struct{}

func (findingsFatal) Error() string { return "a path could not be read" }

// readFinding turns a path that could not be read into a finding, so it is
// reported in the chosen format with the others.
func readFinding(err error) (framework.Finding, bool) {
	var re *framework.ReadError
	if !errors.As(err, &re) {
		return framework.Finding{}, false
	}
	msg := strings.TrimPrefix(re.Error(), re.Path+": ")
	return framework.Finding{Pos: framework.Pos{File: re.Path}, Severity: framework.Error, Rule: report.RuleRead, Message: msg}, true
}

// stdinOnce refuses - given more than once: standard input can be read
// once.
func stdinOnce(paths []string) error {
	if countOf(paths, "-") > 1 {
		return errors.New("- (standard input) can be given once")
	}
	return nil
}

// validateStdin validates standard input as one file named <stdin>.
func validateStdin(l *framework.Loader, in io.Reader) (*framework.Result, error) {
	return validateStdinCtx(context.Background(), l, in)
}

// validateStdinCtx is validateStdin that stops waiting for input when ctx
// is done. render catches Ctrl-C (to take back what it began to write), so
// a read still waiting on a terminal would ignore it until end of input;
// the reading goroutine is left to the process's exit.
func validateStdinCtx(ctx context.Context, l *framework.Loader, in io.Reader) (*framework.Result, error) {
	type read struct {
		data []byte
		err  error
	}
	done := make(chan read, 1)
	go func() {
		data, err := io.ReadAll(io.LimitReader(in, framework.MaxFileSize+1))
		done <- read{data, err}
	}()
	var r read
	select {
	case r = <-done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if r.err != nil {
		return nil, &framework.ReadError{Path: stdinName, Err: r.err}
	}
	return l.ValidateSource(stdinName, r.data)
}

// summary is the closing line for a person at a terminal: how many files
// were checked and how many had findings.
func summary(fs []framework.Finding, checked map[string]bool) string {
	var errs, warns int
	bad := map[string]bool{}
	for _, f := range fs {
		bad[f.Pos.File] = true
		checked[f.Pos.File] = true
		if f.Severity == framework.Error {
			errs++
		} else {
			warns++
		}
	}
	total := plural(len(checked), "file")
	if len(fs) == 0 {
		return total + " checked: no problems"
	}
	var parts []string
	if errs > 0 {
		parts = append(parts, plural(errs, "error"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning"))
	}
	where := fmt.Sprintf("in %d of %s", len(bad), total)
	if len(bad) == len(checked) && len(bad) == 1 {
		where = "in 1 file"
	}
	return strings.Join(parts, ", ") + " " + where
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func countOf(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}
