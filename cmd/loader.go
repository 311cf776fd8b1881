package cmd

import (
	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates/format"
)

// newLoader returns a Loader that refuses text the default documents (PDF
// and XLSX) cannot show: what validate checks is what render draws.
func newLoader() *framework.Loader { return loaderFor(format.Default()) }

// loaderFor returns a Loader that refuses text one of formats cannot show.
func loaderFor(formats []format.Format) *framework.Loader {
	l := framework.NewLoader()
	l.Printable = format.Printable(formats)
	return l
}
