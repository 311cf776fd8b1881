package docx

import (
	"fmt"
	"strings"
	"time"
)

const xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// run is a text run in the header/footer size.
func run(text string) string {
	return `<w:r><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
}

// field is a complex field (PAGE, NUMPAGES) with a cached result of 1 that
// Word and LibreOffice replace when they lay the pages out.
func field(instr string) string {
	rpr := `<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>`
	return `<w:r>` + rpr + `<w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r>` + rpr + `<w:instrText xml:space="preserve"> ` + instr + ` </w:instrText></w:r>` +
		`<w:r>` + rpr + `<w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r>` + rpr + `<w:t>1</w:t></w:r>` +
		`<w:r>` + rpr + `<w:fldChar w:fldCharType="end"/></w:r>`
}

// headerXML puts left at the left margin and right at a right tab stop on
// the text's right edge.
func headerXML(left, right string) string {
	var r string
	if right != "" {
		r = `<w:r><w:tab/></w:r>` + run(right)
	}
	return xmlDecl + `<w:hdr ` + wNS + `><w:p><w:pPr><w:pStyle w:val="Header"/>` + tabs() +
		`<w:spacing w:after="0"/></w:pPr>` + run(left) + r + `</w:p></w:hdr>`
}

// tabs clears the Header and Footer styles' centre and right stops and
// sets one at the right margin.
func tabs() string {
	return fmt.Sprintf(`<w:tabs><w:tab w:val="clear" w:pos="4680"/><w:tab w:val="clear" w:pos="9360"/><w:tab w:val="right" w:pos="%d"/></w:tabs>`, textWidth)
}

// footerXML puts text at the left and "Page X of Y" at a right tab stop on
// the text's right edge.
func footerXML(text string) string {
	return xmlDecl + `<w:ftr ` + wNS + `><w:p><w:pPr><w:pStyle w:val="Footer"/>` + tabs() +
		`<w:spacing w:after="0"/></w:pPr>` +
		run(text) + `<w:r><w:tab/></w:r>` + run("Page ") + field("PAGE") + run(" of ") + field("NUMPAGES") +
		`</w:p></w:ftr>`
}

// w3cdtf formats a date the way core properties record it.
func w3cdtf(t time.Time) string {
	return zipTime(t).Format("2006-01-02T15:04:05Z")
}

func coreXML(m Meta) string {
	var b strings.Builder
	b.WriteString(xmlDecl)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	el := func(name, v string) {
		if v != "" {
			fmt.Fprintf(&b, "<%s>%s</%s>", name, esc(v), name)
		}
	}
	el("dc:title", m.Title)
	el("dc:subject", m.Subject)
	el("dc:creator", m.Author)
	el("cp:keywords", m.Keywords)
	el("cp:lastModifiedBy", m.Author)
	el("dc:language", m.Language)
	b.WriteString(`<cp:revision>1</cp:revision>`)
	d := w3cdtf(m.Created)
	fmt.Fprintf(&b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>`, d)
	fmt.Fprintf(&b, `<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, d)
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

func appXML(m Meta) string {
	gen := m.Generator
	if gen == "" {
		gen = "wpsgen"
	}
	return xmlDecl + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
		`xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		`<Application>` + esc(gen) + `</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
		`<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>` +
		`</Properties>`
}
