package site

import (
	"fmt"
	"strings"
	"time"
)

// Timings is how long each stage of a build took, in order.
type Timings []Stage

// Stage is one timed stage of a build.
type Stage struct {
	Name     string
	Duration time.Duration
	began    time.Time
}

// start begins timing the first stage.
func (t *Timings) start(name string) Stage { return Stage{Name: name, began: time.Now()} }

// next ends stage s, records it, and begins the stage called name ("" to
// begin none).
func (t *Timings) next(s Stage, name string) Stage {
	now := time.Now()
	s.Duration = now.Sub(s.began)
	*t = append(*t, s)
	return Stage{Name: name, began: now}
}

// beside records a stage that ran beside the others, named "name‖" in
// String.
func (t *Timings) beside(name string, d time.Duration) {
	*t = append(*t, Stage{Name: name + "‖", Duration: d})
}

// String formats the stages on one line: "load 12ms · plan 1ms · …".
func (t Timings) String() string {
	parts := make([]string, len(t))
	for i, s := range t {
		parts[i] = fmt.Sprintf("%s %s", s.Name, s.Duration.Round(100*time.Microsecond))
	}
	return strings.Join(parts, " · ")
}
