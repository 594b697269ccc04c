package readiness

import (
	"fmt"

	"github.com/backchannel/backchannel/model"
)

// The agenda's lines other than talks: promises due, objections that need
// a voice, decisions coming, and the people to reconnect with.

// commitmentItems lists the proposal's promises not yet kept that are due
// within the horizon or already late.
func commitmentItems(x *dossierIndex, today, horizon model.Date) []AgendaItem {
	var out []AgendaItem
	for _, t := range x.d.Touchpoints {
		if !t.OpenCommitment() || t.CommitmentDue.IsZero() || t.CommitmentDue.After(horizon) {
			continue
		}
		item := AgendaItem{Kind: AgendaCommitment, ProposalID: x.p.ID, ProposalTitle: x.p.Title, StakeholderID: t.StakeholderID,
			ContactID: t.ContactID, Who: x.storedName(t.ContactID), What: t.FollowUp, Due: t.CommitmentDue,
			TouchpointID: t.ID, Commitment: t.Commitment}
		if i, ok := x.pos[t.StakeholderID]; ok {
			item.Role = x.people[i].Role
		}
		owe := "I owe them this"
		if t.Commitment == model.CommitmentTheirs {
			owe = "they owe me this"
		}
		when := "due " + t.CommitmentDue.Relative(today, false)
		if t.CommitmentDue.Before(today) {
			when = fmt.Sprintf("overdue: it was due %s", t.CommitmentDue.Relative(today, false))
		}
		item.Why = fmt.Sprintf("%s since the talk on %s; %s", owe, t.Date.HumanAround(today), when)
		out = append(out, item)
	}
	return out
}

// voiceItems lists live objections with nobody to answer them in the room,
// when the decision is within the horizon.
func voiceItems(x *dossierIndex, today, horizon model.Date) []AgendaItem {
	dd := x.p.DecisionDate
	if !within(dd, today, horizon) {
		return nil
	}
	var out []AgendaItem
	for _, o := range x.d.Objections {
		if !o.Status.Live() || o.VoiceID != 0 {
			continue
		}
		item := AgendaItem{Kind: AgendaVoice, ProposalID: x.p.ID, ProposalTitle: x.p.Title, What: o.Text,
			Due: dd, ObjectionID: o.ID, weight: int(o.Severity)}
		if i, ok := x.pos[o.RaisedByID]; ok {
			p := x.personItem(i)
			item.StakeholderID, item.ContactID, item.Who, item.Role = p.StakeholderID, p.ContactID, p.Who, p.Role
		}
		item.Why = fmt.Sprintf("a %s objection with nobody to answer it in the room, and %s decides %s",
			o.Severity, forumName(x.p), dd.Relative(today, false))
		out = append(out, item)
	}
	return out
}

// forumName is the forum, or "the forum" when none is named.
func forumName(p model.Proposal) string {
	if f := model.Clean(p.Forum); f != "" {
		return f
	}
	return "the forum"
}

// decisionItem is the proposal's decision, when it falls within the
// horizon or has passed with the proposal still open.
func decisionItem(p model.Proposal, today, horizon model.Date) (AgendaItem, bool) {
	dd := p.DecisionDate
	if dd.IsZero() || dd.After(horizon) {
		return AgendaItem{}, false
	}
	item := AgendaItem{Kind: AgendaDecision, ProposalID: p.ID, ProposalTitle: p.Title, Due: dd,
		What: fmt.Sprintf("%s decides", forumName(p))}
	if dd.Before(today) {
		item.Why = fmt.Sprintf("the decision date passed %s and the proposal is still %s: record the outcome or set a new date",
			dd.Relative(today, false), p.Status)
	} else {
		item.Why = fmt.Sprintf("the decision is %s, on %s", dd.Relative(today, false), dd.HumanAround(today))
	}
	return item, true
}

// reconnectCandidate is a key person whose reconnect cadence has run out.
type reconnectCandidate struct {
	item   AgendaItem
	health model.Health
	// decision orders one person's proposals: the nearest decision wins.
	decision model.Date
}

// reconnectCandidates lists the proposal's key people (who decide, hold a
// veto or weigh 4 or 5) who are due a reconnect.
func reconnectCandidates(x *dossierIndex, today model.Date) []reconnectCandidate {
	var out []reconnectCandidate
	var health map[int64]model.Health // one pass over the ledger, when someone needs it
	for i, s := range x.people {
		if !decides(s) && s.Influence < 4 {
			continue
		}
		c, ok := x.d.Contacts[s.ContactID]
		if !ok || c.Archived {
			continue
		}
		if health == nil {
			health = model.LedgerHealth(x.d, today)
		}
		h := health[c.ID]
		if !h.Due {
			continue
		}
		item := x.personItem(i)
		item.Kind = AgendaReconnect
		item.What = "Reconnect: a give, not an ask"
		if h.AskOnly {
			item.What = "Reconnect with a give: so far I have only asked"
		}
		item.Due = h.LastSpoken.AddDays(h.CadenceDays)
		item.Why = fmt.Sprintf("last spoken %s, past the %d-day cadence; %s on this proposal",
			h.LastSpoken.Relative(today, false), h.CadenceDays, s.Role)
		out = append(out, reconnectCandidate{item: item, health: h, decision: x.p.DecisionDate})
	}
	return out
}

// reconnectItems keeps one line per person (for the proposal decided
// soonest), and none for someone already on the agenda for a talk, which
// reconnects anyway.
func reconnectItems(cands []reconnectCandidate, items []AgendaItem, today model.Date) []AgendaItem {
	talking := map[int64]bool{}
	for _, it := range items {
		if it.Kind.IsTalk() {
			talking[it.ContactID] = true
		}
	}
	best := map[int64]int{}
	for k, c := range cands {
		id := c.item.ContactID
		if talking[id] {
			continue
		}
		if j, ok := best[id]; !ok || earlierDecision(c.decision, cands[j].decision) {
			best[id] = k
		}
	}
	var out []AgendaItem
	for k, c := range cands {
		if j, ok := best[c.item.ContactID]; ok && j == k {
			out = append(out, c.item)
		}
	}
	return out
}

// earlierDecision reports whether a comes before b, an unset date last.
func earlierDecision(a, b model.Date) bool {
	switch {
	case a.IsZero():
		return false
	case b.IsZero():
		return true
	}
	return a.Before(b)
}
