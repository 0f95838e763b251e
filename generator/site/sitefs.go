package site

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"guidebook/generator/diag"
)

// DirFS returns the site folder dir as a file system that follows symbolic
// links only while they stay inside dir. os.DirFS follows every link, so a
// `static/passwd.txt → /etc/passwd` would be published; here reading it
// fails with "static/passwd.txt: symlink to /etc/passwd leaves the site
// folder". Links to folders inside the site read as folders (so fs.WalkDir
// descends into them), and a link to a folder holding it is refused as a
// loop.
func DirFS(dir string) (fs.FS, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if root, err = filepath.EvalSymlinks(root); err != nil {
		return nil, err
	}
	return siteFS{root: root}, nil
}

// siteFS is the file system DirFS returns; root is absolute and has no links.
type siteFS struct{ root string }

// resolve returns the OS path of name with every link followed, or an error
// naming the first link that leaves the site.
func (s siteFS) resolve(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	full := filepath.Join(s.root, filepath.FromSlash(name))
	if s.linkFree(name) {
		return full, nil
	}
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if lerr := s.leavingLink(name); lerr != nil {
				return "", lerr
			}
		}
		return "", &fs.PathError{Op: op, Path: name, Err: unwrapPath(err)}
	}
	if !s.inside(real) {
		if lerr := s.leavingLink(name); lerr != nil {
			return "", lerr
		}
		return "", diag.Errorf(name, 0, "resolves to %s, which leaves the site folder", real)
	}
	return real, nil
}

// linkFree reports whether name exists and no part of it is a link. The
// root has no links (DirFS resolved them), so only the parts of name are
// looked at: filepath.EvalSymlinks would look at every folder from "/" on,
// three times as many calls for a file two folders down, on every read of
// a build.
func (s siteFS) linkFree(name string) bool {
	if name == "." {
		return true
	}
	for i := 0; ; {
		j := strings.IndexByte(name[i:], '/')
		end := len(name)
		if j >= 0 {
			end = i + j
		}
		fi, err := os.Lstat(filepath.Join(s.root, filepath.FromSlash(name[:end])))
		if err != nil || fi.Mode()&fs.ModeSymlink != 0 {
			return false
		}
		if j < 0 {
			return true
		}
		i = end + 1
	}
}

// leavingLink finds the first link along name whose target is outside the
// site and describes it, or returns nil.
func (s siteFS) leavingLink(name string) error {
	parts := strings.Split(name, "/")
	for i := range parts {
		prefix := strings.Join(parts[:i+1], "/")
		full := filepath.Join(s.root, filepath.FromSlash(prefix))
		fi, err := os.Lstat(full)
		if err != nil {
			return nil
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		target, err := os.Readlink(full)
		if err != nil {
			return nil
		}
		real, err := filepath.EvalSymlinks(full)
		if err != nil {
			// A dangling link: judge by where it points.
			real = target
			if !filepath.IsAbs(real) {
				real = filepath.Join(filepath.Dir(full), target)
			}
		}
		if !s.inside(filepath.Clean(real)) {
			return diag.Errorf(prefix, 0, "symlink to %s leaves the site folder", target)
		}
	}
	return nil
}

func (s siteFS) inside(real string) bool {
	rel, err := filepath.Rel(s.root, real)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// unwrapPath drops the OS path from an *fs.PathError, so messages show the
// site-relative name only.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Open implements fs.FS.
func (s siteFS) Open(name string) (fs.File, error) {
	if fs.ValidPath(name) {
		if f, ok := openLinkFree(s.root, name); ok {
			return f, nil
		}
	}
	real, err := s.resolve("open", name)
	if err != nil {
		return nil, err
	}
	if f, ok := openRegular(real, name); ok {
		return f, nil
	}
	f, err := os.Open(real)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPath(err)}
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPath(err)}
	}
	if fi.IsDir() {
		return &siteDir{File: f, fs: s, name: name}, nil
	}
	return f, nil
}

// ReadFile implements fs.ReadFileFS.
func (s siteFS) ReadFile(name string) ([]byte, error) {
	real, err := s.resolve("read", name)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(real)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: unwrapPath(err)}
	}
	return data, nil
}

// Stat implements fs.StatFS: the link's target, named as the link.
func (s siteFS) Stat(name string) (fs.FileInfo, error) {
	real, err := s.resolve("stat", name)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(real)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: unwrapPath(err)}
	}
	return namedInfo{fi, path.Base(name)}, nil
}

// ReadDir implements fs.ReadDirFS. An entry that is a link is described by
// its target, so a linked folder is a folder; a link leaving the site, or
// one pointing back at a folder that holds it, is an error naming it.
func (s siteFS) ReadDir(name string) ([]fs.DirEntry, error) {
	real, err := s.resolve("readdir", name)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(real)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: unwrapPath(err)}
	}
	for i, e := range entries {
		if e.Type()&fs.ModeSymlink == 0 {
			continue
		}
		child := path.Join(name, e.Name())
		target, err := s.resolve("stat", child)
		if err != nil {
			return nil, err
		}
		fi, err := os.Stat(target)
		if err != nil {
			return nil, &fs.PathError{Op: "stat", Path: child, Err: unwrapPath(err)}
		}
		if fi.IsDir() && (target == real || strings.HasPrefix(real+string(filepath.Separator), target+string(filepath.Separator))) {
			link, _ := os.Readlink(filepath.Join(real, e.Name()))
			return nil, diag.Errorf(child, 0, "symlink to %s makes a loop (it points at a folder that holds it)", link)
		}
		entries[i] = fs.FileInfoToDirEntry(namedInfo{fi, e.Name()})
	}
	return entries, nil
}

// siteDir is an open folder whose ReadDir follows links as siteFS.ReadDir does.
type siteDir struct {
	*os.File
	fs      siteFS
	name    string
	entries []fs.DirEntry // not yet returned; nil before the first ReadDir
	read    bool
}

// ReadDir implements fs.ReadDirFile.
func (d *siteDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if !d.read {
		entries, err := d.fs.ReadDir(d.name)
		if err != nil {
			return nil, err
		}
		d.entries, d.read = entries, true
	}
	if n <= 0 {
		out := d.entries
		d.entries = nil
		return out, nil
	}
	if len(d.entries) == 0 {
		return nil, io.EOF
	}
	k := min(n, len(d.entries))
	out := d.entries[:k]
	d.entries = d.entries[k:]
	return out, nil
}

// namedInfo is a link target's FileInfo under the link's name.
type namedInfo struct {
	fs.FileInfo
	name string
}

func (n namedInfo) Name() string { return n.name }
