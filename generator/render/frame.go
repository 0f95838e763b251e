package render

import (
	"html/template"

	"guidebook/generator/config"
)

// Frame is what the parts of a page that many pages share are made of: the
// site header, the stylesheet and script links of the head, the footer's
// links. They depend on the page only through its place in the site (links
// are relative) and the menu item that is current, so pages in one folder
// share them. The partials .Shared executes receive a Frame instead of the
// page's data; each distinct Frame is executed once per build.
type Frame struct {
	Site      *config.Config
	Assets    Assets
	Root      string // relative path to the site root: "./", "../../"
	Home      string // href of the home page
	CSS, JS   string // hrefs of the bundles
	Print     string // href of the whole-site print page; "" when the site has none
	MenuItems template.HTML
}

// Shared is the HTML of the partial name executed with the page's Frame:
// {{.Shared "header"}}. A partial given to it must read nothing but the
// Frame's fields (the page's title, say, is not there), which is what lets
// every page with the same Frame share one execution.
func (d *PageData) Shared(name string) (template.HTML, error) {
	if d.set == nil {
		return "", nil
	}
	if d.frame == nil {
		menu, err := d.MenuItems()
		if err != nil {
			return "", err
		}
		d.frame = &Frame{Site: d.Site, Assets: d.Assets, Root: d.Root, Home: Rel(d.URL, ""),
			CSS: d.CSS, JS: d.JS, MenuItems: menu}
		if d.PrintAll {
			d.frame.Print = Rel(d.URL, "print/")
		}
	}
	return d.frags.frames.get(d.set, name, *d.frame, true)
}
