package search

// page is one page of the index, with its sections.
type page struct {
	url, title, kind, desc string
	docs                   []int // indexes into corpus.docs, in section order
}

// corpus is the docs grouped by page, in page order.
type corpus struct {
	pages   []page
	docs    []Doc    // in page order, then section order
	docPage []uint32 // page of each doc
	docSec  []uint16 // section number of each doc inside its page
	docDesc []string // the page description, on each page's top doc only
}

// maxSections caps the sections of one page; later ones are merged into the
// last so that a section number always fits the postings format.
const maxSections = 1 << 12

func newCorpus(in []Doc) *corpus {
	c := &corpus{}
	byURL := map[string]int{}
	for i := range in {
		d := in[i]
		p, ok := byURL[d.Page]
		if !ok {
			p = len(c.pages)
			byURL[d.Page] = p
			c.pages = append(c.pages, page{url: d.Page, title: d.Title, kind: d.Kind})
		}
		if c.pages[p].desc == "" {
			c.pages[p].desc = d.Description
		}
		c.pages[p].docs = append(c.pages[p].docs, i)
	}
	// Each page may get a top section: at most this many docs.
	n := len(in) + len(c.pages)
	c.docs = make([]Doc, 0, n)
	c.docPage, c.docSec, c.docDesc = make([]uint32, 0, n), make([]uint16, 0, n), make([]string, 0, n)
	for p := range c.pages {
		pg := &c.pages[p]
		idx := pg.docs
		pg.docs = make([]int, 0, len(idx)+1)
		add := func(d Doc) {
			c.docSec = append(c.docSec, uint16(len(pg.docs)))
			pg.docs = append(pg.docs, len(c.docs))
			c.docDesc = append(c.docDesc, "")
			c.docPage = append(c.docPage, uint32(p))
			c.docs = append(c.docs, d)
		}
		// Every page has a top section: it carries the title and the
		// description at full weight, and is where a title match links to.
		if first := in[idx[0]]; first.Anchor != "" {
			add(Doc{Page: pg.url, Title: pg.title, Kind: pg.kind})
		}
		for _, i := range idx {
			if len(pg.docs) >= maxSections {
				last := &c.docs[len(c.docs)-1]
				last.Body += "\n" + in[i].Heading + "\n" + in[i].Body
				continue
			}
			add(in[i])
		}
		c.docDesc[pg.docs[0]] = pg.desc
	}
	return c
}

// suggestions returns [url, title] of the given pages that are in the
// index, for the "nothing found" state.
func (c *corpus) suggestions(urls []string) [][2]string {
	out := [][2]string{}
	for _, u := range urls {
		for _, p := range c.pages {
			if p.url == u {
				out = append(out, [2]string{p.url, p.title})
				break
			}
		}
	}
	return out
}

// Fields of a doc, each with its own weight and length normalisation.
const (
	fieldTitle = iota
	fieldHeading
	fieldDescription
	fieldBody
	fieldKind
	numFields
)

// BM25F parameters. The title counts fully on a page's top section and a
// little on its other sections, so that a query naming a page and a topic
// finds the right section of the right page.
const (
	bm25K1            = 1.2
	boostTitle        = 6.0
	boostTitleSection = 1.5
	boostHeading      = 4.0
	boostDescription  = 2.0
	boostBody         = 1.0
	boostKind         = 1.0
)

// kindPrior scales the body and description weights of a kind of page: the home page and
// section list pages mention every topic in passing, and a reader searching
// for a topic wants the page about it, which they link to anyway. Their
// titles keep full weight.
func kindPrior(kind string) float64 {
	switch kind {
	case "home":
		return 0.4
	case "section":
		return 0.5
	}
	return 1
}

// fieldB returns BM25's length-normalisation strength for a field.
func fieldB(f int) float64 {
	switch f {
	case fieldBody:
		return 0.75
	case fieldKind:
		return 0
	}
	return 0.5
}

// fields returns the text of each field of doc d and the weight of each.
func (c *corpus) fields(d int, labels map[string]string) (text [numFields]string, weight [numFields]float64) {
	doc := &c.docs[d]
	text[fieldTitle] = doc.Title
	weight[fieldTitle] = boostTitleSection
	if c.docSec[d] == 0 {
		weight[fieldTitle] = boostTitle
		text[fieldDescription] = c.docDesc[d]
	}
	text[fieldHeading] = doc.Heading
	weight[fieldHeading] = boostHeading
	weight[fieldDescription] = boostDescription * kindPrior(doc.Kind)
	text[fieldBody] = doc.Body
	weight[fieldBody] = boostBody * kindPrior(doc.Kind)
	text[fieldKind] = labels[doc.Kind]
	weight[fieldKind] = boostKind
	return text, weight
}

// avgLengths returns the average length of each field over the docs that
// have it (the description is only on page tops). Lengths are in bytes:
// cheap to get, and proportional enough to the number of tokens for BM25's
// length normalisation.
func (c *corpus) avgLengths(labels map[string]string) [numFields]float64 {
	var sum, n [numFields]float64
	for d := range c.docs {
		text, _ := c.fields(d, labels)
		for f, s := range text {
			if s != "" {
				sum[f] += float64(len(s))
				n[f]++
			}
		}
	}
	for f := range sum {
		sum[f] = max(1, sum[f]/max(1, n[f]))
	}
	return sum
}
