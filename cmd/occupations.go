package cmd

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/onet"
)

// occupationsFormats are the output formats of `wpsgen occupations`.
var occupationsFormats = []string{"text", "json"}

// wordsLimit is how many matches a search by words shows unless --limit
// says otherwise: beyond it, titles share only a word with the query.
const wordsLimit = 10

// OccupationsOptions are the flags and query of `wpsgen occupations`.
type OccupationsOptions struct {
	IO     IO
	Query  string
	Format string
	Limit  int
	// LimitSet tells an explicit --limit from the default, which depends
	// on the kind of query.
	LimitSet bool
}

// NewOccupationsCmd builds `wpsgen occupations`.
func NewOccupationsCmd(streams IO) *cobra.Command {
	opts := &OccupationsOptions{IO: streams}
	c := &cobra.Command{
		Use:   "occupations [QUERY]",
		Short: "Look up O*NET-SOC occupation codes by code or by words",
		Long: `Look up occupations in the O*NET-SOC 2019 taxonomy built into wpsgen (no network is used).

QUERY is a code, the start of one, or words of a title:
  a 2019 code (47-2152.00) prints its title;
  a 2010 code that the 2019 taxonomy replaced (15-1132.00) prints every code that replaced it;
  the start of a code (47-21) lists the codes that begin with it;
  words (plumber, "medical records") list the best-matching titles first (` + fmt.Sprint(wordsLimit) + ` unless --limit says otherwise).
Without QUERY, every 2019 code is listed. Nothing found exits with status 1.

` + onet.Credit,
		Example: `  wpsgen occupations plumber
  wpsgen occupations medical records
  wpsgen occupations 15-1132.00
  wpsgen occupations 47-21 --format json`,
		ValidArgsFunction: CompleteONET,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Query = strings.Join(args, " ")
			opts.LimitSet = c.Flags().Changed("limit")
			return runOccupations(opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "text", "output format: "+strings.Join(occupationsFormats, ", "))
	c.Flags().IntVar(&opts.Limit, "limit", 0, fmt.Sprintf("show at most N occupations; 0 shows all (default: %d for a search by words, all otherwise)", wordsLimit))
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(occupationsFormats, cobra.ShellCompDirectiveNoFileComp))
	return c
}

// CompleteONET completes an O*NET-SOC 2019 code, each with its title as
// the description, for any argument or flag that takes a code.
func CompleteONET(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return onet.Complete(toComplete), cobra.ShellCompDirectiveNoFileComp
}

// occupationOut is one occupation as --format json prints it. An occupation
// of the 2010 taxonomy carries the 2019 codes that replaced it.
type occupationOut struct {
	Code       string            `json:"code"`
	Title      string            `json:"title"`
	Taxonomy   string            `json:"taxonomy"`
	ReplacedBy []onet.Occupation `json:"replaced_by,omitempty"`
}

func runOccupations(opts *OccupationsOptions) error {
	if !slices.Contains(occupationsFormats, opts.Format) {
		return usageError{fmt.Errorf("unknown --format %q; use one of %s", opts.Format, strings.Join(occupationsFormats, ", "))}
	}
	if opts.Limit < 0 {
		return usageError{fmt.Errorf("--limit %d: give a number of occupations, or 0 for all", opts.Limit)}
	}
	found, total, err := findOccupations(opts)
	if err != nil {
		return err
	}
	if err := writeOccupations(opts, found); err != nil {
		return fatalError{err}
	}
	if len(found) < total {
		fmt.Fprintf(opts.IO.ErrOut, "wpsgen: showing %d of %d matches; --limit 0 shows all\n", len(found), total)
	}
	return nil
}

// findOccupations answers the query: the occupations to print and how many
// matched before --limit.
func findOccupations(opts *OccupationsOptions) ([]occupationOut, int, error) {
	q := strings.TrimSpace(opts.Query)
	limit := opts.Limit
	code := q
	if !strings.ContainsFunc(q, notCodeChar) && len(digits(q)) == 8 {
		code = framework.NormalizeONET(q) // 47.2152.00, 47 2152 00: the code meant
	}
	if onet.WellFormed(code) {
		if o, ok := onet.Lookup(code); ok {
			return []occupationOut{current(o)}, 1, nil
		}
		if succ, ok := onet.Successors(code); ok {
			old, _ := onet.Lookup2010(code)
			return []occupationOut{{Code: old.Code, Title: old.Title, Taxonomy: "2010", ReplacedBy: succ}}, 1, nil
		}
		fmt.Fprintf(opts.IO.ErrOut, "wpsgen: %s is in neither the 2019 O*NET-SOC taxonomy nor the 2010 one; the closest codes are:\n", code)
		for _, o := range onet.Closest(code, 3) {
			fmt.Fprintf(opts.IO.ErrOut, "  %s\n", o)
		}
		return nil, 0, findingsError{}
	}
	var all []onet.Occupation
	switch {
	case q == "":
		all = onet.All()
	default:
		ms := onet.Search(q, 0)
		if !opts.LimitSet && strings.ContainsFunc(q, notCodeChar) {
			limit = wordsLimit
		}
		for _, m := range ms {
			all = append(all, m.Occupation)
		}
	}
	if len(all) == 0 {
		fmt.Fprintf(opts.IO.ErrOut, "wpsgen: no O*NET-SOC 2019 occupation matches %q; try fewer or other words, or the start of a code\n", q)
		return nil, 0, findingsError{}
	}
	total := len(all)
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	out := make([]occupationOut, len(all))
	for i, o := range all {
		out[i] = current(o)
	}
	return out, total, nil
}

func current(o onet.Occupation) occupationOut {
	return occupationOut{Code: o.Code, Title: o.Title, Taxonomy: "2019"}
}

// notCodeChar is true for a character no code is written with: the query
// is words.
func notCodeChar(r rune) bool { return !(r >= '0' && r <= '9') && !strings.ContainsRune("-. \t", r) }

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

func writeOccupations(opts *OccupationsOptions, found []occupationOut) error {
	if opts.Format == "json" {
		data, err := json.MarshalIndent(found, "", "  ")
		if err != nil {
			return err
		}
		_, err = opts.IO.Out.Write(append(data, '\n'))
		return err
	}
	w := tabwriter.NewWriter(opts.IO.Out, 0, 4, 2, ' ', 0)
	for _, o := range found {
		if o.Taxonomy == "2010" {
			fmt.Fprintf(w, "%s\t%s (O*NET-SOC 2010), replaced in the 2019 taxonomy by:\n", o.Code, o.Title)
			for _, s := range o.ReplacedBy {
				fmt.Fprintf(w, "%s\t%s\n", s.Code, s.Title)
			}
			continue
		}
		fmt.Fprintf(w, "%s\t%s\n", o.Code, o.Title)
	}
	return w.Flush()
}
