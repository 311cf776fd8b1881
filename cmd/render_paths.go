package cmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates/render"
)

// renderFile is one file a render reads: named on the command line, found
// by walking a folder named there, or standard input (-).
type renderFile struct {
	path   string // stdinName for standard input
	walked bool
	stdin  bool
}

// stdinDocs is the name of the documents of a program read from standard
// input: the name its findings give it, without the brackets.
const stdinDocs = "stdin"

// renderDir is a folder named on the command line and the files its walk
// found, as indexes into renderArgs.files.
type renderDir struct {
	path  string
	files []int
}

// renderArgs is what the arguments of a render name, in their order.
type renderArgs struct {
	files    []renderFile
	dirs     []renderDir
	readErrs []error // folders, or parts of them, that could not be read
}

// expandRenderArgs walks the folders among args the way validate does
// (framework.ExpandPaths); - is standard input. Any other argument is kept as it was typed, so a
// file named on the command line behaves as it always has: one that is
// missing is reported when it is read, and one named twice still collides
// with itself. A file that a walk finds again, or that is both named and
// found, is read once; named, it is rendered or refused as a named file is.
func expandRenderArgs(args []string) renderArgs {
	var ra renderArgs
	at := map[string]int{} // cleaned path -> index into ra.files
	for _, a := range args {
		if a == "-" {
			// Never looked up: a file named - is ./-.
			ra.files = append(ra.files, renderFile{path: stdinName, stdin: true})
			continue
		}
		if fi, err := os.Stat(a); err != nil || !fi.IsDir() {
			key := filepath.Clean(a)
			if i, ok := at[key]; ok && ra.files[i].walked {
				ra.files[i].walked = false
				continue
			}
			if _, ok := at[key]; !ok {
				at[key] = len(ra.files)
			}
			ra.files = append(ra.files, renderFile{path: a})
			continue
		}
		found, err := framework.ExpandPaths([]string{a})
		for _, re := range framework.ReadErrors(err) {
			ra.readErrs = append(ra.readErrs, re)
		}
		d := renderDir{path: a}
		for _, p := range found {
			key := filepath.Clean(p)
			i, ok := at[key]
			if !ok {
				i = len(ra.files)
				at[key] = i
				ra.files = append(ra.files, renderFile{path: p, walked: true})
			}
			d.files = append(d.files, i)
		}
		ra.dirs = append(ra.dirs, d)
	}
	return ra
}

// paths are the files to read, in order, and where each is in files:
// standard input is not among them.
func (ra renderArgs) paths() (paths []string, at []int) {
	for i, f := range ra.files {
		if !f.stdin {
			paths = append(paths, f.path)
			at = append(at, i)
		}
	}
	return paths, at
}

// validate reads and validates every file, standard input as validate -
// does, and returns their results in the order of files (nil for one that
// could not be read).
func (ra renderArgs) validate(ctx context.Context, l *framework.Loader, in io.Reader) ([]*framework.Result, []error) {
	paths, at := ra.paths()
	found, errs := l.ValidateAll(paths, 0)
	results := make([]*framework.Result, len(ra.files))
	for j, r := range found {
		results[at[j]] = r
	}
	for i, f := range ra.files {
		if f.stdin {
			r, err := validateStdinCtx(ctx, l, in)
			results[i] = r
			if err != nil {
				errs = append(errs, err)
			}
		}
	}
	return results, errs
}

// name is the base name of files[i]'s documents.
func (ra renderArgs) name(i int) string {
	if ra.files[i].stdin {
		return stdinDocs
	}
	return render.Name(ra.files[i].path)
}

// programs are the results the run writes documents for, in order. A
// program read from standard input goes as a copy whose path names its
// documents: render names them after the path, and its findings, which
// name <stdin>, have been reported already. (render also checks that no
// output is the file at that path; none is, as every output has an
// extension.)
func (ra renderArgs) programs(results []*framework.Result) []*framework.Result {
	var out []*framework.Result
	for i, r := range results {
		if !ra.rendered(i, r) {
			continue
		}
		if ra.files[i].stdin {
			c := *r
			c.Path = stdinDocs
			r = &c
		}
		out = append(out, r)
	}
	return out
}

// rendered reports whether files[i] is one the run writes documents for
// (given its validation result, nil when it could not be read): every
// named file, since a named file that is not a program is refused, and
// every walked program. The other walked files are the programs'
// frameworks: validated, never rendered.
func (ra renderArgs) rendered(i int, r *framework.Result) bool {
	return !ra.files[i].walked || r != nil && r.Kind == framework.KindProgram
}

// checkNames refuses a run where two rendered files have the same name,
// and so would write the same documents. (That a document would replace a
// file the run reads, render.WriteAll refuses: a walked framework, the only
// input it does not see, is a .yaml file, which no document is.)
func (ra renderArgs) checkNames(results []*framework.Result) error {
	seen := map[string]string{}
	for i, f := range ra.files {
		if !ra.rendered(i, results[i]) {
			continue
		}
		p, name := f.path, ra.name(i)
		if first, dup := seen[name]; dup {
			if !f.stdin && filepath.Clean(first) == filepath.Clean(p) {
				return fmt.Errorf("%s is named twice; name each program once", p)
			}
			// One run writes into one directory: the advice is two runs.
			return fmt.Errorf("%s and %s would both write %s; render them in separate runs, into different directories (-o)", first, p, name+".*")
		}
		seen[name] = p
	}
	return nil
}

// checkDirs refuses a folder that holds no program. A file whose kind is
// unknown (it has no valid kind: key) may be a program with a mistake: its
// findings say more than this error would, so it counts as one.
func (ra renderArgs) checkDirs(results []*framework.Result) error {
	for _, d := range ra.dirs {
		frameworks, other := 0, false
		for _, i := range d.files {
			if r := results[i]; r != nil && r.Kind == framework.KindFramework {
				frameworks++
			} else {
				other = true
			}
		}
		if other {
			continue
		}
		found := "none"
		switch {
		case frameworks == 1:
			found = "only a framework"
		case frameworks > 1:
			found = fmt.Sprintf("only %d frameworks", frameworks)
		}
		return fmt.Errorf("%s: no program to render: render looks in a folder for *.yaml and *.yml files with kind: program (hidden files and folders skipped); this one has %s", d.path, found)
	}
	return nil
}
