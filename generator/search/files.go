package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// formatVersion is bumped whenever the file formats change; search.js
// refuses a manifest of another version.
const formatVersion = 3

// hashLen is the number of hex digits of a hash in a file name.
const hashLen = 8

// maxHashes caps the hashes the manifest lists per kind of shard: past it,
// shards are hashed in groups (group size grows with the index) so that the
// manifest, which every first query loads, stays small.
const maxHashes = 256

// foldChunks is the number of fold-table files; a character's pair is in
// chunk (code point mod foldChunks).
const foldChunks = 64

// shardSet names the files of one kind of shard: file i is
// <prefix><i>.<hash>.js, where hash is Hashes[(i/Group)*8 : …+8].
type shardSet struct {
	N      int    `json:"n"`
	Group  int    `json:"g"`
	Hashes string `json:"x"`
}

// manifest is the JSON object in manifest.js (ManifestFile).
type manifest struct {
	V        int               `json:"v"`     // formatVersion
	Pages    int               `json:"pages"` // number of pages
	Head     shardSet          `json:"h"`     // token shards
	Buckets  bucketLayout      `json:"hb"`    // the hash buckets of each token shard
	Tail     shardSet          `json:"t"`     // tail shards
	Docs     shardSet          `json:"d"`     // document shards
	DocPages string            `json:"dp"`    // number of pages in each document shard, one base-36 digit each
	Fold     shardSet          `json:"f"`     // fold chunks
	Dict     shardSet          `json:"z"`     // the texts' dictionary: none or one file
	Kinds    map[string]string `json:"kinds"` // kind → label
	Suggest  [][2]string       `json:"suggest"`
}

// writer adds script files to an Index.
type writer struct{ ix *Index }

func newWriter(ix *Index) *writer { return &writer{ix: ix} }

// scripts writes payloads (JSON values) as files <prefix><i>.<hash>.js, each
// registering its payload under its own name, and returns their names.
func (w *writer) scripts(prefix string, payloads [][]byte) shardSet {
	n := len(payloads)
	set := shardSet{N: n, Group: max(1, (n+maxHashes-1)/maxHashes)}
	groups := (n + set.Group - 1) / set.Group
	hashes := make([]string, groups)
	files := make([][]byte, n)
	parallel(groups, func(g int, _ *struct{}) {
		h := sha256.New()
		lo, hi := g*set.Group, min(n, (g+1)*set.Group)
		for _, p := range payloads[lo:hi] {
			h.Write(binary.AppendUvarint(nil, uint64(len(p))))
			h.Write(p)
		}
		hashes[g] = hex.EncodeToString(h.Sum(nil))[:hashLen]
		for i := lo; i < hi; i++ {
			name := prefix + strconv.Itoa(i) + "." + hashes[g]
			b := make([]byte, 0, len(payloads[i])+len(name)+32)
			b = append(b, `Guidebook.search.add("`...)
			b = append(b, name...)
			b = append(b, `",`...)
			b = append(b, payloads[i]...)
			b = append(b, ");\n"...)
			files[i] = b
		}
	})
	set.Hashes = strings.Join(hashes, "")
	for i, f := range files {
		w.ix.Files[prefix+strconv.Itoa(i)+"."+hashes[i/set.Group]+".js"] = f
	}
	return set
}

// appendKey appends `,"key":` (the comma is replaced by '{' for the first key).
func appendKey(b []byte, key string) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	return append(b, '"', ':')
}

// appendString appends s as a JSON string. Besides what JSON requires, it
// escapes <, > and & (so index text can never close a script element, even
// if a file is inlined by someone) and U+2028/U+2029; invalid UTF-8 becomes
// U+FFFD.
func appendString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		if c != 0xE2 && fast3(s, i) { // E2 80 A8/A9 are U+2028/U+2029
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, s[start:i]...)
			b = append(b, "\\ufffd"...)
			i += n
			start = i
			continue
		}
		if r == 0x2028 || r == 0x2029 {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += n
			start = i
			continue
		}
		i += n
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only maps, slices, strings and numbers are marshalled
	}
	return b
}

// foldChunks writes the folding table, split by code point modulo
// foldChunks, each chunk a string of key-value character pairs.
func (w *writer) foldChunks() shardSet {
	var chunks [foldChunks]strings.Builder
	for _, p := range table().pairs {
		c := &chunks[p[0]%foldChunks]
		c.WriteRune(p[0])
		c.WriteRune(p[1])
	}
	payloads := make([][]byte, foldChunks)
	for i := range chunks {
		payloads[i] = mustJSON(chunks[i].String())
		w.ix.Stats.TableBytes += len(payloads[i])
	}
	return w.scripts("f", payloads)
}

// ManifestFile is the manifest's file name inside search/. It is the one
// index file without a hash in its name: pages name it before the index
// exists, so a build renders its pages while the index is being built.
// search.js loads it past HTTP caches (as Pagefind loads its entry file),
// and the shards it names carry the hashes.
const ManifestFile = "manifest.js"

// manifest writes the manifest and records its name.
func (w *writer) manifest(m manifest) {
	name := strings.TrimSuffix(ManifestFile, ".js")
	w.ix.Files[ManifestFile] = []byte(`Guidebook.search.add("` + name + `",` + string(mustJSON(m)) + ");\n")
	w.ix.Manifest = ManifestFile
	w.ix.Stats.ManifestBytes = len(w.ix.Files[w.ix.Manifest])
}
