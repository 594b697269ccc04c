package readiness

import "github.com/backchannel/backchannel/model"

// Verdict is the one-word answer to "can I pitch this yet?".
type Verdict int

// Verdicts, worst first.
const (
	NotReady Verdict = iota
	GettingThere
	ReadyToPitch
)

// String returns the verdict as the user reads it.
func (v Verdict) String() string {
	switch v {
	case GettingThere:
		return "Getting there"
	case ReadyToPitch:
		return "Ready to pitch"
	}
	return "Not ready"
}

// MarshalText writes the verdict as its words.
func (v Verdict) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// Factor is one scored part of readiness. The shown Points of all factors sum
// to the score: nothing is hidden. A cap that holds the verdict lower shows
// as a last row with Key FactorCap, negative Points and Max 0.
type Factor struct {
	Key    string `json:"key"`
	Name   string `json:"name"`
	Points int    `json:"points"`
	Max    int    `json:"max"`
	Reason string `json:"reason"`
	// Basis says what the points rest on, so the reader knows how sure they are.
	Basis string `json:"basis"`
}

// Risk is a flag raised by the data, with the evidence that raised it.
type Risk struct {
	Key      string `json:"key"`
	Title    string `json:"title"`
	Evidence string `json:"evidence"`
	// StakeholderIDs are the people the evidence names, for redaction and links.
	StakeholderIDs []int64 `json:"stakeholder_ids,omitempty"`
}

// Action is one concrete next step; actions come most valuable first.
type Action struct {
	// Kind names the sort of action ("talk", "blocker", "voice", …) for
	// screens that group or colour them.
	Kind          string     `json:"kind"`
	Text          string     `json:"text"`
	StakeholderID int64      `json:"stakeholder_id,omitempty"`
	Due           model.Date `json:"due"`
}

// Forecast is how the room would decide today under the forum's rule.
type Forecast struct {
	Rule    model.DecisionRule `json:"rule"`
	For     int                `json:"for"`
	Against int                `json:"against"`
	Unknown int                `json:"unknown"`
	// Needs says what passing takes under the rule ("4 of 7 votes").
	Needs string `json:"needs"`
	// Outcome is OutcomePasses, OutcomeFails or OutcomeUncertain on today's stances.
	Outcome string `json:"outcome"`
	// Short is how many more yes votes passing takes on today's stances (0
	// when the votes are there).
	Short       int     `json:"short"`
	VetoHolders []int64 `json:"veto_holders"`
	Swing       []Swing `json:"swing"`
}

// Swing is a person whose move changes the outcome.
type Swing struct {
	StakeholderID int64  `json:"stakeholder_id"`
	Effect        string `json:"effect"`
}

// ScheduleItem is one remaining planned talk on the backward schedule.
type ScheduleItem struct {
	StakeholderID int64      `json:"stakeholder_id"`
	TargetDate    model.Date `json:"target_date"`
	// LatestSafe is the last day the talk can happen and still precede the
	// decision and everyone it must come before.
	LatestSafe model.Date `json:"latest_safe"`
	Overdue    bool       `json:"overdue"`
	Critical   bool       `json:"critical"`
}

// Schedule is the backward schedule from the decision date.
type Schedule struct {
	Items     []ScheduleItem `json:"items"`
	Conflicts []string       `json:"conflicts"`
	// Cycle lists stakeholders whose "before" ordering loops, if any; each
	// loop starts at its smallest ID.
	Cycle []int64 `json:"cycle,omitempty"`
	// CriticalPath is the longest chain of "talk before" orderings, first
	// talk first: the talks with no room to slip.
	CriticalPath []int64 `json:"critical_path,omitempty"`
}

// Knower is someone who has heard of the proposal.
type Knower struct {
	ContactID int64 `json:"contact_id"`
	// Since is the first day the records show them knowing; zero when
	// unknown (a talk marked held with nothing logged).
	Since model.Date `json:"since"`
	// Source is how the records show it (KnewConversation, KnewTold…).
	Source     string           `json:"source"`
	Discretion model.Discretion `json:"discretion"`
}

// Readiness is the full judgement of a proposal on a given day.
type Readiness struct {
	Today model.Date `json:"today"`
	// DaysLeft counts days from Today to the decision date (negative once it
	// has passed; 0 when no date is set).
	DaysLeft int     `json:"days_left"`
	Score    int     `json:"score"`
	Verdict  Verdict `json:"verdict"`
	// Caps say what holds the verdict where it is, when something other
	// than the factors does (the room, a blocker, the date…).
	Caps        []string `json:"caps,omitempty"`
	Factors     []Factor `json:"factors"`
	Risks       []Risk   `json:"risks"`
	NextActions []Action `json:"next_actions"`
	Forecast    Forecast `json:"forecast"`
	Schedule    Schedule `json:"schedule"`
	WhoKnows    []Knower `json:"who_knows"`
}
