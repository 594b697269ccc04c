package widget

// Tone is the meaning of a row or a piece of text; the app maps each to a
// style (a grid's through GridStyles.Tone).
type Tone int

// The tones, from plain text to bad news.
const (
	ToneNormal Tone = iota
	ToneMuted
	ToneGood
	ToneWarn
	ToneBad
)
