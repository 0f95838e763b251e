package search

import (
	"encoding/binary"
	"math"
	"runtime"
	"sync"
	"unicode/utf8"
)

// encodedToken is one token's postings, encoded.
type encodedToken struct {
	text   string
	df     int    // number of sections
	head   []byte // postings of the head pages
	tail   []byte // postings of the other pages, nil if none
	cutoff int    // highest impact in tail
}

// encodePostings scores every posting, quantises the scores to one-byte
// impacts on a scale shared by all tokens, splits very common tokens into
// head and tail, and encodes them. The result is sorted by token.
func encodePostings(pl postingLists, c *corpus, opt Options) []encodedToken {
	texts, lists := pl.texts, pl.lists
	n := float64(len(c.docs))
	idf := func(df int) float64 {
		return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
	}
	// BM25 with saturated term frequency: score = idf·wtf·(k1+1)/(wtf+k1).
	score := func(wtf uint16, idf float64) float64 {
		w := float64(wtf) / wtfUnit
		return idf * w * (bm25K1 + 1) / (w + bm25K1)
	}
	// BM25 grows with wtf, so each token's largest wtf gives its largest
	// score, and the largest of those sets the scale.
	var top float64
	for k := range texts {
		var m uint16
		for _, b := range lists[k].blocks {
			for _, p := range b {
				m = max(m, p.wtf)
			}
		}
		top = max(top, score(m, idf(lists[k].n)))
	}
	scale := 255 / max(top, 1e-9)
	out := make([]encodedToken, len(texts))
	parallel(len(texts), func(k int, s *encodeScratch) {
		t := texts[k]
		s.flat = lists[k].appendTo(s.flat[:0])
		l := s.flat
		i := idf(len(l))
		s.imp = s.imp[:0]
		for _, p := range l {
			s.imp = append(s.imp, uint8(max(1, min(255, math.Round(score(p.wtf, i)*scale)))))
		}
		head := opt.HeadPages
		if utf8.RuneCountInString(t) == 1 && isHan([]rune(t)[0]) {
			head = max(1, head/2)
		}
		out[k] = s.encode(t, l, c, head)
	})
	return out
}

// encodeScratch holds one goroutine's reusable buffers.
type encodeScratch struct {
	flat  []posting // the token's postings
	imp   []uint8   // impact of each posting
	start []int32   // index of the first posting of each page
	best  []uint8   // highest impact of each page
	head  []bool    // whether each page goes to the head
	hist  [256]int  // pages by best impact
}

// encode groups a token's postings by page, splits them into head and tail
// when there are more than headPages pages, and encodes both.
func (s *encodeScratch) encode(text string, l []posting, c *corpus, headPages int) encodedToken {
	e := encodedToken{text: text, df: len(l)}
	s.start, s.best = s.start[:0], s.best[:0]
	for k, p := range l {
		if k == 0 || c.docPage[p.doc] != c.docPage[l[k-1].doc] {
			s.start = append(s.start, int32(k))
			s.best = append(s.best, 0)
		}
		b := &s.best[len(s.best)-1]
		*b = max(*b, s.imp[k])
	}
	s.start = append(s.start, int32(len(l)))
	sig := hasSignature(text)
	pages := len(s.best)
	s.head = s.head[:0]
	for range pages {
		s.head = append(s.head, true)
	}
	if pages > headPages {
		// The head is the headPages pages of highest impact, ties broken by
		// page order: find the impact threshold with a histogram.
		clear(s.hist[:])
		for _, b := range s.best {
			s.hist[b]++
		}
		room, cut := headPages, 255
		for ; cut > 0 && room >= s.hist[cut]; cut-- {
			room -= s.hist[cut]
		}
		for p, b := range s.best {
			switch {
			case int(b) > cut:
			case int(b) == cut && room > 0:
				room--
			default:
				s.head[p] = false
				e.cutoff = max(e.cutoff, int(b))
			}
		}
		e.tail = s.appendPages(nil, l, c, sig, false)
	}
	e.head = s.appendPages(nil, l, c, sig, true)
	return e
}

// appendPages encodes the pages whose head flag equals head, in page order:
//
//	for each page: uvarint(page - previous page), uvarint(number of sections),
//	  then for each section: uvarint(section), impact byte,
//	  and for Han pairs the signature as two bytes, little-endian.
func (s *encodeScratch) appendPages(b []byte, l []posting, c *corpus, sig, head bool) []byte {
	var prev uint32
	for p := range len(s.start) - 1 {
		if s.head[p] != head {
			continue
		}
		lo, hi := s.start[p], s.start[p+1]
		pg := c.docPage[l[lo].doc]
		b = binary.AppendUvarint(b, uint64(pg-prev))
		prev = pg
		b = binary.AppendUvarint(b, uint64(hi-lo))
		for k := lo; k < hi; k++ {
			b = binary.AppendUvarint(b, uint64(c.docSec[l[k].doc]))
			b = append(b, s.imp[k])
			if sig {
				b = append(b, byte(l[k].sig), byte(l[k].sig>>8))
			}
		}
	}
	return b
}

// hasSignature reports whether a token's postings carry position
// signatures: only pairs of Han characters do.
func hasSignature(token string) bool {
	a, n := utf8.DecodeRuneInString(token)
	b, m := utf8.DecodeRuneInString(token[n:])
	return n+m == len(token) && m > 0 && isHan(a) && isHan(b)
}

// parallel calls fn(0) … fn(n-1) on GOMAXPROCS goroutines, each with its
// own scratch value.
func parallel[S any](n int, fn func(int, *S)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var s S
			for k := w; k < n; k += workers {
				fn(k, &s)
			}
		})
	}
	wg.Wait()
}
