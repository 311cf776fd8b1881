package framework

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxFileSize is the largest file wpsgen reads. Real programs are a few
// kilobytes; the limit keeps a stray multi-gigabyte file from exhausting memory.
const MaxFileSize = 10 << 20

// File is one parsed YAML file of either kind.
type File struct {
	Path      string // as the user named it; used in findings
	Kind      string // KindFramework, KindProgram, or "" when unknown
	Framework *Framework
	Program   *Program
	Findings  []Finding // syntax and schema findings
}

// Parse parses data as a framework or program file. It never panics and
// never does I/O; path is only used in findings.
func Parse(path string, data []byte) (f *File) {
	f = &File{Path: path}
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
		return syntax(1, 1, "the file is %s; the limit is %d MiB", byteSize(len(data)), MaxFileSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line, col := invalidUTF8(data)
		return syntax(line, col, "the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8", data[offsetOf(data, line, col)])
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return syntax(line, col, "the file contains a NUL byte; it is not a text file")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return syntax(1, 1, "the file is empty; a wpsgen file starts with kind: framework or kind: program")
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		line, msg := yamlError(err)
		return syntax(line, firstCol(data, line), "%s", msg)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return syntax(extra.Line, extra.Column, "the file holds more than one YAML document (---); put each framework or program in its own file")
	} else if !errors.Is(err, io.EOF) {
		line, msg := yamlError(err)
		return syntax(line, firstCol(data, line), "%s", msg)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind == yaml.AliasNode && root.Alias != nil {
		root = root.Alias
	}
	if root.Kind != yaml.MappingNode {
		return syntax(root.Line, root.Column, "the top of the file must be a mapping (key: value lines) starting with kind:, found %s", describe(root))
	}
	d := &decoder{file: path}
	f.Kind = d.kind(root)
	switch f.Kind {
	case KindFramework:
		f.Framework = &Framework{}
		d.decodeStruct(root, reflect.ValueOf(f.Framework).Elem(), "the framework")
	case KindProgram:
		f.Program = &Program{}
		d.decodeStruct(root, reflect.ValueOf(f.Program).Elem(), "the program")
	}
	f.Findings = append(f.Findings, d.findings...)
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

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError extracts the line and a readable message from a yaml.v3 error.
func yamlError(err error) (int, string) {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return line, explainYAML(m[2])
	}
	return 1, explainYAML(strings.TrimPrefix(msg, "yaml: "))
}

func explainYAML(msg string) string {
	switch {
	case strings.Contains(msg, "found character that cannot start any token"):
		return "invalid YAML: " + msg + " (a tab used for indentation? YAML indents with spaces)"
	case strings.Contains(msg, "found a tab character"):
		return "invalid YAML: " + msg + " (YAML indents with spaces, not tabs)"
	}
	return "invalid YAML: " + msg
}

// firstCol is the column of the first tab on a line, else of its first
// non-blank character: where a person would look for a syntax error.
func firstCol(data []byte, line int) int {
	start := offsetOf(data, line, 1)
	end := bytes.IndexByte(data[start:], '\n')
	if end < 0 {
		end = len(data) - start
	}
	text := string(data[start : start+end])
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

// invalidUTF8 returns the line and byte column of the first invalid byte.
func invalidUTF8(data []byte) (int, int) {
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	return line, off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
}

func byteSize(n int) string {
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
