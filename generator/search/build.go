package search

import (
	"context"
	"fmt"
)

// Doc is one searchable section: a page top or one ## heading of it.
type Doc struct {
	Page        string // page URL relative to the site root, e.g. "steps/submit/" ("" for the home page)
	Anchor      string // heading ID without '#', "" for the page top
	Title       string // page title
	Heading     string // heading text, "" for the page top
	Description string // page description (front matter)
	Kind        string // what the page is, labelled in results by Options.KindLabels (e.g. its section)
	Body        string // plain text of the section
}

// Options changes how the index is built. The zero value is usable.
type Options struct {
	// KindLabels maps a page kind to the label shown in results, from the
	// i18n table. The label is also indexed, with a low weight, so that a
	// query such as "常见问题 封号" prefers FAQ pages.
	KindLabels map[string]string
	// Suggest lists the pages (Doc.Page values) suggested when a query
	// finds nothing, in order; pages not in the index are skipped.
	Suggest []string
	// HeadPages is the number of pages, by impact, kept in a token's head
	// postings; the rest goes to a tail shard, or is dropped for single Han
	// characters and tokens on more than TailShare of the pages. Single Han
	// characters, which queries weigh little, keep half as many. 0 means 300.
	HeadPages int
	// TailShare is the share of all pages above which a token keeps only
	// its head (see keepsTail); 0 means 1/8, and 1 keeps every tail.
	TailShare float64
	// Workers is the number of goroutines used to tokenize; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
}

// Index is the built search index.
type Index struct {
	// Files maps paths relative to the output's "search/" folder to contents.
	Files map[string][]byte
	// Manifest is the manifest's file name inside search/: ManifestFile.
	Manifest string
	// Stats describes the index, for benchmarks and build logs.
	Stats Stats
}

// Stats gives the size of an index.
type Stats struct {
	Pages, Docs, Tokens       int
	Postings                  int // (token, section) pairs
	TokenShards, TailShards   int
	DocShards                 int
	Bytes                     int // total size of Files
	ManifestBytes, TableBytes int
	DictionaryBytes           int // the texts' dictionary, before compression
}

func (o Options) withDefaults() Options {
	if o.HeadPages <= 0 {
		o.HeadPages = 300
	}
	if o.TailShare <= 0 {
		o.TailShare = 1.0 / 8
	}
	return o
}

// Build indexes docs. Docs of one page must share its Page; the first doc
// of each page gives its title, kind and description, and the page's
// sections are numbered in the order given. Pages are ordered by their
// first doc. The result is deterministic: the same docs and options give
// the same files.
func Build(ctx context.Context, docs []Doc, opt Options) (*Index, error) {
	opt = opt.withDefaults()
	c := newCorpus(docs)
	post, err := c.collect(ctx, opt)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	ix := &Index{Files: map[string][]byte{}}
	w := newWriter(ix)
	tokens := encodePostings(post, c, opt)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	m := manifest{V: formatVersion, Pages: len(c.pages), Kinds: opt.KindLabels}
	if m.Kinds == nil {
		m.Kinds = map[string]string{}
	}
	m.Head, m.Tail, m.Buckets = w.tokenShards(tokens)
	m.Docs, m.Dict, m.DocPages = w.docShards(c)
	m.Fold = w.foldChunks()
	m.Suggest = c.suggestions(opt.Suggest)
	w.manifest(m)
	ix.Stats.Pages, ix.Stats.Docs, ix.Stats.Tokens = len(c.pages), len(c.docs), len(tokens)
	for _, t := range tokens {
		ix.Stats.Postings += t.df
	}
	for _, b := range ix.Files {
		ix.Stats.Bytes += len(b)
	}
	return ix, nil
}
