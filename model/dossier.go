package model

// DossierFromWorkbook gathers one proposal's dossier from a whole workbook:
// its stakeholders, conversations, objections, blind spots and history, every
// contact they refer to, and those contacts' conversations on any proposal
// (for the nurture ledger). A proposal the workbook lacks gives a dossier
// with only the ID set.
func DossierFromWorkbook(wb Workbook, proposalID int64) Dossier {
	d := Dossier{Proposal: Proposal{ID: proposalID}, Contacts: map[int64]Contact{}}
	for _, p := range wb.Proposals {
		if p.ID == proposalID {
			d.Proposal = p
			break
		}
	}
	want := map[int64]bool{}
	for _, s := range wb.Stakeholders {
		if s.ProposalID != proposalID {
			continue
		}
		d.Stakeholders = append(d.Stakeholders, s)
		want[s.ContactID] = true
		if s.Plan.ViaID != 0 {
			want[s.Plan.ViaID] = true
		}
	}
	for _, t := range wb.Touchpoints {
		if t.ProposalID == proposalID {
			d.Touchpoints = append(d.Touchpoints, t)
			want[t.ContactID] = true
		}
	}
	for _, t := range wb.Touchpoints {
		if want[t.ContactID] {
			d.ContactTouchpoints = append(d.ContactTouchpoints, t)
		}
	}
	for _, c := range wb.Contacts {
		if want[c.ID] {
			d.Contacts[c.ID] = c
		}
	}
	for _, o := range wb.Objections {
		if o.ProposalID == proposalID {
			d.Objections = append(d.Objections, o)
		}
	}
	for _, b := range wb.BlindSpots {
		if b.ProposalID == proposalID {
			d.BlindSpots = append(d.BlindSpots, b)
		}
	}
	for _, h := range wb.History {
		if h.Entity == EntityTouchpoint {
			continue // as the store: the conversations are the log
		}
		if h.ProposalID == proposalID || (h.Entity == EntityProposal && h.EntityID == proposalID) {
			d.History = append(d.History, h)
		}
	}
	return d
}
