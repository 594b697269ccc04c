package model

import "time"

// Change is one step of the undo log: a user action ("do"), or the undo or
// redo of one. Every change is one transaction.
type Change struct {
	ID int64     `json:"id"`
	At time.Time `json:"at"`
	// Kind is ChangeDo, ChangeUndo or ChangeRedo.
	Kind string `json:"kind"`
	// TargetID is, for an undo or a redo, the change it reverses.
	TargetID int64 `json:"target_id,omitempty"`
	// Summary says what the action did, in words ("deleted the conversation
	// with Dana Reyes on Wed 25 Nov"); an undo or redo keeps the words of the
	// action it reverses.
	Summary string `json:"summary"`
	// Undone marks an action (or redo) that has been undone, or an undo that
	// has been redone.
	Undone bool `json:"undone"`
	// Purged marks a change whose text purge erased: it cannot be undone.
	Purged bool `json:"purged,omitempty"`
	// Unfinished marks an undo or redo of a large step that stopped midway
	// (the process was killed, or it met a conflict): part of the step is
	// reversed, and undoing (redoing) again finishes it.
	Unfinished bool `json:"unfinished,omitempty"`
	// ProposalIDs are the proposals the change touched, for filtering.
	ProposalIDs []int64 `json:"proposal_ids,omitempty"`
}

// Change kinds.
const (
	ChangeDo   = "do"
	ChangeUndo = "undo"
	ChangeRedo = "redo"
)

// Sentence says what the change did, as the status line and `history` show it.
func (c Change) Sentence() string {
	switch {
	case c.Unfinished && c.Kind == ChangeUndo:
		return "Undoing: " + c.Summary + " (unfinished)"
	case c.Unfinished && c.Kind == ChangeRedo:
		return "Redoing: " + c.Summary + " (unfinished)"
	}
	switch c.Kind {
	case ChangeUndo:
		return "Undid: " + c.Summary
	case ChangeRedo:
		return "Redid: " + c.Summary
	}
	if c.Summary == "" {
		return "Changed the workbook"
	}
	return UpperFirst(c.Summary)
}
