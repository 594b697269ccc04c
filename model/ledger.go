package model

// Nurture ledger: a back channel has to be tended before it is needed, and
// someone who is only ever asked stops answering. Health reads one contact's
// conversations across every proposal as a ledger of gives and asks.

// DefaultCadenceDays is the reconnect cadence for a contact who has none set.
const DefaultCadenceDays = 30

// askOnlyMinAsks is how many asks with no give make a relationship ask-only:
// one ask is a start, a second with nothing given back is a pattern.
const askOnlyMinAsks = 2

// Health is a contact's relationship health on a given day.
type Health struct {
	// LastSpoken is the day of the latest conversation up to today (zero when never).
	LastSpoken Date `json:"last_spoken"`
	// DaysSince counts days since LastSpoken; -1 when they have never spoken.
	DaysSince int `json:"days_since"`
	// Gives and Asks count conversations that gave (a share, thanks) and asked
	// (a request, advice); a commitment I made and kept counts as a give too.
	Gives int `json:"gives"`
	Asks  int `json:"asks"`
	// CadenceDays is the reconnect cadence in force (the contact's, or the default).
	CadenceDays int `json:"cadence_days"`
	// Due is set when they have spoken before and the cadence has run out;
	// any logged conversation resets it.
	Due bool `json:"due"`
	// AskOnly is set when I keep asking and have never given.
	AskOnly bool `json:"ask_only"`
}

// ContactHealth reads a contact's relationship health from their
// conversations across all proposals. Touchpoints with other contacts are
// ignored, so the caller may pass a wider list; conversations dated after
// today count in the ledger but not as "last spoken".
func ContactHealth(c Contact, touchpoints []Touchpoint, today Date) Health {
	var a ledgerAcc
	for k := range touchpoints {
		if touchpoints[k].ContactID == c.ID {
			a.add(&touchpoints[k], today)
		}
	}
	return a.health(c, today)
}

// Ledger is one contact's conversations across all proposals, counted as
// the nurture ledger counts them (see ledgerAcc.add): gives (a share or
// thanks, and each kept promise of mine), asks (a request or advice), and
// the latest conversation up to the day it was counted for.
type Ledger struct {
	Last        Date
	Gives, Asks int
}

// Health is the relationship health the ledger gives on a day: what
// ContactHealth returns for the conversations l counts.
func (l Ledger) Health(c Contact, today Date) Health {
	return ledgerAcc{last: l.Last, gives: l.Gives, asks: l.Asks}.health(c, today)
}

// ledgerAcc accumulates one contact's ledger.
type ledgerAcc struct {
	last        Date
	gives, asks int
}

func (a *ledgerAcc) add(t *Touchpoint, today Date) {
	if t.Kind.Gives() {
		a.gives++
	}
	// A promise kept is a give of its own, whatever the talk was.
	if t.KeptCommitment() {
		a.gives++
	}
	if t.Kind.Asks() {
		a.asks++
	}
	if !t.Date.IsZero() && !t.Date.After(today) && t.Date.After(a.last) {
		a.last = t.Date
	}
}

func (a ledgerAcc) health(c Contact, today Date) Health {
	h := Health{LastSpoken: a.last, DaysSince: -1, Gives: a.gives, Asks: a.asks, CadenceDays: c.CadenceDays}
	if h.CadenceDays <= 0 {
		h.CadenceDays = DefaultCadenceDays
	}
	if !h.LastSpoken.IsZero() {
		h.DaysSince = h.LastSpoken.DaysUntil(today)
		h.Due = h.DaysSince >= h.CadenceDays
	}
	h.AskOnly = h.Asks >= askOnlyMinAsks && h.Gives == 0
	return h
}

// LedgerHealth computes the health of every contact in a dossier sorted by
// SortedDossier. It reads the cross-proposal log plus any of this
// proposal's conversations missing from it (matched by ID), so a caller who
// filled only one list still gets an honest ledger; rows without an ID are
// only taken from this proposal's list when the wider one is empty.
func LedgerHealth(d Dossier, today Date) map[int64]Health {
	if d.Ledgers != nil {
		out := make(map[int64]Health, len(d.Contacts))
		for id, c := range d.Contacts {
			out[id] = d.Ledgers[id].Health(c, today)
		}
		return out
	}
	accs := make(map[int64]*ledgerAcc, len(d.Contacts))
	for id := range d.Contacts {
		accs[id] = &ledgerAcc{}
	}
	add := func(t *Touchpoint) {
		if a := accs[t.ContactID]; a != nil {
			a.add(t, today)
		}
	}
	wide := d.ContactTouchpoints
	for k := range wide {
		add(&wide[k])
	}
	j := 0
	for k := range d.Touchpoints {
		t := &d.Touchpoints[k]
		if len(wide) == 0 {
			add(t)
			continue
		}
		if t.ID == 0 {
			continue
		}
		for j < len(wide) && wide[j].ID < t.ID {
			j++
		}
		if j == len(wide) || wide[j].ID != t.ID {
			add(t)
		}
	}
	out := make(map[int64]Health, len(d.Contacts))
	for id, c := range d.Contacts {
		out[id] = accs[id].health(c, today)
	}
	return out
}
