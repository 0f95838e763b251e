//go:build unix

package site

import (
	"io/fs"
	"os"
	"slices"
	"syscall"
)

// mayChange reports whether the permission bits of folder fi let this
// process add and remove entries in it, as the kernel decides for a user
// without ACLs: root may, the owner by the owner's bits, a member of the
// folder's group by the group's, anyone else by the others'. False means
// "not sure": the caller probes.
func mayChange(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return false
	}
	const w, x = 0o2, 0o1 // write and search, shifted per class
	mode := uint32(fi.Mode().Perm())
	class := mode // others
	switch euid := os.Geteuid(); {
	case euid == 0:
		return true
	case int(st.Uid) == euid:
		class = mode >> 6
	case int(st.Gid) == os.Getegid() || inGroups(int(st.Gid)):
		class = mode >> 3
	}
	return class&(w|x) == w|x
}

func inGroups(gid int) bool {
	groups, err := os.Getgroups()
	return err == nil && slices.Contains(groups, gid)
}
