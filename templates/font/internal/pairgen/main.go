// Command pairgen writes the subset DejaVu pairs: for each set of package
// repertoire, the embedded faces cut to its characters, in the directory
// named after it. go generate ./templates/font runs it; it needs fontTools
// (Debian: python3-fonttools). The faces it writes are committed, so
// building and testing wpsgen does not.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"

	"github.com/wpsgen/wpsgen/templates/font/internal/repertoire"
)

// Faces are the full faces and the names of their subsets.
var faces = []struct {
	out string
	ttf []byte
}{{"DejaVuSans.ttf", dejavusans.TTF}, {"DejaVuSans-Bold.ttf", dejavusansbold.TTF}}

func main() {
	dir := flag.String("dir", ".", "directory to write the pairs' directories in")
	python := flag.String("python", "/usr/bin/python3", "Python with fontTools")
	flag.Parse()
	if err := run(*dir, *python); err != nil {
		fmt.Fprintln(os.Stderr, "pairgen:", err)
		os.Exit(1)
	}
}

func run(dir, python string) error {
	tmp, err := os.MkdirTemp("", "pairgen")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, fc := range faces {
		in := filepath.Join(tmp, fc.out)
		if err := os.WriteFile(in, fc.ttf, 0o644); err != nil {
			return err
		}
		for _, set := range repertoire.Sets {
			out := filepath.Join(dir, set.Name, fc.out)
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return err
			}
			cmd := exec.Command(python, append([]string{"-m", "fontTools.subset", in,
				"--output-file=" + out}, options(set)...)...)
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("%s: fontTools.subset: %w", out, err)
			}
		}
	}
	return nil
}

// options are the subsetter's settings: the set's characters and
// everything of the full face that gofpdf reads or copies into the PDF
// (names with the copyright and license, hinting, the .notdef outline,
// metrics and bounds as they were), and nothing it ignores: the OpenType
// layout, kerning and math tables, which it never reads (it does not
// shape text), would only pull more glyphs in.
func options(set *repertoire.Set) []string {
	var unicodes []string
	for _, rg := range set.Ranges {
		unicodes = append(unicodes, fmt.Sprintf("%04X-%04X", rg.First, rg.Last))
	}
	return []string{
		"--unicodes=" + strings.Join(unicodes, ","),
		"--layout-features=",
		"--drop-tables+=GSUB,GPOS,GDEF,kern,MATH,FFTM",
		"--name-IDs=*",
		"--name-languages=*",
		"--name-legacy",
		"--notdef-outline",
		"--no-prune-unicode-ranges",
		"--no-recalc-bounds",
		"--no-recalc-timestamp",
	}
}
