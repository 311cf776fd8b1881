package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	gd "github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

const (
	headerPart = "word/header1.xml"
	footerPart = "word/footer1.xml"
	corePart   = "docProps/core.xml"
	appPart    = "docProps/app.xml"

	relHeader = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
	relFooter = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
	ctHeader  = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
	ctFooter  = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
)

// setupPackage drops base-template parts that do not describe our document
// (the library's own thumbnail image, a 400 KB duplicate of the styles for
// Word 2010) and adds the header and footer parts.
func (d *Document) setupPackage() error {
	r := d.root
	drop := map[string]bool{"docProps/thumbnail.jpeg": true, "word/stylesWithEffects.xml": true}
	for p := range drop {
		r.FileMap.Delete(p)
	}
	r.RootRels.Relationships = keepRels(r.RootRels.Relationships, drop, "")
	r.Document.DocRels.Relationships = keepRels(r.Document.DocRels.Relationships, drop, "word/")
	var ovr []gd.Override
	for _, o := range r.ContentType.Override {
		if !drop[strings.TrimPrefix(o.PartName, "/")] {
			ovr = append(ovr, o)
		}
	}
	r.ContentType.Override = ovr

	hid := d.addRel(relHeader, "header1.xml")
	fid := d.addRel(relFooter, "footer1.xml")
	if err := r.ContentType.AddOverride("/"+headerPart, ctHeader); err != nil {
		return err
	}
	if err := r.ContentType.AddOverride("/"+footerPart, ctFooter); err != nil {
		return err
	}
	if r.Document.Body.SectPr == nil {
		r.Document.Body.SectPr = ctypes.NewSectionProper()
	}
	s := r.Document.Body.SectPr
	s.HeaderReference = &ctypes.HeaderReference{Type: stypes.HdrFtrDefault, ID: hid}
	s.FooterReference = &ctypes.FooterReference{Type: stypes.HdrFtrDefault, ID: fid}
	return nil
}

func keepRels(rels []*gd.Relationship, drop map[string]bool, base string) []*gd.Relationship {
	var out []*gd.Relationship
	for _, rel := range rels {
		if !drop[base+rel.Target] {
			out = append(out, rel)
		}
	}
	return out
}

func (d *Document) addRel(typ, target string) string {
	id := fmt.Sprintf("rId%d", d.root.Document.IncRelationID())
	d.root.Document.DocRels.Relationships = append(d.root.Document.DocRels.Relationships,
		&gd.Relationship{ID: id, Type: typ, Target: target})
	return id
}

// setupSection sets US Letter portrait with margins like the PDF's.
func (d *Document) setupSection() {
	s := d.root.Document.Body.SectPr
	w, h := uint64(pageW), uint64(pageH)
	s.PageSize = &ctypes.PageSize{Width: &w, Height: &h}
	side, tb, hf, zero := marginSide, marginTopBt, marginHdrFt, 0
	s.PageMargin = &ctypes.PageMargin{Left: &side, Right: &side, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf, Gutter: &zero}
}

// setupStyles names DejaVu Sans and the document language in the defaults
// and in the heading styles, which otherwise use the theme's fonts.
func (d *Document) setupStyles() {
	st := d.root.DocStyles
	font := func() *ctypes.RunFonts {
		return &ctypes.RunFonts{Ascii: FontName, HAnsi: FontName, EastAsia: FontName, CS: FontName}
	}
	if st.DocDefaults == nil {
		st.DocDefaults = &ctypes.DocDefault{}
	}
	if st.DocDefaults.RunProp == nil {
		st.DocDefaults.RunProp = &ctypes.RunPropDefault{}
	}
	lang := d.meta.Language
	st.DocDefaults.RunProp.RunProp = &ctypes.RunProperty{
		Fonts:  font(),
		Size:   ctypes.NewFontSize(sizeNormal),
		SizeCs: ctypes.NewFontSizeCS(sizeNormal),
		Lang:   &ctypes.Lang{Val: &lang, EastAsia: &lang, Bidi: &lang},
	}
	sizes := map[string]uint64{"Title": 32, "Heading1": 28, "Heading2": 24, "Heading3": 22}
	for i := range st.StyleList {
		s := &st.StyleList[i]
		if s.ID == nil {
			continue
		}
		switch *s.ID {
		case "Title", "Heading1", "Heading2", "Heading3", "Header", "Footer", "Hyperlink":
		default:
			continue
		}
		if s.RunProp == nil {
			s.RunProp = &ctypes.RunProperty{}
		}
		s.RunProp.Fonts = font()
		if sz, ok := sizes[*s.ID]; ok {
			s.RunProp.Size = ctypes.NewFontSize(sz)
			s.RunProp.SizeCs = ctypes.NewFontSizeCS(sz)
			// Black, not the theme's light blue: these documents are printed.
			s.RunProp.Color = ctypes.NewColor("000000")
		}
		if *s.ID != "Hyperlink" && *s.ID != "Title" && strings.HasPrefix(*s.ID, "Heading") {
			if s.ParaProp == nil {
				s.ParaProp = &ctypes.ParagraphProp{}
			}
			before, after := uint64(240), uint64(80)
			s.ParaProp.Spacing = &ctypes.Spacing{Before: &before, After: &after}
		}
	}
}

// Write writes the document. Calling it again gives the same bytes.
func (d *Document) Write(w io.Writer) error {
	if d.err != nil {
		return d.err
	}
	d.closeBody()
	r := d.root
	r.FileMap.Store(headerPart, []byte(headerXML(d.header[0], d.header[1])))
	r.FileMap.Store(footerPart, []byte(footerXML(d.footer)))
	r.FileMap.Store(corePart, []byte(coreXML(d.meta)))
	r.FileMap.Store(appPart, []byte(appXML(d.meta)))
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return repack(w, buf.Bytes(), zipTime(d.meta.Created))
}

// zipTime is the entry time recorded in the archive: the document's date,
// within what a zip's MS-DOS time fields can hold.
func zipTime(t time.Time) time.Time {
	t = t.UTC().Truncate(2 * time.Second)
	lo := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	hi := time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)
	if t.Before(lo) {
		return lo
	}
	if t.After(hi) {
		return hi
	}
	return t
}

// repack copies the library's archive entry by entry in the same (sorted)
// order with one fixed time. The library stamps 1970, which MS-DOS time
// fields cannot hold; the document's own date is what a person expects and
// keeps the output a function of the input alone.
func repack(w io.Writer, archive []byte, mod time.Time) error {
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		return fmt.Errorf("docx: read back the archive: %w", err)
	}
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		src, err := f.Open()
		if err != nil {
			return fmt.Errorf("docx: %s: %w", f.Name, err)
		}
		// MS-DOS time fields only: a Modified time would add an extra field.
		hdr := &zip.FileHeader{Name: f.Name, Method: zip.Deflate}
		hdr.ModifiedDate, hdr.ModifiedTime = dosTime(mod)
		dst, err := zw.CreateHeader(hdr)
		if err == nil {
			_, err = io.Copy(dst, src)
		}
		src.Close()
		if err != nil {
			return fmt.Errorf("docx: %s: %w", f.Name, err)
		}
	}
	return zw.Close()
}

func dosTime(t time.Time) (date, clock uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
