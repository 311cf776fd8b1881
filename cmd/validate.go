package cmd

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wpsgen/wpsgen/framework"
)

// ValidateOptions are the flags and arguments of `wpsgen validate`.
type ValidateOptions struct {
	IO     IO
	Paths  []string
	Format string
	Strict bool
}

// NewValidateCmd builds `wpsgen validate`.
func NewValidateCmd(streams IO) *cobra.Command {
	opts := &ValidateOptions{IO: streams}
	c := &cobra.Command{
		Use:   "validate PATH...",
		Short: "Check framework and program files",
		Long: `Check framework and program files (the kind comes from each file's kind: key). A directory
is walked for *.yaml and *.yml files. A program is checked together with its framework.
Findings go to standard output, one per line, sorted by file, line and column.

Exit status: 0 no errors (warnings allowed unless --strict), 1 errors found,
2 usage error, 3 a file could not be read.`,
		Example: `  wpsgen validate examples/
  wpsgen validate --strict program.yaml
  wpsgen validate --format github frameworks/     # annotations in GitHub Actions
  wpsgen validate --format sarif . > wpsgen.sarif  # code scanning`,
		Args: minArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Paths = args
			return runValidate(opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "text", "output format: "+strings.Join(framework.Formats, ", "))
	c.Flags().BoolVar(&opts.Strict, "strict", false, "treat warnings as errors (exit 1)")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(framework.Formats, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func runValidate(opts *ValidateOptions) error {
	if !slices.Contains(framework.Formats, opts.Format) {
		return usageError{fmt.Errorf("unknown --format %q; use one of %s", opts.Format, strings.Join(framework.Formats, ", "))}
	}
	paths, err := framework.ExpandPaths(opts.Paths)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usageError{fmt.Errorf("no *.yaml or *.yml files in %s", strings.Join(opts.Paths, ", "))}
	}
	results, readErrs := newLoader().ValidateAll(paths, 0)
	var all []framework.Finding
	for _, r := range results {
		if r != nil {
			all = append(all, r.Findings...)
		}
	}
	all = framework.SortFindings(all)
	if err := framework.WriteFindings(opts.IO.Out, opts.Format, all, Version()); err != nil {
		return fatalError{err}
	}
	if len(readErrs) > 0 {
		return fatalError{errors.Join(readErrs...)}
	}
	if framework.HasErrors(all, opts.Strict) {
		return findingsError{}
	}
	return nil
}
