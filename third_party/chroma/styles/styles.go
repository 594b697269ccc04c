// Package styles is the style registry of backchannel's chroma stand-in:
// empty at start-up, where chroma's parses every built-in style's XML.
package styles

import "github.com/alecthomas/chroma/v2"

// Registry holds the styles registered by name. Glamour looks its own style
// up here before registering it (under its own mutex).
var Registry = map[string]*chroma.Style{}

// Register adds a style to the registry and returns it.
func Register(style *chroma.Style) *chroma.Style {
	Registry[style.Name] = style
	return style
}
