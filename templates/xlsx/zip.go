package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"sync"
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

// deflaters hold the compressors the parts are stored with: the fastest
// level, one compressor for all the parts of a workbook, reused by the next
// workbook. archive/zip's default level resets 640 KB of hash tables for
// every part; the fastest level's reset touches none. Measured on the
// plumber example as a whole process (perf stat -r 60, three rounds
// alternating): 22.0-22.3 ms before, 20.4-20.9 ms after; 50 programs in
// one run 4% less time. The workbooks are 11% larger (162 KB to 180 KB
// for the six examples).
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

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
	fw := deflaters.Get().(*flate.Writer)
	defer deflaters.Put(fw)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		fw.Reset(w)
		return fw, nil
	})
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
