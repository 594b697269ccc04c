package tui

// The person flow's typed answers: the draft every stage edits, and what
// is kept in the store when a half-filled flow is left.

import "github.com/backchannel/backchannel/model"

// personDraft is what the person forms edit. Fields are bound to huh fields,
// so it always holds what is on screen, typed or not yet submitted.
type personDraft struct {
	ContactID  int64
	Name       string
	Title      string
	Org        string
	Kind       model.PartnerKind
	Discretion model.Discretion

	Role      model.Role
	Influence int
	Votes     bool
	Veto      bool
	Stance    model.Stance
	Target    model.Stance
	Spoiler   bool
	Wants     string
	Fears     string

	Moment     model.Moment
	TargetDate string
	BeforeID   int64
	Approach   model.Approach
	Message    string
	Opener     model.Opener
	Venue      model.Venue
	Place      string
	ViaID      int64

	// Typed names, used instead of the ids when a list is too long to show.
	ContactText string
	BeforeText  string
	ViaText     string
}

// roleUnset is the role of a new person until one is chosen: the model has
// no "unknown" role, and a default would put them in the room unasked.
const roleUnset model.Role = -1

// draftFrom fills a draft from a stored stakeholder and contact.
func draftFrom(s model.Stakeholder, c model.Contact) personDraft {
	return personDraft{
		ContactID: c.ID, Name: editable(c.Name), Title: editable(c.Title), Org: editable(c.Org), Kind: c.Kind, Discretion: c.Discretion,
		Role: s.Role, Influence: s.Influence, Votes: s.Votes, Veto: s.Veto,
		Stance: s.Stance, Target: s.TargetStance, Spoiler: s.Spoiler, Wants: editable(s.Wants), Fears: editable(s.Fears),
		Moment: s.Plan.Moment, TargetDate: s.Plan.TargetDate.String(), BeforeID: s.Plan.BeforeID,
		Approach: s.Plan.Approach, Message: editable(s.Plan.Message), Opener: s.Plan.Opener,
		Venue: s.Plan.Venue, Place: editable(s.Plan.Place), ViaID: s.Plan.ViaID,
	}
}

// keptPerson is a half-filled person form kept as a draft.
type keptPerson struct {
	Stage personStage
	Draft personDraft
	// Field is where the cursor was (see formPlan.index).
	Field int
	// RoleChosen is false while the role is unanswered: roles are kept
	// as words, and "unanswered" is not one.
	RoleChosen bool
}

// keep is the draft d as kept, the unanswered role written as such.
func keep(stage personStage, d personDraft, field int) keptPerson {
	k := keptPerson{Stage: stage, Draft: d, Field: field, RoleChosen: d.Role != roleUnset}
	if !k.RoleChosen {
		k.Draft.Role = 0
	}
	return k
}

// draft is the kept answers as the form holds them.
func (k keptPerson) draft() personDraft {
	d := k.Draft
	if !k.RoleChosen {
		d.Role = roleUnset
	}
	return d
}

// personDraftKey names the kept draft: a new person on a proposal, or the
// changes to one already on it.
func personDraftKey(proposalID, stakeholderID int64) string {
	if stakeholderID == 0 {
		return "person:proposal:" + itoa64(proposalID) + ":new"
	}
	return "person:stakeholder:" + itoa64(stakeholderID)
}
