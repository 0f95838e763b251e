package markdown

import (
	"sync"

	"github.com/alecthomas/chroma/v2"
)

// The palettes of highlighted code are the theme's own, built from a few
// entries (chroma's Style gives every token type its nearest category's
// entry): a light one on the theme's --surface colour and a dark one on its
// dark --surface, every colour at least 4.5:1 against its background
// (TestPalettesContrast), with inserted and deleted lines in the theme's
// --ins and --del colours. They are made here rather than taken from
// chroma's styles package, which parses all of its 70-odd bundled styles
// when a program starts: 10 ms and 2 MB before any build could begin.
var palettes = sync.OnceValues(func() (light, dark *chroma.Style) {
	light = chroma.MustNewStyle("guidebook-light", chroma.StyleEntries{
		chroma.Background:        "bg:#f6f8fa",
		chroma.LineNumbers:       "#5d6670",
		chroma.LineNumbersTable:  "#5d6670",
		chroma.LineHighlight:     "bg:#e3e8ee",
		chroma.Error:             "#a40e26",
		chroma.Comment:           "italic #5d6670",
		chroma.CommentPreproc:    "noitalic #7b3a00",
		chroma.Keyword:           "#a01d5d",
		chroma.KeywordType:       "#5a34a8",
		chroma.NameBuiltin:       "#5a34a8",
		chroma.NameFunction:      "#5a34a8",
		chroma.NameClass:         "#5a34a8",
		chroma.NameNamespace:     "#5a34a8",
		chroma.NameTag:           "#0a5599",
		chroma.NameAttribute:     "#7b3a00",
		chroma.NameVariable:      "#7b3a00",
		chroma.NameConstant:      "#0a5599",
		chroma.NameDecorator:     "#0a5599",
		chroma.NameLabel:         "bold #0a5599",
		chroma.Literal:           "#0b6446",
		chroma.LiteralString:     "#0b6446",
		chroma.LiteralNumber:     "#0a5599",
		chroma.LiteralDate:       "#0a5599",
		chroma.Operator:          "#a01d5d",
		chroma.OperatorWord:      "#a01d5d",
		chroma.GenericDeleted:    "#5c0b07 bg:#ffd7d5",
		chroma.GenericInserted:   "#0a3d1f bg:#d1f4dc",
		chroma.GenericHeading:    "bold #0a5599",
		chroma.GenericSubheading: "bold #5a34a8",
		chroma.GenericPrompt:     "bold #5d6670",
		chroma.GenericError:      "#a40e26",
		chroma.GenericEmph:       "italic",
		chroma.GenericStrong:     "bold",
		chroma.GenericUnderline:  "underline",
	})
	dark = chroma.MustNewStyle("guidebook-dark", chroma.StyleEntries{
		chroma.Background:        "bg:#161b22",
		chroma.LineNumbers:       "#9aa4ae",
		chroma.LineNumbersTable:  "#9aa4ae",
		chroma.LineHighlight:     "bg:#2a313b",
		chroma.Error:             "#ff8f85",
		chroma.Comment:           "italic #9aa4ae",
		chroma.CommentPreproc:    "noitalic #f0a35e",
		chroma.Keyword:           "#ff85b8",
		chroma.KeywordType:       "#cbaaff",
		chroma.NameBuiltin:       "#cbaaff",
		chroma.NameFunction:      "#cbaaff",
		chroma.NameClass:         "#cbaaff",
		chroma.NameNamespace:     "#cbaaff",
		chroma.NameTag:           "#7cc4fa",
		chroma.NameAttribute:     "#f0a35e",
		chroma.NameVariable:      "#f0a35e",
		chroma.NameConstant:      "#7cc4fa",
		chroma.NameDecorator:     "#7cc4fa",
		chroma.NameLabel:         "bold #7cc4fa",
		chroma.Literal:           "#4fd1a1",
		chroma.LiteralString:     "#4fd1a1",
		chroma.LiteralNumber:     "#7cc4fa",
		chroma.LiteralDate:       "#7cc4fa",
		chroma.Operator:          "#ff85b8",
		chroma.OperatorWord:      "#ff85b8",
		chroma.GenericDeleted:    "#ffc9c5 bg:#4a1512",
		chroma.GenericInserted:   "#aff5c4 bg:#12381f",
		chroma.GenericHeading:    "bold #7cc4fa",
		chroma.GenericSubheading: "bold #cbaaff",
		chroma.GenericPrompt:     "bold #9aa4ae",
		chroma.GenericError:      "#ff8f85",
		chroma.GenericEmph:       "italic",
		chroma.GenericStrong:     "bold",
		chroma.GenericUnderline:  "underline",
	})
	return light, dark
})
