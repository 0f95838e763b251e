package site

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFile: a new file gets the bytes and os.WriteFile's mode, an
// existing longer one is truncated, and a missing folder is a PathError.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.html")
	big := bytes.Repeat([]byte("页"), 100_000)
	if err := writeFile(p, big); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(p, []byte("短")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(p)
	if err != nil || string(got) != "短" {
		t.Errorf("read back %q, %v; want the second write only", got, err)
	}
	ref := filepath.Join(dir, "ref")
	if err := os.WriteFile(ref, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(p)
	want, _ := os.Stat(ref)
	if fi.Mode() != want.Mode() {
		t.Errorf("mode %v, want os.WriteFile's %v", fi.Mode(), want.Mode())
	}
	if err := writeFile(p, nil); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); fi.Size() != 0 {
		t.Errorf("writing nothing left %d bytes", fi.Size())
	}
	var pe *fs.PathError
	if err := writeFile(filepath.Join(dir, "missing", "b.html"), []byte("x")); !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("into a missing folder: %v, want a PathError for a missing file", err)
	}
}
