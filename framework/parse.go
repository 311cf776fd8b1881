package framework

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/wpsgen/wpsgen/internal/lazy"
)

// MaxFileSize is the largest file wpsgen reads. Real programs are a few
// kilobytes; the limit keeps a stray multi-gigabyte file from exhausting memory.
const MaxFileSize = 10 << 20

// MaxValues bounds the values of one file, and with them the memory the
// checks and documents take (docs/limits.md has the figures): the built-in
// frameworks hold a few hundred values, a program of 10,000 job functions
// 250,000.
const MaxValues = 300_000

// valueAt returns the n-th value of the tree under root, in the order they
// are written (aliases not followed), or nil when it holds fewer.
func valueAt(root *yaml.Node, n int) *yaml.Node {
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n--; n == 0 {
			return v
		}
		for i := len(v.Content) - 1; i >= 0; i-- {
			stack = append(stack, v.Content[i])
		}
	}
	return nil
}

// Thousands writes a whole number with thousands separators (2,000), as
// messages and documents give counts and limits.
func Thousands(n int) string {
	digits := strconv.Itoa(n)
	for i := len(digits) - 3; i > 0 && digits[i-1] != '-'; i -= 3 {
		digits = digits[:i] + "," + digits[i:]
	}
	return digits
}

// foreignRunes is how much of a file that is not a wpsgen file a message
// repeats.
const foreignRunes = 12

// File is one parsed YAML file of either kind.
type File struct {
	Path      string // as the user named it; used in findings
	Kind      string // KindFramework, KindProgram, or "" when unknown
	Framework *Framework
	Program   *Program
	Findings  []Finding // syntax and schema findings
	Omitted   int       // findings left out of Findings; see decoder.add
	Source    []byte    // the bytes parsed, as read
}

// Parse parses data as a framework or program file. It never panics and
// never does I/O; path is only used in findings.
func Parse(path string, data []byte) (f *File) {
	f = &File{Path: path, Source: data}
	defer func() {
		if r := recover(); r != nil {
			// The YAML parser has panicked on hostile input in the past;
			// a user sees a finding, never a stack trace.
			f.Kind, f.Framework, f.Program = "", nil, nil
			f.Findings = []Finding{{Pos: Pos{File: path, Line: 1, Col: 1}, Severity: Error, Rule: RuleSyntax,
				Message: fmt.Sprintf("the YAML parser could not read this file (%v)", r)}}
		}
	}()
	syntax := func(line, col int, format string, args ...any) *File {
		f.Findings = append(f.Findings, Finding{Pos: Pos{File: path, Line: line, Col: col}, Severity: Error, Rule: RuleSyntax, Message: fmt.Sprintf(format, args...)})
		return f
	}
	if len(data) > MaxFileSize {
		// The loader reads one byte past the limit, so the real size is unknown.
		return syntax(1, 1, "the file is larger than %d MiB, the most wpsgen reads; a program or framework is a few kilobytes of text", MaxFileSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		off := invalidUTF8(data)
		line, col := lineCol(data, off)
		return syntax(line, col, "the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8", data[off])
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return syntax(line, col, "the file contains a NUL byte; it is not a text file")
	}
	if i, r := controlChar(data); i >= 0 {
		// yaml.v3 reports these at 1:1 whatever their place.
		line, col := lineCol(data, i)
		return syntax(line, col, "the file contains the control character U+%04X, which YAML does not allow; delete it (an editor may show it as a box or not at all)", r)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return syntax(1, 1, "the file is empty; a wpsgen file starts with kind: framework or kind: program")
	}
	// The bound of a file can reach neither limit below: both scans are
	// skipped for it (every program and framework a person writes).
	ceiling := boundCeiling(len(data))
	if ceiling > MaxNodeBound {
		if _, over := nodeBound(data, MaxNodeBound); over >= 0 {
			line, col := lineCol(data, over)
			return syntax(line, col, "%s", nodeBoundMessage())
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return syntax(1, 1, "the file has no content, only comments; a wpsgen file starts with kind: framework or kind: program")
		}
		line, col, msg := yamlError(data, err)
		return syntax(line, col, "%s", msg)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return syntax(extra.Line, extra.Column, "the file holds more than one YAML document (---); put each framework or program in its own file")
	} else if !errors.Is(err, io.EOF) {
		line, col, msg := yamlError(data, err)
		return syntax(line, col, "%s", msg)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind == yaml.AliasNode && root.Alias != nil {
		root = root.Alias
	}
	if root.Kind != yaml.MappingNode {
		found := describe(root)
		if root.Kind == yaml.ScalarNode && root.Tag == "!!str" {
			// Not a wpsgen file at all: maybe a key or a password file. A
			// few characters say which file it is without printing it.
			found = fmt.Sprintf("the text %q", truncate(root.Value, foreignRunes))
		}
		return syntax(root.Line, root.Column, "the top of the file must be a mapping (key: value lines) starting with kind:, found %s", found)
	}
	// The values under root are nodes yaml.v3 built, never more than
	// nodeBound, which is at most ceiling.
	if ceiling > MaxValues {
		if at := valueAt(root, MaxValues+1); at != nil {
			return syntax(at.Line, at.Column, "the file holds more than %s values (keys, list items and texts), the most wpsgen checks; a program or framework holds a few thousand", Thousands(MaxValues))
		}
	}
	d := newDecoder(path, root, len(data))
	f.Kind = d.kind(root)
	switch f.Kind {
	case KindFramework:
		f.Framework = &Framework{}
		d.decodeStruct(root, reflect.ValueOf(f.Framework).Elem(), "the framework")
	case KindProgram:
		f.Program = &Program{}
		d.decodeStruct(root, reflect.ValueOf(f.Program).Elem(), "the program")
	}
	f.Findings = append(append(f.Findings, d.findings...), d.syntax...)
	f.Omitted = d.omitted
	return f
}

// kind finds the kind: key and reports it when missing or unknown.
func (d *decoder) kind(root *yaml.Node) string {
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := d.resolve(root.Content[i]), d.resolve(root.Content[i+1])
		if k.Value != "kind" {
			continue
		}
		if v.Kind == yaml.ScalarNode && (v.Value == KindFramework || v.Value == KindProgram) {
			return v.Value
		}
		d.schemaf(v, "kind must be framework or program, found %s%s", describe(v), didYouMean(v.Value, []string{KindFramework, KindProgram}))
		return ""
	}
	d.schemaf(root, "the file is missing the required key \"kind\"; start it with kind: framework or kind: program")
	return ""
}

var (
	yamlLineRE   = lazy.Regexp(`^yaml: line (\d+): (.*)$`)
	yamlAnchorRE = lazy.Regexp(`^yaml: unknown anchor '(.*)' referenced$`)
)

// parserProblems are the errors of yaml.v3's parser (the others come from
// its scanner). It numbers their lines from 0, its scanner's from 1.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// blockProblems are parser errors about block indentation, which yaml.v3
// reports at the start of the enclosing block rather than at the problem.
var blockProblems = map[string]bool{
	"did not find expected key":           true,
	"did not find expected '-' indicator": true,
}

// yamlError turns a yaml.v3 error into a position and a readable message.
func yamlError(data []byte, err error) (line, col int, msg string) {
	raw := err.Error()
	if m := yamlAnchorRE().FindStringSubmatch(raw); m != nil {
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			line, col = lineCol(data, i)
			return line, col, fmt.Sprintf("invalid YAML: the alias *%s names no anchor &%s defined before it", shown(m[1]), shown(m[1]))
		}
	}
	line, problem := 1, strings.TrimPrefix(raw, "yaml: ")
	if m := yamlLineRE().FindStringSubmatch(raw); m != nil {
		line, _ = strconv.Atoi(m[1])
		problem = m[2]
		if parserProblems[problem] {
			line++
		}
	}
	if blockProblems[problem] {
		line = narrowBlockProblem(data, line, problem)
	}
	line = min(line, lastTextLine(data)) // an error at the end of the file is about its last text
	text := lineText(data, line)
	col = firstCol(data, line)
	if i := strings.IndexAny(text, problemChars[problem]); i >= 0 {
		col = utf8.RuneCountInString(text[:i]) + 1
	}
	return line, col, explainYAML(problem, text)
}

// problemChars are the characters a problem is about: the column points at
// the first of them on the line.
var problemChars = map[string]string{
	"found unexpected end of stream":              `"'`,
	"did not find expected ',' or ']'":            "[",
	"did not find expected ',' or '}'":            "{",
	"found character that cannot start any token": "\t@`",
	"did not find expected node content":          "[{",
}

// narrowLimit bounds the files narrowBlockProblem searches: each step
// parses a prefix of the file again.
const narrowLimit = 256 << 10

// narrowBlockProblem finds the line of a block indentation problem that
// yaml.v3 reports at line from, the start of the enclosing block: the first
// line whose inclusion makes the file's prefix fail with the same problem.
func narrowBlockProblem(data []byte, from int, problem string) int {
	if len(data) > narrowLimit {
		return from
	}
	var starts []int // byte offset where each line after the first starts
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	last := len(starts) + 1
	failsThrough := func(line int) bool {
		end := len(data)
		if line <= len(starts) {
			end = starts[line-1]
		}
		var n yaml.Node
		err := yaml.Unmarshal(data[:end], &n)
		return err != nil && strings.HasSuffix(err.Error(), problem)
	}
	from = max(1, min(from, last))
	return from + sort.Search(last-from, func(i int) bool { return failsThrough(from + i) })
}

// lastTextLine returns the number of the last line that is not blank (1
// for a blank file).
func lastTextLine(data []byte) int {
	trimmed := bytes.TrimRight(data, " \t\r\n")
	return 1 + bytes.Count(trimmed, []byte("\n"))
}

// lineText returns the text of a 1-based line.
func lineText(data []byte, line int) string {
	start := offsetOf(data, line, 1)
	end := bytes.IndexByte(data[start:], '\n')
	if end < 0 {
		end = len(data) - start
	}
	return strings.TrimSuffix(string(data[start:start+end]), "\r")
}

// explainYAML prefixes a yaml.v3 problem with "invalid YAML" and adds the
// likely cause of the common ones, judging by the offending line.
func explainYAML(problem, line string) string {
	hint := ""
	switch {
	case strings.Contains(line, "\t") && (strings.Contains(problem, "cannot start any token") || strings.Contains(problem, "tab character")):
		hint = "YAML indents with spaces, not tabs"
	case strings.Contains(problem, "cannot start any token"):
		hint = "a value starting with @ or ` must be in quotes"
	case blockProblems[problem]:
		hint = "this line is indented differently from the lines around it"
	case problem == "mapping values are not allowed in this context":
		hint = "a value that contains \": \" must be in quotes, or the line is indented too far"
	case problem == "found unexpected end of stream":
		hint = "a quote opened on this line is never closed"
	case problem == "block sequence entries are not allowed in this context":
		hint = "a list item cannot start on the line of its key; start the list on the next line"
	case problem == "did not find expected node content":
		hint = "a value is missing; is a [ or { never closed?"
	case strings.HasPrefix(problem, "did not find expected ',' or"):
		hint = "a [ or { opened on this line is never closed"
	}
	if hint != "" {
		return "invalid YAML: " + problem + " (" + hint + ")"
	}
	return "invalid YAML: " + problem
}

// firstCol is the column of the first tab on a line, else of its first
// non-blank character: where a person would look for a syntax error.
func firstCol(data []byte, line int) int {
	text := lineText(data, line)
	if i := strings.IndexByte(text, '\t'); i >= 0 {
		return utf8.RuneCountInString(text[:i]) + 1
	}
	trimmed := strings.TrimLeft(text, " ")
	if trimmed == "" {
		return 1
	}
	return len(text) - len(trimmed) + 1
}

// offsetOf returns the byte offset of line:col (1-based, col counted in
// bytes), clamped to the data.
func offsetOf(data []byte, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return len(data)
		}
		off += i + 1
	}
	return min(off+col-1, len(data))
}

func lineCol(data []byte, off int) (int, int) {
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, utf8.RuneCount(data[start:off]) + 1
}

// invalidUTF8 returns the offset of the first byte that is not valid UTF-8.
func invalidUTF8(data []byte) int {
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	return off
}

// controlChar returns the offset and value of the first character YAML
// does not allow in a file (C0 and C1 controls other than tab, line feed,
// carriage return and next line; DEL), or -1. NUL is reported before.
func controlChar(data []byte) (int, rune) {
	// Byte by byte: ranging over string(data) copied the whole file. The
	// data is valid UTF-8 here.
	for i := 0; i < len(data); {
		r, size := rune(data[i]), 1
		if r >= 0x20 && r < 0x7F {
			i++ // printable ASCII: nearly every byte
			continue
		}
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(data[i:])
		}
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		case r < 0x20 || r == 0x7F || r >= 0x80 && r <= 0x9F:
			return i, r
		}
		i += size
	}
	return -1, 0
}
