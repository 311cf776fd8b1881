package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework"
)

// newWorkbook builds an XLSX with excelize: sheets in order, each a list of
// rows; hidden names sheets to hide.
func newWorkbook(t testing.TB, sheets map[string][][]any, order []string, hidden ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range order {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, h := range hidden {
		if err := f.SetSheetVisible(h, false); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestXLSX: the first visible sheet with a header is read, cells as
// shown (a number id, a formula's computed value), findings name the cell.
func TestXLSX(t *testing.T) {
	good := [][]any{
		{"Pharmacy Technician framework"},
		{},
		{"Job function #", "Job function", "Competency", "Core or optional", "RTI", "OJT"},
		{1, "Receives prescriptions", "Reads prescriptions", "Core", "x", "x"},
		{nil, nil, "Verifies prescriptions", "Optional", nil, "x"},
		{2, "Compounds", "Mixes ointments", "Optional", "x", nil},
	}
	data := newWorkbook(t, map[string][][]any{
		"Read me": {{"This workbook lists the framework"}},
		"Secret":  {{"Job function", "Competency"}, {"Hidden", "Never read"}},
		"Skills":  good,
	}, []string{"Read me", "Secret", "Skills"}, "Secret")
	res := Framework("t.xlsx", data, Options{Title: "Pharmacy Technician", ONET: "29-2052.00"})
	want := []string{
		"1 Receives prescriptions [core] | A Reads prescriptions rti+ojt | B Verifies prescriptions optionalojt",
		"2 Compounds [optional] | A Mixes ointments optionalrti",
	}
	if got := shape(parsed(t, res)); !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if !bytes.Contains(res.YAML, []byte(`from t.xlsx (sheet "Skills")`)) {
		t.Errorf("the opening comment does not name the sheet:\n%s", res.YAML)
	}

	bad := slices.Clone(good)
	bad[4] = []any{nil, nil, "Verifies prescriptions", "Optional", nil, "maybe"}
	data = newWorkbook(t, map[string][][]any{"Work Process Schedule": bad}, []string{"Work Process Schedule"})
	res = Framework("t.xlsx", data, Options{})
	wantF := `t.xlsx:Work Process Schedule!F5: error: "maybe" is not a mark: put x (or yes) in the OJT column when the competency is taught that way, and leave it empty (or no) otherwise [import]`
	if got := strings.TrimSpace(findingsText(res.Findings)); got != wantF || res.YAML != nil {
		t.Errorf("got\n%s\nwant\n%s", got, wantF)
	}
}

// TestXLSXFormula: a formula cell reads as the value the workbook last
// computed, the value a person sees.
func TestXLSXFormula(t *testing.T) {
	data := minimalXLSX(t, inlineRow(1, "Job function", "Competency")+
		`<row r="2"><c r="A2" t="inlineStr"><is><t>Compounds</t></is></c><c r="B2" t="str"><f>C2</f><v>Mixes ointments</v></c>`+
		`<c r="C2" t="inlineStr"><is><t>Mixes ointments</t></is></c></row>`, "")
	fw := parsed(t, Framework("t.xlsx", data, Options{}))
	if got := fw.JobFunctions[0].Competencies[0].Text.Value; got != "Mixes ointments" {
		t.Errorf("formula cell read as %q", got)
	}
}

// zipOf writes files into a zip; declared, when set, is the size the
// central directory claims for a file instead of its real size.
func zipOf(t *testing.T, files map[string]string, order []string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, name := range order {
		fw, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write([]byte(files[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// minimalXLSX is a workbook of one sheet whose XML is sheetXML.
func minimalXLSX(t *testing.T, sheetXML, sharedStrings string) []byte {
	files := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheetXML + `</sheetData></worksheet>`,
	}
	order := []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"}
	if sharedStrings != "" {
		files["xl/sharedStrings.xml"] = sharedStrings
		order = append(order, "xl/sharedStrings.xml")
	}
	return zipOf(t, files, order)
}

func inlineRow(r int, cells ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, r)
	for i, c := range cells {
		fmt.Fprintf(&b, `<c r="%c%d" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, r, c)
	}
	return b.String() + "</row>"
}

// zipBomb is a workbook whose one sheet unzips to just over the limit.
//
// Made once per test process: compressing 65 MiB takes a tenth of a second.
var zipBomb = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	fw, _ := w.Create("xl/worksheets/sheet1.xml")
	zeros := make([]byte, 1<<20)
	for range unzipLimit>>20 + 1 {
		_, _ = fw.Write(zeros)
	}
	_ = w.Close()
	return buf.Bytes()
})

// TestHostileWorkbooks: each gets a clear finding, fast, in little memory.
func TestHostileWorkbooks(t *testing.T) {
	header := inlineRow(1, "Job function", "Competency")
	entities := `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>` +
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&c;&c;&c;</t></si></sst>`
	cases := []struct {
		name string
		data []byte
		want string // part of the finding's message
	}{
		{"zip bomb", zipBomb(), "unzips to more than 64 MiB"},
		{"not a workbook", []byte("PK\x03\x04 this is not a zip"), "not an XLSX workbook"},
		{"a million rows", minimalXLSX(t, header+inlineRow(2, "A", "b")+inlineRow(1_000_000, "A", "c"), ""), "more than 5,000 rows"},
		{"last row of a sheet", minimalXLSX(t, header+inlineRow(1_048_576, "A", "c"), ""), "more than 5,000 rows"},
		{"wide row", minimalXLSX(t, header+`<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>`, ""), "more than 64 columns"},
		{"entity expansion", minimalXLSX(t, header+`<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" t="s"><v>0</v></c></row>`, entities), "invalid character entity &c;"},
		{"no sheets", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>"}, []string{"[Content_Types].xml"}), "cannot read the workbook"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			res := Framework("t.xlsx", c.data, Options{})
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("took %v", took)
			}
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 512<<20 {
				t.Errorf("allocated %d MiB", grew>>20)
			}
			got := findingsText(res.Findings)
			if !strings.Contains(got, c.want) || res.YAML != nil {
				t.Errorf("want a finding containing %q, got:\n%s", c.want, got)
			}
		})
	}
}

// TestHostileTables: a CSV of a million rows, or one too big, is refused
// quickly.
func TestHostileTables(t *testing.T) {
	million := "Job function,Competency\n" + strings.Repeat("A,b\n", 1_000_000)
	big := "Job function,Competency\n" + strings.Repeat("A,"+strings.Repeat("x", 999)+"\n", MaxTableBytes/1000+1)
	for name, c := range map[string]struct{ data, want string }{
		"a million rows": {million, "the table has more than 5,000 rows"},
		"too big":        {big, "larger than 16 MiB"},
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			res := Framework("t.csv", []byte(c.data), Options{})
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("took %v", took)
			}
			if got := findingsText(res.Findings); !strings.Contains(got, c.want) || res.YAML != nil {
				t.Errorf("want %q, got %s", c.want, got)
			}
		})
	}
}

// TestBlankRowsPastTheLimit: LibreOffice, deleting a row, saves the
// sheet's last row empty; the blank rows up to it are passed over, in a
// framework table as in a program's workbook.
func TestBlankRowsPastTheLimit(t *testing.T) {
	lastRow := `<row r="1048576" customFormat="false" ht="12.8" hidden="false"></row>`
	res := Framework("t.xlsx", minimalXLSX(t, inlineRow(1, "Job function", "Competency")+inlineRow(2, "Safety", "Wears PPE")+lastRow, ""), Options{})
	if res.YAML == nil || strings.Contains(findingsText(res.Findings), "rows") {
		t.Errorf("a table with an empty last row: %s", findingsText(res.Findings))
	}
	book, src := editedWorkbook(t, plumberProgram, func(*excelize.File) {})
	vr, err := framework.NewLoader().ValidateSource(plumberProgram, src)
	if err != nil || vr.Schedule == nil {
		t.Fatal(err)
	}
	// Rewritten in the zip: excelize would make every row up to it.
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	files, order := map[string]string{}, []string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := b.ReadFrom(rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
		text := b.String()
		if strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			text = strings.Replace(text, "</sheetData>", lastRow+"</sheetData>", 1)
		}
		files[zf.Name], order = text, append(order, zf.Name)
	}
	prog := Program("p.xlsx", zipOf(t, files, order), vr.Schedule.Framework)
	if prog.YAML == nil || len(prog.Findings) > 0 {
		t.Errorf("a workbook whose sheets end with an empty row 1,048,576: %s", findingsText(prog.Findings))
	}
	if !bytes.Equal(prog.YAML, src) {
		t.Errorf("read back as\n%s\nnot as its program", prog.YAML)
	}
}
