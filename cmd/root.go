// Package cmd is wpsgen's command line: one file per command, each an
// options struct, a constructor and a run function. Errors become exit codes
// in one place, Main.
package cmd

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/report"
)

// Exit codes (CLI.md).
const (
	ExitOK       = 0
	ExitFindings = 1 // the input has errors; nothing was written
	ExitUsage    = 2 // unknown flag, missing argument
	ExitFatal    = 3 // a file could not be read or written
)

// version is set at build time with -ldflags "-X github.com/wpsgen/wpsgen/cmd.version=v1.2.3";
// otherwise it comes from the module's build info.
var version = ""

// Version returns the program version.
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// IO is where a command reads and writes.
type IO struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// findingsError means the input had findings that fail the run (exit 1);
// they have been printed already.
type findingsError struct{}

func (findingsError) Error() string { return "the input has errors" }

// usageError is a command line mistake (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// fatalError is a file that could not be read or written (exit 3).
type fatalError struct{ err error }

func (e fatalError) Error() string { return e.err.Error() }
func (e fatalError) Unwrap() error { return e.err }

// NewRootCmd builds the command tree.
func NewRootCmd(streams IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "wpsgen",
		Short: "Validate apprenticeship frameworks and programs; render Work Process Schedules and RTI plans",
		Long: `wpsgen checks US Registered Apprenticeship frameworks and programs written in YAML and
renders the filled Work Process Schedule and Related Technical Instruction plan as PDF and XLSX.`,
		Example: `  wpsgen validate examples/
  wpsgen render examples/medical-coder-cb.yaml -o out
  wpsgen init --framework medical-coder -o program.yaml
  wpsgen frameworks`,
		Version:       Version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(streams.In)
	root.SetOut(streams.Out)
	root.SetErr(streams.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		NewValidateCmd(streams),
		NewRenderCmd(streams),
		NewFrameworksCmd(streams),
		NewInitCmd(streams), NewSchemaCmd(streams),
	)
	return root
}

// Main runs wpsgen with args and returns the exit code. It is the one place
// where errors become exit codes, and it never lets a panic reach the user.
func Main(args []string, in io.Reader, out, errOut io.Writer) (code int) {
	streams := IO{In: in, Out: out, ErrOut: errOut}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(errOut, "wpsgen: internal error: %v\nPlease report this with the input that caused it.\n", r)
			code = ExitFatal
		}
	}()
	root := NewRootCmd(streams)
	root.SetArgs(args)
	err := root.Execute()
	return exitCode(err, errOut)
}

func exitCode(err error, errOut io.Writer) int {
	if err == nil {
		return ExitOK
	}
	var fe findingsError
	var re *framework.ReadError
	var fatal fatalError
	var usage usageError
	switch {
	case errors.As(err, &fe):
		return ExitFindings
	case errors.As(err, &re), errors.As(err, &fatal):
		fmt.Fprintf(errOut, "wpsgen: %v\n", err)
		return ExitFatal
	case errors.As(err, &usage):
		fmt.Fprintf(errOut, "wpsgen: %v\nRun 'wpsgen --help' for usage.\n", err)
		return ExitUsage
	}
	// Cobra's own errors (unknown command, wrong number of arguments) are usage errors.
	fmt.Fprintf(errOut, "wpsgen: %v\nRun 'wpsgen --help' for usage.\n", err)
	return ExitUsage
}

// minArgs wraps cobra's argument count check as a usage error.
func minArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.MinimumNArgs(n)(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// exactArgs wraps cobra's argument count check as a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// printFindings writes findings in the text format, for the commands that
// validate before they write (render, init).
func printFindings(w io.Writer, fs []framework.Finding) error {
	return report.Write(w, "text", fs, report.Options{Version: Version()})
}
