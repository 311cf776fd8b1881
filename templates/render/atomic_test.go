package render_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/format"
	"github.com/wpsgen/wpsgen/templates/render"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// failing is a format whose render writes part of a document, then fails.
type failing struct{}

func (failing) Name() string       { return "fail" }
func (failing) Ext() string        { return ".fail" }
func (failing) CanPrint(rune) bool { return true }
func (failing) Render(w io.Writer, _ *templates.Layout, _ format.Options) error {
	w.Write([]byte("half a document"))
	return errors.New("disk on fire")
}

// example copies examples/medical-coder-cb.yaml to dir under name and
// returns its validation.
func example(t *testing.T, dir, name string) *framework.Result {
	t.Helper()
	src, err := os.ReadFile("../../examples/medical-coder-cb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, src, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := framework.NewLoader().Validate(p)
	if err != nil || !res.OK(false) {
		t.Fatalf("%v %v", err, res.Findings)
	}
	return res
}

func list(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// A run whose last document fails replaces none of the earlier outputs and
// leaves no temporary file, whichever program or format failed.
func TestWriteAllOrNothing(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	a, b := example(t, in, "a.yaml"), example(t, in, "b.yaml")
	for _, f := range []string{"a.pdf", "a.xlsx", "b.pdf"} {
		if err := os.WriteFile(filepath.Join(out, f), []byte("earlier"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := list(t, out)
	_, err := render.WriteAll(context.Background(), []*framework.Result{a, b},
		render.Options{Dir: out, Formats: []format.Format{format.PDF, format.XLSX, failing{}}})
	var we *render.WriteError
	if !errors.As(err, &we) || !strings.HasSuffix(we.Path, "a.fail") || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("err %v", err)
	}
	if got := list(t, out); !slices.Equal(got, before) {
		t.Errorf("output dir now holds %v, was %v", got, before)
	}
	for _, f := range before {
		if data, _ := os.ReadFile(filepath.Join(out, f)); string(data) != "earlier" {
			t.Errorf("%s was replaced", f)
		}
	}
	written, err := render.WriteAll(context.Background(), []*framework.Result{a, b}, render.Options{Dir: out})
	if err != nil || len(written) != 4 {
		t.Fatalf("wrote %v, %v", written, err)
	}
	if got := list(t, out); !slices.Equal(got, []string{"a.pdf", "a.xlsx", "b.pdf", "b.xlsx"}) {
		t.Errorf("output dir holds %v", got)
	}
}

// A cancelled run (SIGINT, SIGTERM) writes nothing and leaves no temporary.
func TestWriteAllCancelled(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	a := example(t, in, "a.yaml")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := render.WriteAll(ctx, []*framework.Result{a}, render.Options{Dir: out}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if got := list(t, out); len(got) != 0 {
		t.Errorf("wrote %v", got)
	}
	// Cancelled in the middle of a document: the writer stops it.
	ctx, cancel = context.WithCancel(context.Background())
	stop := stopping{cancel}
	if _, err := render.WriteAll(ctx, []*framework.Result{a}, render.Options{Dir: out, Formats: []format.Format{format.PDF, stop}}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if got := list(t, out); len(got) != 0 {
		t.Errorf("wrote %v", got)
	}
}

// stopping cancels the run while it writes its document.
type stopping struct{ cancel func() }

func (stopping) Name() string       { return "stop" }
func (stopping) Ext() string        { return ".stop" }
func (stopping) CanPrint(rune) bool { return true }
func (s stopping) Render(w io.Writer, _ *templates.Layout, _ format.Options) error {
	s.cancel()
	_, err := w.Write([]byte("more"))
	return err
}

// New files follow the umask; a replaced file keeps its mode.
func TestWriteModes(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	in, out := t.TempDir(), t.TempDir()
	a := example(t, in, "a.yaml")
	private := filepath.Join(out, "a.xlsx")
	if err := os.WriteFile(private, []byte("earlier"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := render.WriteAll(context.Background(), []*framework.Result{a}, render.Options{Dir: out}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]os.FileMode{"a.pdf": 0o640, "a.xlsx": 0o600} {
		fi, err := os.Stat(filepath.Join(out, name))
		if err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v (%v)", name, fi.Mode().Perm(), want, err)
		}
	}
}

// A 250-character program name is legal: the temporary names must not add
// to it. A directory where a document goes replaces nothing.
func TestWriteNames(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	long := example(t, in, strings.Repeat("n", 250)+".yaml")
	if _, err := render.WriteAll(context.Background(), []*framework.Result{long}, render.Options{Dir: out}); err != nil {
		t.Fatalf("250-character name: %v", err)
	}
	a := example(t, in, "a.yaml")
	if err := os.WriteFile(filepath.Join(out, "a.pdf"), []byte("earlier"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(out, "a.xlsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := render.WriteAll(context.Background(), []*framework.Result{a}, render.Options{Dir: out})
	var we *render.WriteError
	if !errors.As(err, &we) || !strings.Contains(err.Error(), "not a regular file") {
		t.Fatalf("err %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "a.pdf")); string(data) != "earlier" {
		t.Error("a.pdf was replaced")
	}
	if got := len(list(t, out)); got != 4 {
		t.Errorf("output dir holds %v", list(t, out))
	}
}

// An output that is one of the inputs is refused before anything is written.
func TestWriteRefusesInput(t *testing.T) {
	in := t.TempDir()
	a := example(t, in, "prog.xlsx")
	src, _ := os.ReadFile(a.Path)
	_, err := render.WriteAll(context.Background(), []*framework.Result{a}, render.Options{Dir: in})
	var ce *render.ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("err %v", err)
	}
	if got := list(t, in); !slices.Equal(got, []string{"prog.xlsx"}) {
		t.Errorf("dir holds %v", got)
	}
	if now, _ := os.ReadFile(a.Path); string(now) != string(src) {
		t.Error("the input was overwritten")
	}
	// The same file through another path (a link) is the same input.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(in, link); err != nil {
		t.Skip(err)
	}
	if err := render.NewInputs([]string{a.Path}).Check([]string{filepath.Join(link, "prog.xlsx")}); err == nil {
		t.Error("the input through a linked directory is not seen as the input")
	}
	if err := render.NewInputs([]string{"x/../prog.yaml"}).Check([]string{"prog.yaml"}); err == nil {
		t.Error("uncleaned paths hide the conflict")
	}
}

// Dates outside the years 1900-9999 cannot be recorded: refused.
func TestDates(t *testing.T) {
	for _, tc := range []struct {
		epoch string
		ok    bool
	}{{"0", true}, {"-2208988800", true}, {"-2208988801", false}, {"253402300799", true}, {"253402300800", false}, {"9000000000000000000", false}} {
		t.Setenv("SOURCE_DATE_EPOCH", tc.epoch)
		_, _, err := render.SourceDateEpoch()
		if (err == nil) != tc.ok {
			t.Errorf("SOURCE_DATE_EPOCH=%s: %v", tc.epoch, err)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	in := t.TempDir()
	src, _ := os.ReadFile("../../examples/medical-coder-cb.yaml")
	p := filepath.Join(in, "old.yaml")
	os.WriteFile(p, []byte(strings.Replace(string(src), "date: 2026-11-01", "date: 0000-01-01", 1)), 0o644)
	res, err := framework.NewLoader().Validate(p)
	if err != nil {
		t.Fatal(err)
	}
	fs, ok := render.Ready(res, false)
	if ok || len(fs) == 0 || !strings.Contains(fs[len(fs)-1].Message, "outside the years 1900-9999") || fs[len(fs)-1].Pos.Line != 12 {
		t.Errorf("ok %v, findings %v", ok, fs)
	}
}

// A program that validates renders, and its derived numbers are exact:
// 864.09 hours over 6 years is 144.015, rounded half-up to 144.02 (a float
// average said 144.01 and the XLSX refused the program).
func TestExactAverage(t *testing.T) {
	out := t.TempDir()
	res, err := render.Program(framework.NewLoader(), "testdata/exact/twelve-thousand-hours.yaml", render.Options{Dir: out})
	if err != nil {
		t.Fatalf("%v %v", err, res)
	}
	text := output(t, "pdftotext", "-layout", filepath.Join(out, "twelve-thousand-hours.pdf"), "-")
	if !strings.Contains(words(text), "Hours per year (6 years of term) 144.02") {
		t.Errorf("PDF lacks the exact average:\n%s", text)
	}
	wb, err := excelize.OpenFile(filepath.Join(out, "twelve-thousand-hours.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, _ := wb.GetRows("RTI Plan", excelize.Options{RawCellValue: true})
	found := false
	for _, r := range rows {
		if len(r) >= 3 && strings.HasPrefix(r[0], "Hours per year") {
			found = r[2] == "144.02"
		}
	}
	if !found {
		t.Errorf("XLSX lacks the hours per year 144.02: %q", rows)
	}
}

// The PDF navigates: an outline with the header, every job function, the
// specialization, the RTI plan and the signatures; mailto: links for
// emails; author, subject, keywords and creator in its properties.
func TestPDFNavigates(t *testing.T) {
	templatestest.NeedTools(t, "pdfinfo", "mutool")
	out := t.TempDir()
	if _, err := render.Program(framework.NewLoader(), "../../examples/medical-coder-roi.yaml",
		render.Options{Dir: out, Formats: []format.Format{format.PDF}, Version: "1.2.3"}); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(out, "medical-coder-roi.pdf")
	info := output(t, "pdfinfo", pdf)
	for _, want := range []string{"Author:          Prairie Valley Medical Center", "Keywords:        O*NET 29-2072.00, RAPIDS 1114",
		"Creator:         wpsgen 1.2.3", "Title:           Work Process Schedule: Release of Information Specialist"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	outline := output(t, "mutool", "show", pdf, "outline")
	for _, want := range []string{"\"Work Process Schedule\"", "\t\"JOB FUNCTION 1: ", "\t\"JOB FUNCTION C1: ",
		"\t\"Type of Specialization: Release of Information Specialist\"", "\t\t\"JOB FUNCTION S3: ",
		"\"Related Technical Instruction Plan\"", "\"Signatures\""} {
		if !strings.Contains(outline, want) {
			t.Errorf("outline lacks %q:\n%s", want, outline)
		}
	}
	raw, _ := os.ReadFile(pdf)
	for _, want := range []string{"/URI (mailto:him.apprenticeship@example.org)", "/URI (mailto:workforce@mnriver.example.edu)"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("no link %s", want)
		}
	}
}

// BenchmarkInputsCheck: a run's output check is one stat per output, so
// 1,000 programs cost a thousand times one, not a million.
func BenchmarkInputsCheck(b *testing.B) {
	dir := b.TempDir()
	paths := make([]string, 1000)
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("p%04d.yaml", i))
		if err := os.WriteFile(paths[i], []byte("kind: program\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		in := render.NewInputs(paths)
		for _, p := range paths {
			if err := in.Check([]string{p[:len(p)-5] + ".pdf", p[:len(p)-5] + ".xlsx"}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
