//go:build !unix

package site

import "os"

// writeFile writes data to a new file at path (see writefile_unix.go).
func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }
