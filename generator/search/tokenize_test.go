package search

import (
	"slices"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", nil},
		{"one Han character", "封", []string{"封"}},
		{"Han run", "账号被封", []string{"账", "账号", "号", "号被", "被", "被封", "封"}},
		{"punctuation ends a run", "被封，申诉。", []string{"被", "被封", "封", "申", "申诉", "诉"}},
		{"space ends a run", "账号 被封", []string{"账", "账号", "号", "被", "被封", "封"}},
		{"Latin lower-cased", "WhatsApp Business", []string{"whatsapp", "business"}},
		{"Latin next to Han", "WhatsApp封号", []string{"whatsapp", "封", "封号", "号"}},
		{"digits are words", "第1步：24小时", []string{"第", "1", "步", "24", "小", "小时", "时"}},
		{"full width folded", "ＷｈａｔｓＡｐｐ　１２３！", []string{"whatsapp", "123"}},
		{"Traditional folded", "帳號被封", []string{"帐", "帐号", "号", "号被", "被", "被封", "封"}},
		{"Traditional and Simplified agree", "兩步驗證", []string{"两", "两步", "步", "步验", "验", "验证", "证"}},
		{"compatibility ideograph", "\uF900", []string{"岂"}},
		{"Latin-1 lower-cased", "ÉCOLE Straße", []string{"école", "straße"}},
		{"dotted capital I kept", "İ", []string{"İ"}},
		{"zero-width characters ignored", "账\u200b号", []string{"账", "账号", "号"}},
		{"variation selector ignored", "葛\U000E0100优", []string{"葛", "葛优", "优"}},
		{"emoji dropped", "😀账号👍🏽", []string{"账", "账号", "号"}},
		{"markup is words", "<script>alert(1)</script>", []string{"script", "alert", "1", "script"}},
		{"only punctuation", "！？。…——「」", nil},
		{"supplementary Han", "𠀀𠀁", []string{"𠀀", "𠀀𠀁", "𠀁"}},
		{"invalid UTF-8 separates", "账\xff号", []string{"账", "号"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokenize(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestFoldTable checks the generated table: keys are ideographs, folding is
// idempotent, and well-known pairs are there.
func TestFoldTable(t *testing.T) {
	tab := table()
	if len(tab.pairs) < 4000 {
		t.Fatalf("only %d pairs", len(tab.pairs))
	}
	keys := map[rune]bool{}
	for i, p := range tab.pairs {
		if i > 0 && p[0] <= tab.pairs[i-1][0] {
			t.Fatalf("pairs not sorted at %c", p[0])
		}
		if !isHan(p[0]) || !isHan(p[1]) {
			t.Errorf("%c→%c: not ideographs", p[0], p[1])
		}
		keys[p[0]] = true
	}
	for _, p := range tab.pairs {
		if keys[p[1]] {
			t.Errorf("%c→%c: the value is also a key, so folding is not idempotent", p[0], p[1])
		}
	}
	for k, v := range map[rune]rune{'號': '号', '帳': '帐', '賬': '账', '們': '们', '驗': '验', '證': '证', '騷': '骚', '擾': '扰', '洩': '泄'} {
		if got := tab.fold(k); got != v {
			t.Errorf("fold(%c) = %c, want %c", k, got, v)
		}
	}
	if !strings.Contains(foldSource, "OpenCC") {
		t.Errorf("foldSource does not name OpenCC: %q", foldSource)
	}
}

// TestTraditionalSeed writes the whole seed text in Traditional characters
// and requires the same tokens as the original.
func TestTraditionalSeed(t *testing.T) {
	seed := seedText(t)
	trad := parityCases(seed)[1].text
	if trad == seed {
		t.Fatal("the Traditional form of the seed equals the seed")
	}
	if got, want := Tokenize(trad), Tokenize(seed); !slices.Equal(got, want) {
		t.Errorf("tokens differ: %d vs %d", len(got), len(want))
	}
}

func BenchmarkTokenize(b *testing.B) {
	seed := seedText(b)
	b.SetBytes(int64(len(seed)))
	for b.Loop() {
		scan(seed, 0, func(*token) {})
	}
}
