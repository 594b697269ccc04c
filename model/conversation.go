package model

// Conversation is everything one logged talk records: the talk itself, the
// objections and blind spots raised in it, and the stance it left. The store
// writes it as one action.
type Conversation struct {
	Touchpoint Touchpoint  `json:"touchpoint"`
	Objections []Objection `json:"objections,omitempty"`
	BlindSpots []BlindSpot `json:"blind_spots,omitempty"`
	// Stance, when set, is the person's stance after the talk.
	Stance *Stance `json:"stance,omitempty"`
}
