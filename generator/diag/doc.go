// Package diag holds the diagnostics every stage shares: a problem located by
// file and line (FileError), a list that collects every problem of a build
// (List), "did you mean" hints (Suggest), and strict YAML decoding that
// reports unknown keys and wrong types at their line (DecodeStrict).
package diag
