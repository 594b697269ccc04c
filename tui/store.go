package tui

import (
	"context"

	"github.com/backchannel/backchannel/model"
)

// Store is the part of the workbook the terminal UI reads and writes. It is
// declared here, on the consumer side, so screens can be tested with a fake;
// *db.Store satisfies it.
type Store interface {
	// Empty reports whether the workbook has no proposals and no contacts.
	Empty(ctx context.Context) (bool, error)
	// Import loads a whole workbook into an empty store (the demo).
	Import(ctx context.Context, wb model.Workbook) error

	CreateProposal(ctx context.Context, p model.Proposal) (model.Proposal, error)
	UpdateProposal(ctx context.Context, p model.Proposal) (model.Proposal, error)
	GetProposal(ctx context.Context, id int64) (model.Proposal, error)
	ListProposals(ctx context.Context, includeArchived bool) ([]model.Proposal, error)

	CreateContact(ctx context.Context, c model.Contact) (model.Contact, error)
	UpdateContact(ctx context.Context, c model.Contact) (model.Contact, error)
	ListContacts(ctx context.Context, includeArchived bool) ([]model.Contact, error)
	GetContact(ctx context.Context, id int64) (model.Contact, error)
	// ListStakeholders and ListTouchpoints read one proposal's people and
	// conversations, for the contact directory's history across proposals.
	ListStakeholders(ctx context.Context, proposalID int64) ([]model.Stakeholder, error)
	ListTouchpoints(ctx context.Context, proposalID int64) ([]model.Touchpoint, error)

	AddStakeholder(ctx context.Context, st model.Stakeholder) (model.Stakeholder, error)
	UpdateStakeholder(ctx context.Context, st model.Stakeholder) (model.Stakeholder, error)
	GetStakeholder(ctx context.Context, id int64) (model.Stakeholder, error)

	LogTouchpoint(ctx context.Context, t model.Touchpoint) (model.Touchpoint, error)
	AddObjection(ctx context.Context, o model.Objection) (model.Objection, error)
	GetObjection(ctx context.Context, id int64) (model.Objection, error)
	UpdateObjection(ctx context.Context, o model.Objection) (model.Objection, error)
	AddBlindSpot(ctx context.Context, b model.BlindSpot) (model.BlindSpot, error)
	GetBlindSpot(ctx context.Context, id int64) (model.BlindSpot, error)
	UpdateBlindSpot(ctx context.Context, b model.BlindSpot) (model.BlindSpot, error)

	// LoadDossier reads everything readiness and the brief need, in one go.
	LoadDossier(ctx context.Context, proposalID int64) (model.Dossier, error)
}
