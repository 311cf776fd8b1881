// Command onetgen writes package onet's tables from the published O*NET
// lists: go generate ./framework/onet runs it.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/wpsgen/wpsgen/framework/onet/internal/onetdata"
)

func main() {
	out := flag.String("o", "onet_gen.go", "file to write")
	pkg := flag.String("pkg", "onet", "package of the generated file")
	flag.Parse()
	if err := run(*out, *pkg); err != nil {
		fmt.Fprintln(os.Stderr, "onetgen:", err)
		os.Exit(1)
	}
}

func run(out, pkg string) error {
	csv2019, err := os.ReadFile(onetdata.File2019)
	if err != nil {
		return err
	}
	csv2010, err := os.ReadFile(onetdata.File2010)
	if err != nil {
		return err
	}
	src, err := onetdata.Generate(pkg, csv2019, csv2010)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}
