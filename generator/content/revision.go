package content

import (
	"guidebook/generator/diag"
	"sort"

	"go.yaml.in/yaml/v3"
)

// checkRevision validates the keys a revision must have.
func checkRevision(p *Page, doc *yaml.Node) []error {
	var errs []error
	if p.FrontMatter.Revises == "" {
		errs = append(errs, diag.Errorf(p.File, 1, "revision needs revises: (the content path of the page it is an earlier version of, e.g. steps/_index.md)"))
	}
	if p.Summary == "" {
		errs = append(errs, diag.Errorf(p.File, 1, "revision needs summary: (one line saying what this version is)"))
	}
	return errs
}

// linkRevisions connects every revision to the page it revises and orders
// each page's revisions by date.
func linkRevisions(site *Site) []error {
	var errs []error
	for _, sec := range site.Sections {
		for _, p := range sec.Pages {
			if !p.IsRevision() {
				continue
			}
			target := site.Page(p.FrontMatter.Revises)
			if target == nil || target.IsRevision() {
				errs = append(errs, diag.Errorf(p.File, 1, "revises: %q is not a page of this site (use a content path such as steps/_index.md)", p.FrontMatter.Revises))
				continue
			}
			p.RevisionOf = target
			target.Revisions = append(target.Revisions, p)
		}
	}
	for _, p := range site.All() {
		sort.SliceStable(p.Revisions, func(i, j int) bool {
			a, b := p.Revisions[i], p.Revisions[j]
			if a.Date != b.Date {
				return a.Date < b.Date
			}
			return less(a, b)
		})
	}
	return errs
}
