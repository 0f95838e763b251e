package diff

import (
	"guidebook/generator/internal/cputime"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestLines(t *testing.T) {
	tests := []struct {
		name string
		a, b []string
		want []Op
	}{
		{"same", []string{"登录账号", "提交申诉"}, []string{"登录账号", "提交申诉"}, []Op{Equal, Equal}},
		{"insert", []string{"登录账号"}, []string{"登录账号", "跟踪进度"}, []Op{Equal, Insert}},
		{"delete", []string{"登录账号", "跟踪进度"}, []string{"跟踪进度"}, []Op{Delete, Equal}},
		{"replace", []string{"追跟处理情况"}, []string{"跟进处理情况"}, []Op{Delete, Insert}},
		{"empty old", nil, []string{"新"}, []Op{Insert}},
		{"empty new", []string{"旧"}, nil, []Op{Delete}},
		{"both empty", nil, nil, nil},
		{"insert in middle", []string{"a", "c"}, []string{"a", "b", "c"}, []Op{Equal, Insert, Equal}},
		{"move", []string{"a", "b", "c"}, []string{"c", "a", "b"}, []Op{Insert, Equal, Equal, Delete}},
		{"repeated lines", []string{"x", "x", "y"}, []string{"y", "x", "x"}, []Op{Insert, Equal, Equal, Delete}},
		{"nothing shared", []string{"a", "b"}, []string{"c", "d"}, []Op{Delete, Delete, Insert, Insert}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Op
			lines := Lines(tt.a, tt.b)
			for _, l := range lines {
				got = append(got, l.Op)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ops = %v, want %v", got, tt.want)
			}
			checkLines(t, tt.a, tt.b, lines)
		})
	}
}

func TestChars(t *testing.T) {
	tests := []struct {
		name           string
		a, b           string
		deleted, added string
	}{
		{"chinese words", "用户需登录他们的WhatsApp帐户。", "您需要登录到您的WhatsApp账户。", "用户他们帐", "您要到您账"},
		{"same", "同一行", "同一行", "", ""},
		{"append", "申诉", "申诉成功", "", "成功"},
		{"all new", "abc", "xyz", "abc", "xyz"},
		{"empty old", "", "新", "", "新"},
		{"astral runes", "😀a😀", "😀b😀", "a", "b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, new := Chars(tt.a, tt.b)
			if got := text(old, Delete); got != tt.deleted {
				t.Errorf("deleted %q, want %q", got, tt.deleted)
			}
			if got := text(new, Insert); got != tt.added {
				t.Errorf("inserted %q, want %q", got, tt.added)
			}
			checkChars(t, tt.a, tt.b, old, new)
		})
	}
}

func TestReplacedLinesGetSpans(t *testing.T) {
	lines := Lines([]string{"追跟处理情况"}, []string{"跟进处理情况"})
	if len(lines[0].Spans) == 0 || len(lines[1].Spans) == 0 {
		t.Fatalf("replaced lines carry no character spans: %+v", lines)
	}
}

// TestLongLineFallsBackToWholeLine: a line over MaxLineRunes is shown as
// replaced whole rather than diffed by character.
func TestLongLineFallsBackToWholeLine(t *testing.T) {
	a, b := strings.Repeat("甲", MaxLineRunes+1), strings.Repeat("乙", MaxLineRunes+1)
	old, new := Chars(a, b)
	if len(old) != 1 || old[0].Op != Delete || len(new) != 1 || new[0].Op != Insert {
		t.Fatalf("spans of an over-long line: %d old, %d new", len(old), len(new))
	}
}

// TestHugeInputsAreBounded is the regression row for issue 10 case 3: the
// old n·m table needed ~10 GB for two 50,000-character lines and 3.9 GB and
// 16 s for 30,000 lines each.
func TestHugeInputsAreBounded(t *testing.T) {
	if cputime.Race || testing.CoverMode() != "" {
		t.Skip("time limits mean nothing under -race or -cover")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	han := func(n int) string {
		r := make([]rune, n)
		for i := range r {
			r[i] = rune(0x4e00 + rng.IntN(2000))
		}
		return string(r)
	}
	manyLines := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = han(20)
		}
		return out
	}
	// Half the lines kept, half changed: the hard case for Myers.
	shared := manyLines(30_000)
	mixed := append([]string(nil), shared...)
	for i := 0; i < len(mixed); i += 2 {
		mixed[i] = han(20)
	}
	for _, tt := range []struct {
		name string
		a, b []string
	}{
		{"one 50,000-character line each", []string{han(50_000)}, []string{han(50_000)}},
		{"one 19,000-character line each", []string{han(19_000)}, []string{han(19_000)}},
		{"30,000 different lines each", manyLines(30_000), manyLines(30_000)},
		{"30,000 lines, every other changed", shared, mixed},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start, cpu := time.Now(), cpuTime()
			lines := Lines(tt.a, tt.b)
			wall, took := time.Since(start), cpuTime()-cpu
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%v CPU (%v wall), %d MB allocated", took.Round(time.Millisecond), wall.Round(time.Millisecond), alloc>>20)
			if took > time.Second || alloc > 100<<20 {
				t.Errorf("took %v CPU and %d MB; want < 1 s and < 100 MB", took, alloc>>20)
			}
			checkLines(t, tt.a, tt.b, lines)
		})
	}
}

func FuzzDiff(f *testing.F) {
	f.Add("登录账号\n追跟处理情况", "登录账号\n跟进处理情况\n新")
	f.Add("a\nb\nc", "c\na\nb")
	f.Add("", "x")
	f.Add("用户需登录他们的WhatsApp帐户。", "您需要登录到您的WhatsApp账户。")
	f.Fuzz(func(t *testing.T, a, b string) {
		la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
		checkLines(t, la, lb, Lines(la, lb))
	})
}

// checkLines requires that the diff rebuilds both inputs, line by line and
// through the character spans.
func checkLines(t *testing.T, a, b []string, lines []Line) {
	t.Helper()
	var gotA, gotB []string
	for _, l := range lines {
		switch l.Op {
		case Equal:
			gotA, gotB = append(gotA, l.Text), append(gotB, l.Text)
		case Delete:
			gotA = append(gotA, l.Text)
			if l.Spans != nil && spanText(l.Spans) != l.Text {
				t.Errorf("spans of deleted line %q spell %q", l.Text, spanText(l.Spans))
			}
		case Insert:
			gotB = append(gotB, l.Text)
			if l.Spans != nil && spanText(l.Spans) != l.Text {
				t.Errorf("spans of inserted line %q spell %q", l.Text, spanText(l.Spans))
			}
		}
	}
	if !reflect.DeepEqual(gotA, nilIfEmpty(a)) || !reflect.DeepEqual(gotB, nilIfEmpty(b)) {
		t.Fatalf("diff does not rebuild its inputs:\na=%q\ngot %q\nb=%q\ngot %q", a, gotA, b, gotB)
	}
}

func checkChars(t *testing.T, a, b string, old, new []Span) {
	t.Helper()
	for _, s := range old {
		if s.Op == Insert {
			t.Errorf("old side has an insertion %q", s.Text)
		}
	}
	for _, s := range new {
		if s.Op == Delete {
			t.Errorf("new side has a deletion %q", s.Text)
		}
	}
	if spanText(old) != a || spanText(new) != b || text(old, Equal) != text(new, Equal) {
		t.Errorf("spans do not rebuild %q → %q: %+v %+v", a, b, old, new)
	}
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func spanText(spans []Span) string {
	var sb strings.Builder
	for _, s := range spans {
		sb.WriteString(s.Text)
	}
	return sb.String()
}

func text(spans []Span, op Op) string {
	var sb strings.Builder
	for _, s := range spans {
		if s.Op == op {
			sb.WriteString(s.Text)
		}
	}
	return sb.String()
}
