//go:build unix

package main

import (
	"syscall"
	"testing"
	"time"
)

// TestSIGTERMCancels is the issue 10 case 7 row for signals: SIGTERM from a
// CI timeout or docker stop killed the build outright, leaving its
// temporary output folder behind.
func TestSIGTERMCancels(t *testing.T) {
	ctx, stop := signalContext()
	defer stop()
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("SIGTERM did not cancel the context")
	}
}
