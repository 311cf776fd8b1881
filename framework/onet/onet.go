// Package onet answers questions about O*NET-SOC occupation codes from the
// O*NET lists built into the binary: the 2019 taxonomy and the crosswalk from
// the 2010 taxonomy. No network is used, ever.
//
// The lists are Go tables generated at build time from the published files
// (onet_gen.go, from data/*.csv, checked against them by a test), so a
// lookup costs a binary search and no start-up work. Only the word index of
// Search is built, once, on first use.
package onet

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/wpsgen/wpsgen/framework/onet/internal/onetdata"
)

// Credit is the attribution the O*NET data's license (CC BY 4.0) requires
// wherever the product ships the data.
const Credit = `This product includes information from the O*NET 29.x Database / O*NET-SOC 2019 Taxonomy by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.`

// Files of the lists the tables are generated from, as published.
const (
	File2019 = onetdata.File2019
	File2010 = onetdata.File2010
)

//go:generate go run ./internal/onetgen -o onet_gen.go

// Occupation is one O*NET-SOC occupation: its code (NN-NNNN.NN) and title.
type Occupation struct {
	Code  string `json:"code"`
	Title string `json:"title"`
}

func (o Occupation) String() string { return o.Code + " " + o.Title }

// code2010 is a code of the 2010 taxonomy: its title, and the 2019 codes
// that replaced it (in the crosswalk's order) when the 2019 taxonomy no
// longer has it.
type code2010 struct {
	code, title string
	successors  []string
}

// codeRE is compiled on first use: most commands never check a code.
var codeRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{2}-\d{4}\.\d{2}$`) })

// WellFormed reports whether code is written NN-NNNN.NN.
func WellFormed(code string) bool { return codeRE().MatchString(code) }

// find returns the index of code in the 2019 taxonomy.
func find(code string) (int, bool) {
	return slices.BinarySearchFunc(taxonomy2019[:], code, func(o Occupation, c string) int { return strings.Compare(o.Code, c) })
}

// find2010 returns the 2010 taxonomy's entry for code.
func find2010(code string) (*code2010, bool) {
	i, ok := slices.BinarySearchFunc(taxonomy2010[:], code, func(o code2010, c string) int { return strings.Compare(o.code, c) })
	if !ok {
		return nil, false
	}
	return &taxonomy2010[i], true
}

// index is what Search needs beyond the codes and titles.
type index struct {
	length []int      // titleLength of taxonomy2019[i]
	words  [][]string // stemmed title words of taxonomy2019[i]
}

var (
	once   sync.Once
	loaded *index
)

// get builds the search index once.
func get() *index {
	once.Do(func() {
		l := &index{}
		for _, o := range taxonomy2019 {
			l.words = append(l.words, words(o.Title))
			l.length = append(l.length, titleLength(o.Title))
		}
		loaded = l
	})
	return loaded
}

// Lookup returns the 2019 occupation with the given code.
func Lookup(code string) (Occupation, bool) {
	i, ok := find(code)
	if !ok {
		return Occupation{}, false
	}
	return taxonomy2019[i], true
}

// Lookup2010 returns the occupation the 2010 taxonomy had under code.
func Lookup2010(code string) (Occupation, bool) {
	o, ok := find2010(code)
	if !ok {
		return Occupation{Code: code}, false
	}
	return Occupation{Code: code, Title: o.title}, true
}

// Successors returns the 2019 occupations that replaced a 2010 code that
// the 2019 taxonomy no longer has. A 2010 code that the 2019 taxonomy kept
// is not legacy: ok is false for it, as for a code in neither list.
func Successors(code2010 string) (succ []Occupation, ok bool) {
	o, ok := find2010(code2010)
	if !ok || len(o.successors) == 0 {
		return nil, false
	}
	for _, c := range o.successors {
		i, _ := find(c)
		succ = append(succ, taxonomy2019[i])
	}
	return succ, true
}

// All returns the whole 2019 taxonomy, by code.
func All() []Occupation {
	return append([]Occupation(nil), taxonomy2019[:]...)
}
