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
// adjacent in the section, which it reads from 16-bit position signatures
// (bit p mod 16 set for each position p of the pair).
//
// # Files
//
// Build returns files for the output's search/ folder. Each is a script
// calling Guidebook.search.add(name, value) where name is the file name
// without ".js" and value is JSON:
//
//   - manifest.<hash>.js: {"v": format version, "pages": n, "h", "t", "d",
//     "f": shard sets {"n": count, "g": group size, "x": hashes}, "dp": pages
//     per document shard as base-36 digits, "kinds": kind → label,
//     "suggest": [[url, title], …] of Options.Suggest (the home page's cards)}. File i of a
//     set with prefix P is P<i>.<x[8*(i/g) : 8*(i/g)+8]>.js: hashes are per
//     file, or per group of files once there are more than 256.
//   - h<i>.<hash>.js (token shards): {token: postings} or {token: [postings,
//     cutoff]} for the tokens t with FNV-1a-32(code points of t) mod n = i.
//     Postings are base64 of, for each page in order: uvarint(page gap),
//     uvarint(number of sections), then per section uvarint(section),
//     impact byte and, for pairs of Han characters, the signature as two
//     bytes little-endian. Only a token's best pages (400, or 200 for single
//     characters) are here; cutoff is the highest impact left out.
//   - t<i>.<hash>.js (tail shards): {token: postings} of the other pages,
//     read only when exact results need them.
//   - d<i>.<hash>.js (document shards): [[url, title, kind, description,
//     [[anchor, heading, text], …]], …] for a run of consecutive pages.
//   - f<i>.<hash>.js (fold chunks): a string of key-value character pairs of
//     the folding table for the keys whose code point mod 64 is i, so that a
//     query loads only the chunks of its own characters.
package search
