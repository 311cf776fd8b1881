package docx

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/templates"
)

// checkExamplePDF reads LibreOffice's PDF of an example back: every page
// has the running header and "Page X of Y", each part starts on a page of
// its own, and every text of the layout (headings, fields, table titles,
// headers and cells, signature labels) is on the pages in the layout's
// order.
func checkExamplePDF(t *testing.T, l *templates.Layout, pdf string) {
	out, err := exec.Command("pdftotext", "-raw", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
	for i, p := range pages {
		if want := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
		if !strings.Contains(words(p), words(l.Header.Sponsor)) {
			t.Errorf("page %d lacks the running header", i+1)
		}
	}
	// Texts must come in order; the running header and footer of each
	// page are taken out first, so they do not stand in for body text.
	var body strings.Builder
	for _, p := range pages {
		lines := strings.Split(strings.TrimSpace(p), "\n")
		if len(lines) > 2 {
			lines = lines[1 : len(lines)-1]
		}
		body.WriteString(words(strings.Join(lines, "\n")) + " ")
	}
	text := body.String()
	at := 0
	for _, s := range layoutTexts(l) {
		i := strings.Index(text[at:], s)
		if i < 0 {
			if strings.Contains(text, s) {
				t.Errorf("%q is out of order (after %q)", s, text[max(0, at-60):at])
			} else {
				t.Errorf("the PDF lacks %q", s)
			}
			continue
		}
		at += i
	}
	rti := -1
	for i, p := range pages {
		if strings.Contains(p, "RELATED TECHNICAL INSTRUCTION PLAN") {
			rti = i
			break
		}
	}
	if rti < 1 || strings.Contains(pages[rti-1], "Learning objectives") {
		t.Errorf("the RTI plan does not start a page of its own (page %d)", rti+1)
	}
	// The signature block is on one page, whole.
	for _, part := range l.Parts {
		for _, blk := range part.Blocks {
			sig, ok := blk.(*templates.Signature)
			if !ok {
				continue
			}
			want := append([]string{sig.SponsorTitle, sig.AgencyTitle}, sig.SponsorLines...)
			want = append(want, sig.AgencyLines...)
			onOne := false
			for _, p := range pages {
				all := true
				for _, w := range want {
					all = all && strings.Contains(words(p), words(w))
				}
				onOne = onOne || all
			}
			if !onOne {
				t.Errorf("the signature block is not on one page")
			}
		}
	}
	t.Logf("%d pages", len(pages))
}

// layoutTexts are the texts of the layout's blocks in reading order, each
// with its white space folded.
func layoutTexts(l *templates.Layout) []string {
	var out []string
	add := func(s string) {
		if s = words(s); s != "" {
			out = append(out, s)
		}
	}
	for _, p := range l.Parts {
		for _, blk := range p.Blocks {
			switch b := blk.(type) {
			case *templates.Heading:
				add(b.Text)
			case *templates.Paragraph:
				add(b.Text)
			case *templates.FieldList:
				for _, f := range b.Fields {
					add(f.Label + ":")
					if f.Kind == templates.FieldItems && len(f.Items) > 1 {
						for _, it := range f.Items {
							add(it)
						}
						continue
					}
					add(f.Value)
				}
			case *templates.List:
				for _, it := range b.Items {
					add(it.Text)
				}
			case *templates.Table:
				add(b.Title)
				add(b.Details)
				for _, c := range b.Columns {
					add(c.Header)
				}
				for _, r := range b.Rows {
					for _, c := range r.Cells {
						if c.Kind == templates.CellCheck {
							continue // a mark: where it is says nothing in text
						}
						add(c.Prefix)
						add(c.Text)
						for _, it := range c.Items {
							add(it)
						}
						add(c.Note)
					}
				}
			case *templates.Signature:
				add(b.SponsorTitle)
				for _, s := range b.SponsorLines {
					add(s)
				}
				add(b.AgencyTitle)
				for _, s := range b.AgencyLines {
					add(s)
				}
			}
		}
	}
	return out
}

func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestLibreOfficeLeavesNoBlankPage converts every example and test program
// with LibreOffice Writer and fails on a page that holds nothing but the
// running header and footer, as a part that starts on a new page left one
// when the page before it was full.
func TestLibreOfficeLeavesNoBlankPage(t *testing.T) {
	if os.Getenv("CI") == "" {
		t.Skip("starts LibreOffice on every example (about 10 s); set CI=1 to run it")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		missing(t, "LibreOffice Writer", "libreoffice-writer-nogui")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		missing(t, "pdftotext", "poppler-utils")
	}
	exs := renderExamples(t)
	dir := t.TempDir()
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir}
	for _, ex := range exs {
		p := filepath.Join(dir, ex.name+".docx")
		if err := os.WriteFile(p, ex.docx, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	if out, err := exec.Command("soffice", args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, ex := range exs {
		t.Run(ex.name, func(t *testing.T) {
			out, err := exec.Command("pdftotext", "-layout", filepath.Join(dir, ex.name+".pdf"), "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			left, right := pageHeader(ex.layout.Header)
			pages := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
			for i, p := range pages {
				rest := words(p)
				for _, s := range []string{left, right, ex.layout.Footer.Revision, fmt.Sprintf("Page %d of %d", i+1, len(pages))} {
					rest = strings.Replace(rest, words(s), "", 1)
				}
				if strings.TrimSpace(rest) == "" {
					t.Errorf("page %d of %d has only the running header and footer", i+1, len(pages))
				}
			}
		})
	}
}
