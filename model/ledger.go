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
	// (a request, advice).
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
	h := Health{DaysSince: -1, CadenceDays: c.CadenceDays}
	if h.CadenceDays <= 0 {
		h.CadenceDays = DefaultCadenceDays
	}
	for _, t := range touchpoints {
		if t.ContactID != c.ID {
			continue
		}
		if t.Kind.Gives() {
			h.Gives++
		}
		if t.Kind.Asks() {
			h.Asks++
		}
		if !t.Date.IsZero() && !t.Date.After(today) && t.Date.After(h.LastSpoken) {
			h.LastSpoken = t.Date
		}
	}
	if !h.LastSpoken.IsZero() {
		h.DaysSince = h.LastSpoken.DaysUntil(today)
		h.Due = h.DaysSince >= h.CadenceDays
	}
	h.AskOnly = h.Asks >= askOnlyMinAsks && h.Gives == 0
	return h
}

// ledgerTouchpoints merges the cross-proposal log with this proposal's, so
// that a caller who filled only one of them still gets an honest ledger.
// Rows are matched by ID; rows without an ID are trusted to the list they
// came in, and this proposal's are only added when the wider list is empty.
func ledgerTouchpoints(d Dossier) []Touchpoint {
	if len(d.ContactTouchpoints) == 0 {
		return d.Touchpoints
	}
	seen := make(map[int64]bool, len(d.ContactTouchpoints))
	for _, t := range d.ContactTouchpoints {
		seen[t.ID] = true
	}
	out := d.ContactTouchpoints
	extra := false
	for _, t := range d.Touchpoints {
		if t.ID != 0 && !seen[t.ID] {
			if !extra {
				out = append([]Touchpoint(nil), out...)
				extra = true
			}
			out = append(out, t)
		}
	}
	return out
}

// ledgerHealth computes the health of every contact in the dossier.
func ledgerHealth(d Dossier, today Date) map[int64]Health {
	byContact := map[int64][]Touchpoint{}
	for _, t := range ledgerTouchpoints(d) {
		byContact[t.ContactID] = append(byContact[t.ContactID], t)
	}
	out := make(map[int64]Health, len(d.Contacts))
	for id, c := range d.Contacts {
		out[id] = ContactHealth(c, byContact[id], today)
	}
	return out
}
