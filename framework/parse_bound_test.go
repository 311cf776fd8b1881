package framework

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// yamlNodes counts the nodes yaml.v3 builds for every document of data
// (aliases not followed), and whether it read them all without an error.
func yamlNodes(data []byte) (int, bool) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	n := 0
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return n, true
		}
		if err != nil {
			return n, false
		}
		stack := []*yaml.Node{&doc}
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = append(stack[:len(stack)-1], v.Content...)
			n++
		}
	}
}

// boundSnippets are YAML forms that make nodes without text of their own:
// empty items, keys and values, one-pair mappings, documents, properties.
var boundSnippets = []string{
	"", "a", "-", "-\n-\n-\n", "- -\n  -\n", "?", "? \n? \n", ":", ": \n: \n", "? : \n",
	"a:\n", "a:\nb:\n", "a:\n- \n- x\nb:\n-\n", "- a: \n  b:\n- : \n",
	"[]", "{}", "[,]", "[a, ]", "[a: b, c: , : d, ? e, ?]", "[:]", "[: , :]", "{a, b, c}", "{: , ? , a}", "{a: {b: [c, {d}]}}",
	"{\"a\":1,\"b\":[2]}", "[*a:1]", "[a,b,c]", "a: [?x]",
	"---\n--- a\n...\n---\n", "--- \n...\n", "&a\n", "- &a\n- !!str\n- *a\n", "a: &x\nb: *x\n",
	"a: |\n  - b: c\n  - d\n", "a: \"x: y, [z]\"\nb: 'p - q'\n", "? [a, b]\n: c\n",
	"a:\r\n- b\r\n-\r\n", "a:\u0085- b\u0085-\u0085", "a:\u2028- b\u2028-\u2029-",
	"-\t-\t- x\n", "a:\t\n  - \tb\n", "%YAML 1.2\n---\n- a\n",
}

// TestNodeBoundSound checks that nodeBound is never below the nodes
// yaml.v3 builds, on tricky forms, every test and example file, and the
// programs the bound must let through.
func TestNodeBoundSound(t *testing.T) {
	inputs := map[string][]byte{}
	for i, s := range boundSnippets {
		inputs[fmt.Sprintf("snippet %d", i)] = []byte(s)
	}
	for _, pattern := range []string{"catalog/*.yaml", "../examples/*.yaml", "../templates/testdata/programs/*.yaml", "testdata/*/*.yaml"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			inputs[p] = data
		}
	}
	if len(inputs) < 100 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	for name, data := range inputs {
		nodes, _ := yamlNodes(data)
		bound, _ := nodeBound(data, MaxNodeBound)
		if nodes > bound {
			t.Errorf("%q: yaml.v3 builds %d nodes, the bound is %d", name, nodes, bound)
		}
	}
}

// FuzzNodeBound checks the bound on arbitrary bytes that yaml.v3 reads.
func FuzzNodeBound(f *testing.F) {
	for _, s := range boundSnippets {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		nodes, _ := yamlNodes(data)
		bound, _ := nodeBound(data, MaxNodeBound)
		if nodes > bound {
			t.Errorf("yaml.v3 builds %d nodes, the bound is %d", nodes, bound)
		}
		if bound > boundCeiling(len(data)) {
			t.Errorf("%d bytes: bound %d, above the ceiling %d", len(data), bound, boundCeiling(len(data)))
		}
	})
}

// TestNodeBoundCeiling checks the premise that lets Parse skip both value
// scans for small files: no file's bound is above boundCeiling of its size,
// the densest forms reach it, and the first file large enough to be refused
// by the bound is refused.
func TestNodeBoundCeiling(t *testing.T) {
	inputs := append([]string{",,,,", "[[[[", "{{{{", "????", "::::", "---\n---\n", "-\n-\n", ", : ? [ { - ...", "a:\u0085-\u2028-"}, boundSnippets...)
	for _, pattern := range []string{"catalog/*.yaml", "../examples/*.yaml", "testdata/*/*.yaml"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, string(data))
		}
	}
	for _, in := range inputs {
		if bound, _ := nodeBound([]byte(in), MaxNodeBound); bound > boundCeiling(len(in)) {
			t.Errorf("%.40q: bound %d, above the ceiling %d", in, bound, boundCeiling(len(in)))
		}
	}
	for _, dense := range []string{",,,,", "[[[[", "::::", "????"} {
		if bound, _ := nodeBound([]byte(dense), MaxNodeBound); bound != boundCeiling(len(dense)) {
			t.Errorf("%q: bound %d, want the ceiling %d", dense, bound, boundCeiling(len(dense)))
		}
	}
	// The smallest file whose ceiling passes MaxNodeBound, and the densest.
	size := (MaxNodeBound-2)/2 + 1
	commas := []byte("[" + strings.Repeat(",", size-1))
	want := Pos{File: "commas.yaml", Line: 1, Col: size}
	if f := Parse("commas.yaml", commas); len(f.Findings) != 1 || f.Findings[0].Pos != want || !strings.Contains(f.Findings[0].Message, "could hold more than") {
		t.Errorf("%d bytes of commas: want the bound's finding at %v, got %v", size, want, f.Findings)
	}
	if f := Parse("commas.yaml", commas[:size-1]); len(f.Findings) == 1 && strings.Contains(f.Findings[0].Message, "could hold more than") {
		t.Errorf("%d bytes are refused by the bound: the ceiling is wrong", size-1)
	}
}

// TestNodeBoundTight checks the bound on the ordinary forms: twice the
// values at most, so that a file within MaxValues passes MaxNodeBound.
func TestNodeBoundTight(t *testing.T) {
	for _, tc := range []struct {
		data  string
		bound int
	}{
		{"kind: program\n", 2 + 2},
		{"- a\n- b\n", 2 + 2},
		{"a:\n  - id: x\n    text: y\n", 2 + 2 + 1 + 2 + 2},
		{"a: [x, y, z]\n", 2 + 2 + 2 + 2 + 2},
		{"a: \"b: c, d\"\n", 2 + 2 + 2 + 2},
		{"---\n- a\n...\n", 2 + 2 + 1 + 2},
		{"a: 1\n--x\n", 2 + 2},
		{"{a: 1, b: [c, d]}\n", 2 + 2 + 1 + 2 + 1 + 2 + 2},
		{"x: \"a, b: c\"\n", 2 + 2 + 2 + 1},
	} {
		if got, _ := nodeBound([]byte(tc.data), MaxNodeBound); got != tc.bound {
			t.Errorf("%q: bound %d, want %d", tc.data, got, tc.bound)
		}
	}
}

// TestNodeBoundRefuses checks where a file is refused: at the byte that
// takes the bound past the limit, before yaml.v3 reads it.
func TestNodeBoundRefuses(t *testing.T) {
	empties := bytes.Repeat([]byte("-\n"), MaxNodeBound)
	f := Parse("items.yaml", empties)
	// 2 for the document, then 1 per "-": item MaxNodeBound-1 passes it.
	want := Pos{File: "items.yaml", Line: MaxNodeBound - 1, Col: 1}
	if len(f.Findings) != 1 || f.Findings[0].Pos != want || f.Findings[0].Rule != RuleSyntax ||
		!strings.Contains(f.Findings[0].Message, "could hold more than "+Thousands(MaxNodeBound)+" values") {
		t.Errorf("want one syntax finding at %v, got %v", want, f.Findings)
	}
	if _, over := nodeBound(empties[:2*(MaxNodeBound-2)], MaxNodeBound); over >= 0 {
		t.Errorf("%d items are refused at offset %d", MaxNodeBound-2, over)
	}
}
