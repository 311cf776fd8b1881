package framework

import "fmt"

// MaxNodeBound bounds nodeBound, the estimate of a file's values taken
// before the YAML reader builds them. The reader keeps every value of a
// file in memory (about 150 bytes each) before any can be counted, so ten
// megabytes of empty list items ("-" lines, 5 million values) would take
// 900 MB only to be refused by MaxValues afterwards. The estimate is never
// below the real count. For ordinary YAML it is near it ("key: value" 2
// for 2 values, "- x" 1 for 1, a flow list 2 per item), and each colon,
// comma, question mark or bracket inside a text adds 2: the synthetic
// programs of the render tests estimate 1.5 to 2.2 times their values, the
// largest under MaxValues 645,000. Three times MaxValues lets every such
// file through and keeps the reader's memory for any file under about
// 180 MB (a file of 900,000 empty items, refused by MaxValues after).
const MaxNodeBound = 3 * MaxValues

// nodeBound returns an upper bound of the nodes yaml.v3 builds for data
// (every document, key, value, list item, empty value and alias), and the
// offset of the byte at which the bound first exceeds limit (-1 if it
// never does). It looks at single bytes only, so it can be wrong only by
// counting too many: every node yaml.v3 makes has a role, and each role is
// charged to a byte that every such node needs.
//
//   - A document and its root: 2 for the first, 2 for each "---" or "..."
//     at the start of a line (each may start another document).
//   - A block list item, or the empty value in its place: 1 for each "-"
//     followed by a space, tab, line break or the end of the file (only
//     such a "-" is a list marker).
//   - A value after ":", or the empty value in its place, and the key
//     before it (a plain, quoted or flow key, an alias, or an empty key):
//     2 for each ":". Every ":" is counted: in a flow collection one
//     followed by a letter is a marker too.
//   - An explicit key after "?" (or the empty key) and the empty value of
//     a "?" key without ":": 2 for each "?".
//   - A flow collection's entry after "[", "{" or ",", with the one-pair
//     mapping "[a: b]" makes of it, or the empty value of a key without
//     ":" in "{a, b}": 2 for each of them. Every one is counted, also
//     inside texts, where it is not a marker.
//   - The first ":" after a ",", "[" or "{" with none of ,[]{}:? between
//     them counts 1, not 2: if both are markers, the ":" ends the key of
//     the entry the other starts, which that one paid for (and then needs
//     no empty value); if the other is not a marker, its 2 pay for the key.
//     Each ",", "[" or "{" pays for one ":" at most.
//
// Lists, mappings and scalars are nodes in one of these roles (a mapping
// is the value of a key, the item of a list or the root), so all are
// counted. Anchors, tags and comments add no node. Aliases are not
// expanded: yaml.v3 keeps one node per alias.
func nodeBound(data []byte, limit int) (int, int) {
	n, over := 2, -1
	add := func(k, at int) {
		n += k
		if over < 0 && n > limit {
			over = at
		}
	}
	lineStart := true
	payer := false // a ',', '[' or '{' since the last of ,[]{}:? or marker
	for i := 0; i < len(data); i++ {
		b := data[i]
		switch b {
		case '-':
			if lineStart && marker(data, i, '-') {
				add(2, i)
				i += 2
				payer = false
			} else if blankz(data, i+1) {
				add(1, i)
			}
		case '.':
			if lineStart && marker(data, i, '.') {
				add(2, i)
				i += 2
				payer = false
			}
		case ':':
			if payer {
				add(1, i)
			} else {
				add(2, i)
			}
			payer = false
		case '?', ']', '}':
			if b == '?' {
				add(2, i)
			}
			payer = false
		case ',', '[', '{':
			add(2, i)
			payer = true
		}
		lineStart = b == '\n' || b == '\r' || lineBreakAt(data, i)
	}
	return n, over
}

// boundCeiling is the most nodeBound returns for a file of n bytes: it
// starts at 2 and no byte adds more than 2 ("---" and "..." add 2 for
// three bytes, every other byte 0, 1 or 2). A file whose ceiling is within
// a limit needs no scan against it (TestNodeBoundCeiling).
func boundCeiling(n int) int { return 2 + 2*n }

// marker reports whether a "---" or "..." document marker starts at i.
func marker(data []byte, i int, c byte) bool {
	return i+2 < len(data) && data[i+1] == c && data[i+2] == c && blankz(data, i+3)
}

// blankz reports whether data[i] is a space, a tab, a line break (one of
// YAML's: LF, CR, NEL, LS, PS) or the end of the file, as yaml.v3's
// is_blankz.
func blankz(data []byte, i int) bool {
	if i >= len(data) {
		return true
	}
	switch data[i] {
	case ' ', '\t', '\r', '\n':
		return true
	}
	return lineBreakStart(data, i)
}

// lineBreakStart reports whether a multi-byte line break (NEL U+0085, LS
// U+2028, PS U+2029) starts at i.
func lineBreakStart(data []byte, i int) bool {
	switch {
	case i+1 < len(data) && data[i] == 0xC2 && data[i+1] == 0x85:
		return true
	case i+2 < len(data) && data[i] == 0xE2 && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9):
		return true
	}
	return false
}

// lineBreakAt reports whether the byte at i ends a multi-byte line break.
func lineBreakAt(data []byte, i int) bool {
	return i >= 1 && lineBreakStart(data, i-1) && data[i] == 0x85 ||
		i >= 2 && lineBreakStart(data, i-2) && (data[i] == 0xA8 || data[i] == 0xA9)
}

// nodeBoundMessage is the message of a file refused by nodeBound.
func nodeBoundMessage() string {
	return fmt.Sprintf("the file could hold more than %s values by this point (it has that many list items, keys and separators: -, :, ?, commas, brackets); wpsgen checks at most %s values, and a program or framework holds a few thousand",
		Thousands(MaxNodeBound), Thousands(MaxValues))
}
