package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/wpsgen/wpsgen/framework"
)

// writeText writes one line per finding, FILE:LINE:COL: SEVERITY: MESSAGE
// [RULE], then the closing line of each capped file. Tools (editors, grep,
// CI log parsers) split on newlines, so no part of a line may contain one.
func writeText(w io.Writer, fs []framework.Finding, opts Options) error {
	for _, f := range fs {
		if _, err := fmt.Fprintln(w, TextLine(f)); err != nil {
			return err
		}
	}
	for _, file := range opts.omitted() {
		if _, err := fmt.Fprintln(w, omittedLine(textFile(file), opts.Omitted[file])); err != nil {
			return err
		}
	}
	return nil
}

// TextLine formats one finding as a line of the text format. A finding
// without a position (a file that could not be read) is FILE: SEVERITY: ...
func TextLine(f framework.Finding) string {
	where := textFile(f.Pos.File)
	if f.Pos.Sheet != "" {
		where += ":" + OneLine(f.Pos.Cell())
	} else if !f.Pos.IsZero() {
		where = fmt.Sprintf("%s:%d:%d", where, f.Pos.Line, f.Pos.Col)
	}
	return fmt.Sprintf("%s: %s: %s [%s]", where, f.Severity, OneLine(f.Message), f.Rule)
}

// textFile quotes a file name that holds a control character (a newline
// would split the finding in two, an escape sequence would repaint the
// terminal); ordinary names, spaces included, print as given.
func textFile(name string) string {
	if !hasControl(name) {
		return name
	}
	return strconv.Quote(name)
}

func hasControl(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' }) >= 0
}

// OneLine writes the control characters of a message as Go escapes (\n,
// \x1b), leaving the rest of the text as it is, so it prints as one line.
func OneLine(s string) string {
	if !hasControl(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
