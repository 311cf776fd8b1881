// Package cmd is wpsgen's command line: one file per command, each an
// options struct, a constructor and a run function. Errors become exit codes
// in one place, Main.
package cmd

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/report"
)

// Exit codes, as the README and docs/ci.md give them.
const (
	ExitOK       = 0
	ExitFindings = 1 // the input has errors; nothing was written
	ExitUsage    = 2 // unknown flag, missing argument
	ExitFatal    = 3 // a file could not be read or written
)

// version is set at build time with -ldflags "-X github.com/wpsgen/wpsgen/cmd.version=v1.2.3";
// otherwise it comes from the module's build info.
var version = ""

// Version returns the program version: the release version when built
// with one, else what the build recorded of the checkout it came from.
func Version() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	return versionOf(bi)
}

// versionOf picks a version from build information: a module version (go
// install m@v1.2.3), else the commit a clone was built from
// ("dev-1b782d7f8b1e+dirty (2026-11-30T09:12:44Z)"), else "dev".
func versionOf(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "(devel)" {
		v = ""
	}
	// A pseudo-version (v0.0.0-2026...-1b782d7f8b1e) of a local build says
	// less than the commit, its time and whether it was edited.
	if v != "" && !strings.HasPrefix(v, "v0.0.0-") {
		return v
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	rev := settings["vcs.revision"]
	if rev == "" {
		if v != "" {
			return v
		}
		return "dev"
	}
	out := "dev-" + rev[:min(12, len(rev))]
	if settings["vcs.modified"] == "true" {
		out += "+dirty"
	}
	if t := settings["vcs.time"]; t != "" {
		out += " (" + t + ")"
	}
	return out
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

// fatalError means the command could not do its work: a file could not be
// read or written, or a failure that is neither the input's nor the command
// line's (exit 3).
type fatalError struct{ err error }

func (e fatalError) Error() string { return e.err.Error() }
func (e fatalError) Unwrap() error { return e.err }

// NewRootCmd builds the command tree on streams with the real
// dependencies.
func NewRootCmd(streams IO) *cobra.Command { return NewRootCmdWith(NewFactory(streams)) }

// NewRootCmdWith builds the command tree with f's dependencies.
func NewRootCmdWith(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "wpsgen",
		Short: "Validate apprenticeship frameworks and programs; render Work Process Schedules and RTI plans",
		Long: `wpsgen checks US Registered Apprenticeship frameworks and programs written in YAML and
renders the filled Work Process Schedule and Related Technical Instruction plan as PDF and XLSX.`,
		Example: `  wpsgen validate examples/
  wpsgen render examples/medical-coder-cb.yaml -o out
  wpsgen init --framework medical-coder -o program.yaml
  wpsgen frameworks`,
		Version:       f.Version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// A string flag given as "" (-o '') is a mistake, never "use the default".
		PersistentPreRunE: func(c *cobra.Command, _ []string) error { return emptyFlags(c) },
	}
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		NewValidateCmd(f),
		NewRenderCmd(f.IO),
		NewFrameworksCmd(f),
		NewInitCmd(f.IO), NewSchemaCmd(f), NewOccupationsCmd(f.IO),
		NewImportCmd(f),
	)
	strictCompletion(root)
	fatalRunErrors(root)
	return root
}

// Main runs wpsgen with args and returns the exit code.
func Main(args []string, in io.Reader, out, errOut io.Writer) int {
	return Run(NewFactory(IO{In: in, Out: out, ErrOut: errOut}), args)
}

// Run runs wpsgen with f's dependencies. It is the one place where errors
// become exit codes, and it never lets a panic reach the user as Go text.
func Run(f *Factory, args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			code = internalError(f.IO.ErrOut, r)
		}
	}()
	root := NewRootCmdWith(f)
	root.SetArgs(args)
	c, err := root.ExecuteC()
	help := root.Name() + " --help"
	if c != nil && c != root {
		help = c.CommandPath() + " --help"
	}
	return exitCode(err, f.IO.ErrOut, help)
}

// internalError reports a bug as one line (no goroutine dump: the user
// cannot act on it) and exits 3.
func internalError(errOut io.Writer, r any) int {
	fmt.Fprintf(errOut, "wpsgen: internal error: %s; please report it with the input that caused it\n",
		report.OneLine(fmt.Sprint(r)))
	return ExitFatal
}

// exitCode maps an error to an exit code and prints it. Errors of a
// command's own run are typed (findings, usage, fatal) by fatalRunErrors;
// an untyped error here comes from cobra's parsing (unknown command, wrong
// argument count), a usage mistake.
func exitCode(err error, errOut io.Writer, help string) int {
	if err == nil {
		return ExitOK
	}
	var fe findingsError
	var ff findingsFatal
	var re *framework.ReadError
	var fatal fatalError
	var usage usageError
	switch {
	case errors.As(err, &fe):
		return ExitFindings
	case errors.As(err, &ff):
		return ExitFatal
	case errors.As(err, &usage):
		fmt.Fprintf(errOut, "wpsgen: %v\nRun '%s' for usage.\n", err, help)
		return ExitUsage
	case errors.As(err, &re), errors.As(err, &fatal):
		for _, e := range joined(err) {
			fmt.Fprintf(errOut, "wpsgen: %v\n", e)
		}
		return ExitFatal
	}
	fmt.Fprintf(errOut, "wpsgen: %v\nRun '%s' for usage.\n", err, help)
	return ExitUsage
}

// joined lists the errors err joins (several files that could not be
// read), each a line of its own that starts with wpsgen:, or err alone.
func joined(err error) []error {
	var fatal fatalError
	if errors.As(err, &fatal) {
		err = fatal.err
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// fatalRunErrors makes every command's untyped run error fatal (exit 3): a
// command that fails for a reason that is neither the input's findings nor
// a usage mistake could not do its work (a write failed, a bug).
func fatalRunErrors(c *cobra.Command) {
	if run := c.RunE; run != nil {
		c.RunE = func(c *cobra.Command, args []string) error {
			err := run(c, args)
			if err != nil && !typed(err) {
				return fatalError{err}
			}
			return err
		}
	}
	for _, sub := range c.Commands() {
		fatalRunErrors(sub)
	}
}

// typed reports whether err already says which exit code it means.
func typed(err error) bool {
	var fe findingsError
	var ff findingsFatal
	var usage usageError
	var fatal fatalError
	var re *framework.ReadError
	return errors.As(err, &fe) || errors.As(err, &ff) || errors.As(err, &usage) || errors.As(err, &fatal) || errors.As(err, &re)
}

// strictCompletion makes `wpsgen completion SHELL` with an unknown shell a
// usage error: cobra's completion command has no run of its own, so it
// would print its help and exit 0.
func strictCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Use = "completion SHELL"
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return c.Help()
			}
			var shells []string
			for _, s := range c.Commands() {
				shells = append(shells, s.Name())
			}
			return usageError{fmt.Errorf("unknown shell %q for completion; use one of %s", args[0], strings.Join(shells, ", "))}
		}
	}
}

// emptyFlags refuses a string flag given with an empty value.
func emptyFlags(c *cobra.Command) error {
	var err error
	c.Flags().Visit(func(fl *pflag.Flag) {
		if err == nil && fl.Value.Type() == "string" && fl.Value.String() == "" {
			name := "--" + fl.Name
			if fl.Shorthand != "" {
				name = "-" + fl.Shorthand + "/" + name
			}
			err = usageError{fmt.Errorf("%s needs a value, not an empty string", name)}
		}
	})
	return err
}

// failureHint says why a run with findings failed: errors, or warnings
// that fail only because of --strict.
func failureHint(fs []framework.Finding, strict bool) string {
	if strict && !framework.HasErrors(fs, false) {
		return "warnings fail the run because of --strict"
	}
	return "fix the errors above"
}

// minArgs wraps cobra's argument count check as a usage error.
func minArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			// cobra's "requires at least 1 arg(s), only received 0" does
			// not say what to give: the usage line does.
			return usageError{fmt.Errorf("%s needs at least %s: wpsgen %s", cmd.Name(), plural(n, "argument"), cmd.Use)}
		}
		return nil
	}
}

// pathArgs is minArgs for arguments that name files or folders: an empty
// one (a shell variable that was not set) names neither, and would
// otherwise be reported as a file named "" that cannot be read.
func pathArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := minArgs(n)(cmd, args); err != nil {
			return err
		}
		return noEmptyPath(args)
	}
}

// noEmptyPath refuses an empty argument where a path is expected.
func noEmptyPath(args []string) error {
	if slices.Contains(args, "") {
		return usageError{errors.New(`an empty argument ("") names no file or folder; is a variable in the command unset?`)}
	}
	return nil
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
