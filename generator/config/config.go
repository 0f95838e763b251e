// Package config reads and validates site.yaml, the site configuration.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"guidebook/generator/diag"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FileName is the name of the configuration file at the site root.
const FileName = "site.yaml"

// Config is the validated content of site.yaml.
type Config struct {
	// ID names the site in the reader's browser storage (checklist ticks,
	// letter drafts), so sites sharing an origin keep their own; it defaults
	// to the title. Set it once and keep it: changing it forgets the ticks.
	ID          string     `yaml:"id"`
	Title       string     `yaml:"title"`
	Description string     `yaml:"description"`
	Language    string     `yaml:"language"`
	BaseURL     string     `yaml:"baseURL"`
	Author      string     `yaml:"author"`
	EditURL     string     `yaml:"editURL"`
	Menu        []MenuItem `yaml:"menu"`
	Markdown    Markdown   `yaml:"markdown"`
	Footer      string     `yaml:"footer"`
	// BrokenLinks is "error" (the default: a link to a missing page, file or
	// anchor fails the build) or "warn" (printed as a warning; the build
	// goes on), for sites imported from elsewhere.
	BrokenLinks string `yaml:"brokenLinks"`
	// ExternalImages is "warn" (the default), "allow" or "error": what an
	// image loaded from another origin gets, since readers' browsers then
	// contact that origin.
	ExternalImages string `yaml:"externalImages"`
	// Strings overrides UI strings of the theme for this site, by key
	// (e.g. search.placeholder), in the site's language.
	Strings map[string]string `yaml:"strings"`

	lines map[string]int // line of each top-level key, for messages
}

// Line returns the line of a top-level key of site.yaml (0 when absent).
func (c *Config) Line(key string) int { return c.lines[key] }

// MenuItem is one entry of the site menu. Page is a content path such as
// "steps/_index.md"; URL is an external or absolute link.
type MenuItem struct {
	Name string `yaml:"name"`
	Page string `yaml:"page"`
	URL  string `yaml:"url"`
	Line int    `yaml:"-"`
}

// Markdown holds Markdown switches.
type Markdown struct {
	// HTML says what happens to raw HTML in Markdown: "sanitize" (the
	// default: an allow-list keeps structure, tables, details, images and
	// anchors and drops scripts, handlers, styles and comments), "escape"
	// (shown as text) or "unsafe" (passed through as written).
	HTML string `yaml:"html"`
	// Unsafe is the older spelling of html: unsafe, still accepted.
	Unsafe bool `yaml:"unsafe"`
}

// Values of the settings that take one of a few words.
var (
	HTMLModes      = []string{"sanitize", "escape", "unsafe"}
	BrokenLinks    = []string{"error", "warn"}
	ExternalImages = []string{"allow", "warn", "error"}
)

// Default returns the configuration used for keys site.yaml leaves out.
func Default() Config {
	return Config{Title: "Guidebook", Language: "en", BrokenLinks: "error", ExternalImages: "warn", Markdown: Markdown{HTML: "sanitize"}}
}

// Load reads site.yaml from the root of fsys. A missing file yields the defaults.
func Load(fsys fs.FS) (*Config, error) {
	data, err := fs.ReadFile(fsys, FileName)
	if errors.Is(err, fs.ErrNotExist) {
		c := Default()
		return &c, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", FileName, err)
	}
	return Parse(FileName, data)
}

// Parse validates the YAML in data, naming file in errors.
func Parse(file string, data []byte) (*Config, error) {
	c := Default()
	if len(bytes.TrimSpace(data)) == 0 {
		return &c, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := diag.YAMLErrorLine(err)
		return nil, diag.List{diag.Errorf(file, line, "invalid YAML: %s", msg)}
	}
	var errs diag.List
	errs.Add(diag.DecodeStrict(file, 0, &doc, &c))
	errs.Add(c.validate(file, &doc)...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &c, nil
}

// languageRE matches BCP 47 tags as UI string folders are named (en, zh-CN, pt-BR).
var languageRE = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

func (c *Config) validate(file string, doc *yaml.Node) []error {
	var errs []error
	line := func(key string) int { return keyLine(doc, key) }
	c.lines = map[string]int{}
	for _, key := range []string{"title", "language", "baseURL", "editURL", "menu", "markdown", "footer", "strings", "brokenLinks", "externalImages"} {
		if l := line(key); l > 0 {
			c.lines[key] = l
		}
	}
	if c.Markdown.Unsafe {
		if _, v := diag.MappingEntry(doc, "markdown"); v != nil {
			if k, _ := diag.MappingEntry(v, "html"); k == nil {
				c.Markdown.HTML = "unsafe"
			}
		}
	}
	oneOf := func(key, got string, allowed []string) {
		if !slices.Contains(allowed, got) {
			errs = append(errs, diag.Errorf(file, line(key), "%s %q is not one of %s%s", key, got, strings.Join(allowed, ", "), diag.SuggestAmong(got, allowed, "values")))
		}
	}
	oneOf("brokenLinks", c.BrokenLinks, BrokenLinks)
	oneOf("externalImages", c.ExternalImages, ExternalImages)
	if !slices.Contains(HTMLModes, c.Markdown.HTML) {
		l := line("markdown")
		if _, v := diag.MappingEntry(doc, "markdown"); v != nil {
			if k, _ := diag.MappingEntry(v, "html"); k != nil {
				l = k.Line
			}
		}
		errs = append(errs, diag.Errorf(file, l, "markdown.html %q is not one of %s", c.Markdown.HTML, strings.Join(HTMLModes, ", ")))
	}
	if !languageRE.MatchString(c.Language) {
		errs = append(errs, diag.Errorf(file, line("language"), "language %q is not a language tag such as en, zh-CN or de", c.Language))
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, diag.Errorf(file, line("baseURL"), "baseURL %q must be an absolute http(s) URL such as https://example.org/guide/", c.BaseURL))
		} else if !strings.HasSuffix(c.BaseURL, "/") {
			c.BaseURL += "/"
		}
	}
	if scheme := scriptScheme(c.EditURL); scheme != "" {
		errs = append(errs, diag.Errorf(file, line("editURL"), "editURL %q uses the %s scheme, which runs code in the reader's browser; use an http(s) address such as https://git.example.org/guide/edit/main/", c.EditURL, scheme))
	}
	items := menuNodes(doc)
	for i := range c.Menu {
		m := &c.Menu[i]
		urlLine := 0
		if i < len(items) {
			m.Line = items[i].Line
			if k, _ := diag.MappingEntry(items[i], "url"); k != nil {
				urlLine = k.Line
			}
		}
		if scheme := scriptScheme(m.URL); scheme != "" {
			errs = append(errs, diag.Errorf(file, max(urlLine, m.Line), "menu item %q: url %q uses the %s scheme, which runs code in the reader's browser; link a page or an http(s) address", m.Name, m.URL, scheme))
		}
		if m.Name == "" {
			errs = append(errs, diag.Errorf(file, m.Line, "menu item needs a name"))
		}
		if (m.Page == "") == (m.URL == "") {
			errs = append(errs, diag.Errorf(file, m.Line, "menu item %q needs exactly one of page (a content path) or url", m.Name))
		}
	}
	return errs
}

// scriptSchemes are URL schemes that make a link run code or carry a
// document; html/template would turn them into "#ZgotmplZ" silently.
var scriptSchemes = []string{"javascript", "vbscript", "data"}

// scriptScheme returns the scheme of u when it is one of scriptSchemes,
// read as a browser reads it: case-insensitive, ignoring leading spaces and
// the tabs and newlines browsers strip from inside URLs.
func scriptScheme(u string) string {
	var b strings.Builder
	for _, r := range strings.TrimLeft(u, "\x00 \t\n\r\f") {
		if r == '\t' || r == '\n' || r == '\r' {
			continue
		}
		b.WriteRune(r)
	}
	scheme, _, ok := strings.Cut(strings.ToLower(b.String()), ":")
	if ok && slices.Contains(scriptSchemes, scheme) {
		return scheme + ":"
	}
	return ""
}

func keyLine(doc *yaml.Node, key string) int {
	if k, _ := diag.MappingEntry(doc, key); k != nil {
		return k.Line
	}
	return 0
}

func menuNodes(doc *yaml.Node) []*yaml.Node {
	if _, v := diag.MappingEntry(doc, "menu"); v != nil && v.Kind == yaml.SequenceNode {
		return v.Content
	}
	return nil
}
