package tui

import (
	"context"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
)

// Store is the part of the workbook the terminal UI reads and writes. It is
// declared here, on the consumer side, so screens can be tested with a fake;
// *db.Store satisfies it.
type Store interface {
	// Empty reports whether the workbook has no proposals and no contacts.
	Empty(ctx context.Context) (bool, error)
	// Import loads a whole workbook into an empty store (the demo).
	Import(ctx context.Context, wb model.Workbook) error

	// CreateProposal stores a new proposal (the walkthrough's first step).
	CreateProposal(ctx context.Context, p model.Proposal) (model.Proposal, error)
	ListProposals(ctx context.Context, includeArchived bool) ([]model.Proposal, error)

	// CreateContact adds someone to the directory alone.
	CreateContact(ctx context.Context, c model.Contact) (model.Contact, error)
	ListContacts(ctx context.Context, includeArchived bool) ([]model.Contact, error)
	// ListStakeholders and ListTouchpoints read one proposal's people and
	// conversations, for the contact directory's history across proposals.
	ListStakeholders(ctx context.Context, proposalID int64) ([]model.Stakeholder, error)
	ListTouchpoints(ctx context.Context, proposalID int64) ([]model.Touchpoint, error)
	// ListContactTouchpoints reads one person's conversations across
	// proposals, oldest first; ContactLedgers counts everyone's.
	ListContactTouchpoints(ctx context.Context, contactID int64) ([]model.Touchpoint, error)
	ContactLedgers(ctx context.Context, today model.Date) (map[int64]model.Ledger, error)

	// AddObjection and AddBlindSpot record one outside a conversation.
	AddObjection(ctx context.Context, o model.Objection) (model.Objection, error)
	AddBlindSpot(ctx context.Context, b model.BlindSpot) (model.BlindSpot, error)

	// Whole user actions: each is one transaction and one undo step.

	// AddPerson creates the contact (c.ID 0) or reuses it, and puts it on
	// st's proposal.
	AddPerson(ctx context.Context, c model.Contact, st model.Stakeholder) (model.Stakeholder, error)
	// RecordConversation logs a talk with what was raised in it and the
	// stance it left.
	RecordConversation(ctx context.Context, c model.Conversation) (model.Conversation, error)
	// Edit* read, change (with fn) and write one record in one transaction.
	EditProposal(ctx context.Context, id int64, fn func(*model.Proposal) error) (model.Proposal, error)
	EditContact(ctx context.Context, id int64, fn func(*model.Contact) error) (model.Contact, error)
	EditStakeholder(ctx context.Context, id int64, fn func(*model.Stakeholder) error) (model.Stakeholder, error)
	EditTouchpoint(ctx context.Context, id int64, fn func(*model.Touchpoint) error) (model.Touchpoint, error)
	EditObjection(ctx context.Context, id int64, fn func(*model.Objection) error) (model.Objection, error)
	EditBlindSpot(ctx context.Context, id int64, fn func(*model.BlindSpot) error) (model.BlindSpot, error)
	// EditPerson changes a stakeholder and (when editContact is set) their
	// contact in one action.
	EditPerson(ctx context.Context, stakeholderID int64, editContact func(*model.Contact) error,
		editStakeholder func(*model.Stakeholder) error) (model.Contact, model.Stakeholder, error)
	// Removing: the *Impact reads say what goes with it, for the question.
	StakeholderImpact(ctx context.Context, id int64) (model.Removal, error)
	RemoveStakeholder(ctx context.Context, id int64) error
	TouchpointImpact(ctx context.Context, id int64) (model.Removal, error)
	DeleteTouchpoint(ctx context.Context, id int64) error
	DeleteObjection(ctx context.Context, id int64) error
	DeleteBlindSpot(ctx context.Context, id int64) error
	ContactImpact(ctx context.Context, id int64) (model.Removal, error)
	DeleteContact(ctx context.Context, id int64) error
	// Purge erases records for good (see db.Store.Purge); undo cannot
	// bring them back.
	Purge(ctx context.Context, scope model.PurgeScope, id int64, before model.Date) (model.PurgeReport, error)
	// HistoryPurgeImpact counts the history entries and undo steps older
	// than a day, for the question asked before purging them.
	HistoryPurgeImpact(ctx context.Context, day model.Date) (model.PurgeReport, error)
	MergeContacts(ctx context.Context, keepID, otherID int64) (model.Contact, error)
	// Undo and Redo reverse the last action (from any screen or process).
	Undo(ctx context.Context) (model.Change, error)
	Redo(ctx context.Context) (model.Change, error)

	// Drafts of half-filled forms: never workbook data, never undo steps.
	SaveDraft(ctx context.Context, d model.Draft) error
	GetDraft(ctx context.Context, key string) (model.Draft, bool, error)
	DeleteDraft(ctx context.Context, key string) error

	// ProposalScores lists the proposals with their score and verdict
	// today, from one snapshot, cached where current (db.Store.ProposalScores).
	ProposalScores(ctx context.Context, today model.Date, includeArchived bool) ([]readiness.ProposalScore, error)
	// ReviewRecords reads what the objections and blind-spot screens list,
	// across every proposal, without the conversation logs.
	ReviewRecords(ctx context.Context) (model.Workbook, error)

	// LoadDossier reads everything readiness and the brief need, in one go.
	LoadDossier(ctx context.Context, proposalID int64) (model.Dossier, error)

	// agendaStore reads the agenda and searches (agenda.go).
	agendaStore
}
