package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The CI integration a maintainer copies (docs/ci/github-actions.yml, the
// pre-commit hook in .pre-commit-hooks.yaml, the commands in docs/ci.md) is
// run here, through Main, on the examples and on a broken copy of one.

const (
	workflowFile = "../docs/ci/github-actions.yml"
	hooksFile    = "../.pre-commit-hooks.yaml"
	ciDoc        = "../docs/ci.md"
	examplesDir  = "../examples"
)

// workflow is the part of a GitHub Actions workflow the test reads.
type workflow struct {
	Jobs map[string]struct {
		Needs       string            `yaml:"needs"`
		Permissions map[string]string `yaml:"permissions"`
		Steps       []struct {
			Name string            `yaml:"name"`
			If   string            `yaml:"if"`
			Run  string            `yaml:"run"`
			Uses string            `yaml:"uses"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// command is one wpsgen command line from a CI file: its arguments and the
// file its standard output is redirected to, if any.
type command struct {
	args     []string
	redirect string
}

// parseCommand splits a wpsgen command line. It accepts only words and one
// "> FILE", so the documented commands stay simple enough to paste anywhere.
func parseCommand(t *testing.T, line string) command {
	t.Helper()
	if strings.ContainsAny(line, `|&;$"'`+"`") {
		t.Fatalf("command %q uses shell syntax beyond > redirection", line)
	}
	words := strings.Fields(line)
	var c command
	if i := slices.Index(words, ">"); i >= 0 {
		if i != len(words)-2 {
			t.Fatalf("command %q: > must come last, with one file", line)
		}
		c.redirect, words = words[i+1], words[:i]
	}
	if words[0] != "wpsgen" {
		t.Fatalf("command %q does not run wpsgen", line)
	}
	c.args = words[1:]
	return c
}

// onPaths replaces the paths a CI command validates (. or a directory
// named in the docs) with dir.
func (c command) onPaths(dir string) []string {
	args := slices.Clone(c.args)
	for i, a := range args {
		if a == "." || strings.HasSuffix(a, "/") {
			args[i] = dir
		}
	}
	return args
}

// brokenExamples returns a directory with the examples plus a copy of one
// with an error (a misspelt approach).
func brokenExamples(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(examplesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data := mustRead(t, filepath.Join(examplesDir, e.Name()))
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src := string(mustRead(t, filepath.Join(examplesDir, "ehr-specialist-hybrid.yaml")))
	broken := strings.Replace(src, "approach: hybrid", "approach: hybird", 1)
	if broken == src {
		t.Fatal("could not break the example")
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

var githubLineRE = regexp.MustCompile(`^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=[a-z-]+::.+$`)

// TestGitHubWorkflow runs the sample workflow's wpsgen steps: the install
// step names this module's command, the validate steps pass on the examples
// and fail on an error, and the SARIF step writes the file the upload step
// publishes.
func TestGitHubWorkflow(t *testing.T) {
	var wf workflow
	if err := yaml.Unmarshal(mustRead(t, workflowFile), &wf); err != nil {
		t.Fatalf("%s: %v", workflowFile, err)
	}
	job, ok := wf.Jobs["validate"]
	if !ok {
		t.Fatalf("%s has no validate job", workflowFile)
	}
	if job.Permissions["security-events"] != "write" {
		t.Error("the job needs security-events: write to upload SARIF")
	}
	var install, annotate, sarif, upload bool
	for _, step := range job.Steps {
		switch {
		case installStep(t, step.Run):
			install = true
		case strings.HasPrefix(step.Run, "wpsgen "):
			c := parseCommand(t, step.Run)
			checkValidatesDir(t, c)
			format := c.args[slices.Index(c.args, "--format")+1]
			switch format {
			case "github":
				annotate = true
				checkGitHubStep(t, c)
			case "sarif":
				sarif = true
				if step.If != "always()" {
					t.Error("the SARIF step must run even when validation failed (if: always())")
				}
				checkSARIFStep(t, c, job.Steps[len(job.Steps)-1].With["sarif_file"])
			default:
				t.Errorf("unexpected format %q in %q", format, step.Run)
			}
		case strings.HasPrefix(step.Uses, "github/codeql-action/upload-sarif@"):
			upload = step.If == "always()" && step.With["sarif_file"] != ""
		}
	}
	if !install || !annotate || !sarif || !upload {
		t.Errorf("workflow steps: install %v, annotations %v, SARIF %v, upload %v; want all", install, annotate, sarif, upload)
	}
}

// ciDir is the directory the CI recipes validate: never ".", which holds
// workflows and other YAML files that are not wpsgen's.
const ciDir = "apprenticeship/"

// checkValidatesDir checks that a documented validate command names ciDir,
// so the workflow and docs/ci.md agree.
func checkValidatesDir(t *testing.T, c command) {
	t.Helper()
	if slices.Contains(c.args, ".") || !slices.Contains(c.args, ciDir) {
		t.Errorf("wpsgen %s: validate %s, the directory docs/ci.md recommends, not .", strings.Join(c.args, " "), ciDir)
	}
}

// checkInstallLine checks that the install command names this module's
// command package.
// staticBuild is how the recipes build wpsgen: without C (see the README).
const staticBuild = "CGO_ENABLED=0 "

// installStep reports whether a workflow step's run line installs wpsgen,
// and checks it when it does.
func installStep(t *testing.T, run string) bool {
	t.Helper()
	if !strings.HasPrefix(strings.TrimPrefix(run, staticBuild), "go install ") {
		return false
	}
	checkInstallLine(t, run)
	return true
}

func checkInstallLine(t *testing.T, line string) {
	t.Helper()
	if !strings.HasPrefix(line, staticBuild) {
		t.Errorf("install step %q does not build without C (%s)", line, staticBuild)
	}
	line = strings.TrimPrefix(line, staticBuild)
	modfile := string(mustRead(t, "../go.mod"))
	module := strings.TrimSpace(strings.TrimPrefix(strings.SplitN(modfile, "\n", 2)[0], "module"))
	if want := "go install " + module + "/cmd/wpsgen@"; !strings.HasPrefix(line, want) {
		t.Errorf("install step %q, want %s...", line, want)
	}
}

func checkGitHubStep(t *testing.T, c command) {
	t.Helper()
	r := runMain(t, c.onPaths(examplesDir)...)
	if r.code != ExitOK {
		t.Fatalf("%v on the examples: exit %d\n%s%s", c.args, r.code, r.out, r.errOut)
	}
	r = runMain(t, c.onPaths(brokenExamples(t))...)
	if r.code != ExitFindings || !strings.Contains(r.out, "::error file=") {
		t.Fatalf("%v with an error: exit %d\n%s", c.args, r.code, r.out)
	}
	for _, line := range strings.Split(strings.TrimSpace(r.out), "\n") {
		if !githubLineRE.MatchString(line) {
			t.Errorf("not a GitHub annotation: %q", line)
		}
	}
}

func checkSARIFStep(t *testing.T, c command, uploaded string) {
	t.Helper()
	if c.redirect == "" || c.redirect != uploaded {
		t.Fatalf("the SARIF step writes %q but the upload step publishes %q", c.redirect, uploaded)
	}
	for _, dir := range []string{examplesDir, brokenExamples(t)} {
		r := runMain(t, c.onPaths(dir)...)
		var log struct {
			Version string `json:"version"`
			Runs    []struct {
				Results []sarifResult `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal([]byte(r.out), &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 {
			t.Fatalf("%v on %s: not SARIF 2.1.0 (%v):\n%.300s", c.args, dir, err, r.out)
		}
		hasError := slices.ContainsFunc(log.Runs[0].Results, func(res sarifResult) bool { return res.Level == "error" })
		if wantErr := dir != examplesDir; hasError != wantErr || (r.code == ExitFindings) != wantErr {
			t.Errorf("%v on %s: exit %d, error results %v", c.args, dir, r.code, hasError)
		}
	}
}

// sarifResult is the part of a SARIF result the test reads.
type sarifResult struct {
	RuleID string `json:"ruleId"`
	Level  string `json:"level"`
}

// hook is an entry of .pre-commit-hooks.yaml.
type hook struct {
	ID            string `yaml:"id"`
	Entry         string `yaml:"entry"`
	Language      string `yaml:"language"`
	Files         string `yaml:"files"`
	PassFilenames bool   `yaml:"pass_filenames"`
}

// TestPreCommitHook runs the hook as pre-commit would: its entry with the
// names of the files its pattern matches.
func TestPreCommitHook(t *testing.T) {
	var hooks []hook
	if err := yaml.Unmarshal(mustRead(t, hooksFile), &hooks); err != nil {
		t.Fatalf("%s: %v", hooksFile, err)
	}
	i := slices.IndexFunc(hooks, func(h hook) bool { return h.ID == "wpsgen-validate" })
	if i < 0 {
		t.Fatalf("%s has no wpsgen-validate hook", hooksFile)
	}
	h := hooks[i]
	if h.Language != "golang" || !h.PassFilenames {
		t.Errorf("hook: language %q, pass_filenames %v; want golang, true", h.Language, h.PassFilenames)
	}
	files := regexp.MustCompile(h.Files)
	for name, want := range map[string]bool{"a/program.yaml": true, "b.yml": true, "README.md": false, "x.yaml.bak": false} {
		if files.MatchString(name) != want {
			t.Errorf("files pattern %q on %s: %v", h.Files, name, !want)
		}
	}
	for _, dir := range []string{examplesDir, brokenExamples(t)} {
		var names []string
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if files.MatchString(e.Name()) {
				names = append(names, filepath.Join(dir, e.Name()))
			}
		}
		c := parseCommand(t, h.Entry)
		r := runMain(t, append(c.args, names...)...)
		if want := map[bool]int{true: ExitOK, false: ExitFindings}[dir == examplesDir]; r.code != want {
			t.Errorf("hook on %s: exit %d, want %d\n%s", dir, r.code, want, r.out)
		}
	}
}

// TestCIDoc checks docs/ci.md: it shows the sample workflow as it is, its
// commands run, and its pre-commit configuration names the hook with a
// pattern that narrows it to one directory.
func TestCIDoc(t *testing.T) {
	doc := string(mustRead(t, ciDoc))
	if !strings.Contains(doc, "```yaml\n"+string(mustRead(t, workflowFile))+"```\n") {
		t.Errorf("%s does not show %s as it is", ciDoc, workflowFile)
	}
	cmds := 0
	for _, line := range strings.Split(doc, "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), "- ")
		switch {
		case strings.HasPrefix(line, "go install "):
			checkInstallLine(t, line)
		case strings.HasPrefix(line, "wpsgen validate") || strings.HasPrefix(line, "run: wpsgen validate"):
			c := parseCommand(t, strings.TrimPrefix(line, "run: "))
			checkValidatesDir(t, c)
			if r := runMain(t, c.onPaths(examplesDir)...); r.code != ExitOK {
				t.Errorf("%q on the examples: exit %d\n%s", line, r.code, r.out)
			}
			cmds++
		}
	}
	if cmds < 3 {
		t.Errorf("only %d wpsgen commands found in %s", cmds, ciDoc)
	}
	var config struct {
		Repos []struct {
			Hooks []struct {
				ID    string `yaml:"id"`
				Files string `yaml:"files"`
			} `yaml:"hooks"`
		} `yaml:"repos"`
	}
	block := regexp.MustCompile("(?s)```yaml\n(repos:.*?)```").FindStringSubmatch(doc)
	if block == nil {
		t.Fatalf("%s shows no .pre-commit-config.yaml", ciDoc)
	}
	if err := yaml.Unmarshal([]byte(block[1]), &config); err != nil || len(config.Repos) != 1 || len(config.Repos[0].Hooks) != 1 {
		t.Fatalf("the pre-commit configuration in %s: %v", ciDoc, err)
	}
	h := config.Repos[0].Hooks[0]
	files := regexp.MustCompile(h.Files)
	if h.ID != "wpsgen-validate" || !files.MatchString("apprenticeship/program.yaml") || files.MatchString(".github/workflows/ci.yml") {
		t.Errorf("pre-commit configuration: id %q, files %q", h.ID, h.Files)
	}
}
