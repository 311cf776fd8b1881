// Package onet answers questions about O*NET-SOC occupation codes from the
// O*NET lists built into the binary: the 2019 taxonomy and the crosswalk from
// the 2010 taxonomy. No network is used, ever.
//
// The lists are parsed on first use, so commands that never look at a code
// pay nothing for them.
package onet

import (
	"bytes"
	"embed"
	"encoding/csv"
	"fmt"
	"regexp"
	"sort"
	"sync"
)

// Credit is the attribution the O*NET data's license (CC BY 4.0) requires
// wherever the product ships the data.
const Credit = `This product includes information from the O*NET 29.x Database / O*NET-SOC 2019 Taxonomy by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.`

// Files of the embedded lists, as published.
const (
	File2019 = "data/2019_to_SOC_Crosswalk.csv"
	File2010 = "data/2010_to_2019_Crosswalk.csv"
)

//go:embed data/2019_to_SOC_Crosswalk.csv data/2010_to_2019_Crosswalk.csv
var files embed.FS

// Occupation is one O*NET-SOC occupation: its code (NN-NNNN.NN) and title.
type Occupation struct {
	Code  string `json:"code"`
	Title string `json:"title"`
}

func (o Occupation) String() string { return o.Code + " " + o.Title }

var codeRE = regexp.MustCompile(`^\d{2}-\d{4}\.\d{2}$`)

// WellFormed reports whether code is written NN-NNNN.NN.
func WellFormed(code string) bool { return codeRE.MatchString(code) }

type lists struct {
	current    []Occupation        // the 2019 taxonomy, by code
	byCode     map[string]int      // index into current
	titles2010 map[string]string   // every 2010 code's title
	successors map[string][]string // legacy 2010 code -> its 2019 codes, in file order
	length     []int               // titleLength of current[i]
	words      [][]string          // stemmed title words of current[i]
}

var (
	once   sync.Once
	loaded *lists
)

// get parses the embedded lists once. They are part of the binary and
// checked by its tests, so a parse failure is a broken build, not bad input.
func get() *lists {
	once.Do(func() {
		l, err := parse()
		if err != nil {
			panic(fmt.Sprintf("onet: embedded O*NET lists: %v", err))
		}
		loaded = l
	})
	return loaded
}

func readCSV(name string, columns int) ([][]string, error) {
	data, err := files.ReadFile(name)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.FieldsPerRecord = columns
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) < 2 {
		return nil, fmt.Errorf("%s: no rows", name)
	}
	return rows[1:], nil // the header
}

func parse() (*lists, error) {
	rows2019, err := readCSV(File2019, 4)
	if err != nil {
		return nil, err
	}
	rows2010, err := readCSV(File2010, 4)
	if err != nil {
		return nil, err
	}
	l := &lists{
		byCode:     map[string]int{},
		titles2010: map[string]string{},
		successors: map[string][]string{},
	}
	for _, r := range rows2019 {
		if !WellFormed(r[0]) {
			return nil, fmt.Errorf("%s: code %q", File2019, r[0])
		}
		l.current = append(l.current, Occupation{Code: r[0], Title: r[1]})
	}
	sort.Slice(l.current, func(i, j int) bool { return l.current[i].Code < l.current[j].Code })
	for i, o := range l.current {
		l.byCode[o.Code] = i
		l.words = append(l.words, words(o.Title))
		l.length = append(l.length, titleLength(o.Title))
	}
	for _, r := range rows2010 {
		from, to := r[0], r[2]
		if !WellFormed(from) {
			return nil, fmt.Errorf("%s: code %q", File2010, from)
		}
		if _, ok := l.byCode[to]; !ok {
			return nil, fmt.Errorf("%s: %s maps to %s, which is not a 2019 code", File2010, from, to)
		}
		l.titles2010[from] = r[1]
		// A 2010 code still in the 2019 taxonomy is current, even when
		// the crosswalk also sends part of it elsewhere.
		if _, current := l.byCode[from]; !current {
			l.successors[from] = append(l.successors[from], to)
		}
	}
	return l, nil
}

// Lookup returns the 2019 occupation with the given code.
func Lookup(code string) (Occupation, bool) {
	l := get()
	i, ok := l.byCode[code]
	if !ok {
		return Occupation{}, false
	}
	return l.current[i], true
}

// Lookup2010 returns the occupation the 2010 taxonomy had under code.
func Lookup2010(code string) (Occupation, bool) {
	t, ok := get().titles2010[code]
	return Occupation{Code: code, Title: t}, ok
}

// Successors returns the 2019 occupations that replaced a 2010 code that
// the 2019 taxonomy no longer has. A 2010 code that the 2019 taxonomy kept
// is not legacy: ok is false for it, as for a code in neither list.
func Successors(code2010 string) (succ []Occupation, ok bool) {
	l := get()
	codes, ok := l.successors[code2010]
	if !ok {
		return nil, false
	}
	for _, c := range codes {
		succ = append(succ, l.current[l.byCode[c]])
	}
	return succ, true
}

// All returns the whole 2019 taxonomy, by code.
func All() []Occupation {
	return append([]Occupation(nil), get().current...)
}
