package skeleton

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
)

// skeletonCase is one framework and the options to write a skeleton with.
type skeletonCase struct {
	name string
	fw   *framework.Resolved
	opts Options
}

// skeletonCases covers every catalog framework with every approach it
// allows, and a framework file that extends one, with and without its
// specialization. File frameworks are referred to from dir, where the
// skeletons are written.
func skeletonCases(t *testing.T, dir string) []skeletonCase {
	t.Helper()
	l := framework.NewLoader()
	refs := map[string]*framework.Resolved{}
	for _, id := range l.CatalogIDs() {
		fw, err := l.Catalog(id)
		if err != nil {
			t.Fatal(err)
		}
		refs[id] = fw
	}
	for _, src := range []string{"../../examples/medical-coder-roi.framework.yaml", "../testdata/fw/mini.yaml", "../testdata/fw/restricted.yaml", "../testdata/fw/hybrid.yaml"} {
		ref := filepath.Base(src)
		copyFile(t, src, filepath.Join(dir, ref))
		refs[ref] = resolveFile(t, l, src)
	}
	var cases []skeletonCase
	for ref, fw := range refs {
		cases = append(cases, skeletonCase{ref + "-default", fw, Options{Ref: ref}})
		for _, a := range []string{framework.CompetencyBased, framework.TimeBased, framework.Hybrid} {
			if !fw.AllowsApproach(a) {
				continue
			}
			cases = append(cases, skeletonCase{ref + "-" + a, fw, Options{Ref: ref, Approach: a}})
			for _, s := range fw.Specializations {
				cases = append(cases, skeletonCase{ref + "-" + a + "-" + s.ID.Value, fw, Options{Ref: ref, Approach: a, Specialization: s.ID.Value}})
			}
		}
	}
	return cases
}

func resolveFile(t *testing.T, l *framework.Loader, path string) *framework.Resolved {
	t.Helper()
	f, err := l.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	fw, findings := l.ResolveFramework(f)
	if fw == nil || framework.HasErrors(findings, false) {
		t.Fatalf("%s does not resolve: %v", path, findings)
	}
	return fw
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeSkeleton writes the skeleton of c into dir and returns its path and text.
func writeSkeleton(t *testing.T, dir string, c skeletonCase) (string, string) {
	t.Helper()
	data, err := Program(c.fw, c.opts)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, c.name+".program.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, string(data)
}

// TestSkeletonFindingsAreTodos checks the promise of `wpsgen init`: an
// untouched skeleton has findings, and every one of them is on a line
// marked TODO.
func TestSkeletonFindingsAreTodos(t *testing.T) {
	dir := t.TempDir()
	for _, c := range skeletonCases(t, dir) {
		t.Run(c.name, func(t *testing.T) {
			path, text := writeSkeleton(t, dir, c)
			res, err := framework.NewLoader().Validate(path)
			if err != nil {
				t.Fatal(err)
			}
			if !framework.HasErrors(res.Findings, false) {
				t.Error("an untouched skeleton validates; its TODOs should be reported")
			}
			lines := strings.Split(text, "\n")
			for _, f := range res.Findings {
				if f.Pos.File != path || !onTodo(lines, f) {
					t.Errorf("finding not on a TODO line: %s\n  line: %s", f, lines[f.Pos.Line-1])
				}
			}
		})
	}
}

// onTodo reports whether a finding is on a line marked TODO.
func onTodo(lines []string, f framework.Finding) bool {
	return strings.Contains(lines[f.Pos.Line-1], Todo)
}

// TestSkeletonContent checks what a skeleton lists: the schema line first,
// core items active with the approach's hours keys, optional items
// commented out, and every competency's text beside its id.
func TestSkeletonContent(t *testing.T) {
	dir := t.TempDir()
	for _, c := range skeletonCases(t, dir) {
		t.Run(c.name, func(t *testing.T) {
			_, text := writeSkeleton(t, dir, c)
			if first, _, _ := strings.Cut(text, "\n"); first != "# yaml-language-server: $schema="+framework.SchemaURL(framework.KindProgram) {
				t.Errorf("first line is %q", first)
			}
			f := framework.Parse("skeleton.yaml", []byte(text))
			for _, finding := range f.Findings {
				if !strings.Contains(finding.Message, "needs a value") {
					t.Errorf("unexpected schema finding: %s", finding)
				}
			}
			p := f.Program
			approach := c.opts.Approach
			if approach == "" {
				approach = DefaultApproach(c.fw)
			}
			if p.Approach.Value != approach || p.Framework.Value != c.opts.Ref {
				t.Errorf("approach %q, framework %q", p.Approach.Value, p.Framework.Value)
			}
			checkTermKeys(t, p.Term, approach)
			listed := map[string]*framework.ProgramJobFunction{}
			for _, jf := range p.JobFunctions {
				listed[jf.ID.Value] = jf
				checkHoursKeys(t, jf, approach)
			}
			jfs := c.fw.JobFunctions
			if c.opts.Specialization != "" {
				if p.Occupation.Specialization.Value != c.opts.Specialization {
					t.Errorf("occupation.specialization is %q", p.Occupation.Specialization.Value)
				}
				jfs = append(jfs[:len(jfs):len(jfs)], c.fw.Specialization(c.opts.Specialization).JobFunctions...)
			} else {
				for _, s := range c.fw.Specializations {
					if !strings.Contains(text, "#   "+s.ID.Value+": "+s.Title.Value) {
						t.Errorf("specialization %s is not listed", s.ID.Value)
					}
				}
			}
			comments := commentText(text)
			for _, jf := range jfs {
				checkJobFunctionListed(t, jf, listed[jf.ID.Value], text, comments)
			}
			if len(listed) != countCore(jfs) {
				t.Errorf("%d job functions listed, want the %d core ones", len(listed), countCore(jfs))
			}
		})
	}
}

// checkJobFunctionListed checks one framework job function in a skeleton:
// active when core (with exactly its core competencies), commented out when
// optional, and every competency's text among the comments.
func checkJobFunctionListed(t *testing.T, jf *framework.JobFunction, got *framework.ProgramJobFunction, text, comments string) {
	t.Helper()
	if jf.IsCore() != (got != nil) {
		t.Errorf("job function %s (core: %v) listed: %v", jf.ID.Value, jf.IsCore(), got != nil)
	}
	if !jf.IsCore() && !regexp.MustCompile(`(?m)^  # - id: "?`+regexp.QuoteMeta(jf.ID.Value)+`"?  #`).MatchString(text) {
		t.Errorf("optional job function %s is not commented out", jf.ID.Value)
	}
	var core []string
	for _, comp := range jf.Competencies {
		if !strings.Contains(comments, strings.Join(strings.Fields(comp.Text.Value), " ")) {
			t.Errorf("the text of %s.%s is not in the comments", jf.ID.Value, comp.ID.Value)
		}
		if comp.IsCore() {
			core = append(core, comp.ID.Value)
		}
	}
	if got == nil {
		return
	}
	var ids []string
	for _, comp := range got.Competencies {
		ids = append(ids, comp.ID.Value)
	}
	if strings.Join(ids, ",") != strings.Join(core, ",") {
		t.Errorf("job function %s lists competencies %v, want the core ones %v", jf.ID.Value, ids, core)
	}
}

func countCore(jfs []*framework.JobFunction) int {
	n := 0
	for _, jf := range jfs {
		if jf.IsCore() {
			n++
		}
	}
	return n
}

// commentText joins the text of every comment, whitespace collapsed, so a
// wrapped comment reads as one sentence.
func commentText(text string) string {
	var parts []string
	for _, line := range strings.Split(text, "\n") {
		if _, c, ok := strings.Cut(line, "# "); ok {
			parts = append(parts, strings.ReplaceAll(c, "# ", ""))
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

func checkTermKeys(t *testing.T, term *framework.Term, approach string) {
	t.Helper()
	want := map[string][]string{framework.TimeBased: {"hours"}, framework.Hybrid: {"min_hours", "max_hours"}, framework.CompetencyBased: {"months"}}[approach]
	for _, k := range []string{"hours", "min_hours", "max_hours", "months", "years"} {
		if term.Has(k) != slices.Contains(want, k) {
			t.Errorf("%s term: has %s = %v", approach, k, term.Has(k))
		}
	}
}

func checkHoursKeys(t *testing.T, jf *framework.ProgramJobFunction, approach string) {
	t.Helper()
	has := [3]bool{jf.Has("hours"), jf.Has("min_hours"), jf.Has("max_hours")}
	want := map[string][3]bool{framework.TimeBased: {true, false, false}, framework.Hybrid: {false, true, true}, framework.CompetencyBased: {}}[approach]
	if has != want {
		t.Errorf("%s job function %s: hours, min_hours, max_hours present = %v, want %v", approach, jf.ID.Value, has, want)
	}
}

func TestSkeletonRefusals(t *testing.T) {
	l := framework.NewLoader()
	coder, err := l.Catalog("medical-coder")
	if err != nil {
		t.Fatal(err)
	}
	restricted := resolveFile(t, l, "../testdata/fw/restricted.yaml")
	for _, c := range []struct {
		fw   *framework.Resolved
		opts Options
		want string
	}{
		{coder, Options{Ref: "medical-coder", Approach: "time based"}, `unknown approach "time based"`},
		{restricted, Options{Ref: "r.yaml", Approach: framework.TimeBased}, "does not allow the time-based approach (it allows competency-based)"},
		{coder, Options{Ref: "medical-coder", Specialization: "roi"}, `has no specialization "roi"; it has none`},
	} {
		if _, err := Program(c.fw, c.opts); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Program(%s, %+v) error = %v, want %q", c.fw.ID.Value, c.opts, err, c.want)
		}
	}
}

func TestDefaultApproach(t *testing.T) {
	l := framework.NewLoader()
	for path, want := range map[string]string{
		"../testdata/fw/hybrid.yaml":     framework.Hybrid,          // RAPIDS 0414HY
		"../testdata/fw/restricted.yaml": framework.CompetencyBased, // 1065CB
		"../testdata/fw/mini.yaml":       framework.TimeBased,       // no RAPIDS code, every approach
	} {
		if got := DefaultApproach(resolveFile(t, l, path)); got != want {
			t.Errorf("DefaultApproach(%s) = %s, want %s", path, got, want)
		}
	}
}

func TestWrap(t *testing.T) {
	text := strings.Repeat("word ", 30)
	for _, l := range wrap(text, 42) {
		if len(l) > 42 {
			t.Errorf("line of %d runes: %q", len(l), l)
		}
	}
	if got := strings.Join(wrap(text, 42), " "); got != strings.TrimSpace(text) {
		t.Errorf("wrap lost words: %q", got)
	}
	if got := wrap("a-very-long-word-that-cannot-be-split-anywhere-at-all-in-any-way", 40); len(got) != 1 {
		t.Errorf("a long word is split: %q", got)
	}
}

// TestSkeletonStandardsSections uncomments the commented-out standards
// sections (probation to interim credentials) of every skeleton: read as
// they are written, they add no finding of their own.
func TestSkeletonStandardsSections(t *testing.T) {
	dir := t.TempDir()
	for _, c := range skeletonCases(t, dir) {
		t.Run(c.name, func(t *testing.T) {
			path, text := writeSkeleton(t, dir, c)
			lines := strings.Split(text, "\n")
			in, uncommented := false, 0
			for i, l := range lines {
				switch {
				case strings.HasPrefix(l, "# probation:"):
					in = true
				case !strings.HasPrefix(l, "# "):
					in = false
				}
				if in {
					lines[i] = strings.TrimPrefix(l, "# ")
					uncommented++
				}
			}
			if uncommented < 15 {
				t.Fatalf("only %d lines of standards sections found", uncommented)
			}
			text = strings.Join(lines, "\n")
			for _, key := range []string{"\nprobation:", "\nratio:", "\nwages:", "\nselection_procedures:", "\n  - Applicants"} {
				if !strings.Contains(text, key) {
					t.Errorf("no %q placeholder", strings.TrimSpace(key))
				}
			}
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := framework.NewLoader().Validate(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res.Findings {
				if !onTodo(lines, f) {
					t.Errorf("finding not on a TODO line: %s\n  line: %s", f, lines[f.Pos.Line-1])
				}
			}
		})
	}
}
