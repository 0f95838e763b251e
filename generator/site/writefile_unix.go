//go:build unix

package site

import (
	"io/fs"
	"syscall"
)

// writeFile writes data to a new file at path (truncating one that is
// there) with three system calls: os.WriteFile also stats the file it
// opened and makes an *os.File, with its finalizer, for one write, and
// a build writes thousands of files. Errors are *fs.PathError, as
// os.WriteFile's.
func writeFile(path string, data []byte) error {
	fd, err := openForWrite(path)
	if err != nil {
		return &fs.PathError{Op: "open", Path: path, Err: err}
	}
	for len(data) > 0 && err == nil {
		var n int
		n, err = syscall.Write(fd, data)
		switch {
		case err == syscall.EINTR:
			err = nil
		case err == nil && n == 0:
			err = syscall.EIO
		case err == nil:
			data = data[n:]
		}
	}
	if cerr := syscall.Close(fd); err == nil && cerr != nil && cerr != syscall.EINTR {
		err = cerr
	}
	if err != nil {
		return &fs.PathError{Op: "write", Path: path, Err: err}
	}
	return nil
}

// openForWrite opens path for writing as os.WriteFile does (created with
// mode 0644 before the umask, truncated, closed on exec).
func openForWrite(path string) (int, error) {
	return ignoringEINTR(func() (int, error) {
		return syscall.Open(path, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
	})
}

// ignoringEINTR calls open again for as long as a signal interrupts it.
func ignoringEINTR(open func() (int, error)) (int, error) {
	for {
		fd, err := open()
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
