package search

import (
	"bytes"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"
)

// decodeBase92 decodes as search.js's unpack does.
func decodeBase92(t testing.TB, s string) []byte {
	t.Helper()
	var out []byte
	var acc uint32
	bits := 0
	for i := 0; i < len(s); i += 2 {
		var v uint32
		n := 13
		a := strings.IndexByte(base92, s[i])
		if i+1 < len(s) {
			c := strings.IndexByte(base92, s[i+1])
			if a < 0 || c < 0 {
				t.Fatalf("%q: not base92", s)
			}
			v = uint32(a + 92*c)
		} else {
			if a < 0 {
				t.Fatalf("%q: not base92", s)
			}
			v, n = uint32(a), 6
		}
		acc |= v << bits
		for bits += n; bits >= 8; bits -= 8 {
			out = append(out, byte(acc))
			acc >>= 8
		}
	}
	return out
}

func TestBase92(t *testing.T) {
	if len(base92) != 92 || strings.ContainsAny(base92, "\"\\<") {
		t.Fatalf("alphabet %q", base92)
	}
	r := rand.New(rand.NewPCG(1, 2))
	cases := map[string][]byte{"empty": nil, "zero": {0}, "ones": {0xff, 0xff}}
	for n := range 40 {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(r.Uint32())
		}
		cases["random"+string(rune('a'+n))] = data
	}
	for name, data := range cases {
		enc := appendBase92(nil, data)
		s := string(enc[1 : len(enc)-1])
		if len(s) != base92Len(len(data)) {
			t.Errorf("%s: length %d, base92Len says %d", name, len(s), base92Len(len(data)))
		}
		if got := decodeBase92(t, s); !bytes.Equal(got, data) {
			t.Errorf("%s: %x → %q → %x", name, data, s, got)
		}
	}
}

// TestBase92Alphabet checks that search.js decodes with the same alphabet.
func TestBase92Alphabet(t *testing.T) {
	js, err := os.ReadFile("../../static/js/search.js")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`var B92 = "([^"]*)";`).FindSubmatch(js)
	if m == nil || string(m[1]) != base92 {
		t.Errorf("search.js B92 = %q, want %q", m, base92)
	}
}
