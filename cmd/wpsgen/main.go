// Command wpsgen validates apprenticeship frameworks and programs and renders
// Work Process Schedules and Related Technical Instruction plans.
package main

import (
	"os"

	"github.com/wpsgen/wpsgen/cmd"
)

func main() {
	os.Exit(cmd.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
