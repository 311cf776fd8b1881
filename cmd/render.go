package cmd

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates/render"
)

// RenderOptions are the flags and arguments of `wpsgen render`.
type RenderOptions struct {
	IO       IO
	Programs []string
	Dir      string
	PDF      bool
	XLSX     bool
	Strict   bool
}

// NewRenderCmd builds `wpsgen render`.
func NewRenderCmd(streams IO) *cobra.Command {
	opts := &RenderOptions{IO: streams}
	c := &cobra.Command{
		Use:   "render PROGRAM...",
		Short: "Write the Work Process Schedule and RTI plan as PDF and XLSX",
		Long: `Validate each program and write DIR/<name>.pdf and DIR/<name>.xlsx, where <name> is the
program file's name without its extension. Both formats are written unless --pdf or --xlsx
asks for one. Every program is validated first: if any has errors, the findings are printed
to standard error and nothing is written (exit 1). Files are written atomically: a failed
run leaves earlier output untouched. The documents record no clock time: their date is
SOURCE_DATE_EPOCH when set, else the program's revision.date.`,
		Example: `  wpsgen render examples/medical-coder-cb.yaml -o out
  wpsgen render --pdf programs/*.yaml -o dist`,
		Args: minArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Programs = args
			return runRender(opts)
		},
	}
	c.Flags().StringVarP(&opts.Dir, "output", "o", ".", "directory to write the documents to (created if missing)")
	c.Flags().BoolVar(&opts.PDF, "pdf", false, "write the PDF (default: both formats)")
	c.Flags().BoolVar(&opts.XLSX, "xlsx", false, "write the XLSX (default: both formats)")
	c.Flags().BoolVar(&opts.Strict, "strict", false, "refuse to render programs with warnings")
	_ = c.MarkFlagDirname("output")
	return c
}

func runRender(opts *RenderOptions) error {
	if !opts.PDF && !opts.XLSX {
		opts.PDF, opts.XLSX = true, true
	}
	if _, _, err := render.SourceDateEpoch(); err != nil {
		return usageError{err}
	}
	// Two programs named alike would write the same documents.
	seen := map[string]string{}
	for _, p := range opts.Programs {
		name := render.Name(p)
		if first, dup := seen[name]; dup {
			return usageError{fmt.Errorf("%s and %s would both write %s.pdf/.xlsx; render them into different directories (-o)", first, p, name)}
		}
		seen[name] = p
	}
	l := newLoader()
	// Validate everything first: one program with errors means nothing is written.
	results, readErrs := l.ValidateAll(opts.Programs, 0)
	if len(readErrs) > 0 {
		return fatalError{errors.Join(readErrs...)}
	}
	var findings []framework.Finding
	failed := false
	for _, r := range results {
		fs, ok := render.Ready(r, opts.Strict)
		findings = append(findings, fs...)
		failed = failed || !ok
	}
	if err := printFindings(opts.IO.ErrOut, framework.SortFindings(findings)); err != nil {
		return fatalError{err}
	}
	if failed {
		fmt.Fprintln(opts.IO.ErrOut, "wpsgen: nothing was written: "+failureHint(findings, opts.Strict))
		return findingsError{}
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return fatalError{err}
	}
	for _, r := range results {
		res, err := render.Write(r, render.Options{Dir: opts.Dir, PDF: opts.PDF, XLSX: opts.XLSX, Strict: opts.Strict})
		if err != nil {
			if errors.Is(err, render.ErrInvalid) {
				return findingsError{}
			}
			return fatalError{err}
		}
		for _, w := range res.Written {
			fmt.Fprintf(opts.IO.ErrOut, "wrote %s\n", w)
		}
	}
	return nil
}
