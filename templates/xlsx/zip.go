package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// orderedZip is the ZIP writer excelize saves the workbook with. It keeps
// each part in memory and stores them sorted by name on Close, so the file
// is the same on every run: excelize writes stream-written sheets in map
// order. Sorting puts "[Content_Types].xml" first, where readers expect it.
// Entries are dated at the start of the ZIP (MS-DOS) calendar. It also
// unmarks row heights as set by hand (excelize marks every height so).
type orderedZip struct {
	w     io.Writer
	parts map[string]*bytes.Buffer
}

// dosEpoch is the earliest date a ZIP entry can carry; a zero date would be
// an invalid one (month 0).
var dosEpoch = time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC)

// newOrderedZip returns an orderedZip writing to w.
func newOrderedZip(w io.Writer) excelize.ZipWriter {
	return &orderedZip{w: w, parts: map[string]*bytes.Buffer{}}
}

// Create starts a part.
func (z *orderedZip) Create(name string) (io.Writer, error) {
	if _, dup := z.parts[name]; dup {
		return nil, fmt.Errorf("duplicate workbook part %s", name)
	}
	b := new(bytes.Buffer)
	z.parts[name] = b
	return b, nil
}

// AddFS is not needed to write a workbook.
func (z *orderedZip) AddFS(fs.FS) error {
	return errors.New("adding a file system to a workbook is not supported")
}

// Close writes the parts, sorted by name, as a ZIP archive.
func (z *orderedZip) Close() error {
	names := make([]string, 0, len(z.parts))
	for name := range z.parts {
		names = append(names, name)
	}
	sort.Strings(names)
	zw := zip.NewWriter(z.w)
	for _, name := range names {
		part := z.parts[name]
		if strings.HasPrefix(name, "xl/worksheets/sheet") {
			// Row heights are estimates of the height the text needs, not
			// a person's choice: a row that is not marked as sized by hand
			// is fitted again by the reader when its text changes.
			part = bytes.NewBuffer(bytes.ReplaceAll(part.Bytes(), []byte(` customHeight="1"`), nil))
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: dosEpoch})
		if err != nil {
			return err
		}
		if _, err := part.WriteTo(fw); err != nil {
			return err
		}
	}
	return zw.Close()
}
