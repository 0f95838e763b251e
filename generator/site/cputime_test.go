package site

import (
	"time"

	"guidebook/generator/internal/cputime"
)

// cpuTime is the CPU time this process has used: time limits in tests are
// checked against it, not the wall clock.
func cpuTime() time.Duration { return cputime.Used() }
