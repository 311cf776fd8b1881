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
		Use:   "import WORKBOOK.xlsx | --framework TABLE.csv|TABLE.xlsx",
		Short: "Read back an edited workbook as a program, or a table of competencies as a framework",
		Long: `wpsgen import WORKBOOK.xlsx reads a workbook that 'wpsgen render' wrote and a person then edited
in Excel or LibreOffice, and writes the program YAML that renders it: the program the workbook
was rendered from (it travels in the workbook, hidden), with the workbook's edits applied: job
function hours (decimals kept exactly), RTI/OJT marks set or cleared, competency rows deleted
(crossed off) or added under a job function (the sponsor's own, custom), the titles, texts and
Core/Optional of the sponsor's own job functions and competencies, the header fields (sponsor
and registration number, contact and title, codes, specialization, stackable and apprenticeship
type boxes, term, prerequisites one per line, RTI provider, paid, schedule), the Appendix A
sheet's ratio, journeyworker rate, wage step percents and rates as stated, probation, selection
procedures and interim credential titles, course rows edited, deleted or added. Totals and
other computed values are never read back (one typed over is a warning). Keep the rows' order
and the sheets' names; add a row by inserting it inside a job function's table or the course
table. A relative framework: path in the program is kept as it was: write the
program where it was rendered from (or fix the path). A cell that cannot be read (text in an
hours cell, a mark that is not the drop-down's, a framework competency's text or type changed)
is reported as WORKBOOK.xlsx:Sheet!C12 (rule import) and nothing is written. What was read back
is reported as notes, in every --format.

wpsgen import --framework TABLE reads a table with one row per competency, as intermediaries
keep frameworks in spreadsheets, and writes the framework file it describes. The table is a CSV
file (comma, semicolon or tab separated; UTF-8, UTF-16 or Windows-1252) or an XLSX workbook (the
first sheet with a header row).

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
		Example: `  wpsgen render program.yaml -o out            # out/program.xlsx goes to the employer ...
  wpsgen import out/program.xlsx -o program.yaml --force   # ... and its edits come back
  wpsgen import --framework examples/pharmacy-technician.csv --title "Pharmacy Technician" \
      --onet 29-2052.00 -o pharmacy-technician.framework.yaml
  wpsgen import --framework competencies.xlsx --id welder --title Welder --onet 51-4121.00`,
		Args: func(c *cobra.Command, args []string) error {
			if c.Flags().Changed("framework") && opts.Framework == "" {
				return noEmptyPath([]string{""}) // --framework "$TABLE" with TABLE unset
			}
			if opts.Framework != "" && len(args) > 0 {
				return usageError{fmt.Errorf("give a workbook to read back or --framework TABLE, not both")}
			}
			if opts.Framework == "" && len(args) != 1 {
				return usageError{fmt.Errorf("give one workbook that wpsgen render wrote, or --framework TABLE")}
			}
			return noEmptyPath(args)
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				return runImportWorkbook(opts, args[0])
			}
			return runImport(opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Framework, "framework", "", "the table to read: a .csv or .xlsx file (required)")
	fl.StringVarP(&opts.Output, "output", "o", "", "program or framework file to write (default: standard output)")
	fl.StringVar(&opts.ID, "id", "", "with --framework: the framework's id (default: from the table's file name)")
	fl.StringVar(&opts.Title, "title", "", "with --framework: the occupation title")
	fl.StringVar(&opts.ONET, "onet", "", "with --framework: the occupation's O*NET-SOC 2019 code, NN-NNNN.NN")
	fl.BoolVar(&opts.Force, "force", false, "overwrite the output file if it exists")
	fl.StringVar(&opts.Format, "format", "text", "format of the findings on standard error: "+strings.Join(report.Names(), ", "))
	_ = c.RegisterFlagCompletionFunc("onet", CompleteONET)
	_ = c.MarkFlagFilename("framework", "csv", "xlsx", "tsv", "txt")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(report.Names(), cobra.ShellCompDirectiveNoFileComp))
	return c
}

// checkOutput refuses what would lose work before anything is read: an
// unknown format, -o naming the input, an existing file without --force.
func checkOutput(opts *ImportOptions, input string) error {
	if !slices.Contains(report.Names(), opts.Format) {
		return usageError{fmt.Errorf("unknown --format %q; use one of %s", opts.Format, strings.Join(report.Names(), ", "))}
	}
	if opts.Output != "" && sameFile(opts.Output, input) {
		return usageError{fmt.Errorf("-o %s is the file being imported; write to a .yaml file", opts.Output)}
	}
	if opts.Output != "" && !opts.Force {
		if _, err := os.Lstat(opts.Output); err == nil {
			return fatalError{fmt.Errorf("%s exists; use --force to overwrite it", opts.Output)}
		}
	}
	return nil
}

// runImportWorkbook reads back a workbook render wrote.
func runImportWorkbook(opts *ImportOptions, path string) error {
	if opts.ID != "" || opts.Title != "" || opts.ONET != "" {
		return usageError{errors.New("--id, --title and --onet go with --framework; a workbook's program says them")}
	}
	if err := checkOutput(opts, path); err != nil {
		return err
	}
	data, err := readTable(path)
	if err != nil {
		return err
	}
	res := importer.Program(path, data, workbookFramework(opts, path, data))
	return finishImport(opts, path, res.YAML, res.Findings, res.Notes, func(string) string {
		return "; check it, then render it with 'wpsgen render " + opts.Output + "'"
	})
}

// finishImport prints notes and findings, writes the YAML when the input
// could be read, and validates what it wrote. Every format carries the
// same findings: the input's (its notes, warnings and errors, in reading
// order), then those of the file written, in one report.
func finishImport(opts *ImportOptions, input string, yaml []byte, findings []framework.Finding, notes []importer.Note, next func(string) string) error {
	f := opts.F
	read := make([]framework.Finding, 0, len(notes)+len(findings))
	for _, n := range notes {
		read = append(read, n.Finding())
	}
	read = append(read, findings...)
	if yaml == nil {
		if err := report.Write(f.IO.ErrOut, opts.Format, read, report.Options{Version: f.Version()}); err != nil {
			return fatalError{err}
		}
		if opts.Format == "text" {
			fmt.Fprintf(f.IO.ErrOut, "wpsgen: nothing was written: fix the cells above in %s\n", input)
		}
		return findingsError{}
	}
	name := stdoutName
	if opts.Output == "" {
		if _, err := f.IO.Out.Write(yaml); err != nil {
			return fatalError{err}
		}
	} else {
		name = opts.Output
		if err := writeNew(opts.Output, yaml, opts.Force); err != nil {
			return err
		}
	}
	// The file is written even when it has errors: what is left to fix
	// (a TODO, a total the sheet cannot change) is fixed in it, where the
	// findings point.
	vr, err := f.NewLoader().ValidateSource(name, yaml)
	if err != nil {
		return fatalError{err}
	}
	if err := report.Write(f.IO.ErrOut, opts.Format, append(read, vr.Findings...), report.Options{Version: f.Version()}); err != nil {
		return fatalError{err}
	}
	if opts.Format == "text" && opts.Output != "" {
		msg := next(opts.Output)
		if framework.HasErrors(vr.Findings, false) {
			msg, _, _ = strings.Cut(msg, ";")
			msg += fmt.Sprintf("; fix the errors above in it, then run 'wpsgen validate %s'", opts.Output)
		}
		fmt.Fprintf(f.IO.ErrOut, "wrote %s%s\n", opts.Output, msg)
	}
	if framework.HasErrors(vr.Findings, false) {
		return findingsError{}
	}
	return nil
}

func runImport(opts *ImportOptions) error {
	if opts.ONET != "" {
		if err := skeleton.CheckONET(opts.ONET); err != nil {
			return usageError{fmt.Errorf("--onet: %w", err)}
		}
	}
	if err := checkOutput(opts, opts.Framework); err != nil {
		return err
	}
	data, err := readTable(opts.Framework)
	if err != nil {
		return err
	}
	res := importer.Framework(opts.Framework, data, importer.Options{ID: opts.ID, Title: opts.Title, ONET: opts.ONET, ONETComment: skeleton.ONETComment})
	return finishImport(opts, opts.Framework, res.YAML, res.Findings, res.Notes, func(path string) string {
		return fmt.Sprintf(": %d job functions, %d competencies; check it, then write a program on it with 'wpsgen init --framework %s'", res.JobFunctions, res.Competencies, path)
	})
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

// workbookFramework resolves the framework of the program a workbook
// carries, as the program written will resolve it (from -o's directory),
// so that a row added under a job function gets a letter the framework
// does not use; nil when it cannot be resolved (validation says why).
func workbookFramework(opts *ImportOptions, path string, data []byte) *framework.Resolved {
	src := importer.Source(path, data)
	if src == nil {
		return nil
	}
	name := stdoutName
	if opts.Output != "" {
		name = opts.Output
	}
	res, err := opts.F.NewLoader().ValidateSource(name, src)
	if err != nil || res.Schedule == nil {
		return nil
	}
	return res.Schedule.Framework
}
