package content

import (
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// seedSourcePath is the seed text of the guide; every one of its sentences
// must survive verbatim somewhere under content/, usually in a revision.
const seedSourcePath = "testdata/source.zh.txt"

// seedContentDir is the site's content tree, seen from this package.
const seedContentDir = "../../content"

// seedSentenceEnds lists the characters that end a sentence in the seed,
// full-width and half-width, because the seed mixes both.
const seedSentenceEnds = "。？！?!"

// seedSentences splits text into sentences at newlines and at the
// characters in seedSentenceEnds. It strips a leading list marker "- " and
// surrounding spaces from each piece and drops pieces that end up empty.
func seedSentences(text string) []string {
	isBreak := func(r rune) bool {
		return r == '\n' || strings.ContainsRune(seedSentenceEnds, r)
	}
	var sentences []string
	for _, piece := range strings.FieldsFunc(text, isBreak) {
		piece = strings.TrimSpace(piece)
		piece = strings.TrimSpace(strings.TrimPrefix(piece, "- "))
		if piece != "" {
			sentences = append(sentences, piece)
		}
	}
	return sentences
}

// seedCorpus returns the text of every Markdown file in fsys, front matter
// included, each followed by a newline so no sentence spans two files.
func seedCorpus(fsys fs.FS) (string, error) {
	var corpus strings.Builder
	err := fs.WalkDir(fsys, ".", func(name string, entry fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if entry.IsDir() || path.Ext(name) != ".md" {
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		corpus.Write(data)
		corpus.WriteByte('\n')
		return nil
	})
	return corpus.String(), err
}

// missingSeedSentences splits source into sentences and returns, in source
// order and without repeats, those that appear verbatim in no Markdown file
// of fsys.
func missingSeedSentences(source string, fsys fs.FS) ([]string, error) {
	corpus, err := seedCorpus(fsys)
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, sentence := range seedSentences(source) {
		if !strings.Contains(corpus, sentence) && !slices.Contains(missing, sentence) {
			missing = append(missing, sentence)
		}
	}
	return missing, nil
}

// readSeedSource returns the seed text or stops the test.
func readSeedSource(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(seedSourcePath)
	if err != nil {
		t.Fatalf("reading the seed: %v", err)
	}
	return string(data)
}

// seedRevision wraps body in the front matter of a revision page.
func seedRevision(body string) []byte {
	return []byte("---\ntitle: 原稿\ndescription: 原稿\nrevises: _index.md\ndate: 2024-03-01\nsummary: 原稿\n---\n" + body + "\n")
}

// TestSeedCoverage checks that every sentence of the seed survives verbatim
// in the site's content.
func TestSeedCoverage(t *testing.T) {
	source := readSeedSource(t)
	missing, err := missingSeedSentences(source, os.DirFS(seedContentDir))
	if err != nil {
		t.Fatalf("reading %s: %v", seedContentDir, err)
	}
	if len(missing) > 0 {
		t.Errorf("%d sentence(s) of %s appear in no file under %s; keep them verbatim in a revision:\n%s",
			len(missing), seedSourcePath, seedContentDir, strings.Join(missing, "\n"))
	}
}

// TestMissingSeedSentences proves the coverage check notices when a
// revision loses a sentence of the seed, and stays quiet when it does not.
func TestMissingSeedSentences(t *testing.T) {
	source := readSeedSource(t)
	const ban = "耐心等待:申诉可能需要一段时间处理,耐心等待是关键"
	revised := strings.Index(source, "修订稿\n")
	if revised < 0 {
		t.Fatal("the seed has no 修订稿 line to split at")
	}
	const email = "当申诉提交成功后,WhatsApp会向您发送一封电子邮件通知,告知申诉已被记录,在此之后,请定期检查您的账户,以获取处理结果更新"
	tests := []struct {
		name        string
		files       fstest.MapFS
		wantMissing []string
	}{
		{
			name:  "full seed in a revision",
			files: fstest.MapFS{"revisions/original.md": {Data: seedRevision(source)}},
		},
		{
			name: "seed split over two revisions at a line break",
			files: fstest.MapFS{
				"revisions/original.md": {Data: seedRevision(source[:revised])},
				"revisions/revised.md":  {Data: seedRevision(source[revised:])},
			},
		},
		{
			name:        "list item deleted from a revision",
			files:       fstest.MapFS{"revisions/original.md": {Data: seedRevision(strings.Replace(source, ban, "", 1))}},
			wantMissing: []string{ban},
		},
		{
			name:        "sentence deleted from a revision",
			files:       fstest.MapFS{"revisions/original.md": {Data: seedRevision(strings.Replace(source, email+"。", "", 1))}},
			wantMissing: []string{email},
		},
		{
			name: "seed kept only in a file that is not Markdown",
			files: fstest.MapFS{
				"revisions/original.txt": {Data: []byte(source)},
				"revisions/empty.md":     {Data: seedRevision("")},
			},
			wantMissing: uniqueSeedSentences(source),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			missing, err := missingSeedSentences(source, tt.files)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(missing, tt.wantMissing) {
				t.Errorf("missing sentences:\n got %q\nwant %q", missing, tt.wantMissing)
			}
		})
	}
}

// uniqueSeedSentences returns the sentences of source without repeats.
func uniqueSeedSentences(source string) []string {
	var unique []string
	for _, sentence := range seedSentences(source) {
		if !slices.Contains(unique, sentence) {
			unique = append(unique, sentence)
		}
	}
	return unique
}

// TestSeedSentences pins how the seed is cut into sentences.
func TestSeedSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{name: "full-width stops", text: "第一句。第二句？第三句！", want: []string{"第一句", "第二句", "第三句"}},
		{name: "half-width stops", text: "为什么?因为!", want: []string{"为什么", "因为"}},
		{name: "list marker and spaces", text: "  - 登录账号。\n- 提交申诉 ", want: []string{"登录账号", "提交申诉"}},
		{name: "empty pieces dropped", text: "\n\n。？\n  \n", want: nil},
		{name: "commas do not split", text: "首先,然后,最后。", want: []string{"首先,然后,最后"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := seedSentences(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("seedSentences(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
