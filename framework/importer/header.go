package importer

import (
	"slices"
	"strings"
	"unicode"
)

// A role is what a column holds.
type role int

const (
	roleNone role = iota
	roleJFID
	roleJFTitle
	roleJFType
	roleJFLevel
	roleCompID
	roleCompText
	roleCompType
	roleDelivery
	roleRTIMark
	roleOJTMark
	roleCount
)

// roleNames says what each role is, in messages and in docs/import.md.
var roleNames = [roleCount]string{
	roleJFID:     "job function id",
	roleJFTitle:  "job function title",
	roleJFType:   "job function core/optional",
	roleJFLevel:  "job function level",
	roleCompID:   "competency id",
	roleCompText: "competency text",
	roleCompType: "competency core/optional",
	roleDelivery: "delivery",
	roleRTIMark:  "RTI mark",
	roleOJTMark:  "OJT mark",
}

// Words of a header, after normalizing (see words). A header names a job
// function or a competency by one of these, then says which of its
// attributes the column holds.
var (
	jfWords   = [][]string{{"job", "function"}, {"work", "process"}, {"duty"}, {"duties"}, {"jf"}, {"wp"}, {"function"}, {"work", "processes"}, {"job", "functions"}}
	compWords = [][]string{{"competency"}, {"competencies"}, {"skill"}, {"skills"}, {"task"}, {"tasks"}, {"ksa"}, {"element"}}
	idWords   = [][]string{{"id"}, {"number"}, {"no"}, {"num"}, {"code"}, {"letter"}, {"ref"}, {"reference"}}
	typeWords = [][]string{{"type"}, {"core"}, {"optional"}, {"required"}, {"mandatory"}, {"category"}, {"status"}}
	levWords  = [][]string{{"level"}}
	delWords  = [][]string{{"delivery"}, {"method"}, {"mode"}, {"delivered"}, {"taught"}, {"rti", "ojt"}, {"ojt", "rti"}, {"rti", "or", "ojt"}, {"rti", "and", "ojt"}}
	rtiWords  = [][]string{{"rti"}, {"related", "instruction"}, {"related", "technical", "instruction"}, {"classroom"}}
	ojtWords  = [][]string{{"ojt"}, {"ojl"}, {"on", "the", "job"}, {"on", "the", "job", "training"}, {"on", "the", "job", "learning"}}
)

// words normalizes a header: lower case, every run of punctuation or space
// one space; "#" reads as "number".
func words(h string) []string {
	h = strings.ReplaceAll(strings.ToLower(h), "#", " number ")
	return strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// has reports whether ws contains one of the phrases as consecutive words.
func has(ws []string, phrases [][]string) bool {
	for _, p := range phrases {
		for i := 0; i+len(p) <= len(ws); i++ {
			if slices.Equal(ws[i:i+len(p)], p) {
				return true
			}
		}
	}
	return false
}

// is reports whether ws is exactly one of the phrases.
func is(ws []string, phrases [][]string) bool {
	return slices.ContainsFunc(phrases, func(p []string) bool { return slices.Equal(ws, p) })
}

// headerRole says what a column holds from its header, or roleNone.
func headerRole(h string) role {
	ws := words(h)
	if len(ws) == 0 || has(ws, [][]string{{"hours"}, {"hour"}, {"hrs"}, {"notes"}, {"comments"}}) {
		return roleNone
	}
	switch {
	case is(ws, rtiWords):
		return roleRTIMark
	case is(ws, ojtWords):
		return roleOJTMark
	case has(ws, delWords):
		return roleDelivery
	}
	attr := func(idRole, textRole, typeRole, levelRole role) role {
		switch {
		case has(ws, idWords):
			return idRole
		case has(ws, typeWords):
			return typeRole
		case has(ws, levWords):
			return levelRole
		}
		return textRole
	}
	switch {
	case has(ws, jfWords):
		return attr(roleJFID, roleJFTitle, roleJFType, roleJFLevel)
	case has(ws, compWords):
		return attr(roleCompID, roleCompText, roleCompType, roleNone)
	case has(ws, typeWords):
		return roleCompType
	case has(ws, levWords):
		return roleJFLevel
	case is(ws, [][]string{{"id"}, {"letter"}}):
		return roleCompID
	}
	return roleNone
}

// headerScan is how far down a sheet the header row is looked for: a title
// or a note may stand above it.
const headerScan = 10

// header maps each role to its column (-1 when absent), with the header
// row's index in Table.Rows.
type header struct {
	row  int
	cols [roleCount]int
	// ignored lists the columns no role claimed; dup the columns whose
	// role an earlier column has.
	ignored, dup []int
}

// findHeader returns the first row, among the first few, that names a
// competency text column and a job function (title or id) column.
func findHeader(t *Table) (header, bool) {
	for i := 0; i < len(t.Rows) && i < headerScan; i++ {
		h := header{row: i}
		for r := range h.cols {
			h.cols[r] = -1
		}
		for c, text := range t.Rows[i].Cells {
			r := headerRole(text)
			switch {
			case r == roleNone:
				if strings.TrimSpace(text) != "" {
					h.ignored = append(h.ignored, c)
				}
				continue
			case h.cols[r] >= 0:
				h.dup = append(h.dup, c)
				continue
			}
			h.cols[r] = c
		}
		if h.cols[roleCompText] >= 0 && (h.cols[roleJFTitle] >= 0 || h.cols[roleJFID] >= 0) {
			return h, true
		}
	}
	return header{}, false
}
