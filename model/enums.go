// Long by design: every enum of the domain with its values and their meaning in one place, the vocabulary a reader looks up.

package model

// The words of every enum print, marshal and read through methods that
// enumgen writes into enums_text.go from the specs below.
//go:generate go run ./internal/enumgen -o enums_text.go enums.go commitment.go

import (
	"fmt"
	"strings"
)

// enumSpec describes one enumeration: its canonical words (index = value) and
// extra short forms a person might type. It keeps String and Parse in step.
type enumSpec struct {
	what    string
	words   []string
	aliases map[string]int
}

func (e enumSpec) name(v int) string {
	if v < 0 || v >= len(e.words) {
		return fmt.Sprintf("%s(%d)", e.what, v)
	}
	return e.words[v]
}

// parse accepts the canonical word, an alias, or an unambiguous prefix,
// case-insensitively, with spaces, dashes and underscores treated alike.
func (e enumSpec) parse(s string) (int, error) {
	key := normalizeWord(s)
	if key == "" {
		return 0, invalidf("%s is empty; valid: %s", e.what, strings.Join(e.words, ", "))
	}
	for i, w := range e.words {
		if normalizeWord(w) == key {
			return i, nil
		}
	}
	if v, ok := e.aliases[key]; ok {
		return v, nil
	}
	match := -1
	for i, w := range e.words {
		if strings.HasPrefix(normalizeWord(w), key) {
			if match >= 0 {
				return 0, invalidf("%s %q is ambiguous; valid: %s", e.what, s, strings.Join(e.words, ", "))
			}
			match = i
		}
	}
	if match >= 0 {
		return match, nil
	}
	return 0, invalidf("unknown %s %q; valid: %s", e.what, s, strings.Join(e.words, ", "))
}

func normalizeWord(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	r := strings.NewReplacer(" ", "", "-", "", "_", "", "/", "", "&", "", "1:1", "oneonone")
	return r.Replace(s)
}

// ProposalKind says what sort of change a proposal is.
type ProposalKind int

// Proposal kinds.
const (
	KindOther ProposalKind = iota
	KindOperational
	KindGovernance
	KindBudget
	KindHireOrg
	KindPolicy
	KindDeal
)

var proposalKindSpec = enumSpec{what: "proposal kind",
	words:   []string{"other", "operational", "governance", "budget", "hire/org", "policy", "deal"},
	aliases: map[string]int{"ops": 1, "operationalchange": 1, "gov": 2, "governancechange": 2, "investment": 3, "investmentbudget": 3, "hire": 4, "org": 4, "reorg": 4},
}

// ParseProposalKind reads a proposal kind as a person would type it.
func ParseProposalKind(s string) (ProposalKind, error) {
	v, err := proposalKindSpec.parse(s)
	return ProposalKind(v), err
}

// ProposalKinds lists every kind in display order.
func ProposalKinds() []ProposalKind {
	return []ProposalKind{KindOperational, KindGovernance, KindBudget, KindHireOrg, KindPolicy, KindDeal, KindOther}
}

// Status is where a proposal is in its life.
type Status int

// Proposal statuses, in lifecycle order.
const (
	StatusDraft Status = iota
	StatusPrewiring
	StatusReady
	StatusPitched
	StatusApproved
	StatusRejected
	StatusDeferred
	StatusArchived
)

var statusSpec = enumSpec{what: "status",
	words:   []string{"draft", "prewiring", "ready", "pitched", "approved", "rejected", "deferred", "archived"},
	aliases: map[string]int{"prewire": 1, "wip": 1, "decided": 4, "passed": 4, "declined": 5, "postponed": 6},
}

// ParseStatus reads a proposal status as a person would type it.
func ParseStatus(s string) (Status, error) {
	v, err := statusSpec.parse(s)
	return Status(v), err
}

// Statuses lists every status in lifecycle order.
func Statuses() []Status {
	return []Status{StatusDraft, StatusPrewiring, StatusReady, StatusPitched, StatusApproved, StatusRejected, StatusDeferred, StatusArchived}
}

// Decided reports whether the forum has decided (approved, rejected or deferred).
func (s Status) Decided() bool {
	return s == StatusApproved || s == StatusRejected || s == StatusDeferred
}

// Open reports whether the proposal is still being prepared or pitched.
func (s Status) Open() bool { return s <= StatusPitched }

// DecisionRule is how the formal forum decides.
type DecisionRule int

// Decision rules.
const (
	RuleMajority DecisionRule = iota
	RuleOneDecider
	RuleConsensus
	RuleUnanimity
)

var decisionRuleSpec = enumSpec{what: "decision rule",
	words:   []string{"majority", "one decider", "consensus", "unanimity"},
	aliases: map[string]int{"vote": 0, "one": 1, "single": 1, "decider": 1, "boss": 1, "unanimous": 3, "all": 3},
}

// ParseDecisionRule reads a decision rule as a person would type it.
func ParseDecisionRule(s string) (DecisionRule, error) {
	v, err := decisionRuleSpec.parse(s)
	return DecisionRule(v), err
}

// DecisionRules lists every rule.
func DecisionRules() []DecisionRule {
	return []DecisionRule{RuleMajority, RuleOneDecider, RuleConsensus, RuleUnanimity}
}

// PartnerKind is what sort of back-channel partner a contact is.
type PartnerKind int

// Partner kinds.
const (
	PartnerNone PartnerKind = iota
	PartnerLateral
	PartnerInfluencer
	PartnerWilling
)

var partnerKindSpec = enumSpec{what: "partner kind",
	words:   []string{"none", "lateral", "influencer", "willing"},
	aliases: map[string]int{"noneyet": 0, "peer": 1, "senior": 2, "friend": 3},
}

// ParsePartnerKind reads a partner kind as a person would type it.
func ParsePartnerKind(s string) (PartnerKind, error) {
	v, err := partnerKindSpec.parse(s)
	return PartnerKind(v), err
}

// PartnerKinds lists every partner kind.
func PartnerKinds() []PartnerKind {
	return []PartnerKind{PartnerLateral, PartnerInfluencer, PartnerWilling, PartnerNone}
}

// Discretion is whether a contact can keep a confidence.
type Discretion int

// Discretion levels.
const (
	DiscretionUnknown Discretion = iota
	DiscretionHigh
	DiscretionMedium
	DiscretionLow
)

var discretionSpec = enumSpec{what: "discretion",
	words:   []string{"unknown", "high", "medium", "low"},
	aliases: map[string]int{"?": 0, "hi": 1, "med": 2, "mid": 2, "lo": 3},
}

// ParseDiscretion reads a discretion level as a person would type it.
func ParseDiscretion(s string) (Discretion, error) {
	v, err := discretionSpec.parse(s)
	return Discretion(v), err
}

// Discretions lists every discretion level.
func Discretions() []Discretion {
	return []Discretion{DiscretionHigh, DiscretionMedium, DiscretionLow, DiscretionUnknown}
}

// Role is a stakeholder's part in a proposal's decision.
type Role int

// Stakeholder roles, most decisive first.
const (
	RoleDecisionMaker Role = iota
	RoleInRoom
	RoleInfluencer
	RoleImplementer
	RoleAffected
)

var roleSpec = enumSpec{what: "role",
	words:   []string{"decision-maker", "in the room", "influencer", "implementer", "affected"},
	aliases: map[string]int{"dm": 0, "decider": 0, "room": 1, "inroom": 1, "member": 1, "impl": 3},
}

// ParseRole reads a role as a person would type it.
func ParseRole(s string) (Role, error) {
	v, err := roleSpec.parse(s)
	return Role(v), err
}

// Roles lists every role.
func Roles() []Role {
	return []Role{RoleDecisionMaker, RoleInRoom, RoleInfluencer, RoleImplementer, RoleAffected}
}

// InRoom reports whether the role is present when the forum decides.
func (r Role) InRoom() bool { return r == RoleDecisionMaker || r == RoleInRoom }

// Stance is where a person stands on a proposal.
type Stance int

// Stances. The zero value is unknown so that a new stakeholder is honest.
const (
	StanceUnknown Stance = iota
	StanceOpponent
	StanceSkeptic
	StanceNeutral
	StanceSupporter
	StanceChampion
)

var stanceSpec = enumSpec{what: "stance",
	words:   []string{"unknown", "opponent", "skeptic", "neutral", "supporter", "champion"},
	aliases: map[string]int{"?": 0, "against": 1, "oppose": 1, "sceptic": 2, "doubter": 2, "undecided": 3, "for": 4, "support": 4, "ally": 4, "advocate": 5},
}

// ParseStance reads a stance as a person would type it.
func ParseStance(s string) (Stance, error) {
	v, err := stanceSpec.parse(s)
	return Stance(v), err
}

// Stances lists every stance from most for to most against, then unknown.
func Stances() []Stance {
	return []Stance{StanceChampion, StanceSupporter, StanceNeutral, StanceSkeptic, StanceOpponent, StanceUnknown}
}

// Score maps a stance to −2…+2; unknown is 0 and should be read with Known.
func (s Stance) Score() int {
	switch s {
	case StanceChampion:
		return 2
	case StanceSupporter:
		return 1
	case StanceSkeptic:
		return -1
	case StanceOpponent:
		return -2
	}
	return 0
}

// Known reports whether the stance has been read at all.
func (s Stance) Known() bool { return s != StanceUnknown }

// For reports whether the person is expected to back the proposal.
func (s Stance) For() bool { return s == StanceSupporter || s == StanceChampion }

// Against reports whether the person is expected to resist it.
func (s Stance) Against() bool { return s == StanceSkeptic || s == StanceOpponent }

// Moment is one of the four moments when a back channel is used.
type Moment int

// The four moments, plus unset.
const (
	MomentUnset Moment = iota
	MomentBeforeChange
	MomentTestBias
	MomentBeforeBoard
	MomentAfterMeeting
)

var momentSpec = enumSpec{what: "moment",
	words:   []string{"unset", "before the change", "test my bias", "before the board", "after the meeting"},
	aliases: map[string]int{"none": 0, "before": 1, "change": 1, "bias": 2, "test": 2, "board": 3, "directors": 3, "after": 4, "debrief": 4},
}

// ParseMoment reads a moment as a person would type it.
func ParseMoment(s string) (Moment, error) {
	v, err := momentSpec.parse(s)
	return Moment(v), err
}

// Moments lists the four moments in order.
func Moments() []Moment {
	return []Moment{MomentBeforeChange, MomentTestBias, MomentBeforeBoard, MomentAfterMeeting}
}

// Purpose says what a moment is for, in one line.
func (m Moment) Purpose() string {
	switch m {
	case MomentBeforeChange:
		return "gauge sentiment, surface blind spots and objections, line up supporters"
	case MomentTestBias:
		return "am I thinking about this right? who will object?"
	case MomentBeforeBoard:
		return "win individual support first, so supporters are in the room for the pitch"
	case MomentAfterMeeting:
		return "read the reaction, work out execution, consider the implications"
	}
	return "not chosen yet"
}

// Approach is what a planned conversation carries: an ask or a share.
type Approach int

// Approaches.
const (
	ApproachUnset Approach = iota
	ApproachAsk
	ApproachShare
)

var approachSpec = enumSpec{what: "ask or share", words: []string{"unset", "ask", "share"}, aliases: map[string]int{"none": 0, "give": 2, "tell": 2}}

// ParseApproach reads "ask" or "share".
func ParseApproach(s string) (Approach, error) {
	v, err := approachSpec.parse(s)
	return Approach(v), err
}

// Opener is a way to open a back-channel conversation.
type Opener int

// Openers.
const (
	OpenerUnset Opener = iota
	OpenerAppreciate
	OpenerAdvice
	OpenerDaydream
)

var openerSpec = enumSpec{what: "opener",
	words:   []string{"unset", "compliment & appreciate", "request advice", "daydream aloud"},
	aliases: map[string]int{"none": 0, "compliment": 1, "appreciate": 1, "thanks": 1, "thank": 1, "advice": 2, "feedback": 2, "daydream": 3, "hypothetical": 3, "whatif": 3},
}

// ParseOpener reads an opener as a person would type it.
func ParseOpener(s string) (Opener, error) {
	v, err := openerSpec.parse(s)
	return Opener(v), err
}

// Openers lists the three openers.
func Openers() []Opener { return []Opener{OpenerAppreciate, OpenerAdvice, OpenerDaydream} }

// Venue is where or through what a conversation happens.
type Venue int

// Venues.
const (
	VenueUnset Venue = iota
	VenueInPerson
	VenueCoffee
	VenueWalk
	VenueCall
	VenueVideo
	VenueChat
	VenueEmail
	VenueAfterMeeting
	VenueEvent
)

var venueSpec = enumSpec{what: "venue",
	words:   []string{"unset", "1:1 in person", "coffee/lunch", "walk", "call", "video", "chat", "email", "after a meeting", "at an event"},
	aliases: map[string]int{"none": 0, "inperson": 1, "oneonone": 1, "1on1": 1, "person": 1, "meeting": 1, "coffee": 2, "lunch": 2, "dinner": 2, "phone": 4, "zoom": 5, "meet": 5, "slack": 6, "dm": 6, "text": 6, "mail": 7, "aftermeeting": 8, "hallway": 8, "event": 9, "conference": 9},
}

// ParseVenue reads a venue as a person would type it.
func ParseVenue(s string) (Venue, error) {
	v, err := venueSpec.parse(s)
	return Venue(v), err
}

// Venues lists every venue.
func Venues() []Venue {
	return []Venue{VenueInPerson, VenueCoffee, VenueWalk, VenueCall, VenueVideo, VenueChat, VenueEmail, VenueAfterMeeting, VenueEvent}
}

// TouchKind is what a logged conversation was.
type TouchKind int

// Touchpoint kinds.
const (
	TouchAsk TouchKind = iota
	TouchShare
	TouchAppreciate
	TouchAdvice
	TouchDaydream
)

var touchKindSpec = enumSpec{what: "conversation kind",
	words:   []string{"ask", "share", "appreciate", "advice", "daydream"},
	aliases: map[string]int{"request": 0, "give": 1, "update": 1, "thanks": 2, "thank": 2, "compliment": 2, "feedback": 3, "hypothetical": 4},
}

// ParseTouchKind reads a conversation kind as a person would type it.
func ParseTouchKind(s string) (TouchKind, error) {
	v, err := touchKindSpec.parse(s)
	return TouchKind(v), err
}

// TouchKinds lists every conversation kind.
func TouchKinds() []TouchKind {
	return []TouchKind{TouchAsk, TouchShare, TouchAppreciate, TouchAdvice, TouchDaydream}
}

// Gives reports whether the conversation gave the other person something
// (a useful share or thanks); the nurture ledger counts these against asks.
func (k TouchKind) Gives() bool { return k == TouchShare || k == TouchAppreciate }

// Asks reports whether the conversation asked something of them.
func (k TouchKind) Asks() bool { return k == TouchAsk || k == TouchAdvice }

// Severity is how much an objection threatens the proposal.
type Severity int

// Severities, least first.
const (
	SeverityMinor Severity = iota
	SeverityMajor
	SeverityBlocker
)

var severitySpec = enumSpec{what: "severity", words: []string{"minor", "major", "blocker"}, aliases: map[string]int{"low": 0, "high": 1, "block": 2, "critical": 2, "showstopper": 2}}

// ParseSeverity reads a severity as a person would type it.
func ParseSeverity(s string) (Severity, error) {
	v, err := severitySpec.parse(s)
	return Severity(v), err
}

// Severities lists every severity, most severe first.
func Severities() []Severity { return []Severity{SeverityBlocker, SeverityMajor, SeverityMinor} }

// ObjectionStatus is where an objection stands.
type ObjectionStatus int

// Objection statuses.
const (
	ObjectionOpen ObjectionStatus = iota
	ObjectionAddressing
	ObjectionResolved
	ObjectionAccepted
	ObjectionWithdrawn
)

var objectionStatusSpec = enumSpec{what: "objection status",
	words:   []string{"open", "addressing", "resolved", "accepted", "withdrawn"},
	aliases: map[string]int{"new": 0, "wip": 1, "inprogress": 1, "working": 1, "done": 2, "fixed": 2, "closed": 2, "accept": 3, "wontfix": 3, "dropped": 4},
}

// ParseObjectionStatus reads an objection status as a person would type it.
func ParseObjectionStatus(s string) (ObjectionStatus, error) {
	v, err := objectionStatusSpec.parse(s)
	return ObjectionStatus(v), err
}

// ObjectionStatuses lists every objection status.
func ObjectionStatuses() []ObjectionStatus {
	return []ObjectionStatus{ObjectionOpen, ObjectionAddressing, ObjectionResolved, ObjectionAccepted, ObjectionWithdrawn}
}

// Live reports whether the objection still needs work (open or addressing).
func (s ObjectionStatus) Live() bool { return s == ObjectionOpen || s == ObjectionAddressing }

// BlindSpotStatus is whether a blind spot has been dealt with.
type BlindSpotStatus int

// Blind spot statuses.
const (
	BlindSpotOpen BlindSpotStatus = iota
	BlindSpotAddressed
)

var blindSpotStatusSpec = enumSpec{what: "blind spot status", words: []string{"open", "addressed"}, aliases: map[string]int{"done": 1, "closed": 1, "resolved": 1}}

// ParseBlindSpotStatus reads a blind spot status as a person would type it.
func ParseBlindSpotStatus(s string) (BlindSpotStatus, error) {
	v, err := blindSpotStatusSpec.parse(s)
	return BlindSpotStatus(v), err
}

// Acted is how a stakeholder behaved in the room when the forum met.
type Acted int

// Debrief readings.
const (
	ActedUnknown Acted = iota
	ActedSpokeFor
	ActedSpokeAgainst
	ActedSilent
	ActedAbsent
)

var actedSpec = enumSpec{what: "acted",
	words:   []string{"not recorded", "spoke for", "spoke against", "silent", "absent"},
	aliases: map[string]int{"unknown": 0, "for": 1, "against": 2, "quiet": 3, "away": 4},
}

// ParseActed reads a debrief reading as a person would type it.
func ParseActed(s string) (Acted, error) {
	v, err := actedSpec.parse(s)
	return Acted(v), err
}

// exact accepts only the canonical word, for machine-written files.
func (e enumSpec) exact(s string) (int, error) {
	for i, w := range e.words {
		if w == s {
			return i, nil
		}
	}
	return 0, invalidf("unknown %s %q; valid: %s", e.what, s, strings.Join(e.words, ", "))
}
