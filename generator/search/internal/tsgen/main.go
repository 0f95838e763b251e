// Command tsgen writes the search package's character folding table from
// OpenCC's dictionaries, so that Traditional Chinese text and queries fold to
// Simplified Chinese the same way in Go and in static/js/search.js.
//
// It reads two files of OpenCC's data/dictionary folder:
//
//   - CJK_Compatibility_Ideographs.txt: compatibility ideographs (U+F900…,
//     U+2F800…) to their unified ideographs, the NFKC part of the folding;
//   - TSCharacters.txt: Traditional to Simplified characters; the first
//     candidate of each line is used.
//
// Chains are resolved (the value of every pair is never itself a key) and
// identity pairs are dropped. The data comes from the npm package "opencc"
// (Apache License 2.0): by default tsgen runs `npm pack opencc@VERSION` in a
// temporary folder and reads the tarball; -src reads an unpacked
// data/dictionary folder instead.
//
// Usage (from generator/search, see gen.go):
//
//	go run ./internal/tsgen -version 1.4.2 -out tstable.go
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

const (
	tsFile     = "TSCharacters.txt"
	compatFile = "CJK_Compatibility_Ideographs.txt"
)

func main() {
	version := flag.String("version", "1.4.2", "version of the npm package opencc to read")
	src := flag.String("src", "", "read an unpacked OpenCC data/dictionary folder instead of running npm pack")
	out := flag.String("out", "tstable.go", "Go file to write")
	flag.Parse()
	if err := run(*version, *src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "tsgen:", err)
		os.Exit(1)
	}
}

func run(version, src, out string) error {
	files, origin, err := load(version, src)
	if err != nil {
		return err
	}
	pairs := map[rune]rune{}
	// Compatibility ideographs first: TSCharacters keys are unified ideographs.
	if err := parse(files[compatFile], compatFile, pairs); err != nil {
		return err
	}
	if err := parse(files[tsFile], tsFile, pairs); err != nil {
		return err
	}
	resolved, err := resolve(pairs)
	if err != nil {
		return err
	}
	code, err := render(resolved, origin)
	if err != nil {
		return err
	}
	return os.WriteFile(out, code, 0o644)
}

// load returns the two dictionaries' bytes and a sentence naming where they came from.
func load(version, src string) (map[string][]byte, string, error) {
	files := map[string][]byte{}
	if src != "" {
		for _, name := range []string{tsFile, compatFile} {
			b, err := os.ReadFile(filepath.Join(src, name))
			if err != nil {
				return nil, "", err
			}
			files[name] = b
		}
		return files, "OpenCC data/dictionary files read from a local folder", nil
	}
	dir, err := os.MkdirTemp("", "tsgen")
	if err != nil {
		return nil, "", err
	}
	defer os.RemoveAll(dir)
	cmd := exec.Command("npm", "pack", "--silent", "opencc@"+version)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	name, err := cmd.Output()
	if err != nil {
		return nil, "", fmt.Errorf("npm pack opencc@%s: %w", version, err)
	}
	tgz := filepath.Join(dir, strings.TrimSpace(string(name)))
	f, err := os.Open(tgz)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, "", err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, "", err
		}
		base := strings.TrimPrefix(h.Name, "package/data/dictionary/")
		if base == tsFile || base == compatFile {
			if files[base], err = io.ReadAll(tr); err != nil {
				return nil, "", err
			}
		}
	}
	for _, n := range []string{tsFile, compatFile} {
		if files[n] == nil {
			return nil, "", fmt.Errorf("opencc@%s has no data/dictionary/%s", version, n)
		}
	}
	return files, fmt.Sprintf("the npm package opencc@%s (data/dictionary/%s and %s)", version, compatFile, tsFile), nil
}

// parse adds the first candidate of each "key<TAB>values" line to pairs.
// Keys already present (from an earlier dictionary) are kept.
func parse(data []byte, name string, pairs map[rune]rune) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, vals, ok := strings.Cut(line, "\t")
		first, _, _ := strings.Cut(strings.TrimSpace(vals), " ")
		if !ok || utf8.RuneCountInString(key) != 1 || utf8.RuneCountInString(first) != 1 {
			return fmt.Errorf("%s:%d: want one character, a tab and its candidates, got %q", name, n, line)
		}
		k, _ := utf8.DecodeRuneInString(key)
		v, _ := utf8.DecodeRuneInString(first)
		if _, seen := pairs[k]; !seen {
			pairs[k] = v
		}
	}
	return sc.Err()
}

// resolve follows chains (a→b, b→c gives a→c) so that folding is idempotent,
// and drops identity pairs.
func resolve(pairs map[rune]rune) (map[rune]rune, error) {
	out := map[rune]rune{}
	for k := range pairs {
		v, steps := k, 0
		for {
			next, ok := pairs[v]
			if !ok || next == v {
				break
			}
			v = next
			if steps++; steps > 8 {
				return nil, fmt.Errorf("cycle in the table at %c (U+%04X)", k, k)
			}
		}
		if v != k {
			out[k] = v
		}
	}
	return out, nil
}

func render(pairs map[rune]rune, origin string) ([]byte, error) {
	keys := make([]rune, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by internal/tsgen; DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "package search\n\n")
	fmt.Fprintf(&b, "// foldSource says where foldPairs comes from: %s.\n", origin)
	fmt.Fprintf(&b, "// OpenCC (https://github.com/BYVoid/OpenCC) is licensed under the Apache License 2.0.\n")
	fmt.Fprintf(&b, "const foldSource = %q\n\n", "OpenCC, Apache License 2.0: "+origin)
	fmt.Fprintf(&b, "// foldPairs holds %d pairs of characters, key then value, sorted by key:\n", len(keys))
	fmt.Fprintf(&b, "// compatibility ideographs to unified ones and Traditional to Simplified.\n")
	fmt.Fprintf(&b, "const foldPairs = \"\" +\n")
	for i := 0; i < len(keys); i += 40 {
		var line strings.Builder
		for _, k := range keys[i:min(i+40, len(keys))] {
			line.WriteRune(k)
			line.WriteRune(pairs[k])
		}
		sep := " +"
		if i+40 >= len(keys) {
			sep = ""
		}
		fmt.Fprintf(&b, "\t%q%s\n", line.String(), sep)
	}
	return format.Source(b.Bytes())
}
