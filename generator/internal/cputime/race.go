//go:build race

package cputime

// Race is true when the race detector is on: it slows code ten times or
// more, so tests skip their time bounds.
const Race = true
