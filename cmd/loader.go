package cmd

import (
	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates/font"
)

// newLoader returns a Loader that refuses text the documents cannot show.
// Every format draws with the embedded font today, so its coverage decides.
func newLoader() *framework.Loader {
	l := framework.NewLoader()
	l.Printable = func(r rune) bool { return font.Check(r) == font.OK }
	return l
}
