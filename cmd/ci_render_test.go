package cmd

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestGitHubWorkflowDocuments runs the sample workflow's documents job: it
// waits for validation, installs wpsgen as the validate job does, renders
// the directory the validate job checks, and uploads the folder it renders
// into. Run on the examples, the render step writes every example
// program's PDF and XLSX, and nothing for the frameworks beside them.
func TestGitHubWorkflowDocuments(t *testing.T) {
	var wf workflow
	if err := yaml.Unmarshal(mustRead(t, workflowFile), &wf); err != nil {
		t.Fatalf("%s: %v", workflowFile, err)
	}
	job, ok := wf.Jobs["documents"]
	if !ok {
		t.Fatalf("%s has no documents job", workflowFile)
	}
	if job.Needs != "validate" {
		t.Errorf("the documents job needs %q; it must wait for the validate job", job.Needs)
	}
	var install bool
	var render command
	var uploaded string
	for _, step := range job.Steps {
		switch {
		case installStep(t, step.Run):
			install = true
		case strings.HasPrefix(step.Run, "wpsgen "):
			render = parseCommand(t, step.Run)
		case strings.HasPrefix(step.Uses, "actions/upload-artifact@"):
			uploaded = step.With["path"]
		}
	}
	if !install || len(render.args) == 0 || render.args[0] != "render" {
		t.Fatalf("documents job: install %v, render step %q; want both", install, render.args)
	}
	if !slices.Contains(render.args, ciDir) {
		t.Errorf("the render step renders %q, not %s, the directory the validate job checks", render.args, ciDir)
	}
	i := slices.Index(render.args, "-o")
	if i < 0 || i+1 >= len(render.args) {
		t.Fatalf("the render step %q names no -o folder", render.args)
	}
	if out := render.args[i+1]; strings.TrimSuffix(uploaded, "/") != out {
		t.Errorf("the render step writes to %q, the upload step uploads %q", out, uploaded)
	}

	dir := t.TempDir()
	args := render.onPaths(examplesDir)
	args[slices.Index(args, "-o")+1] = dir
	if r := runMain(t, args...); r.code != ExitOK {
		t.Fatalf("%v on the examples: exit %d\n%s%s", args, r.code, r.out, r.errOut)
	}
	var want []string
	entries, err := os.ReadDir(examplesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name, isYAML := strings.CutSuffix(e.Name(), ".yaml")
		if !isYAML || strings.HasSuffix(name, ".framework") || !strings.Contains(string(mustRead(t, filepath.Join(examplesDir, e.Name()))), "kind: program") {
			continue
		}
		want = append(want, name+".pdf", name+".xlsx")
	}
	got, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i] = filepath.Base(got[i])
	}
	slices.Sort(got)
	slices.Sort(want)
	if len(want) < 6 || !slices.Equal(got, want) {
		t.Errorf("the render step wrote %q, want %q", got, want)
	}
}
