// Package search builds the site's search index: a tokenizer shared with
// static/js/search.js, BM25F scoring with field boosts, and the index files
// the browser loads as scripts.
//
// The index is written as JavaScript files under the output's search/ folder,
// so that it loads from file:// as well as over HTTP:
//
//   - manifest.<hash>.js names every other file with its hash, and holds the
//     kind labels and the pages suggested when nothing matches;
//   - h<i>.<hash>.js (token shards) hold the postings of the tokens whose hash
//     falls in shard i: for each page, its matching sections with a one-byte
//     impact (the token's BM25F score, quantised) and, for pairs of Han
//     characters, a 16-bit position signature used for the phrase bonus;
//   - t<i>.<hash>.js (tail shards) hold the low-impact rest of very common
//     tokens' postings, loaded only when the head postings cannot decide the
//     top results;
//   - d<i>.<hash>.js (document shards) hold URL, title, kind, description and
//     section text of a run of pages, for result titles and snippets;
//   - f<i>.<hash>.js (fold chunks) hold the Traditional-to-Simplified table for
//     the characters whose code point is i modulo 64, so a query loads only
//     the chunks of its own characters.
//
// The file formats are the contract with static/js/search.js and are described
// in docs/search.md.
package search
