// Package content walks a site's content tree, parses front matter and
// builds the validated page model: kinds, sections, URLs, ordering,
// letter fields and revisions.
package content
