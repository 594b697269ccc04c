package model

// PurgeScope is what a purge erases.
type PurgeScope int

// What purge can erase.
const (
	// PurgeConversation erases one logged conversation.
	PurgeConversation PurgeScope = iota
	// PurgeContact erases a person: the contact, their places on proposals
	// and their conversations; objections and blind spots they raised stay,
	// unattributed.
	PurgeContact
	// PurgeProposal erases a proposal with its room, log, objections and
	// blind spots; the contacts stay.
	PurgeProposal
	// PurgeHistoryBefore erases the change history (and the undo steps)
	// older than a day.
	PurgeHistoryBefore
)

// PurgeReport says what a purge erased.
type PurgeReport struct {
	// What is the record in words ("the conversation with Dana Reyes on Mon 16 Nov").
	What string `json:"what"`
	// Rows are workbook rows deleted.
	Rows int `json:"rows"`
	// History are history records erased or blanked.
	History int `json:"history"`
	// UndoSteps are undo steps that held the text and can no longer be undone.
	UndoSteps int `json:"undo_steps"`
	// Drafts are half-filled forms that held the text, discarded.
	Drafts int `json:"drafts"`
	// WALBusy is set when another process kept the write-ahead log from
	// being emptied: the old text may linger in the -wal file until it
	// closes.
	WALBusy bool `json:"wal_busy,omitempty"`
}
