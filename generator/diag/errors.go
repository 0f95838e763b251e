package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Severity says how much a problem matters. The zero value is an error, so
// every FileError made before severities existed keeps failing the build.
type Severity int

const (
	// SeverityError fails the build.
	SeverityError Severity = iota
	// SeverityWarning is printed, and the build still succeeds.
	SeverityWarning
	// SeverityNotice is information, e.g. a front-matter key kept for templates.
	SeverityNotice
)

// String returns "error", "warning" or "notice".
func (s Severity) String() string {
	switch s {
	case SeverityWarning:
		return "warning"
	case SeverityNotice:
		return "notice"
	}
	return "error"
}

// FileError is a problem found in a source file, located by line.
type FileError struct {
	File     string // path as the user knows it, e.g. "content/steps/submit.md"
	Line     int    // 1-based; 0 when the whole file is concerned
	Severity Severity
	Msg      string
	Err      error // optional cause
}

// Error formats the problem as "file:line: message"; warnings and notices
// say so: "file:line: notice: message".
func (e *FileError) Error() string {
	msg := e.Msg
	if e.Err != nil {
		if msg != "" {
			msg += ": "
		}
		msg += e.Err.Error()
	}
	if e.Severity != SeverityError {
		msg = e.Severity.String() + ": " + msg
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, msg)
	}
	return fmt.Sprintf("%s: %s", e.File, msg)
}

// Unwrap returns the cause.
func (e *FileError) Unwrap() error { return e.Err }

// Errorf returns a FileError for file at line.
func Errorf(file string, line int, format string, args ...any) *FileError {
	return &FileError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Warning returns a FileError of severity warning: reported, not fatal.
func Warning(file string, line int, format string, args ...any) *FileError {
	return &FileError{File: file, Line: line, Severity: SeverityWarning, Msg: fmt.Sprintf(format, args...)}
}

// Notice returns a FileError of severity notice: information for the editor.
func Notice(file string, line int, format string, args ...any) *FileError {
	return &FileError{File: file, Line: line, Severity: SeverityNotice, Msg: fmt.Sprintf(format, args...)}
}

// IsError reports whether err should fail a build: any error except a
// FileError whose severity is warning or notice.
func IsError(err error) bool {
	var fe *FileError
	if errors.As(err, &fe) {
		return fe.Severity == SeverityError
	}
	return err != nil
}

// Split separates the problems that fail a build from warnings and notices,
// keeping the order of each.
func (l List) Split() (errs, rest List) {
	for _, e := range l {
		if IsError(e) {
			errs = append(errs, e)
		} else {
			rest = append(rest, e)
		}
	}
	return errs, rest
}

// List collects every problem of a build so they can be reported together.
type List []error

// Add appends non-nil errors, flattening nested lists.
func (l *List) Add(errs ...error) {
	for _, err := range errs {
		if sub, ok := err.(List); ok {
			l.Add(sub...)
		} else if err != nil {
			*l = append(*l, err)
		}
	}
}

// Err returns nil for an empty list, the list sorted by file and line otherwise.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	out := append(List(nil), l...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := locate(out[i]), locate(out[j])
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return out
}

func locate(err error) FileError {
	var fe *FileError
	if errors.As(err, &fe) {
		return *fe
	}
	return FileError{File: "~"}
}

// Error prints one problem per line.
func (l List) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap exposes the problems to errors.Is and errors.As.
func (l List) Unwrap() []error { return l }
