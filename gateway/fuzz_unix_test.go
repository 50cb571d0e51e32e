//go:build unix

package gateway_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
)

// closeInherited marks the descriptors this process inherited close-on-exec. A fuzz worker talks to its
// coordinator over inherited pipes (descriptors 3 and 4) that are not: without this, the anvil a worker
// starts holds them too, and the coordinator, which drains a stopping worker's pipe until EOF, waits forever
// when that anvil outlives the worker.
func closeInherited() {
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return // not Linux: no list of descriptors to walk
	}
	for _, e := range fds {
		if fd, err := strconv.Atoi(e.Name()); err == nil && fd > 2 {
			syscall.CloseOnExec(fd)
		}
	}
}

// reapOrphans ends what fuzz processes killed before their teardown left behind (Go kills a fuzz worker that
// does not stop within two seconds, in a long minimization say): the anvil each started in one of its folders
// (procTB.TempDir), its database, its folders. A folder's owner is the process its name gives; it is reaped
// only once that process is gone.
func reapOrphans() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "agora-fuzz-*-*"))
	var orphans []string
	for _, d := range dirs {
		owner, _, _ := strings.Cut(strings.TrimPrefix(filepath.Base(d), "agora-fuzz-"), "-")
		pid, err := strconv.Atoi(owner)
		if err == nil && pid != os.Getpid() && errors.Is(syscall.Kill(pid, 0), syscall.ESRCH) {
			orphans = append(orphans, d)
		}
	}
	if len(orphans) == 0 {
		return
	}
	cmdlines, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, c := range cmdlines {
		b, err := os.ReadFile(c)
		if err != nil {
			continue
		}
		for _, arg := range strings.Split(string(b), "\x00") {
			if slices.Contains(orphans, arg) { // anvil --cache-path <the folder>
				if pid, err := strconv.Atoi(filepath.Base(filepath.Dir(c))); err == nil {
					_ = syscall.Kill(pid, syscall.SIGKILL)
				}
				break
			}
		}
	}
	for _, d := range orphans {
		if name, err := os.ReadFile(filepath.Join(d, "database")); err == nil {
			dropDatabase(string(name))
		}
		_ = os.RemoveAll(d)
	}
}
