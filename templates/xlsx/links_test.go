package xlsx_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// linksScript prints every hyperlink of the workbook as openpyxl reads it,
// with the look of its cell.
const linksScript = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.hyperlink is None:
                continue
            color = c.font.color.rgb if c.font.color is not None else None
            out.append({"sheet": ws.title, "value": c.value, "target": c.hyperlink.target,
                        "color": color, "underline": c.font.u})
json.dump(out, sys.stdout)
`

// withEmails is the sample layout with its Email fields marked as the
// layout build marks them (sponsor.contact.email, rti.provider.email).
func withEmails(t *testing.T) (*templates.Layout, []string) {
	l := templatestest.Sample()
	var emails []string
	for _, p := range l.Parts {
		for _, blk := range p.Blocks {
			fl, ok := blk.(*templates.FieldList)
			if !ok {
				continue
			}
			for i, f := range fl.Fields {
				if f.Label == "Email" && f.Value != "" {
					fl.Fields[i].Kind = templates.FieldEmail
					emails = append(emails, p.Name+": "+f.Value+" -> mailto:"+f.Value)
				}
			}
		}
	}
	if len(emails) < 2 {
		t.Fatalf("the sample has %d emails, want the sponsor's and the RTI provider's", len(emails))
	}
	return l, emails
}

// TestEmailsAreLinks: an email prints as a mailto: link, blue and
// underlined as Excel's Hyperlink style, as the PDF links it; nothing
// else is a link, and the workbook is the same bytes on every run.
func TestEmailsAreLinks(t *testing.T) {
	templatestest.Python(t) // skips without openpyxl
	l, want := withEmails(t)
	b := render(t, l)
	if !bytes.Equal(b, render(t, l)) {
		t.Error("two renders of a workbook with links differ")
	}
	path := filepath.Join(t.TempDir(), "links.xlsx")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := templatestest.Openpyxl(t, linksScript, path)
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var links []struct{ Sheet, Value, Target, Color, Underline string }
	if err := json.Unmarshal(out, &links); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, lk := range links {
		got = append(got, lk.Sheet+": "+lk.Value+" -> "+lk.Target)
		if lk.Color != "FF0563C1" || lk.Underline != "single" {
			t.Errorf("link %s: colour %s underline %q, want FF0563C1 single", lk.Value, lk.Color, lk.Underline)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("links %q, want %q", got, want)
	}
}
