//go:build !unix

package site

import "io/fs"

// mayChange is never sure without Unix permission bits: every folder is
// probed.
func mayChange(fs.FileInfo) bool { return false }
