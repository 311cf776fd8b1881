package render_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/render"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// programs are the example and test programs (templatestest.Programs).
func programs(t testing.TB) []string {
	t.Helper()
	paths, err := templatestest.Programs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

func output(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

var space = regexp.MustCompile(`\s+`)

// words normalizes text the way it reads: whitespace folded, so a wrapped
// line still matches. Hyphenation is never added by the renderer.
func words(s string) string { return strings.TrimSpace(space.ReplaceAllString(s, " ")) }

func renderAll(t *testing.T, dir string) map[string]*templates.Layout {
	t.Helper()
	docs, err := renderInto(dir)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// renderInto renders every test program into dir, each alone (with a
// Loader of its own), and returns the layout of each, by name.
func renderInto(dir string) (map[string]*templates.Layout, error) {
	paths, err := templatestest.Programs("../..")
	if err != nil {
		return nil, err
	}
	docs := map[string]*templates.Layout{}
	for _, p := range paths {
		l := framework.NewLoader()
		res, err := render.Program(l, p, render.Options{Dir: dir})
		if err != nil {
			return nil, fmt.Errorf("%s: %v %v", p, err, res.Findings)
		}
		vr, _ := l.Validate(p)
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		docs[name] = templates.Build(vr.Schedule, name)
	}
	return docs, nil
}

// rendered is every test program rendered once per test process, for the
// tests that only read the documents (TestMain removes the directory).
var rendered struct {
	once sync.Once
	dir  string
	docs map[string]*templates.Layout
	err  error
}

// renderedAll returns the directory of the shared renders and the layout
// of each program. The tests must not change the files.
func renderedAll(t *testing.T) (string, map[string]*templates.Layout) {
	t.Helper()
	rendered.once.Do(func() {
		if rendered.dir, rendered.err = os.MkdirTemp("", "wpsgen-rendered-"); rendered.err == nil {
			rendered.docs, rendered.err = renderInto(rendered.dir)
		}
	})
	if rendered.err != nil {
		t.Fatal(rendered.err)
	}
	return rendered.dir, rendered.docs
}

// TestDocumentsReadBack reads every rendered example the way users and
// agencies do: pdftotext for the text, qpdf for structure, mutool for empty
// boxes, openpyxl for the workbook.
func TestDocumentsReadBack(t *testing.T) {
	t.Parallel()
	templatestest.NeedTools(t, "pdftotext", "qpdf", "mutool")
	pdftotext, qpdf, mutool := "pdftotext", "qpdf", "mutool"
	dir, docs := renderedAll(t)
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			t.Parallel() // the readers are other processes: overlap their start-up
			pdf := filepath.Join(dir, name+".pdf")
			output(t, qpdf, "--check", pdf)
			text := words(output(t, pdftotext, "-layout", pdf, "-"))
			raw := words(output(t, pdftotext, "-raw", pdf, "-"))
			has := func(what, s string) {
				if s = words(s); s != "" && !strings.Contains(raw, s) && !strings.Contains(text, s) {
					t.Errorf("PDF lacks %s %q", what, s)
				}
			}
			const wps = "Work Process Schedule"
			for _, h := range templatestest.Blocks[*templates.Heading](d) {
				has("heading", h.Text) // the title, the occupation, the specialization ...
			}
			for _, f := range templatestest.Fields(d, wps) { // the codes first
				if f.Kind == templates.FieldItems {
					for _, item := range f.Items {
						has(f.Label, "• "+item) // a bulleted list
					}
					continue
				}
				has(f.Label, f.Value)
			}
			for _, jf := range templatestest.JobFunctions(d) {
				has("job function", jf.Title)
				for _, r := range jf.Rows {
					if r.Indent == 0 {
						has("competency "+jf.ID+" "+r.Cells[0].Prefix, r.Cells[0].Text)
					}
				}
			}
			for _, tot := range templatestest.Totals(d) {
				if tot.Table == "OJL_Totals" {
					has(tot.Label, tot.Cell.Text)
				}
			}
			for _, r := range templatestest.Table(d, "RTI_Courses").Rows {
				switch r.Kind {
				case templates.RowBody:
					has("course", r.Cells[0].Text)
					has("course number", r.Cells[1].Text)
					has("course hours", r.Cells[2].Text)
				case templates.RowTotal:
					has("RTI total", r.Cells[1].Text)
				}
			}
			has("signature block", "For Registration Agency use")
			if trace := output(t, mutool, "trace", pdf); strings.Contains(trace, `glyph="0"`) {
				t.Errorf("a character is drawn as an empty box (glyph 0)")
			}
		})
	}
}

// TestWorkbookReadBack checks each workbook with openpyxl: formulas carry
// cached values, codes are text, hours are numbers.
func TestWorkbookReadBack(t *testing.T) {
	t.Parallel()
	python := templatestest.Python(t)
	dir, docs := renderedAll(t)
	// One Python process reads every workbook: importing openpyxl costs
	// more than reading a workbook.
	script := `
import sys, openpyxl
for f in sys.argv[1:]:
    print("W\t" + f)
    wf, wv = openpyxl.load_workbook(f), openpyxl.load_workbook(f, data_only=True)
    visible = [ws for ws in wf.worksheets if ws.sheet_state == "visible"]
    assert [ws.title for ws in visible] == ["Appendix A", "Work Process Schedule", "RTI Plan"], wf.sheetnames
    assert wf.sheetnames[3:] == ["wpsgen"] and wf["wpsgen"].sheet_state == "veryHidden", wf.sheetnames
    for ws in visible:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    v = wv[ws.title][c.coordinate].value
                    assert v is not None, "%s!%s formula %s has no cached value" % (ws.title, c.coordinate, c.value)
                    print("F\t" + ws.title + "\t" + c.coordinate + "\t" + repr(v))
                elif isinstance(c.value, str):
                    print("S\t" + ws.title + "\t" + c.coordinate + "\t" + c.value.replace("\n", " "))
                elif isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    print("N\t" + ws.title + "\t" + c.coordinate + "\t" + repr(c.value))
`
	args := []string{"-c", script}
	for name := range docs {
		args = append(args, filepath.Join(dir, name+".xlsx"))
	}
	outputs := map[string]string{} // workbook path -> its lines
	var file string
	for _, line := range strings.SplitAfter(output(t, python, args...), "\n") {
		if f, ok := strings.CutPrefix(line, "W\t"); ok {
			file = strings.TrimSuffix(f, "\n")
			continue
		}
		outputs[file] += line
	}
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			out, ok := outputs[filepath.Join(dir, name+".xlsx")]
			if !ok {
				t.Fatal("openpyxl did not read the workbook")
			}
			strs, nums, formulas := map[string]bool{}, map[string]bool{}, map[string]bool{}
			for _, line := range strings.Split(out, "\n") {
				parts := strings.SplitN(line, "\t", 4)
				if len(parts) < 4 {
					continue
				}
				switch parts[0] {
				case "S":
					strs[words(parts[3])] = true
				case "N":
					nums[strings.TrimSuffix(parts[3], ".0")] = true
				case "F":
					formulas[strings.TrimSuffix(parts[3], ".0")] = true
				}
			}
			hasStr := func(what, s string) {
				if s == "" {
					return
				}
				for k := range strs {
					if strings.Contains(k, words(s)) {
						return
					}
				}
				t.Errorf("workbook lacks %s %q as text", what, s)
			}
			hasStr("O*NET code", templatestest.Field(d, "Work Process Schedule", "O*NET Code").Value)
			hasStr("RAPIDS code", templatestest.Field(d, "Work Process Schedule", "RAPIDS Code").Value)
			for _, r := range templatestest.Table(d, "RTI_Courses").Rows {
				if r.Kind == templates.RowBody {
					hasStr("course number", r.Cells[1].Text)
					if !nums[num(r.Cells[2].Num.Float64())] {
						t.Errorf("course hours %v not stored as a number", r.Cells[2].Text)
					}
				}
			}
			for _, tot := range templatestest.Totals(d) {
				if tot.Table == "OJL_Totals" || tot.Label == "Total RTI hours" {
					if !formulas[num(tot.Cell.Num.Float64())] {
						t.Errorf("total %s = %v is not a formula with that cached value (formulas: %v)", tot.Label, tot.Cell.Text, formulas)
					}
				}
			}
		})
	}
}

// num formats v as Python's repr prints it, less a trailing ".0".
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// TestReproducible: the same input gives byte-identical files.
func TestReproducible(t *testing.T) {
	t.Parallel()
	a, _ := renderedAll(t)
	b := t.TempDir()
	renderAll(t, b)
	files, _ := filepath.Glob(filepath.Join(a, "*"))
	if len(files) == 0 {
		t.Fatal("nothing rendered")
	}
	for _, f := range files {
		x, _ := os.ReadFile(f)
		y, err := os.ReadFile(filepath.Join(b, filepath.Base(f)))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two renders", filepath.Base(f))
		}
	}
}

// TestInvalidProgramWritesNothing: errors mean no output, and an earlier
// output stays as it was.
func TestInvalidProgramWritesNothing(t *testing.T) {
	src, err := os.ReadFile("../../examples/ehr-specialist-hybrid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := t.TempDir()
	p := filepath.Join(in, "broken.yaml")
	if err := os.WriteFile(p, bytes.Replace(src, []byte("approach: hybrid"), []byte("approach: hybird"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	earlier := filepath.Join(out, "broken.pdf")
	if err := os.WriteFile(earlier, []byte("earlier"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := render.Program(framework.NewLoader(), p, render.Options{Dir: out})
	if err != render.ErrInvalid || len(res.Written) != 0 {
		t.Fatalf("err %v, wrote %v", err, res.Written)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Errorf("output dir holds %d files, want only the earlier one", len(entries))
	}
	if data, _ := os.ReadFile(earlier); string(data) != "earlier" {
		t.Error("earlier output was modified")
	}
}

// TestWriteFileFailure: a render that fails leaves neither the target nor a
// temporary file behind, and keeps an earlier file.
func TestWriteFileFailure(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "x.pdf")
	if err := os.WriteFile(target, []byte("earlier"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := render.WriteFile(target, func(w io.Writer) error {
		w.Write([]byte("half a document"))
		return os.ErrInvalid
	})
	if err == nil {
		t.Fatal("no error")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("dir holds %d entries, want 1", len(entries))
	}
	if data, _ := os.ReadFile(target); string(data) != "earlier" {
		t.Errorf("earlier file changed to %q", data)
	}
	if err := render.WriteFile(filepath.Join(dir, "missing", "y.pdf"), func(io.Writer) error { return nil }); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}
