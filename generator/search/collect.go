package search

import (
	"context"
	"encoding/binary"
	"math/bits"
	"runtime"
	"slices"
	"sync"
)

// posting is one (token, doc) pair before scoring.
type posting struct {
	doc uint32 // index into corpus.docs
	wtf uint16 // BM25F weighted, length-normalised term frequency, in 1/wtfUnit
	sig uint8  // bit p%8 set for each position p of a Han pair
}

// wtfUnit is the fixed-point unit of posting.wtf: postings are kept small
// because a large site has tens of millions of them.
const wtfUnit = 256

// fieldGap separates the positions of two fields so that no phrase spans them.
const fieldGap = 4

// collector tokenizes a contiguous run of docs. Tokens get small numbers
// (ids) so that per-doc counting uses arrays, not maps.
type collector struct {
	han   []int32          // BMP Han character - denseLo → id+1
	keys  keyTable         // other Han characters and pairs → id
	words map[string]int32 // words → id
	text  []string         // id → token
	lists []blockList      // id → postings
	// per-doc scratch
	accs []acc   // by id
	seen []int32 // ids of the current doc's tokens, in order of first occurrence
	scan scanner
	slab []byte // what is left of the allocation new blocks are cut from
}

// acc counts a token in the current doc: its term frequency in each field
// and, for Han pairs, its position signature. It is indexed by token id,
// so that counting a token is one array access, and is valid only if doc
// is the current doc's number plus 1.
type acc struct {
	doc    int32
	tf     [numFields]uint16
	sig    uint8
	fields uint8 // bit f set if tf[f] > 0
}

// blockList is a list of postings, compact because a large site has tens
// of millions of them (the collected postings are the build's peak live
// heap): each is uvarint(doc − previous doc), wtf in 2 bytes and, for
// pairs of Han characters, the signature, 3 or 4 bytes where the struct
// takes 8. The bytes are in blocks of growing size, so that appending
// never copies, and each block starts from doc 0, so that the lists of
// workers holding consecutive docs join by joining their blocks. The block
// being filled is cur, outside blocks, so that add, which runs once per
// posting, reaches it in one load.
type blockList struct {
	cur    []byte   // the block being filled
	blocks [][]byte // the blocks before cur
	n      int      // number of postings
	last   uint32   // doc of the last posting of cur
	maxWTF uint16   // largest wtf
	sig    bool     // whether postings have a signature
}

// maxPostingLen is the most bytes a posting takes in a blockList.
const maxPostingLen = binary.MaxVarintLen32 + 2 + 1

// add appends p, taking a new block from slab when cur is full.
func (b *blockList) add(p posting, slab *[]byte) {
	if len(b.cur)+maxPostingLen > cap(b.cur) {
		b.grow(slab)
	}
	blk := b.cur[:len(b.cur)+maxPostingLen] // room checked above
	n := len(b.cur)
	if gap := p.doc - b.last; gap < 0x80 {
		blk[n] = byte(gap)
		n++
	} else {
		n += binary.PutUvarint(blk[n:], uint64(gap))
	}
	binary.LittleEndian.PutUint16(blk[n:], p.wtf)
	n += 2
	if b.sig {
		blk[n] = p.sig
		n++
	}
	// Re-slicing cur in place stores only its length: storing blk would
	// also store its pointer, with a write barrier while the GC runs.
	b.cur = b.cur[:n]
	b.last = p.doc
	b.n++
	b.maxWTF = max(b.maxWTF, p.wtf)
}

// grow starts a new block, twice the size of the last one up to 16 KB.
// Blocks up to maxSlabBlock are cut from the front of slab: a collector's
// small blocks, most of its blocks, share a few allocations instead of
// tens of thousands, and all are dropped together once the index is
// written. Larger blocks are allocated alone, so that what a slab leaves
// unused when the next block does not fit stays small.
func (b *blockList) grow(slab *[]byte) {
	size := 32
	if b.cur != nil {
		size = min(16<<10, 2*cap(b.cur))
		b.blocks = append(b.blocks, b.cur)
	}
	b.last = 0
	if size > maxSlabBlock {
		b.cur = make([]byte, 0, size)
		return
	}
	if len(*slab) < size {
		*slab = make([]byte, slabSize)
	}
	b.cur = (*slab)[:0:size]
	*slab = (*slab)[size:]
}

// slabSize is the size of the allocations small blocks are cut from, and
// maxSlabBlock the largest block cut from one: a slab leaves at most 1/32
// of it unused.
const (
	slabSize     = 64 << 10
	maxSlabBlock = 2 << 10
)

// seal moves cur to blocks, so that blocks hold every posting.
func (b *blockList) seal() {
	if len(b.cur) > 0 {
		b.blocks = append(b.blocks, b.cur)
	}
	b.cur = nil
}

func newCollector() *collector {
	return &collector{han: make([]int32, denseHi-denseLo), keys: newKeyTable(), words: map[string]int32{}}
}

func (col *collector) newID(text string, sig bool) int32 {
	id := int32(len(col.text))
	col.text = append(col.text, text)
	col.lists = append(col.lists, blockList{sig: sig})
	col.accs = append(col.accs, acc{})
	return id
}

// hanID returns the id of a Han character, numbering new tokens.
func (col *collector) hanID(r rune) int32 {
	if r >= denseLo && r < denseHi {
		p := &col.han[r-denseLo]
		if *p == 0 {
			*p = col.newID(string(r), false) + 1
		}
		return *p - 1
	}
	p := col.keys.slot(uint64(r) << 21)
	if *p < 0 {
		*p = col.newID(string(r), false)
	}
	return *p
}

// pairID returns the id of a pair of Han characters, numbering new tokens.
func (col *collector) pairID(a, b rune) int32 {
	p := col.keys.slot(uint64(a)<<21 | uint64(b))
	if *p < 0 {
		*p = col.newID(hanPair(a, b), true)
	}
	return *p
}

// wordID returns the id of a word, numbering new tokens.
func (col *collector) wordID(word []byte) int32 {
	id, ok := col.words[string(word)]
	if !ok {
		w := string(word)
		id = col.newID(w, false)
		col.words[w] = id
	}
	return id
}

// count counts a token in field f of the current doc, numbered stamp, and
// returns its counts.
func (col *collector) count(id int32, f int, stamp int32) *acc {
	a := &col.accs[id]
	if a.doc != stamp {
		*a = acc{doc: stamp}
		col.seen = append(col.seen, id)
	}
	if a.tf[f] < 1<<16-1 {
		a.tf[f]++
	}
	a.fields |= 1 << f
	return a
}

// collect tokenizes every doc in parallel and returns each token's postings,
// sorted by doc.
func (c *corpus) collect(ctx context.Context, opt Options) (postingLists, error) {
	labels := opt.KindLabels
	avg := c.avgLengths(labels)
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(c.docs)/64+1))
	cols := make([]*collector, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := len(c.docs)*w/workers, len(c.docs)*(w+1)/workers
		cols[w] = newCollector()
		wg.Go(func() {
			for d := lo; d < hi; d++ {
				if d%256 == 0 && ctx.Err() != nil {
					errs[w] = ctx.Err()
					return
				}
				cols[w].addDoc(c, d, labels, &avg)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return postingLists{}, err
		}
	}
	return mergePostings(cols), nil
}

// postingLists holds every token's postings, sorted by doc.
type postingLists struct {
	texts []string    // sorted
	lists []blockList // lists[i] are the postings of texts[i]
}

// mergePostings gathers the workers' postings by token. Workers hold
// consecutive docs, so concatenating their lists in worker order keeps every
// list sorted by doc.
func mergePostings(cols []*collector) postingLists {
	byText := map[string]*blockList{}
	var texts []string
	for _, col := range cols {
		for id, t := range col.text {
			l := &col.lists[id]
			l.seal()
			if m, ok := byText[t]; ok {
				m.blocks = append(m.blocks, l.blocks...)
				m.n += l.n
				m.maxWTF = max(m.maxWTF, l.maxWTF)
				continue
			}
			byText[t] = l
			texts = append(texts, t)
		}
	}
	slices.Sort(texts)
	pl := postingLists{texts: texts, lists: make([]blockList, len(texts))}
	for k, t := range texts {
		pl.lists[k] = *byText[t]
	}
	return pl
}

// addDoc tokenizes every field of doc d and appends one posting per token.
func (col *collector) addDoc(c *corpus, d int, labels map[string]string, avg *[numFields]float64) {
	col.seen = col.seen[:0]
	stamp := int32(d + 1)
	text, weight := c.fields(d, labels)
	var pos int32
	for f := range numFields {
		if text[f] == "" {
			continue
		}
		pos = col.scan.scan(text[f], pos, func(t *token) {
			if t.kind == kindWord {
				col.count(col.wordID(t.word), f, stamp)
				return
			}
			if t.prev != 0 {
				a := col.count(col.pairID(t.prev, t.han), f, stamp)
				a.sig |= 1 << ((t.pos - 1) & 7)
			}
			col.count(col.hanID(t.han), f, stamp)
		}) + fieldGap
	}
	var norm [numFields]float64
	for f := range numFields {
		b := fieldB(f)
		norm[f] = weight[f] / (1 - b + b*float64(len(text[f]))/avg[f])
	}
	for _, id := range col.seen {
		a := &col.accs[id]
		// The fields a token is in, in order: the sum is the same as over
		// all fields, as adding 0 changes no float.
		var w float64
		for m := a.fields; m != 0; m &= m - 1 {
			f := bits.TrailingZeros8(m)
			w += float64(a.tf[f]) * norm[f]
		}
		col.lists[id].add(posting{doc: uint32(d), wtf: uint16(min(w*wtfUnit+0.5, 1<<16-1)), sig: a.sig}, &col.slab)
	}
}

// keyTable maps packed Han tokens to ids with open addressing: the lookup
// runs once per token of the whole site, and Go's map is several times
// slower for it.
type keyTable struct {
	slots []keySlot
	used  int
	shift uint
}

// keySlot is one slot of a keyTable: key and value share a cache line.
type keySlot struct {
	key uint64 // key+1, 0 for an empty slot
	val int32
}

func newKeyTable() keyTable {
	const bits = 12
	return keyTable{slots: make([]keySlot, 1<<bits), shift: 64 - bits}
}

// slot returns the value slot of key, adding the key with value -1 if new.
func (t *keyTable) slot(key uint64) *int32 {
	key++
	mask := uint64(len(t.slots) - 1)
	for i := (key * 0x9E3779B97F4A7C15) >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		switch s.key {
		case key:
			return &s.val
		case 0:
			if 4*(t.used+1) > 3*len(t.slots) {
				t.grow()
				return t.slot(key - 1)
			}
			*s = keySlot{key: key, val: -1}
			t.used++
			return &s.val
		}
	}
}

func (t *keyTable) grow() {
	old := t.slots
	t.slots = make([]keySlot, 2*len(old))
	t.shift--
	t.used = 0
	for _, s := range old {
		if s.key != 0 {
			*t.slot(s.key - 1) = s.val
		}
	}
}
