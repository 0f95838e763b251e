// Package cputime measures the CPU time of the running process, for tests
// that bound how long something takes: on a loaded CI machine (other jobs
// on the same 2 cores) the wall clock says little, CPU time says what the
// code cost.
package cputime
