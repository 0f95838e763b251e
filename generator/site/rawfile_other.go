//go:build !linux

package site

import "io/fs"

// openRegular leaves every file to os.Open (see rawfile_linux.go).
func openRegular(real, name string) (fs.File, bool) { return nil, false }

// openLinkFree leaves every file to siteFS.resolve (see rawfile_linux.go).
func openLinkFree(root, name string) (fs.File, bool) { return nil, false }
