package cmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/report"
	"github.com/wpsgen/wpsgen/templates/format"
	"github.com/wpsgen/wpsgen/templates/render"
)

// RenderOptions are the flags and arguments of `wpsgen render`.
type RenderOptions struct {
	IO      IO
	Paths   []string // programs, and folders to walk for them
	Dir     string
	Formats string // --format, comma-separated
	PDF     bool   // --pdf: shorthand for --format pdf
	XLSX    bool   // --xlsx: shorthand for --format xlsx
	DOCX    bool   // --docx: shorthand for --format docx
	Strict  bool
}

// NewRenderCmd builds `wpsgen render`.
func NewRenderCmd(streams IO) *cobra.Command {
	opts := &RenderOptions{IO: streams}
	c := &cobra.Command{
		Use:   "render PROGRAM|DIR|-...",
		Short: "Write the Work Process Schedule and RTI plan as PDF and XLSX (or DOCX)",
		Long: `Validate each program and write NAME.pdf and NAME.xlsx into the -o directory (the
current one by default), where NAME is the program file's name without its extension.
--format (or the shorthands --pdf, --xlsx, --docx) chooses the formats: ` + strings.Join(format.Names(), ", ") + `;
the default is pdf,xlsx. The Word document (docx) has heading styles and table header rows,
so Word's "Save as PDF" makes a tagged, accessible PDF from it.
A folder (DIR) is walked as validate walks it: its *.yaml and *.yml files, in subfolders too,
hidden files and folders skipped. Every program found is rendered, in the order of the walk; the
frameworks found beside them are validated, not rendered. A folder without a program is an
error (exit 2), and so are two programs with the same file name, which would write the same
documents: render them in separate runs, into different directories (-o).
The path - reads one program from standard input, as validate - does: its findings name it
<stdin>, a relative framework: path in it is read from the working directory, and its
documents are stdin.pdf, stdin.xlsx and stdin.docx (so a stdin.yaml in the same run would
write the same documents, an error).
Every file is validated first: if any has errors, the findings are printed to standard error
and nothing is written (exit 1). All documents are written to temporary files first and put
in place only when every one succeeded: a failed or interrupted run leaves earlier output
untouched, and removes the -o directory if it created it. New files get the permissions your
umask allows; a file that is replaced keeps its permissions.
The documents record no clock time: their date is SOURCE_DATE_EPOCH when set, else the
program's revision.date (years 1900-9999).`,
		Example: `  wpsgen render examples/medical-coder-cb.yaml -o out
  wpsgen render programs/ -o dist               # every program in programs/ and its subfolders
  wpsgen render --format pdf programs/ -o dist
  sed 's/Acme/Globex/' template.yaml | wpsgen render - -o out   # writes out/stdin.pdf and out/stdin.xlsx
  wpsgen render --docx examples/medical-coder-cb.yaml -o out`,
		Args: pathArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			ctx, stop := signal.NotifyContext(c.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return runRender(ctx, opts)
		},
	}
	c.Flags().StringVarP(&opts.Dir, "output", "o", ".", "directory to write the documents to (created if missing)")
	c.Flags().StringVar(&opts.Formats, "format", "", "formats to write, comma-separated: "+strings.Join(format.Names(), ",")+" (default pdf,xlsx)")
	c.Flags().BoolVar(&opts.PDF, "pdf", false, "write the PDF (same as --format pdf; combines with the others)")
	c.Flags().BoolVar(&opts.XLSX, "xlsx", false, "write the XLSX (same as --format xlsx; combines with the others)")
	c.Flags().BoolVar(&opts.DOCX, "docx", false, "write the Word document (same as --format docx; combines with the others)")
	c.Flags().BoolVar(&opts.Strict, "strict", false, "refuse to render programs with warnings")
	_ = c.MarkFlagDirname("output")
	return c
}

// selectedFormats joins --format and the shorthands; none means the default.
func selectedFormats(opts *RenderOptions) ([]format.Format, error) {
	var fs []format.Format
	if opts.Formats != "" {
		var err error
		if fs, err = format.Parse(opts.Formats); err != nil {
			return nil, err
		}
	}
	if opts.PDF {
		fs = append(fs, format.PDF)
	}
	if opts.XLSX {
		fs = append(fs, format.XLSX)
	}
	if opts.DOCX {
		fs = append(fs, format.DOCX)
	}
	if len(fs) == 0 {
		return format.Default(), nil
	}
	return format.Ordered(fs), nil
}

func runRender(ctx context.Context, opts *RenderOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	formats, err := selectedFormats(opts)
	if err != nil {
		return usageError{err}
	}
	if _, _, err := render.SourceDateEpoch(); err != nil {
		return usageError{err}
	}
	if err := stdinOnce(opts.Paths); err != nil {
		return usageError{err}
	}
	args := expandRenderArgs(opts.Paths)
	l := loaderFor(formats)
	// Validate everything first: one file with errors means nothing is written.
	results, readErrs := args.validate(ctx, l, opts.IO.In)
	if ctx.Err() != nil {
		// Ctrl-C while reading: the findings would answer a question the
		// user took back.
		return fatalError{errors.New("interrupted: nothing was written")}
	}
	if err := args.checkNames(results); err != nil {
		return usageError{err}
	}
	if errs := append(args.readErrs, readErrs...); len(errs) > 0 {
		return fatalError{errors.Join(errs...)}
	}
	if err := args.checkDirs(results); err != nil {
		return usageError{err}
	}
	var findings []framework.Finding
	omitted := map[string]int{}
	failed := false
	for i, r := range results {
		fs, ok := r.Findings, r.OK(opts.Strict)
		if args.rendered(i, r) {
			fs, ok = render.Ready(r, opts.Strict)
		}
		findings = append(findings, fs...)
		failed = failed || !ok
		if r.Omitted > 0 {
			omitted[r.Path] = r.Omitted
		}
	}
	if err := report.Write(opts.IO.ErrOut, "text", framework.SortFindings(findings), report.Options{Version: Version(), Omitted: omitted}); err != nil {
		return fatalError{err}
	}
	if failed {
		fmt.Fprintln(opts.IO.ErrOut, "wpsgen: nothing was written: "+failureHint(findings, opts.Strict))
		return findingsError{}
	}
	created := missingDirs(opts.Dir)
	if err := os.MkdirAll(opts.Dir, 0o777); err != nil {
		removeEmptyDirs(created)
		var pe *fs.PathError
		if errors.As(err, &pe) { // "mkdir out: not a directory" names a system call
			err = fmt.Errorf("%s: cannot create the -o directory: %v", pe.Path, pe.Err)
		}
		return fatalError{err}
	}
	written, err := render.WriteAll(ctx, args.programs(results), render.Options{Dir: opts.Dir, Formats: formats, Strict: opts.Strict, Version: Version()})
	if len(written) == 0 {
		// A run that wrote nothing leaves no trace: not even the
		// directory it made for the documents.
		removeEmptyDirs(created)
	}
	if err != nil {
		var conflict *render.ConflictError
		switch {
		case errors.Is(err, render.ErrInvalid):
			return findingsError{}
		case errors.As(err, &conflict):
			return usageError{err}
		case errors.Is(err, context.Canceled):
			return fatalError{errors.New("interrupted: nothing was written")}
		}
		return fatalError{err}
	}
	for _, w := range written {
		fmt.Fprintf(opts.IO.ErrOut, "wrote %s\n", w)
	}
	return nil
}

// missingDirs lists dir and those of its parents that do not exist, the
// deepest first: the directories os.MkdirAll(dir) creates.
func missingDirs(dir string) []string {
	var out []string
	for d := filepath.Clean(dir); ; {
		if _, err := os.Lstat(d); !errors.Is(err, fs.ErrNotExist) {
			return out
		}
		out = append(out, d)
		parent := filepath.Dir(d)
		if parent == d {
			return out
		}
		d = parent
	}
}

// removeEmptyDirs removes dirs, the deepest first, while each is still an
// empty directory: one that meanwhile holds something (another program
// wrote there) stays, and so do its parents.
func removeEmptyDirs(dirs []string) {
	for _, d := range dirs {
		if fi, err := os.Lstat(d); err != nil || !fi.IsDir() || os.Remove(d) != nil {
			return
		}
	}
}
