package diag

import (
	"guidebook/generator/internal/cputime"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// page is a front-matter-like target exercising every kind DecodeStrict handles.
type page struct {
	Title   string            `yaml:"title"`
	Weight  int               `yaml:"weight"`
	Draft   bool              `yaml:"draft"`
	Tags    []string          `yaml:"tags"`
	Search  *bool             `yaml:"search"`
	Params  map[string]string `yaml:"params"`
	Fields  []field           `yaml:"fields"`
	Ratio   float64           `yaml:"ratio"`
	Options []string          `yaml:"options"`
}

type field struct {
	Name    string   `yaml:"name"`
	Label   string   `yaml:"label"`
	Options []string `yaml:"options"`
}

func decode(t testing.TB, src string) (page, error) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		return page{}, err
	}
	var p page
	return p, DecodeStrict("content/p.md", 1, &doc, &p)
}

func TestDecodeStrict(t *testing.T) {
	tests := []struct {
		name, src string
		wantErr   string // substring; "" means no error
	}{
		{"plain", "title: 标题\nweight: 2\ntags: [a, b]\n", ""},
		{"unknown key", "title: x\nweigth: 1\n", `content/p.md:3: unknown key "weigth" (did you mean "weight"?)`},
		{"wrong type", "weight: many\n", `content/p.md:2: "weight": expected a whole number, got "many"`},
		{"twice", "title: a\ntitle: b\n", `key "title" appears twice`},
		{"small alias is fine", "title: &t 同一\nparams: {a: *t, b: *t}\n", ""},
		{"alias of a list", "tags: &l [a, b]\noptions: *l\n", ""},
		{"alias amplification", "title: &big " + strings.Repeat("x", 100_000) + "\noptions: [" + strings.Repeat("*big, ", 20) + "*big]\n",
			"content/p.md:3: alias *big repeats more than 1 MB of YAML in total"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decode(t, tt.src)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

// TestAliasAmplificationIsCheap is the regression row for issue 10 case 2:
// a 200 KB letter page with `label: &big <100 KB>` and 20,000 aliases of it
// took 3.5–6.9 GB and crashed.
func TestAliasAmplificationIsCheap(t *testing.T) {
	src := "fields:\n  - name: a\n    label: &big " + strings.Repeat("长", 33_000) +
		"\n    options: [" + strings.Repeat("*big, ", 19_999) + "*big]\n"
	laughs := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'j'; i++ {
		laughs += string(i) + ": &" + string(i) + " [" + strings.Repeat("*"+string(i-1)+", ", 9) + "*" + string(i-1) + "]\n"
	}
	for name, src := range map[string]string{"20,000 aliases of 100 KB": src, "billion laughs": "anchors:\n  " + strings.ReplaceAll(strings.TrimSpace(laughs), "\n", "\n  ") + "\ntags: *j\n"} {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := cputime.Used()
			_, err := decode(t, src)
			took := cputime.Used() - start
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d KB source: %v, %d MB allocated: %v", len(src)>>10, took.Round(time.Millisecond), alloc>>20, err)
			if err == nil || !strings.Contains(err.Error(), "alias *") {
				t.Fatalf("error = %v, want an alias budget error", err)
			}
			if (took > 3*time.Second && !cputime.Race) || alloc > 600<<20 {
				t.Errorf("took %v and %d MB; want < 3 s and < 600 MB", took, alloc>>20)
			}
		})
	}
}

func FuzzDecodeStrict(f *testing.F) {
	f.Add("title: 标题\nweight: 2\ntags: [a, b]\n")
	f.Add("title: &t x\nparams: {a: *t}\nfields:\n  - {name: n, options: [*t]}\n")
	f.Add("search: null\nratio: 1.5\ndraft: yes\n")
	f.Add("- a\n- b\n")
	f.Add("a: &a [x]\nb: &b [*a, *a]\nparams: *b\n")
	f.Fuzz(func(t *testing.T, src string) {
		var doc yaml.Node
		if yaml.Unmarshal([]byte(src), &doc) != nil {
			return
		}
		var p page
		err := DecodeStrict("f.md", 1, &doc, &p)
		if err == nil {
			return
		}
		for _, e := range err.(List) {
			if !strings.HasPrefix(e.Error(), "f.md:") {
				t.Errorf("error without its file: %v", e)
			}
		}
	})
}
