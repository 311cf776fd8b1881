package cmd

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/wpsgen/wpsgen/framework"
)

// FrameworksOptions are the flags of `wpsgen frameworks`.
type FrameworksOptions struct {
	IO IO
}

// NewFrameworksCmd builds `wpsgen frameworks` and `wpsgen frameworks show`.
func NewFrameworksCmd(streams IO) *cobra.Command {
	opts := &FrameworksOptions{IO: streams}
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
	c.AddCommand(newFrameworksShowCmd(streams))
	return c
}

func runFrameworks(opts *FrameworksOptions) error {
	l := framework.NewLoader()
	w := tabwriter.NewWriter(opts.IO.Out, 0, 4, 2, ' ', 0)
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

func newFrameworksShowCmd(streams IO) *cobra.Command {
	return &cobra.Command{
		Use:     "show ID",
		Short:   "Print a built-in framework as YAML",
		Example: "  wpsgen frameworks show medical-coder > my-framework.yaml",
		Args: func(cmd *cobra.Command, args []string) error {
			if err := cobra.ExactArgs(1)(cmd, args); err != nil {
				return usageError{err}
			}
			return nil
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return framework.NewLoader().CatalogIDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			src, err := framework.CatalogSource(args[0])
			if err != nil {
				return usageError{fmt.Errorf("no built-in framework %q; run 'wpsgen frameworks' for the list", args[0])}
			}
			_, err = streams.Out.Write(src)
			return err
		},
	}
}
