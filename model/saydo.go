package model

import "strings"

// The say/do rule: after the decision, how each person acted in the room
// (the debrief) is read against the stance they had stated. The gap between
// the two is what the contact directory keeps ("the gap between what they
// said and what they did is kept on the contact", PRODUCT.md), so that the
// next pre-wire weighs a word that was not kept.

// SayDoEffect is what a person's deed in the room did for the proposal,
// read against their word.
type SayDoEffect int

// Effects of a deed, read against the stated stance.
const (
	// SayDoUnjudged: nothing to read yet (not recorded), or nothing to read
	// at all (absent from a room their role keeps them out of).
	SayDoUnjudged SayDoEffect = iota
	// SayDoNeutral: the deed neither cost nor brought support.
	SayDoNeutral
	// SayDoHelped: they spoke for it (as a supporter, or against their word).
	SayDoHelped
	// SayDoWithheld: a supporter who did not speak for it (silent or absent).
	SayDoWithheld
	// SayDoHurt: they spoke against it.
	SayDoHurt
)

// SayDo compares what a person said (their stance) with what they did in
// the room (the debrief).
type SayDo struct {
	// Recorded is false until the debrief says how they acted.
	Recorded bool
	// Gap is set when the deed does not match the word: a supporter who did
	// not speak for it, a skeptic or neutral who took a side they had not
	// announced.
	Gap bool
	// Effect is what the deed did for the proposal.
	Effect SayDoEffect
	// Phrase reads "said supporter, stayed silent".
	Phrase string
}

// ReadSayDo compares a person's stated stance with how they acted. Holding
// back (silent or absent) is not a gap for someone who said they were
// against it or neutral: they did not take the side they had announced
// against, nor one they had not. Nor is absence a gap for someone whose
// role keeps them out of the room (an influencer, an implementer): they
// were never going to be there.
func ReadSayDo(s Stakeholder) SayDo {
	stance, acted := s.Stance, s.Acted
	if acted == ActedUnknown {
		return SayDo{Effect: SayDoUnjudged, Phrase: "not recorded"}
	}
	if acted == ActedAbsent && !s.Role.InRoom() {
		return SayDo{Recorded: true, Effect: SayDoUnjudged, Phrase: "not in the room (" + s.Role.String() + ")"}
	}
	r := SayDo{Recorded: true, Effect: SayDoNeutral, Phrase: "said " + stance.String() + ", " + ActedPhrase(acted)}
	if !stance.Known() {
		r.Phrase = "stance never read, " + ActedPhrase(acted)
		return r
	}
	switch {
	case stance.For() && acted != ActedSpokeFor:
		r.Gap, r.Effect = true, SayDoWithheld
		if acted == ActedSpokeAgainst {
			r.Effect = SayDoHurt
		}
	case !stance.For() && acted == ActedSpokeFor:
		r.Gap, r.Effect = true, SayDoHelped
	case !stance.Against() && acted == ActedSpokeAgainst:
		r.Gap, r.Effect = true, SayDoHurt
	case stance.For():
		r.Effect = SayDoHelped
	}
	return r
}

// Verdict is the short reading for a table cell beside the stated stance:
// "gap: stayed silent", or "as they said".
func (r SayDo) Verdict(acted Acted) string {
	switch {
	case !r.Recorded:
		return "—"
	case r.Gap:
		return "gap: " + ActedPhrase(acted)
	case strings.HasPrefix(r.Phrase, "stance never read"):
		return "stance never read"
	}
	return "as they said"
}

// Mark is one cell that reads without colour: ≠ a gap, = as they said.
func (r SayDo) Mark() string {
	switch {
	case !r.Recorded:
		return ""
	case r.Gap:
		return "≠"
	}
	return "="
}

// ActedPhrase says how someone acted as part of a sentence.
func ActedPhrase(a Acted) string {
	switch a {
	case ActedSpokeFor:
		return "spoke for it"
	case ActedSpokeAgainst:
		return "spoke against it"
	case ActedSilent:
		return "stayed silent"
	case ActedAbsent:
		return "was absent"
	}
	return "not recorded"
}
