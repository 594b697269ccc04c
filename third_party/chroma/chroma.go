// Package chroma is backchannel's stand-in for github.com/alecthomas/chroma/v2
// (see README.md): the part of its API that glamour v2's code-block renderer
// uses, with no lexers, no formatters and no registries built at start-up.
package chroma

// TokenType is the kind of a lexed token; glamour names the kinds it has a
// colour for when it registers its code-block style.
type TokenType int

// The token kinds glamour's style names (charm.land/glamour/v2 ansi/codeblock.go).
const (
	Background TokenType = iota
	Text
	Error
	Comment
	CommentPreproc
	Keyword
	KeywordReserved
	KeywordNamespace
	KeywordType
	Operator
	Punctuation
	Name
	NameBuiltin
	NameTag
	NameAttribute
	NameClass
	NameConstant
	NameDecorator
	NameException
	NameFunction
	NameOther
	Literal
	LiteralNumber
	LiteralDate
	LiteralString
	LiteralStringEscape
	GenericDeleted
	GenericEmph
	GenericInserted
	GenericStrong
	GenericSubheading
)

// StyleEntries maps a token kind to a style string ("#ff0000 bold").
type StyleEntries map[TokenType]string

// Style is a named set of style entries. Nothing here reads the entries:
// code is written as plain text.
type Style struct {
	Name    string
	Entries StyleEntries
}

// MustNewStyle returns a style of that name holding the entries. Chroma
// parses them and panics on a malformed one; since no entry is ever used
// here, none is parsed.
func MustNewStyle(name string, entries StyleEntries) *Style {
	return &Style{Name: name, Entries: entries}
}
