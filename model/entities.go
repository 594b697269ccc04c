package model

import "time"

// Proposal is a change someone will pitch to a formal forum.
type Proposal struct {
	ID           int64        `json:"id"`
	Title        string       `json:"title"`
	Ask          string       `json:"ask"`
	Kind         ProposalKind `json:"kind"`
	Forum        string       `json:"forum"`
	DecisionDate Date         `json:"decision_date"`
	DecisionRule DecisionRule `json:"decision_rule"`
	Status       Status       `json:"status"`
	// Moment is the moment of the four that the prep is in now (the walkthrough's "when").
	Moment Moment `json:"moment"`
	// WalkStep is the last walkthrough step completed, so that re-entering resumes.
	WalkStep  int       `json:"walk_step"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Contact is a person, independent of any proposal.
type Contact struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Title string `json:"title"`
	Org   string `json:"org"`
	Email string `json:"email"`
	// Aliases are other ways people write this person: nicknames, initials,
	// handles, separated by commas. Redaction finds them too.
	Aliases    string      `json:"aliases,omitempty"`
	Kind       PartnerKind `json:"partner_kind"`
	Discretion Discretion  `json:"discretion"`
	// ValueIBring is what the user offers this person; influencers need a reason to help.
	ValueIBring string `json:"value_i_bring"`
	Notes       string `json:"notes"`
	// CadenceDays is how often to reconnect; 0 uses the default.
	CadenceDays int       `json:"cadence_days"`
	Archived    bool      `json:"archived"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// Stakeholder is a contact's part in one proposal, with the plan for the next talk.
type Stakeholder struct {
	ID           int64  `json:"id"`
	ProposalID   int64  `json:"proposal_id"`
	ContactID    int64  `json:"contact_id"`
	Role         Role   `json:"role"`
	Influence    int    `json:"influence"`
	Votes        bool   `json:"votes"`
	Veto         bool   `json:"veto"`
	Stance       Stance `json:"stance"`
	TargetStance Stance `json:"target_stance"`
	Spoiler      bool   `json:"spoiler"`
	Wants        string `json:"wants"`
	Fears        string `json:"fears"`
	Plan         Plan   `json:"plan"`
	// Acted is how they behaved in the room (the debrief).
	Acted     Acted     `json:"acted"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Plan is the next conversation with a stakeholder: when, what and where.
type Plan struct {
	Moment     Moment `json:"moment"`
	TargetDate Date   `json:"target_date"`
	// BeforeID is a stakeholder this talk must come before (0 = none).
	BeforeID int64    `json:"before_id"`
	Approach Approach `json:"approach"`
	Message  string   `json:"message"`
	Opener   Opener   `json:"opener"`
	Venue    Venue    `json:"venue"`
	Place    string   `json:"place"`
	// ViaID is an intermediary contact who carries the message (0 = direct).
	ViaID int64 `json:"via_id"`
	// Done marks the planned talk as held; logging a conversation sets it.
	Done bool `json:"done"`
}

// HasWhen reports whether the plan says when.
func (p Plan) HasWhen() bool { return p.Moment != MomentUnset || !p.TargetDate.IsZero() }

// HasWhat reports whether the plan says what.
// A message that shows nothing (only spaces or escapes) says nothing.
func (p Plan) HasWhat() bool { return p.Approach != ApproachUnset && !Blank(p.Message) }

// HasWhere reports whether the plan says where.
func (p Plan) HasWhere() bool { return p.Venue != VenueUnset || !Blank(p.Place) }

// Complete reports whether when, what and where are all set.
func (p Plan) Complete() bool { return p.HasWhen() && p.HasWhat() && p.HasWhere() }

// Missing names the parts of when, what and where the plan still lacks, in
// that order, as readiness and the next actions word them.
func (p Plan) Missing() []string {
	var out []string
	for _, part := range []struct {
		ok   bool
		name string
	}{{p.HasWhen(), "when"}, {p.HasWhat(), "what"}, {p.HasWhere(), "where"}} {
		if !part.ok {
			out = append(out, part.name)
		}
	}
	return out
}

// Touchpoint is a logged conversation with a stakeholder.
type Touchpoint struct {
	ID            int64     `json:"id"`
	StakeholderID int64     `json:"stakeholder_id"`
	ProposalID    int64     `json:"proposal_id"`
	ContactID     int64     `json:"contact_id"`
	Date          Date      `json:"date"`
	Channel       Venue     `json:"channel"`
	Kind          TouchKind `json:"kind"`
	Opener        Opener    `json:"opener"`
	// Sentiment is the reading of the conversation, −2…+2.
	Sentiment int    `json:"sentiment"`
	Said      string `json:"said"`
	// Subtext is what was not said.
	Subtext   string    `json:"subtext"`
	FollowUp  string    `json:"follow_up"`
	CreatedAt time.Time `json:"created_at"`
	// HeardViaID is the contact who told them about the proposal before
	// this conversation (0 = nobody, or not known): that person knows too.
	HeardViaID int64 `json:"heard_via_id,omitempty"`
	// Commitment makes the follow-up a promise: who owes whom. The
	// follow-up's words are what is owed; CommitmentDue is when, and
	// CommitmentDone marks it kept.
	Commitment     Commitment `json:"commitment,omitempty"`
	CommitmentDue  Date       `json:"commitment_due,omitzero"`
	CommitmentDone bool       `json:"commitment_done,omitempty"`
}

// Objection is a reason someone may resist the proposal.
type Objection struct {
	ID         int64 `json:"id"`
	ProposalID int64 `json:"proposal_id"`
	// RaisedByID is the stakeholder who raised it; 0 means anticipated.
	RaisedByID int64 `json:"raised_by_id"`
	// TouchpointID is the conversation it came up in (0 = none).
	TouchpointID int64           `json:"touchpoint_id"`
	Text         string          `json:"text"`
	Severity     Severity        `json:"severity"`
	Status       ObjectionStatus `json:"status"`
	Response     string          `json:"response"`
	// VoiceID is the supporter (stakeholder) who will answer it in the room (0 = nobody yet).
	VoiceID    int64     `json:"voice_id"`
	RaisedOn   Date      `json:"raised_on"`
	ResolvedOn Date      `json:"resolved_on"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// BlindSpot is something the proposer had not seen, or an assumption to test.
type BlindSpot struct {
	ID         int64 `json:"id"`
	ProposalID int64 `json:"proposal_id"`
	// SurfacedByID is the stakeholder who surfaced it; 0 means "me".
	SurfacedByID int64           `json:"surfaced_by_id"`
	TouchpointID int64           `json:"touchpoint_id"`
	Text         string          `json:"text"`
	Status       BlindSpotStatus `json:"status"`
	// HowAddressed says what was done about it.
	HowAddressed string    `json:"how_addressed"`
	RaisedOn     Date      `json:"raised_on"`
	AddressedOn  Date      `json:"addressed_on"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// HistoryEvent is one append-only change record: what changed, old → new, when.
type HistoryEvent struct {
	ID         int64     `json:"id"`
	At         time.Time `json:"at"`
	Entity     string    `json:"entity"`
	EntityID   int64     `json:"entity_id"`
	ProposalID int64     `json:"proposal_id"`
	Action     string    `json:"action"`
	Field      string    `json:"field"`
	Old        string    `json:"old"`
	New        string    `json:"new"`
}

// History actions.
const (
	ActionCreate  = "create"
	ActionUpdate  = "update"
	ActionArchive = "archive"
	ActionDelete  = "delete"
)

// History entity names.
const (
	EntityProposal    = "proposal"
	EntityContact     = "contact"
	EntityStakeholder = "stakeholder"
	EntityTouchpoint  = "touchpoint"
	EntityObjection   = "objection"
	EntityBlindSpot   = "blindspot"
)

// Dossier is everything known about one proposal: the input to readiness and the brief.
type Dossier struct {
	Proposal     Proposal
	Stakeholders []Stakeholder
	// Contacts holds every contact a stakeholder, via or touchpoint refers to, by ID.
	Contacts    map[int64]Contact
	Touchpoints []Touchpoint
	Objections  []Objection
	BlindSpots  []BlindSpot
	// History is the proposal's change log, oldest first (forum and date
	// changes matter). The store leaves out the records of logged
	// conversations, which are the Touchpoints themselves.
	History []HistoryEvent
	// ContactTouchpoints holds every touchpoint with these contacts across all
	// proposals, for the nurture ledger (ask-only, gone cold).
	ContactTouchpoints []Touchpoint
	// Ledgers, when not nil, stands in for ContactTouchpoints: each
	// stakeholder's and go-between's nurture ledger across all proposals,
	// counted by the store (one GROUP BY for a whole list of proposals)
	// instead of read row by row. A contact missing from it has no
	// conversations.
	Ledgers map[int64]Ledger
	// WhatIf are hypothetical changes Assess applies without anyone saving
	// them: another stance for someone, or someone absent from the room.
	WhatIf []WhatIf
}
