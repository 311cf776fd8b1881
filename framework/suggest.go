package framework

import (
	"fmt"
	"hash/maphash"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// didYouMean returns "; did you mean "x"?" for the candidate closest to s,
// or "" when none is close enough to be a likely typo.
func didYouMean(s string, candidates []string) string {
	if best := closest(s, candidates, true); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// Bounds on the work of suggestions. A file can hold a hundred thousand
// unknown references to a framework of thousands of ids: comparing each
// with each would take hours. Each distinct reference compares at most
// maxComparedPerRef candidates: those that share the longest beginning
// with it, then the nearest in length. The answer depends only on the
// reference and the list, never on what other files asked before.
const (
	maxIDRunes         = 64 // longer strings are never typos of ids or keys
	indexFrom          = 9  // lists this long are indexed once and reused
	maxComparedPerRef  = 128
	sortedNeighbors    = 16 // on each side, compared first
	maxCachedAnswers   = 8_192
	maxCachedIndexes   = 64
	maxTypoDistance    = 3
	unboundedDistance  = 1 << 30
	distanceOfLongText = unboundedDistance
)

// comparisons counts edit-distance computations, so tests can prove the
// work is bounded without timing it.
var comparisons atomic.Int64

// closest returns the candidate nearest to s by edit distance; a candidate
// that differs only in letter case ("OJT" for "ojt") is nearest of all. With
// typosOnly it returns one only within a third of the longer word (at least
// one edit, at most three), so unrelated words are not suggested. Ties go
// to the earlier candidate.
func closest(s string, candidates []string, typosOnly bool) string {
	if len(candidates) >= indexFrom {
		return indexOf(candidates).closest(s, typosOnly)
	}
	rs := []rune(s)
	best, bestD := "", unboundedDistance
	for _, c := range candidates {
		if c == s {
			continue
		}
		if strings.EqualFold(c, s) {
			return c
		}
		limit := bestD - 1
		if typosOnly {
			limit = min(limit, maxTypoDistance)
		}
		if d := editDistanceWithin(rs, []rune(c), limit); d < bestD {
			best, bestD = c, d
		}
	}
	return acceptTypo(s, best, bestD, typosOnly)
}

// acceptTypo applies the typo threshold of closest.
func acceptTypo(s, best string, d int, typosOnly bool) string {
	if best == "" || typosOnly && d > max(1, min(maxTypoDistance, max(utf8.RuneCountInString(s), utf8.RuneCountInString(best))/3)) {
		return ""
	}
	return best
}

// suggestIndex is a list of candidates prepared once: by letter case, by
// length and sorted, with the answers given so far and the work left.
type suggestIndex struct {
	list   []string
	runes  [][]rune
	folded map[string][]int // lower case -> candidate indexes
	byLen  map[int][]int    // rune length -> candidate indexes, in order
	sorted []int            // candidate indexes by text

	mu      sync.Mutex
	answers map[string]found // by reference
}

var indexes struct {
	sync.Mutex
	byMemory  map[indexKey]memoryEntry
	byContent map[uint64]*suggestIndex
}

// indexKey is a list's identity: its memory and length.
type indexKey struct {
	data *string
	n    int
}

// memoryEntry keeps the list it was made for alive, so its memory cannot
// be reused by another list while the key is cached.
type memoryEntry struct {
	list []string
	ix   *suggestIndex
}

var contentSeed = maphash.MakeSeed()

// indexOf returns the index of a candidate list, made once per content.
// Most checks build a list once and ask about every unknown reference
// against it: its identity finds the index in constant time. Others build
// the same list afresh for each question: its content (a hash, then a
// comparison) finds it in time linear in the list, far below comparing.
func indexOf(list []string) *suggestIndex {
	key := indexKey{unsafe.SliceData(list), len(list)}
	indexes.Lock()
	defer indexes.Unlock()
	if e, ok := indexes.byMemory[key]; ok {
		return e.ix
	}
	if indexes.byMemory == nil {
		indexes.byMemory = map[indexKey]memoryEntry{}
		indexes.byContent = map[uint64]*suggestIndex{}
	}
	var h maphash.Hash
	h.SetSeed(contentSeed)
	for _, c := range list {
		h.WriteString(c)
		h.WriteByte(0) // files hold no NUL (Parse refuses them): a separator
	}
	sum := h.Sum64()
	ix := indexes.byContent[sum]
	if ix == nil || !slices.Equal(ix.list, list) {
		ix = newSuggestIndex(list)
		evictOne(indexes.byContent)
		indexes.byContent[sum] = ix
	}
	evictOne(indexes.byMemory)
	indexes.byMemory[key] = memoryEntry{list, ix}
	return ix
}

// evictOne makes room for one entry by dropping one at random, not all: a
// list met once must not push out the lists in use.
func evictOne[K comparable, V any](m map[K]V) {
	for k := range m {
		if len(m) < maxCachedIndexes {
			return
		}
		delete(m, k)
	}
}

func newSuggestIndex(list []string) *suggestIndex {
	ix := &suggestIndex{list: list, runes: make([][]rune, len(list)), folded: map[string][]int{},
		byLen: map[int][]int{}, sorted: make([]int, len(list)), answers: map[string]found{}}
	for i, c := range list {
		ix.runes[i] = []rune(c)
		low := strings.ToLower(c)
		ix.folded[low] = append(ix.folded[low], i)
		ix.byLen[len(ix.runes[i])] = append(ix.byLen[len(ix.runes[i])], i)
		ix.sorted[i] = i
	}
	sort.SliceStable(ix.sorted, func(a, b int) bool { return list[ix.sorted[a]] < list[ix.sorted[b]] })
	return ix
}

func (ix *suggestIndex) closest(s string, typosOnly bool) string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	f, ok := ix.answers[s]
	if !ok {
		f = ix.search(s)
		if len(ix.answers) < maxCachedAnswers {
			ix.answers[s] = f
		}
	}
	switch {
	case f.folded:
		return ix.list[f.best]
	case f.best < 0 && typosOnly:
		return ""
	case f.best < 0:
		return ix.sharedPrefix(s)
	}
	return acceptTypo(s, ix.list[f.best], f.dist, typosOnly)
}

// found is the nearest candidate to a reference among those compared: its
// index (-1 for none), its distance, and whether it differs only in case.
// Both questions (a likely typo? the nearest?) are answered from it, as
// the threshold applies to the nearest candidate.
type found struct {
	best, dist int
	folded     bool
}

func (ix *suggestIndex) search(s string) found {
	for _, i := range ix.folded[strings.ToLower(s)] {
		if ix.list[i] != s {
			return found{best: i, folded: true}
		}
	}
	rs := []rune(s)
	best, bestD := -1, unboundedDistance
	compared := 0
	try := func(i int) {
		if compared >= maxComparedPerRef || ix.list[i] == s {
			return
		}
		compared++
		if d := editDistanceWithin(rs, ix.runes[i], bestD); d < bestD || d == bestD && i < best {
			best, bestD = i, d
		}
	}
	// Ids in a list share beginnings ("12.AB", "12.AC"): the neighbors of s
	// in sorted order are the likeliest typos.
	at := sort.Search(len(ix.sorted), func(k int) bool { return ix.list[ix.sorted[k]] >= s })
	for k := max(0, at-sortedNeighbors); k < min(len(ix.sorted), at+sortedNeighbors); k++ {
		try(ix.sorted[k])
	}
	// A candidate whose length differs by d is at least d edits away, so
	// lengths are tried nearest first and the search stops when no length
	// left can beat the best found.
	for d := 0; d <= bestD && d <= maxIDRunes && compared < maxComparedPerRef; d++ {
		for _, n := range []int{len(rs) - d, len(rs) + d} {
			if n < 0 || d == 0 && n != len(rs)-d {
				continue
			}
			for _, i := range ix.byLen[n] {
				try(i)
			}
		}
	}
	return found{best: best, dist: bestD}
}

// sharedPrefix returns the candidate sharing the longest prefix with s: the
// answer, in logarithmic time, when no compared candidate came near.
func (ix *suggestIndex) sharedPrefix(s string) string {
	at := sort.Search(len(ix.sorted), func(k int) bool { return ix.list[ix.sorted[k]] >= s })
	best, bestN := "", -1
	for _, k := range []int{at - 1, at, at + 1} {
		if k < 0 || k >= len(ix.sorted) || ix.list[ix.sorted[k]] == s {
			continue
		}
		c := ix.list[ix.sorted[k]]
		n := 0
		for n < len(c) && n < len(s) && c[n] == s[n] {
			n++
		}
		if n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// editDistance is the optimal-string-alignment distance between a and b, by
// runes: insertions, deletions, substitutions and adjacent transpositions
// ("titel" -> "title") each cost one.
func editDistance(a, b string) int {
	return editDistanceWithin([]rune(a), []rune(b), unboundedDistance-1)
}

// editDistanceWithin is editDistance, except that any distance over limit
// is returned as limit+1 as soon as it is certain: rows whose every cell
// exceeds limit end the computation.
func editDistanceWithin(ra, rb []rune, limit int) int {
	comparisons.Add(1)
	if len(ra) > maxIDRunes || len(rb) > maxIDRunes {
		return distanceOfLongText
	}
	if abs(len(ra)-len(rb)) > limit {
		return limit + 1
	}
	// Rows on the stack: ids are at most maxIDRunes long, and this runs
	// for every comparison.
	var rows [3][maxIDRunes + 1]int
	prev2, prev, cur := rows[0][:len(rb)+1], rows[1][:len(rb)+1], rows[2][:len(rb)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit+1)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// synonyms are keys users write for the ones wpsgen reads: the older
// "journeyman", and the names of hours in other forms. Each maps to the
// keys it may mean, in order; the first the mapping has is suggested.
var synonyms = map[string][]string{
	"journeyman_rate":                   {"journeyworker_rate"},
	"journeyman_wage":                   {"journeyworker_rate"},
	"journeyworker_wage":                {"journeyworker_rate"},
	"journeymen":                        {"journeyworkers"},
	"journeyman":                        {"journeyworkers"},
	"journeyman_ratio":                  {"ratio"},
	"ojt_hours":                         {"hours"},
	"ojl_hours":                         {"hours"},
	"on_the_job_hours":                  {"hours"},
	"total_ojt_hours":                   {"hours"},
	"total_ojl_hours":                   {"hours"},
	"rti_hours":                         {"total_hours", "hours"},
	"related_instruction_hours":         {"total_hours", "hours"},
	"related_technical_instruction":     {"rti"},
	"related_instruction":               {"rti"},
	"classroom_hours":                   {"total_hours", "hours"},
	"onet_code":                         {"onet"},
	"onet_soc":                          {"onet"},
	"onet_soc_code":                     {"onet"},
	"soc_code":                          {"onet"},
	"rapids_code":                       {"rapids"},
	"work_processes":                    {"job_functions"},
	"work_process_schedule":             {"job_functions"},
	"probationary_period":               {"probation"},
	"apprentice_to_journeyworker_ratio": {"ratio"},
}

// synonym returns the key a known synonym stands for in this mapping, or "".
func synonym(key string, fields *fieldIndex) string {
	for _, k := range synonyms[strings.ToLower(key)] {
		if _, ok := fields.byKey[k]; ok {
			return k
		}
	}
	return ""
}

// validKeys lists the keys of a mapping for an unknown key that is close to
// none of them.
func validKeys(keys []string) string {
	return "the keys here are " + strings.Join(keys, ", ")
}
