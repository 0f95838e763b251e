// Package e2e holds the browser tests that run against the real guide: it is
// built from the repository's content/, templates/ and static/ and driven in
// Debian's Chromium. The package has only tests.
package e2e
