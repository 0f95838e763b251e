// Package search builds the site's search index: a tokenizer shared with
// static/js/search.js, BM25F scoring with field boosts, and the index files
// the browser loads as scripts.
//
// # Tokens
//
// Tokenize is the contract with search.js, which mirrors it line by line and
// is checked against it in Chromium (TestTokenizerParity). Text is folded
// one character at a time (fold.go): U+FF01–U+FF5E to ASCII, U+3000 to a
// space, letters to lower case (ASCII, and U+00C0–U+052F except U+0130),
// then compatibility ideographs and Traditional characters to Simplified
// with a table generated from OpenCC (tstable.go, see gen.go). Zero-width
// characters, soft hyphens and variation selectors are skipped. A run of Han
// characters gives each character and each overlapping pair; a run of other
// letters and digits gives one word; everything else separates tokens.
//
// # Scores
//
// Each document is a section: a page's top (title, description, the text
// before the first ## heading) or one ## heading with its text. Fields are
// weighted (title 6 on the page top and 1.5 on its other sections, heading
// 4, description 2, body 1, kind label 1; body and description of the home
// page and section lists count less) and length-normalised (BM25F), and each
// (token, section) pair is scored with BM25 at build time and quantised to a
// one-byte impact on a scale shared by all tokens. search.js adds the
// impacts of the query's tokens and a bonus for query pairs that are
// adjacent in the section, which it reads from 8-bit position signatures
// (bit p mod 8 set for each position p of the pair).
//
// # Pruning
//
// A token keeps its best pages (Options.HeadPages, 300 by default; half as
// many for single Han characters) in its token shard. The other pages go to
// a tail shard, read only when the search page needs exact results, except
// for single Han characters and tokens on more than an eighth of all pages
// (Options.TailShare), whose other pages are dropped: they are most of the
// index's bytes and could move results only a little.
//
// # Files
//
// Build returns files for the output's search/ folder. Each is a script
// calling Guidebook.search.add(name, value) where name is the file name
// without ".js" and value is JSON. Binary data is in base92 strings
// (base92.go): the bytes as a little-endian bit stream, 13 bits to two
// characters of the printable ASCII characters except '"', '\' and '<'.
//
//   - manifest.js (the one name without a hash, see ManifestFile): {"v":
//     format version (3), "pages": n, "h", "t", "d", "f", "z": shard sets {"n": count, "g": group size, "x": hashes},
//     "hb": the token shards' buckets {"n": number of hash buckets, "r":
//     runs}, "dp": pages per document shard as base-36 digits, "kinds":
//     kind → label, "suggest": [[url, title], …] of Options.Suggest (the
//     home page's cards)}. File i of a set with prefix P is P<i>.<x[8*(i/g)
//     : 8*(i/g)+8]>.js: hashes are per file, or per group of files once
//     there are more than 256.
//   - h<i>.<hash>.js (token shards): {token: postings} or {token: [postings,
//     cutoff]} for the tokens t whose bucket FNV-1a-32(code points of t) mod
//     hb.n is in shard i's run: shards hold consecutive buckets, as many as
//     fit in a 512th of all token shards' bytes (at least 512), and hb.r
//     gives each shard's count as a base-36 digit 1–z, after a 0 for each
//     35 more.
//     Postings are base92 of a bit stream, least significant bit first:
//     gamma(pages), then 4 bits k, 8 bits lo and 4 bits w, then for each
//     page in order: expGolomb_k(page − previous page − 1), the previous
//     page of the first being −1; its sections: gamma(first + 1), then for
//     each other a 1 bit and gamma(section − previous section), then a 0
//     bit; then for each of those sections in order its impact − lo in w
//     bits and, for pairs of Han characters, its signature: a 1 bit and in
//     3 bits the position of its only bit set, or a 0 bit and the 8 bits.
//     gamma(x) is as many 0 bits as x has bits after its leading 1, a 1,
//     and those bits as a number; expGolomb_k(v) is gamma(v>>k + 1) and
//     the k low bits of v. cutoff, when present, is the highest impact of
//     the pages in the token's tail.
//   - t<i>.<hash>.js (tail shards): {token: postings} of the other pages,
//     for the tokens t with FNV-1a-32(code points of t) mod n = i, read only
//     when exact results need them.
//   - d<i>.<hash>.js (document shards): [pages, texts] for a run of
//     consecutive pages, where pages is [[url, title, kind, description,
//     sections], …]; a section is its heading when its anchor is the
//     heading with ASCII letters in lower case and spaces as "-" (GitHub's
//     slug of a heading without punctuation), else [anchor, heading].
//     texts is the base92 of the zlib (RFC 1950) compression of the JSON
//     [[section text, …], …] of the same pages, which search.js inflates
//     with DecompressionStream("deflate") to show snippets. When "z" has a
//     file, texts are compressed with a preset dictionary and hold the
//     deflate blocks and the Adler-32 checksum only: they follow the
//     dictionary's stream, and the whole inflates to the dictionary, then
//     the JSON.
//   - z0.<hash>.js (the texts' dictionary, when the pages share enough
//     phrasing): [length, stream], where stream is the base92 of the zlib
//     header and the dictionary (length bytes: clauses found on at least a
//     16th of the pages), deflated up to a byte-aligned sync flush.
//   - f<i>.<hash>.js (fold chunks): a string of key-value character pairs of
//     the folding table for the keys whose code point mod 64 is i, so that a
//     query loads only the chunks of its own characters.
package search
