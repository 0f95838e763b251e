package search

// The folding table is generated from OpenCC's dictionaries (npm package
// "opencc", Apache License 2.0); regenerating needs npm and network access to
// the npm registry. Review the diff of tstable.go after running it.
//go:generate go run ./internal/tsgen -version 1.4.2 -out tstable.go
