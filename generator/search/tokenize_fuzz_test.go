package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// FuzzTokenize: the tokenizer never panics, gives the same tokens every
// time, and every token is non-empty valid UTF-8 with no space or
// punctuation in it; a Han token is one or two characters.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "账号被封，申诉。", "WhatsApp封号 第1步：24小时", "ＷｈａｔｓＡｐｐ　１２３！", "帳號被封",
		"\uF900", "ÉCOLE Straße İ", "账\u200b号", "葛\U000E0100优", "😀账号👍🏽", "𠀀𠀁", "账\xff号"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// A hang fails with the input instead of stalling the fuzzer.
		guard := time.AfterFunc(3*time.Second, func() { panic(fmt.Sprintf("Tokenize(%q) takes over 3 s", s)) })
		defer guard.Stop()
		got := Tokenize(s)
		if again := Tokenize(s); !slices.Equal(got, again) {
			t.Fatalf("Tokenize(%q) gave %q, then %q", s, got, again)
		}
		for _, tok := range got {
			if tok == "" || !utf8.ValidString(tok) {
				t.Fatalf("Tokenize(%q): bad token %q", s, tok)
			}
			if strings.ContainsFunc(tok, unicode.IsSpace) {
				t.Fatalf("Tokenize(%q): token %q holds a space", s, tok)
			}
			if r, _ := utf8.DecodeRuneInString(tok); isHan(r) && utf8.RuneCountInString(tok) > 2 {
				t.Fatalf("Tokenize(%q): Han token %q is longer than a pair", s, tok)
			}
		}
	})
}
