package skeleton

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/wpsgen/wpsgen/framework"
)

// commentedKey matches a commented-out line of YAML: "# " before a key or
// a list item, the way the skeleton writes optional keys.
var commentedKey = regexp.MustCompile(`^(\s*)# (\s*(?:- )?\{?[a-z_]+:(?:\s|$).*)$`)

// uncomment turns every commented-out key of a skeleton back into YAML.
func uncomment(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = commentedKey.ReplaceAllString(l, "$1$2")
	}
	return strings.Join(lines, "\n")
}

// keyPaths returns the dotted path of every key in a YAML node, going into
// the items of lists as framework.Keys does.
func keyPaths(n *yaml.Node, prefix string, out map[string]bool) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			keyPaths(c, prefix, out)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			path := prefix + n.Content[i].Value
			out[path] = true
			keyPaths(n.Content[i+1], path+".", out)
		}
	}
}

// skeletonText is the framework skeleton as `wpsgen init framework` writes it.
func skeletonText(t *testing.T) string {
	t.Helper()
	data, err := Framework(FrameworkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestFrameworkSkeletonListsEveryKey checks that the skeleton shows every
// key a framework may have (active or commented out) and no other.
func TestFrameworkSkeletonListsEveryKey(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(uncomment(skeletonText(t))), &doc); err != nil {
		t.Fatalf("the skeleton, uncommented, is not YAML: %v", err)
	}
	got := map[string]bool{}
	keyPaths(&doc, "", got)
	// Range keys are part of a value ("a number or {min, max}"), not keys
	// of the model.
	for _, p := range []string{"benchmark_hours.hybrid.min", "benchmark_hours.hybrid.max", "courses.hours.min", "courses.hours.max"} {
		if !got[p] {
			t.Errorf("the skeleton shows no {min, max} example at %s", strings.TrimSuffix(strings.TrimSuffix(p, ".min"), ".max"))
		}
		delete(got, p)
	}
	for _, k := range framework.Keys(framework.KindFramework) {
		if !got[k.Path] {
			t.Errorf("framework key %s is not in the skeleton", k.Path)
		}
		delete(got, k.Path)
	}
	for _, p := range slices.Sorted(maps.Keys(got)) {
		t.Errorf("the skeleton has %s, which is not a framework key", p)
	}
}

// TestFrameworkSkeletonFindingsAreTodos checks the promise of the header:
// an untouched skeleton fails validation, only on lines marked TODO.
func TestFrameworkSkeletonFindingsAreTodos(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.framework.yaml")
	text := skeletonText(t)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := framework.NewLoader().Validate(path)
	if err != nil {
		t.Fatal(err)
	}
	if !framework.HasErrors(res.Findings, false) {
		t.Fatal("an untouched skeleton validates; its TODOs should be reported")
	}
	lines := strings.Split(text, "\n")
	todos := 0
	for _, l := range lines {
		if isTodo(l) {
			todos++
		}
	}
	if len(res.Findings) != todos {
		t.Errorf("%d findings for %d TODOs", len(res.Findings), todos)
	}
	for _, f := range res.Findings {
		if !strings.Contains(lines[f.Pos.Line-1], Todo) {
			t.Errorf("finding not on a TODO line: %s\n  line: %s", f, lines[f.Pos.Line-1])
		}
	}
}

// isTodo reports whether a line is a key left empty for the user (not a
// comment that mentions TODO).
func isTodo(line string) bool {
	return strings.Contains(line, "# "+Todo+":") && !strings.HasPrefix(strings.TrimSpace(line), "#")
}

// todoLine is a key left empty for the user, with its hint's example.
// A parenthesis after the example explains it ("29-2052.00" (Pharmacy
// Technicians)) and is not part of it.
var todoLine = regexp.MustCompile(`^(\s*[a-z_]+:)\s+# ` + Todo + `: .*e\.g\. (.+?)(?: \([^)]*\))?$`)

// fillTodos gives every TODO of a skeleton the example its hint shows
// (hints may wrap onto the next comment line).
func fillTodos(t *testing.T, text string) string {
	t.Helper()
	lines := strings.Split(text, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !isTodo(l) {
			out = append(out, l)
			continue
		}
		// Join a wrapped hint so its example reads whole.
		col := strings.Index(l, "# "+Todo)
		for i+1 < len(lines) && strings.Index(lines[i+1], "# ") == col && strings.TrimSpace(lines[i+1][:col]) == "" {
			i++
			l += " " + strings.TrimPrefix(strings.TrimSpace(lines[i]), "# ")
		}
		m := todoLine.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("TODO without an example to fill it with: %q", l)
		}
		out = append(out, m[1]+" "+m[2])
	}
	return strings.Join(out, "\n")
}

// TestFrameworkSkeletonFilled fills the TODOs with the examples the hints
// give: the framework then validates with no finding at all, even
// uncommented (every optional key at its example value).
func TestFrameworkSkeletonFilled(t *testing.T) {
	dir := t.TempDir()
	filled := fillTodos(t, skeletonText(t))
	for name, text := range map[string]string{
		"filled.framework.yaml":    filled,
		"every-key.framework.yaml": strings.Replace(uncomment(filled), "extends: medical-coder", "# extends: medical-coder", 1),
		"extends.framework.yaml":   strings.Replace(uncomment(filled), `id: "1"`, `id: "P1"`, 1),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := framework.NewLoader().Validate(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res.Findings {
				t.Errorf("%s", f)
			}
			if t.Failed() {
				t.Logf("the file:\n%s", text)
			}
		})
	}
}
