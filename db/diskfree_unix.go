//go:build unix

package db

import "golang.org/x/sys/unix"

// lowSpace is the free space under which a failing write is put down to a
// full disk: SQLite needs room for at least a few pages and the log.
const lowSpace = 256 << 10

// diskFull reports whether the file system holding dir has (nearly) no
// room left for an unprivileged writer.
func diskFull(dir string) bool {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return false
	}
	return uint64(st.Bavail)*uint64(st.Bsize) < lowSpace
}

// freeSpace is the room left on the file system holding dir for an
// unprivileged writer, and whether it could be told.
func freeSpace(dir string) (uint64, bool) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return uint64(st.Bavail) * uint64(st.Bsize), true
}
