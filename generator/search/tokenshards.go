package search

import "strconv"

// Token shards. A token's head postings are in the token shard of its hash
// bucket (bucketOf), and each shard holds a run of consecutive buckets,
// packed up to a target size: a query loads one shard per token, and
// hashing into a fixed number of shards leaves most of them empty when
// tokens are few and common (a site generated from few phrases, whose
// tokens each have long postings). The manifest lists how many buckets
// each shard holds.
const (
	// minTokenShard is the smallest size, as written, a token shard is
	// filled up to (a token larger than that is a shard alone). A small
	// site's tokens are short, so a query loads little for each.
	minTokenShard = 512
	// tokenShards is about the number of token shards of a larger site:
	// past minTokenShard·tokenShards bytes, shards grow. Each token of a
	// query loads its shard, so the shards' size sets what a first query
	// loads for its tokens: on the bench's 1,000 pages, 1,024, 512 and 256
	// shards (1.1, 2.1 and 4 KB) made the first query's p95 35, 44 and 62
	// KB (gzip, of a 50 KB budget) and the search/ folder 1,608, 1,021 and
	// 674 files.
	tokenShards = 512
	// maxShards bounds the number of tail shards: past it, they grow.
	maxShards = 4096
	// bucketsPerShard is the number of hash buckets per token shard the
	// index is planned with, so that runs of buckets can fill shards evenly.
	bucketsPerShard = 8
	// minTailShard is the smallest size of a tail shard: tails are read
	// only for the search page's exact results, so they are fewer and
	// larger.
	minTailShard = 16 << 10
)

// bucketLayout says which hash buckets each token shard holds, in order:
// Runs has one base-36 digit 1–z per shard, the number of its buckets, after
// a 0 for each 35 more.
type bucketLayout struct {
	Buckets int    `json:"n"`
	Runs    string `json:"r"`
}

// bucketOf returns the bucket of a token: FNV-1a (32-bit) over its code
// points, modulo n. search.js computes the same.
func bucketOf(token string, n int) int {
	h := uint32(2166136261)
	for _, r := range token {
		h ^= uint32(r)
		h *= 16777619
	}
	return int(h % uint32(n))
}

// shard returns the token shard that holds token.
func (l bucketLayout) shard(token string) int {
	b := bucketOf(token, l.Buckets)
	for i, n := range l.runs() {
		if b -= n; b < 0 {
			return i
		}
	}
	return -1
}

// runs returns the number of buckets of each shard.
func (l bucketLayout) runs() []int {
	var out []int
	n := 0
	for i := range len(l.Runs) {
		d, _ := strconv.ParseInt(l.Runs[i:i+1], 36, 0)
		if d == 0 {
			n += 35
			continue
		}
		out = append(out, n+int(d))
		n = 0
	}
	return out
}

// appendRun appends a run of n > 0 buckets to a layout's Runs.
func appendRun(runs []byte, n int) []byte {
	for ; n > 35; n -= 35 {
		runs = append(runs, '0')
	}
	return strconv.AppendInt(runs, int64(n), 36)
}

// packBuckets lays out buckets of the given sizes into shards of up to
// target bytes each (a bucket larger than that is a shard alone), and
// returns the layout and the shard of each bucket.
func packBuckets(sizes []int, target int) (bucketLayout, []int) {
	shardOf := make([]int, len(sizes))
	var runs []byte
	shards, size, first := 0, 0, 0
	for b, n := range sizes {
		if size > 0 && size+n > target {
			runs = appendRun(runs, b-first)
			shards++
			size, first = 0, b
		}
		shardOf[b] = shards
		size += n
	}
	runs = appendRun(runs, len(sizes)-first)
	return bucketLayout{Buckets: len(sizes), Runs: string(runs)}, shardOf
}

// entryLen returns the length of a token's entry in a shard of the given
// postings.
func entryLen(t *encodedToken, postings []byte) int {
	return base92Len(len(postings)) + len(t.text) + 6
}

// tokenShards writes head and tail shards. A head shard maps each token to
// its base92 postings, or to [postings, cutoff] when the token has a tail;
// a tail shard maps tokens to their tail postings. Tail shards are few
// (only tokens on less than TailShare of the pages keep tails), and hold the
// tokens of one hash each, modulo their number.
func (w *writer) tokenShards(tokens []encodedToken) (head, tail shardSet, layout bucketLayout) {
	var headBytes, tailBytes int
	for i := range tokens {
		t := &tokens[i]
		headBytes += entryLen(t, t.head)
		if t.tail != nil {
			tailBytes += entryLen(t, t.tail)
		}
	}
	target := max(minTokenShard, headBytes/tokenShards)
	buckets := min(1<<16, max(bucketsPerShard, bucketsPerShard*((headBytes+target-1)/target)))
	sizes := make([]int, buckets)
	for i := range tokens {
		t := &tokens[i]
		sizes[bucketOf(t.text, buckets)] += entryLen(t, t.head)
	}
	layout, shardOf := packBuckets(sizes, target)
	nh := shardOf[buckets-1] + 1
	size := max(minTailShard, (tailBytes+maxShards-1)/maxShards)
	nt := (tailBytes + size - 1) / size
	// Tokens are letters, digits or Han characters only, so they need no
	// escaping in JSON, and neither does base92: the shards are written
	// directly, in token order (tokens arrive sorted).
	hp := make([][]byte, nh)
	tp := make([][]byte, nt)
	// Each shard is allocated once, at about its size: its entries, and a
	// tail's cutoff ("[" and ",255]"), and the braces.
	hn, tn := make([]int, nh), make([]int, nt)
	for i := range tokens {
		t := &tokens[i]
		s := shardOf[bucketOf(t.text, buckets)]
		hn[s] += entryLen(t, t.head)
		if t.tail != nil {
			hn[s] += 6
			tn[bucketOf(t.text, nt)] += entryLen(t, t.tail)
		}
	}
	for s := range hp {
		hp[s] = make([]byte, 0, hn[s]+2)
	}
	for s := range tp {
		tp[s] = make([]byte, 0, tn[s]+2)
	}
	for _, t := range tokens {
		s := shardOf[bucketOf(t.text, buckets)]
		hp[s] = appendKey(hp[s], t.text)
		if t.tail == nil {
			hp[s] = appendBase92(hp[s], t.head)
			continue
		}
		hp[s] = append(hp[s], '[')
		hp[s] = appendBase92(hp[s], t.head)
		hp[s] = append(strconv.AppendInt(append(hp[s], ','), int64(t.cutoff), 10), ']')
		s = bucketOf(t.text, nt)
		tp[s] = appendBase92(appendKey(tp[s], t.text), t.tail)
	}
	for _, shards := range [][][]byte{hp, tp} {
		for i, b := range shards {
			if len(b) == 0 {
				shards[i] = []byte("{}")
			} else {
				b[0] = '{'
				shards[i] = append(b, '}')
			}
		}
	}
	w.ix.Stats.TokenShards, w.ix.Stats.TailShards = nh, nt
	return w.scripts("h", hp), w.scripts("t", tp), layout
}
