// Package content walks a site's content tree, parses front matter (YAML
// between --- lines or TOML between +++ lines) and builds the validated page
// model: kinds, sections and their list pages (_index.md, else README.md,
// else index.md), URLs, ordering, letter fields and revisions. Keys it does
// not read are kept in Page.Params and reported as notices in Site.Notices.
package content
