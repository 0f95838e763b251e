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
