package report

import (
	"encoding/json"
	"io"

	"github.com/wpsgen/wpsgen/framework"
)

type jsonFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	// Cell names a workbook cell (Sheet!C12); line and column are then its
	// row and column number.
	Cell string `json:"cell,omitempty"`
}

// writeJSON writes an array of findings. The shape is a published contract
// (scripts read it), so capped files add no element: a script that needs
// every finding of a huge file reads the text or sarif output.
func writeJSON(w io.Writer, fs []framework.Finding, _ Options) error {
	out := make([]jsonFinding, 0, len(fs))
	for _, f := range fs {
		jf := jsonFinding{f.Pos.File, f.Pos.Line, f.Pos.Col, f.Severity.String(), f.Rule, f.Message, ""}
		if f.Pos.Sheet != "" {
			jf.Cell = f.Pos.Cell()
		}
		out = append(out, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
