package cmd

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/schema"
	"github.com/wpsgen/wpsgen/framework/skeleton"
	"github.com/wpsgen/wpsgen/internal/lazy"
)

// FrameworksOptions are the flags of `wpsgen frameworks`.
type FrameworksOptions struct {
	F *Factory
}

// NewFrameworksCmd builds `wpsgen frameworks` and `wpsgen frameworks show`.
func NewFrameworksCmd(f *Factory) *cobra.Command {
	opts := &FrameworksOptions{F: f}
	c := &cobra.Command{
		Use:   "frameworks",
		Short: "List the built-in framework catalog",
		Long: `List the frameworks built into wpsgen, with their O*NET and RAPIDS codes and the number of
job functions and core/optional competencies. A program names one with framework: ID.`,
		Example: `  wpsgen frameworks
  wpsgen frameworks show medical-coder`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runFrameworks(opts) },
	}
	c.AddCommand(newFrameworksShowCmd(f))
	return c
}

func runFrameworks(opts *FrameworksOptions) error {
	l := opts.F.NewLoader()
	w := tabwriter.NewWriter(opts.F.IO.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tTITLE\tO*NET\tRAPIDS\tJOB FUNCTIONS\tCORE\tOPTIONAL\tSPECIALIZATIONS")
	for _, id := range l.CatalogIDs() {
		fw, err := l.Catalog(id)
		if err != nil {
			return err
		}
		st := framework.Count(fw)
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\n", id, fw.Title.Value, fw.ONET.Value, dash(fw.RAPIDS.Value),
			st.JobFunctions, st.Core, st.Optional, st.Specializations)
	}
	return w.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// showFormats are the output formats of `wpsgen frameworks show`.
var showFormats = []string{"yaml", "json"}

// FrameworksShowOptions are the flags and argument of `wpsgen frameworks show`.
type FrameworksShowOptions struct {
	F      *Factory
	ID     string
	Format string
}

func newFrameworksShowCmd(f *Factory) *cobra.Command {
	opts := &FrameworksShowOptions{F: f}
	c := &cobra.Command{
		Use:   "show ID",
		Short: "Print a built-in framework as YAML or JSON",
		Long: `Print a built-in framework. --format yaml (the default) prints the catalog file as written,
with the O*NET-SOC occupation title as a comment beside the code: a starting point for a
framework of your own. --format json prints the framework as JSON with the same keys
(snake_case, as docs/format.md describes them), for scripts.`,
		Example: `  wpsgen frameworks show medical-coder > my-framework.yaml
  wpsgen frameworks show ehr-specialist-mn --format json | jq '.job_functions[].title'`,
		Args: exactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return f.NewLoader().CatalogIDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runFrameworksShow(opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "yaml", "output format: "+strings.Join(showFormats, ", "))
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(showFormats, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func runFrameworksShow(opts *FrameworksShowOptions) error {
	if !slices.Contains(showFormats, opts.Format) {
		return usageError{fmt.Errorf("unknown --format %q; use one of %s", opts.Format, strings.Join(showFormats, ", "))}
	}
	l := opts.F.NewLoader()
	if !slices.Contains(l.CatalogIDs(), opts.ID) {
		return usageError{fmt.Errorf("no built-in framework %q; run 'wpsgen frameworks' for the list", opts.ID)}
	}
	var data []byte
	var err error
	if opts.Format == "yaml" {
		data, err = framework.CatalogSource(opts.ID)
		data = onetTitleComment(publishedSchemaLine(data))
	} else {
		var fw *framework.Resolved
		if fw, err = l.Catalog(opts.ID); err == nil {
			data, err = schema.FrameworkJSON(fw)
		}
	}
	if err != nil {
		return err
	}
	if _, err := opts.F.IO.Out.Write(data); err != nil {
		return fatalError{err}
	}
	return nil
}

// publishedSchemaLine points a catalog file's schema line at the published
// schema: the relative path it has in the repository breaks once the text
// is saved anywhere else.
func publishedSchemaLine(src []byte) []byte {
	const prefix = "# yaml-language-server: $schema="
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if !bytes.HasPrefix(first, []byte(prefix)) {
		return src
	}
	return append([]byte(prefix+framework.SchemaURL(framework.KindFramework)+"\n"), rest...)
}

// onetLineRE matches a framework's top-level onet line that carries no
// comment yet; a line inside a block scalar is indented, so never matches.
var onetLineRE = lazy.Regexp(`(?m)^onet: *(["']?)(\d{2}-\d{4}\.\d{2})(["']?) *$`)

// onetTitleComment writes the occupation's title (or, for a code the 2019
// taxonomy replaced, its successors) as a comment on the onet line, as
// `wpsgen init` does; every other byte stays as written.
func onetTitleComment(src []byte) []byte {
	loc := onetLineRE().FindSubmatchIndex(src)
	if loc == nil {
		return src
	}
	comment := skeleton.ONETComment(string(src[loc[4]:loc[5]]))
	if comment == "" {
		return src
	}
	out := append([]byte(nil), src[:loc[1]]...)
	out = append(out, "  # "+comment...)
	return append(out, src[loc[1]:]...)
}
