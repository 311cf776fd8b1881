package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/importer"
	"github.com/wpsgen/wpsgen/framework/report"
	"github.com/wpsgen/wpsgen/framework/skeleton"
)

// stdoutName is how findings name a file written to standard output.
const stdoutName = "<stdout>"

// ImportOptions are the flags of `wpsgen import`.
type ImportOptions struct {
	F         *Factory
	Framework string // the table to read
	Output    string
	ID        string
	Title     string
	ONET      string
	Force     bool
	Format    string
}

// NewImportCmd builds `wpsgen import`.
func NewImportCmd(f *Factory) *cobra.Command {
	opts := &ImportOptions{F: f}
	c := &cobra.Command{
		Use:   "import --framework TABLE.csv|TABLE.xlsx",
		Short: "Write a framework from a table of competencies (CSV or XLSX)",
		Long: `Read a table with one row per competency, as intermediaries keep frameworks in spreadsheets,
and write the framework file it describes. The table is a CSV file (comma, semicolon or tab
separated; UTF-8, UTF-16 or Windows-1252) or an XLSX workbook (the first sheet with a header row).

Its header row names the columns, loosely: "Job function", "Work process" or "Duty" for the job
function's title, "Job function ID" or "Work process #" for its id, "Competency", "Skill" or
"Task" for the competency's text, "Competency ID" or "Letter" for its id, "Type", "Core or
optional" or "Required" for core/optional, "Delivery" or "Method" for RTI, OJT or both (or an
"RTI" and an "OJT" column of marks). A job function's title or id may be given only on its first
row. Missing ids are assigned (job functions 1, 2, ...; competencies A, B, ...) and said; a job
function is core when any of its competencies is, unless a column says. docs/import.md lists
every header and value that is understood.

A cell that cannot be read is reported as TABLE.csv:ROW:COL or TABLE.xlsx:Sheet!C12 (rule import)
and nothing is written. The framework written is then validated like 'wpsgen validate' does, with
its findings printed; --id, --title and --onet fill in what a table does not say (without them,
the id comes from the table's file name and the others are left marked TODO). Without -o the
framework goes to standard output; an existing file is never overwritten without --force.

Exit status: 0 written without errors, 1 the table or the framework written has errors,
2 usage error, 3 a file could not be read or written.`,
		Example: `  wpsgen import --framework examples/pharmacy-technician.csv --title "Pharmacy Technician" \
      --onet 29-2052.00 -o pharmacy-technician.framework.yaml
  wpsgen import --framework competencies.xlsx --id welder --title Welder --onet 51-4121.00`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runImport(opts) },
	}
	fl := c.Flags()
	fl.StringVar(&opts.Framework, "framework", "", "the table to read: a .csv or .xlsx file (required)")
	fl.StringVarP(&opts.Output, "output", "o", "", "framework file to write (default: standard output)")
	fl.StringVar(&opts.ID, "id", "", "the framework's id (default: from the table's file name)")
	fl.StringVar(&opts.Title, "title", "", "the occupation title")
	fl.StringVar(&opts.ONET, "onet", "", "the occupation's O*NET-SOC 2019 code, NN-NNNN.NN")
	fl.BoolVar(&opts.Force, "force", false, "overwrite the output file if it exists")
	fl.StringVar(&opts.Format, "format", "text", "format of the findings on standard error: "+strings.Join(report.Names(), ", "))
	_ = c.RegisterFlagCompletionFunc("onet", CompleteONET)
	_ = c.MarkFlagRequired("framework")
	_ = c.MarkFlagFilename("framework", "csv", "xlsx", "tsv", "txt")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(report.Names(), cobra.ShellCompDirectiveNoFileComp))
	return c
}

func runImport(opts *ImportOptions) error {
	f := opts.F
	if !slices.Contains(report.Names(), opts.Format) {
		return usageError{fmt.Errorf("unknown --format %q; use one of %s", opts.Format, strings.Join(report.Names(), ", "))}
	}
	if opts.ONET != "" {
		if err := skeleton.CheckONET(opts.ONET); err != nil {
			return usageError{fmt.Errorf("--onet: %w", err)}
		}
	}
	if opts.Output != "" && sameFile(opts.Output, opts.Framework) {
		return usageError{fmt.Errorf("-o %s is the table being imported; write the framework to a .yaml file", opts.Output)}
	}
	if opts.Output != "" && !opts.Force {
		if _, err := os.Lstat(opts.Output); err == nil {
			return fatalError{fmt.Errorf("%s exists; use --force to overwrite it", opts.Output)}
		}
	}
	data, err := readTable(opts.Framework)
	if err != nil {
		return err
	}
	res := importer.Framework(opts.Framework, data, importer.Options{ID: opts.ID, Title: opts.Title, ONET: opts.ONET, ONETComment: skeleton.ONETComment})
	if opts.Format == "text" {
		for _, n := range res.Notes {
			fmt.Fprintln(f.IO.ErrOut, report.OneLine(n.String()))
		}
	}
	if res.YAML == nil {
		if err := report.Write(f.IO.ErrOut, opts.Format, res.Findings, report.Options{Version: f.Version()}); err != nil {
			return fatalError{err}
		}
		if opts.Format == "text" {
			fmt.Fprintf(f.IO.ErrOut, "wpsgen: nothing was written: fix the cells above in %s\n", opts.Framework)
		}
		return findingsError{}
	}
	name := stdoutName
	if opts.Output == "" {
		if _, err := f.IO.Out.Write(res.YAML); err != nil {
			return fatalError{err}
		}
	} else {
		name = opts.Output
		if err := writeNew(opts.Output, res.YAML, opts.Force); err != nil {
			return err
		}
	}
	// The file is written even when it has errors: what is left to fix
	// (a TODO, a code) is fixed in it, where the findings point.
	vr, err := f.NewLoader().ValidateSource(name, res.YAML)
	if err != nil {
		return fatalError{err}
	}
	if err := report.Write(f.IO.ErrOut, opts.Format, vr.Findings, report.Options{Version: f.Version()}); err != nil {
		return fatalError{err}
	}
	if opts.Format == "text" && opts.Output != "" {
		fmt.Fprintf(f.IO.ErrOut, "wrote %s: %d job functions, %d competencies%s\n", opts.Output, res.JobFunctions, res.Competencies, nextStep(vr.Findings, opts.Output))
	}
	if framework.HasErrors(vr.Findings, false) {
		return findingsError{}
	}
	return nil
}

// nextStep tells the person what is left after a write.
func nextStep(fs []framework.Finding, path string) string {
	if framework.HasErrors(fs, false) {
		return fmt.Sprintf("; fix the errors above in it, then run 'wpsgen validate %s'", path)
	}
	return "; check it, then write a program on it with 'wpsgen init --framework " + path + "'"
}

// readTable reads the table file, at most one byte past the importer's
// limit so the importer can say the file is too large.
func readTable(path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, &framework.ReadError{Path: path, Err: err}
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && st.IsDir() {
		return nil, &framework.ReadError{Path: path, Err: errors.New("is a directory")}
	}
	data, err := io.ReadAll(io.LimitReader(fh, importer.MaxTableBytes+1))
	if err != nil {
		return nil, &framework.ReadError{Path: path, Err: err}
	}
	return data, nil
}

// sameFile reports whether two paths name one existing file.
func sameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}
