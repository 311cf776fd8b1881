package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

var created = time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC)

const (
	sponsor = "Bệnh viện Đa khoa Łódź — Όμιλος Здоровье"
	title   = "Work Process Schedule: Medical Coder"
)

// sample builds a document that uses every block: two 60-row tables that
// run over several pages, Unicode text with check boxes, a link, a nested
// list and a signature block.
func sample(t testing.TB) *Document {
	t.Helper()
	d, err := New(Meta{
		Title: title, Subject: "Appendix A: Work Process Schedule and RTI",
		Author: sponsor, Keywords: "O*NET 29-2072.00; RAPIDS 1114HY",
		Created: created, Generator: "wpsgen test",
	})
	if err != nil {
		t.Fatal(err)
	}
	d.Header(sponsor+" · Medical Coder", "RAPIDS Code: 1114HY")
	d.Footer("Revision 2, 2026-11-01")
	d.Heading(1, "WORK PROCESS SCHEDULE")
	d.Paragraph("Medical Records and Health Information Technicians/Medical Coders", Bold)
	d.Fields([]Field{
		{Label: "Company contact", Value: "Nguyễn Thị Hương, Apprenticeship Coordinator"},
		{Label: "Email", Value: "apprenticeship@example.org", Link: "mailto:apprenticeship@example.org"},
		{Label: "Apprenticeship type", Value: "☐ Competency-Based  ☐ Time-Based  ☒ Hybrid"},
	})
	d.Paragraph("Prerequisites:", Normal)
	d.List([]Item{
		{Text: "High school diploma or GED"},
		{Text: "18 years of age", Children: []Item{{Text: "or 16 with a parent's consent"}}},
	})
	d.Heading(2, "JOB FUNCTIONS")
	d.Table(bigTable("JOB FUNCTION 1: Applies diagnosis and procedure codes", 60))
	d.Heading(2, "RELATED TECHNICAL INSTRUCTION")
	d.Table(bigTable("Year 1 courses", 60))
	d.Paragraph("✔ marks a competency taught in RTI.\nHours are minimums.", Note)
	d.Heading(3, "Signatures")
	d.Signature(Slots{Labels: []string{"Sponsor representative", "Date"}},
		Slots{Title: "For Registration Agency use", Labels: []string{"Registration agency", "Date"}, Boxed: true})
	return d
}

func bigTable(title string, n int) Table {
	t := Table{Title: title, Columns: []Column{
		{Header: "", Width: 0.5},
		{Header: "Competency", Width: 6},
		{Header: "Core/Optional", Width: 1.5, Align: Center},
		{Header: "RTI", Width: 0.7, Align: Center},
		{Header: "Hours", Width: 1.2, Align: Right},
	}}
	for i := range n {
		t.Rows = append(t.Rows, Row{Cells: Cells(
			string(rune('A'+i%26)),
			fmt.Sprintf("Competency %d: enters or confirms code(s) for diagnoses, procedures and services (Ελληνικά, Русский)", i+1),
			"Core", "✔", fmt.Sprintf("%d.5", 10+i),
		), Indent: i % 2})
	}
	t.Rows = append(t.Rows, Row{Cells: Cells("", "Total", "", "", "1,000.5"), Bold: true, Shade: ShadeTotal})
	return t
}

func write(t testing.TB, d *Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := d.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteIsReproducible(t *testing.T) {
	a := write(t, sample(t))
	d := sample(t)
	b, c := write(t, d), write(t, d)
	if !bytes.Equal(a, b) {
		t.Fatal("two documents built alike differ")
	}
	if !bytes.Equal(b, c) {
		t.Fatal("writing the same document twice gives different bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC)
	for _, f := range zr.File {
		if !f.Modified.Equal(want) {
			t.Errorf("%s: entry time %v, want the document date %v", f.Name, f.Modified, want)
		}
		if f.Name == "docProps/thumbnail.jpeg" {
			t.Error("the base template's thumbnail is still in the package")
		}
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first entry %q, want [Content_Types].xml", zr.File[0].Name)
	}
}

func TestZipTimeClamps(t *testing.T) {
	for _, c := range []struct{ in, want time.Time }{
		{time.Time{}, time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Unix(0, 0), time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(2026, 3, 4, 5, 6, 7, 0, time.FixedZone("x", 3600)), time.Date(2026, 3, 4, 4, 6, 6, 0, time.UTC)},
		{time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)},
	} {
		if got := zipTime(c.in); !got.Equal(c.want) {
			t.Errorf("zipTime(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestBadInputIsAnError(t *testing.T) {
	for name, build := range map[string]func(d *Document){
		"heading level": func(d *Document) { d.Heading(4, "x") },
		"no columns":    func(d *Document) { d.Table(Table{Title: "t"}) },
		"zero width":    func(d *Document) { d.Table(Table{Columns: []Column{{Header: "a"}}}) },
		"too many cells": func(d *Document) {
			d.Table(Table{Columns: []Column{{Header: "a", Width: 1}}, Rows: []Row{{Cells: Cells("1", "2")}}})
		},
		"deep list": func(d *Document) {
			it := Item{Text: "x"}
			for range 10 {
				it = Item{Text: "x", Children: []Item{it}}
			}
			d.List([]Item{it})
		},
	} {
		t.Run(name, func(t *testing.T) {
			d, err := New(Meta{Title: "t"})
			if err != nil {
				t.Fatal(err)
			}
			build(d)
			d.Paragraph("after", Normal)
			var b bytes.Buffer
			if err := d.Write(&b); err == nil {
				t.Fatal("Write succeeded")
			} else if !strings.HasPrefix(err.Error(), "docx: ") {
				t.Errorf("error %q lacks the docx: prefix", err)
			}
			if b.Len() != 0 {
				t.Errorf("Write wrote %d bytes before failing", b.Len())
			}
		})
	}
}

func TestColumnWidthsFillTheTextWidth(t *testing.T) {
	w, err := columnWidths([]Column{{Width: 1}, {Width: 1}, {Width: 1}}, textWidth)
	if err != nil {
		t.Fatal(err)
	}
	if sum := w[0] + w[1] + w[2]; sum != textWidth {
		t.Errorf("widths %v add up to %d, want %d", w, sum, textWidth)
	}
	if w[0] != 3480 || w[2] != 3480 {
		t.Errorf("widths %v, want thirds of %d", w, textWidth)
	}
}
