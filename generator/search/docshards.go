package search

import (
	"bytes"
	"compress/flate"
	"encoding"
	"encoding/binary"
	"hash"
	"hash/adler32"
	"strconv"
)

// maxStoredRunes caps the text kept per section for snippets.
const maxStoredRunes = 4000

// maxShardPages caps the pages of a document shard so that its count is one
// base-36 digit in the manifest.
const maxShardPages = 35

// textLevel is the deflate level of the section texts. With the
// dictionary, level 9 saved 0.04 % of their bytes for 6 % more
// instructions in Build, and level 5 cost 4 % more bytes to save 3 %.
const textLevel = 6

// docShardSize returns the size of a document shard as written, for an
// index whose document shards total bytes: a 512th of it, at least 2 KB and
// at most 4 KB. A query loads one document shard for each result it
// shows, so they start small; on a larger site they grow so that there are
// fewer files, up to about the size they had before the dictionary (on the
// bench's 10,000 pages, 8 KB shards took the first query from 51 to 67 KB
// median, gzip, and saved 700 of 2,190 files).
func docShardSize(total int) int {
	return min(4<<10, max(2<<10, total/512))
}

// docEntry is one page of a document shard, as JSON: meta is [url, title,
// kind, description, sections] and text the array of its section texts.
type docEntry struct{ meta, text []byte }

// docShards writes the pages' display data in runs of consecutive pages,
// and the dictionary their texts are compressed with. A shard is [pages,
// texts]: texts, compressed (textCodec), are only for snippets and are most
// of the bytes; titles and headings stay readable without decompressing.
func (w *writer) docShards(c *corpus) (docs, dict shardSet, pages string) {
	entries := docEntries(c)
	texts := make([][]byte, len(entries))
	for i, e := range entries {
		texts[i] = e.text
	}
	codec := newTextCodec(textDictionary(texts))
	runs, counts := docRuns(entries, codec.ratio(texts))
	payloads := make([][]byte, len(runs))
	parallel(len(runs), func(r int, z *deflateScratch) {
		lo, hi := runs[r][0], runs[r][1]
		t := append(z.text[:0], '[')
		n := 0
		for i := lo; i < hi; i++ {
			if i > lo {
				t = append(t, ',')
			}
			t = append(t, entries[i].text...)
			n += len(entries[i].meta) + 1
		}
		z.text = append(t, ']')
		zt := codec.compress(z, z.text)
		b := append(make([]byte, 0, n+base92Len(len(zt))+6), '[', '[')
		for i := lo; i < hi; i++ {
			if i > lo {
				b = append(b, ',')
			}
			b = append(b, entries[i].meta...)
		}
		b = append(b, "],"...)
		payloads[r] = append(appendBase92(b, zt), ']')
	})
	w.ix.Stats.DocShards = len(payloads)
	docs = w.scripts("d", payloads)
	if codec.dict != nil {
		b := strconv.AppendInt([]byte{'['}, int64(len(codec.dict)), 10)
		dict = w.scripts("z", [][]byte{append(appendBase92(append(b, ','), codec.stream()), ']')})
		w.ix.Stats.DictionaryBytes = len(codec.dict)
	} else {
		dict = w.scripts("z", nil)
	}
	return docs, dict, counts
}

// docRuns cuts entries into runs of pages, [first, end], of about
// docShardSize bytes as written, given the ratio of the texts' compressed
// size to their size; counts has the pages of each run as a base-36 digit.
func docRuns(entries []docEntry, ratio float64) (runs [][2]int, counts string) {
	total := 0
	est := make([]int, len(entries))
	for i, e := range entries {
		est[i] = len(e.meta) + base92Len(int(ratio*float64(len(e.text)))) + 2
		total += est[i]
	}
	target := docShardSize(total)
	var digits []byte
	size, first := 0, 0
	for i := range entries {
		size += est[i]
		if size >= target || i+1-first == maxShardPages || i+1 == len(entries) {
			runs = append(runs, [2]int{first, i + 1})
			digits = strconv.AppendInt(digits, int64(i+1-first), 36)
			size, first = 0, i+1
		}
	}
	return runs, string(digits)
}

// docEntries returns each page's entry. A section is its heading when its
// anchor is derivedAnchor(heading) (isDerivedAnchor), else [anchor, heading].
func docEntries(c *corpus) []docEntry {
	entries := make([]docEntry, len(c.pages))
	// Each worker writes a page's JSON in its own buffers, and the entry
	// is a copy at its size: escapes make the size unknown beforehand, and
	// growing each page's slices took most of the bytes this stage
	// allocated.
	type scratch struct{ meta, text []byte }
	parallel(len(c.pages), func(i int, z *scratch) {
		p := &c.pages[i]
		b := append(z.meta[:0], '[')
		for _, s := range []string{p.url, p.title, p.kind, p.desc} {
			b = append(appendString(b, s), ',')
		}
		b = append(b, '[')
		t := append(z.text[:0], '[')
		for k, d := range p.docs {
			doc := &c.docs[d]
			if k > 0 {
				b = append(b, ',')
				t = append(t, ',')
			}
			if isDerivedAnchor(doc.Heading, doc.Anchor) {
				b = appendString(b, doc.Heading)
			} else {
				b = append(appendString(append(b, '['), doc.Anchor), ',')
				b = append(appendString(b, doc.Heading), ']')
			}
			t = appendString(t, truncate(doc.Body, maxStoredRunes))
		}
		z.meta, z.text = append(b, ']', ']'), append(t, ']')
		entries[i] = docEntry{bytes.Clone(z.meta), bytes.Clone(z.text)}
	})
	return entries
}

// derivedAnchor returns the anchor search.js derives from a heading: ASCII
// letters in lower case and spaces as "-". A heading's ID (GitHub's slug)
// is that when the heading has no punctuation, as most have.
func derivedAnchor(heading string) string {
	b := []byte(heading)
	for i, c := range b {
		b[i] = derivedByte(c)
	}
	return string(b)
}

// isDerivedAnchor reports whether anchor is derivedAnchor(heading), without
// building it.
func isDerivedAnchor(heading, anchor string) bool {
	if len(heading) != len(anchor) {
		return false
	}
	for i := range len(heading) {
		if derivedByte(heading[i]) != anchor[i] {
			return false
		}
	}
	return true
}

// derivedByte is a byte of a heading as derivedAnchor writes it.
func derivedByte(c byte) byte {
	switch {
	case c >= 'A' && c <= 'Z':
		return c + 'a' - 'A'
	case c == ' ':
		return '-'
	}
	return c
}

// textCodec compresses the section texts of document shards in the zlib
// format (RFC 1950), with an optional preset dictionary. Browsers inflate
// zlib natively (DecompressionStream("deflate")) but take no dictionary,
// so the dictionary is sent as a stream of its own: the dictionary file
// holds the zlib header and the dictionary deflated up to a byte-aligned
// sync point, and a shard holds deflate blocks that may refer back into the
// dictionary, then the Adler-32 of dictionary and texts together. The
// dictionary's stream followed by a shard's bytes is one valid zlib stream,
// which inflates to the dictionary and then the texts. Without a dictionary
// a shard is a whole zlib stream.
type textCodec struct {
	dict []byte
	sum  []byte // Adler-32 state after the dictionary
}

// zlibHeader is the zlib header for deflate with a 32 KB window and no
// preset dictionary.
var zlibHeader = []byte{0x78, 0x9c}

func newTextCodec(dict []byte) *textCodec {
	h := adler32.New()
	h.Write(dict)
	sum, err := h.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		panic(err) // hash/adler32 always marshals
	}
	return &textCodec{dict: dict, sum: sum}
}

// deflateScratch is one goroutine's reusable compressor and buffers.
type deflateScratch struct {
	buf  bytes.Buffer
	w    *flate.Writer
	sum  hash.Hash32
	text []byte // the texts of the shard being written
}

// compress returns text's bytes in a document shard, valid until the next
// call with z.
func (c *textCodec) compress(z *deflateScratch, text []byte) []byte {
	z.buf.Reset()
	if c.dict == nil {
		z.buf.Write(zlibHeader)
	}
	if z.w == nil {
		z.w, _ = flate.NewWriterDict(&z.buf, textLevel, c.dict) // the level is valid
		z.sum = adler32.New()
	} else {
		z.w.Reset(&z.buf)
	}
	z.w.Write(text)
	z.w.Close()
	if err := z.sum.(encoding.BinaryUnmarshaler).UnmarshalBinary(c.sum); err != nil {
		panic(err) // the state came from MarshalBinary
	}
	z.sum.Write(text)
	return binary.BigEndian.AppendUint32(z.buf.Bytes(), z.sum.Sum32())
}

// stream returns the dictionary file's bytes: the zlib header and the
// dictionary, deflated and flushed to a byte boundary, the stream open.
func (c *textCodec) stream() []byte {
	var buf bytes.Buffer
	buf.Write(zlibHeader)
	w, _ := flate.NewWriter(&buf, flate.BestCompression) // the level is valid
	w.Write(c.dict)
	w.Flush()
	return buf.Bytes()
}

// ratio estimates the compressed size of texts over their size from 16
// runs of 2 consecutive pages spread over the site, about what a document
// shard holds on a small site. Each compression first hashes the whole
// dictionary, so the sample is kept small.
func (c *textCodec) ratio(texts [][]byte) float64 {
	const runs, run = 16, 2
	step := max(run, len(texts)/runs)
	var z deflateScratch
	var buf []byte
	in, out := 0, 0
	for i := 0; i < len(texts); i += step {
		buf = buf[:0]
		for _, t := range texts[i:min(len(texts), i+run)] {
			buf = append(buf, t...)
		}
		in += len(buf)
		out += len(c.compress(&z, buf))
	}
	if in == 0 {
		return 1
	}
	return float64(out) / float64(in)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}
