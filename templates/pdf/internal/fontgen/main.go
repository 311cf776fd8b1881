// Command fontgen writes the PDF renderer's font width tables:
// go generate ./templates/pdf runs it.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/wpsgen/wpsgen/templates/pdf/internal/fontmetrics"
)

func main() {
	out := flag.String("o", "fonts_gen.go", "file to write")
	pkg := flag.String("pkg", "pdf", "package of the generated file")
	flag.Parse()
	src, err := fontmetrics.Generate(*pkg)
	if err == nil {
		err = os.WriteFile(*out, src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fontgen:", err)
		os.Exit(1)
	}
}
