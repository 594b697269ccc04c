package model

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on free text, generous enough for real notes and small enough that a
// paste accident cannot bloat the workbook.
const (
	MaxNameLen = 200
	MaxTextLen = 20000
)

// requireText refuses text that shows nothing: empty, spaces, or only
// control characters and escape sequences (which the screen strips).
func requireText(field, s string) error {
	if Blank(s) {
		return invalidf("%s must not be empty", field)
	}
	return limitText(field, s, MaxNameLen)
}

func limitText(field, s string, max int) error {
	if !utf8.ValidString(s) {
		return invalidf("%s is not valid UTF-8 text", field)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return invalidf("%s is too long: %d characters, at most %d", field, n, max)
	}
	return nil
}

// Validate reports the first problem with the proposal in one sentence.
func (p Proposal) Validate() error {
	return firstError(
		requireText("title", p.Title),
		limitText("ask", p.Ask, MaxTextLen),
		limitText("forum", p.Forum, MaxNameLen),
		rangeCheck("kind", int(p.Kind), 0, int(KindDeal)),
		rangeCheck("decision rule", int(p.DecisionRule), 0, int(RuleUnanimity)),
		rangeCheck("status", int(p.Status), 0, int(StatusArchived)),
		rangeCheck("moment", int(p.Moment), 0, int(MomentAfterMeeting)),
	)
}

// Validate reports the first problem with the contact in one sentence.
func (c Contact) Validate() error {
	return firstError(
		requireText("name", c.Name),
		limitText("title", c.Title, MaxNameLen),
		limitText("organisation", c.Org, MaxNameLen),
		limitText("email", c.Email, MaxNameLen),
		limitText("value I bring", c.ValueIBring, MaxTextLen),
		limitText("notes", c.Notes, MaxTextLen),
		rangeCheck("partner kind", int(c.Kind), 0, int(PartnerWilling)),
		rangeCheck("discretion", int(c.Discretion), 0, int(DiscretionLow)),
		rangeCheck("reconnect cadence (days)", c.CadenceDays, 0, maxCadenceDays),
	)
}

// Validate reports the first problem with the stakeholder in one sentence.
func (s Stakeholder) Validate() error {
	var selfBefore error
	if s.ID != 0 && s.Plan.BeforeID == s.ID {
		selfBefore = invalidf("a talk cannot be planned before itself")
	}
	return firstError(
		rangeCheck("influence", s.Influence, 1, 5),
		rangeCheck("role", int(s.Role), 0, int(RoleAffected)),
		rangeCheck("stance", int(s.Stance), 0, int(StanceChampion)),
		rangeCheck("target stance", int(s.TargetStance), 0, int(StanceChampion)),
		rangeCheck("acted", int(s.Acted), 0, int(ActedAbsent)),
		limitText("wants", s.Wants, MaxTextLen),
		limitText("fears", s.Fears, MaxTextLen),
		limitText("message", s.Plan.Message, MaxTextLen),
		limitText("place", s.Plan.Place, MaxNameLen),
		rangeCheck("moment", int(s.Plan.Moment), 0, int(MomentAfterMeeting)),
		rangeCheck("approach", int(s.Plan.Approach), 0, int(ApproachShare)),
		rangeCheck("opener", int(s.Plan.Opener), 0, int(OpenerDaydream)),
		rangeCheck("venue", int(s.Plan.Venue), 0, int(VenueEvent)),
		selfBefore,
	)
}

// Validate reports the first problem with the touchpoint in one sentence.
func (t Touchpoint) Validate() error {
	var noDate error
	if t.Date.IsZero() {
		noDate = invalidf("a conversation needs a date")
	}
	return firstError(
		noDate,
		rangeCheck("sentiment", t.Sentiment, -2, 2),
		rangeCheck("channel", int(t.Channel), 0, int(VenueEvent)),
		rangeCheck("kind", int(t.Kind), 0, int(TouchDaydream)),
		rangeCheck("opener", int(t.Opener), 0, int(OpenerDaydream)),
		limitText("what was said", t.Said, MaxTextLen),
		limitText("subtext", t.Subtext, MaxTextLen),
		limitText("follow-up", t.FollowUp, MaxTextLen),
		t.validateCommitment(),
	)
}

// Validate reports the first problem with the objection in one sentence.
func (o Objection) Validate() error {
	var text error
	if Blank(o.Text) {
		text = invalidf("an objection's text must not be empty")
	}
	return firstError(
		text,
		limitText("objection", o.Text, MaxTextLen),
		limitText("response", o.Response, MaxTextLen),
		rangeCheck("severity", int(o.Severity), 0, int(SeverityBlocker)),
		rangeCheck("objection status", int(o.Status), 0, int(ObjectionWithdrawn)),
	)
}

// Validate reports the first problem with the blind spot in one sentence.
func (b BlindSpot) Validate() error {
	var text error
	if Blank(b.Text) {
		text = invalidf("a blind spot's text must not be empty")
	}
	return firstError(
		text,
		limitText("blind spot", b.Text, MaxTextLen),
		limitText("how addressed", b.HowAddressed, MaxTextLen),
		rangeCheck("blind spot status", int(b.Status), 0, int(BlindSpotAddressed)),
	)
}

func rangeCheck(field string, v, lo, hi int) error {
	if v < lo || v > hi {
		return invalidf("%s must be %d to %d, got %d", field, lo, hi, v)
	}
	return nil
}

// firstError returns the first non-nil error, so a person reads one sentence.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// maxCadenceDays is the longest reconnect cadence: ten years.
const maxCadenceDays = 3650

// ParseCadence reads a typed reconnect cadence in days ("14", "21d"); blank
// is 0, the default (DefaultCadenceDays). The range is Contact.Validate's.
func ParseCadence(s string) (int, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "d"))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > maxCadenceDays {
		return 0, invalidf("the reconnect cadence is a number of days from 0 to 3650; leave it blank for the default")
	}
	return n, nil
}
