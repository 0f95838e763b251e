package render

import (
	"html/template"

	"guidebook/generator/config"
)

// Frame is what the parts of a page that many pages share are made of: the
// site header, the stylesheet and script links of the head, the footer's
// links. They depend on the page only through its place in the site (links
// are relative) and the menu item that is current, so pages in one folder
// share them. The partials header-frame, head-frame and footer-frame receive
// a Frame instead of the page's data, so they must read nothing else (the
// page's title, say, is not there); each distinct Frame is executed once per
// build, and the pages receive the results as .HeaderFrame, .HeadFrame and
// .FooterFrame.
type Frame struct {
	Site      *config.Config
	Assets    Assets
	Root      string // relative path to the site root: "./", "../../"
	Home      string // href of the home page
	CSS, JS   string // hrefs of the bundles
	Print     string // href of the whole-site print page; "" when the site has none
	MenuItems template.HTML
}

// frame returns the page's Frame.
func (d *PageData) frame() Frame {
	f := Frame{Site: d.Site, Assets: d.Assets, Root: d.Root, Home: Rel(d.URL, ""), CSS: d.CSS, JS: d.JS, MenuItems: d.MenuItems}
	if d.PrintAll {
		f.Print = Rel(d.URL, "print/")
	}
	return f
}

// DocumentTag is what the <html> start tag of a page is made of. It depends
// on the page only through its place in the site, its kind and its layout,
// so the partial html-tag, which receives a DocumentTag instead of the
// page's data, is executed once for each distinct one and the pages
// receive the result as .HTMLTag.
type DocumentTag struct {
	Site   *config.Config
	Assets Assets
	Root   string // relative path to the site root: "./", "../../"
	SiteID string // namespace of the site's browser storage
	Kind   string // the entry kind: home, section, page, …
	Layout string
}

// documentTag returns the page's DocumentTag.
func (d *PageData) documentTag() DocumentTag {
	return DocumentTag{Site: d.Site, Assets: d.Assets, Root: d.Root, SiteID: d.SiteID, Kind: d.Kind, Layout: d.Layout}
}
