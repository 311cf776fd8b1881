package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
)

// writeGitHub writes one workflow command per finding,
// ::error file=F,line=L,col=C,title=RULE::MESSAGE, which GitHub Actions shows
// as an annotation on that line. Values are escaped as the runner unescapes
// them (%, CR and LF everywhere; also : and , in properties), so no file name
// or message can end the command early or start another one.
func writeGitHub(w io.Writer, fs []framework.Finding, opts Options) error {
	for _, f := range fs {
		props := "file=" + ghProperty(f.Pos.File)
		if !f.Pos.IsZero() {
			props += fmt.Sprintf(",line=%d,col=%d", f.Pos.Line, f.Pos.Col)
		}
		// The runner's commands are error, warning and notice.
		level := f.Severity.String()
		if f.Severity == framework.Note {
			level = "notice"
		}
		if _, err := fmt.Fprintf(w, "::%s %s,title=%s::%s\n", level, props, ghProperty(f.Rule), ghData(cellMessage(f))); err != nil {
			return err
		}
	}
	for _, file := range opts.omitted() {
		if _, err := fmt.Fprintf(w, "::notice file=%s::%s\n", ghProperty(file), ghData(omittedLine(file, opts.Omitted[file]))); err != nil {
			return err
		}
	}
	return nil
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
