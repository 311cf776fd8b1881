package cmd

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/skeleton"
	"github.com/wpsgen/wpsgen/templates/render"
)

// InitOptions are the flags of `wpsgen init`.
type InitOptions struct {
	IO             IO
	Framework      string
	Approach       string
	Specialization string
	ONET           string
	Output         string
	Force          bool
}

// NewInitCmd builds `wpsgen init`.
func NewInitCmd(streams IO) *cobra.Command {
	opts := &InitOptions{IO: streams}
	c := &cobra.Command{
		Use:   "init --framework ID|PATH",
		Short: "Write a program skeleton for a framework, or a framework skeleton",
		Long: `Write a program file for a framework, ready to edit: every job function and competency of the
framework with its text as a comment, core ones listed, optional ones commented out (uncomment
those the program includes), the hours keys the approach needs, and an empty value marked TODO
wherever a sponsor must write something. Until those are filled, 'wpsgen validate' reports
them, and nothing else.

--framework is a built-in framework id (see 'wpsgen frameworks') or a framework file. The
default approach is the one the framework's RAPIDS code stands for (CB: competency-based,
HY: hybrid), else the first the framework allows, else time-based. Specializations are listed
in a comment; --specialization includes one. The framework's O*NET-SOC code is shown with its
title; --onet sets the program's own code (a 2019 code: 'wpsgen occupations WORDS' looks one
up), which a framework with an out-of-date code needs. Without -o the skeleton goes to standard
output; an existing file is never overwritten without --force.

For an occupation that has no framework yet, 'wpsgen init framework' writes a framework to fill in
first.`,
		Example: `  wpsgen init --framework medical-coder -o program.yaml
  wpsgen init --framework ehr-specialist-mn --approach hybrid -o ehr.yaml
  wpsgen init --framework my.framework.yaml --specialization release-of-information -o roi.yaml`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runInit(opts) },
	}
	f := c.Flags()
	f.StringVar(&opts.Framework, "framework", "", "built-in framework id or framework file (required)")
	f.StringVar(&opts.Approach, "approach", "", "competency-based, time-based or hybrid (default: see above)")
	f.StringVar(&opts.Specialization, "specialization", "", "include this specialization of the framework")
	f.StringVar(&opts.ONET, "onet", "", "the program's O*NET-SOC 2019 code, NN-NNNN.NN (default: the framework's)")
	f.StringVarP(&opts.Output, "output", "o", "", "file to write (default: standard output)")
	f.BoolVar(&opts.Force, "force", false, "overwrite the output file if it exists")
	_ = c.MarkFlagRequired("framework")
	_ = c.RegisterFlagCompletionFunc("onet", CompleteONET)
	c.AddCommand(newInitFrameworkCmd(streams))
	_ = c.RegisterFlagCompletionFunc("framework", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return framework.NewLoader().CatalogIDs(), cobra.ShellCompDirectiveDefault
	})
	_ = c.RegisterFlagCompletionFunc("approach", cobra.FixedCompletions(
		[]string{framework.CompetencyBased, framework.TimeBased, framework.Hybrid}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func runInit(opts *InitOptions) error {
	if opts.ONET != "" {
		if err := skeleton.CheckONET(opts.ONET); err != nil {
			return usageError{fmt.Errorf("--onet: %w", err)}
		}
	}
	fw, err := loadInitFramework(opts)
	if err != nil {
		return err
	}
	ref, err := frameworkRef(opts.Framework, opts.Output)
	if err != nil {
		return err
	}
	data, err := skeleton.Program(fw, skeleton.Options{Ref: ref, Approach: opts.Approach, Specialization: opts.Specialization, ONET: opts.ONET})
	if err != nil {
		return usageError{err}
	}
	warnClimb(opts.IO.ErrOut, ref)
	if opts.Output == "" {
		if _, err := opts.IO.Out.Write(data); err != nil {
			return fatalError{err}
		}
		return nil
	}
	if err := writeNew(opts.Output, data, opts.Force); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "wrote %s: fill in the values marked TODO, then run 'wpsgen validate %s'\n", opts.Output, opts.Output)
	return nil
}

// newInitFrameworkCmd builds `wpsgen init framework`. A subcommand rather
// than a flag of init: "init framework" says what it writes, while
// "init --framework ID" keeps saying which framework a program is on.
func newInitFrameworkCmd(streams IO) *cobra.Command {
	var output, onetCode string
	var force bool
	c := &cobra.Command{
		Use:   "framework",
		Short: "Write a framework skeleton, for an occupation that has none",
		Long: `Write a framework file to fill in, for an occupation that is not among the built-in frameworks
(see 'wpsgen frameworks'): every key a framework can have, each with a comment. Required values
are left empty and marked TODO with an example; 'wpsgen validate' reports them, and nothing else,
until they are filled. Optional keys are commented out with an example value. One job function
with two competencies shows the shape: copy it for the others. --onet fills in the occupation's
O*NET-SOC 2019 code, with its title as a comment ('wpsgen occupations WORDS' looks one up).

Then write a program on it with 'wpsgen init --framework FILE'. Without -o the skeleton goes to
standard output; an existing file is never overwritten without --force.`,
		Example: `  wpsgen init framework --onet 29-2052.00 -o pharmacy-technician.framework.yaml
  wpsgen validate pharmacy-technician.framework.yaml
  wpsgen init --framework pharmacy-technician.framework.yaml -o program.yaml`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			data, err := skeleton.Framework(skeleton.FrameworkOptions{ONET: onetCode})
			if err != nil {
				return usageError{fmt.Errorf("--onet: %w", err)}
			}
			if output == "" {
				if _, err := streams.Out.Write(data); err != nil {
					return fatalError{err}
				}
				return nil
			}
			if err := writeNew(output, data, force); err != nil {
				return err
			}
			fmt.Fprintf(streams.ErrOut, "wrote %s: fill in the values marked TODO, then run 'wpsgen validate %s'\n", output, output)
			return nil
		},
	}
	c.Flags().StringVarP(&output, "output", "o", "", "file to write (default: standard output)")
	c.Flags().BoolVar(&force, "force", false, "overwrite the output file if it exists")
	c.Flags().StringVar(&onetCode, "onet", "", "the occupation's O*NET-SOC 2019 code, NN-NNNN.NN (default: left to fill in)")
	_ = c.RegisterFlagCompletionFunc("onet", CompleteONET)
	return c
}

// loadInitFramework resolves --framework: a catalog id, else a framework
// file. A file with errors is refused with its findings.
func loadInitFramework(opts *InitOptions) (*framework.Resolved, error) {
	l := newLoader()
	if slices.Contains(l.CatalogIDs(), opts.Framework) {
		return l.Catalog(opts.Framework)
	}
	if !isYAMLPath(opts.Framework) {
		return nil, usageError{fmt.Errorf("--framework %q is neither a built-in framework (%s) nor a .yaml file",
			opts.Framework, strings.Join(l.CatalogIDs(), ", "))}
	}
	f, err := l.Load(opts.Framework)
	if err != nil {
		return nil, err
	}
	if f.Kind != framework.KindFramework && !framework.HasErrors(f.Findings, false) {
		return nil, usageError{fmt.Errorf("%s is not a framework file (kind: %s)", opts.Framework, f.Kind)}
	}
	fw, findings := l.ResolveFramework(f)
	if fw == nil || framework.HasErrors(findings, false) {
		if err := printFindings(opts.IO.ErrOut, framework.SortFindings(findings)); err != nil {
			return nil, fatalError{err}
		}
		fmt.Fprintf(opts.IO.ErrOut, "wpsgen: %s has errors; fix them first\n", opts.Framework)
		return nil, findingsError{}
	}
	return fw, nil
}

func isYAMLPath(p string) bool { return strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml") }

// frameworkRef is how the program refers to its framework: the catalog id,
// or the framework file's path relative to the program's directory.
func frameworkRef(fwArg, output string) (string, error) {
	if !isYAMLPath(fwArg) {
		return fwArg, nil
	}
	dir := "."
	if output != "" {
		dir = filepath.Dir(output)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", fatalError{err}
	}
	absFW, err := filepath.Abs(fwArg)
	if err != nil {
		return "", fatalError{err}
	}
	rel, err := filepath.Rel(absDir, absFW)
	if err != nil {
		return "", usageError{fmt.Errorf("the program cannot refer to %s from %s: %v", fwArg, dir, err)}
	}
	return filepath.ToSlash(rel), nil
}

// warnClimb notes a framework path that leaves the program's directory:
// validation resolves it only inside the git repository that holds the
// program, or from a working directory that contains the framework.
func warnClimb(errOut io.Writer, ref string) {
	if ref == ".." || strings.HasPrefix(ref, "../") {
		fmt.Fprintf(errOut, "note: the program refers to its framework as %s; keep both in one git repository (or the framework beside or below the program)\n", ref)
	}
}

// writeNew writes data to path, refusing to replace an existing file
// unless force is set.
func writeNew(path string, data []byte, force bool) error {
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return fatalError{fmt.Errorf("%s exists; use --force to overwrite it", path)}
		}
	}
	// Atomic, as render writes: a failed write never leaves half a file,
	// and --force replaces the old file only once the new one is complete.
	err := render.WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return fatalError{err}
	}
	return nil
}
