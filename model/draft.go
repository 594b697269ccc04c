package model

import "time"

// Draft is a half-filled form kept until it is saved or discarded. It is
// not a workbook fact: nothing in it counts anywhere until the person saves
// the form, and undo does not track it.
type Draft struct {
	// Key names the form and what it is about: "log:stakeholder:12".
	Key string `json:"key"`
	// Title offers the draft back in words: "Conversation with Dana Reyes".
	Title string `json:"title"`
	// Data holds the form's answers, as the form encodes them (JSON).
	Data      string    `json:"data"`
	UpdatedAt time.Time `json:"updated_at"`
}
