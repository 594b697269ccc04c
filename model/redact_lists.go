package model

// listRedactor labels the people of a list across proposals: "Person A",
// "Person B"… in the order the rows first name them (a role label would
// differ from one proposal to the next), then everyone else in the
// directory as "Other person A"…
func listRedactor(dir Directory, ids []int64) *Redactor {
	rd := &Redactor{labels: map[int64]string{}, terms: map[rune][]*redactTerm{}, people: dir.Contacts}
	n := 0
	for _, id := range ids {
		if _, done := rd.labels[id]; !done && id != 0 {
			rd.labels[id] = "Person " + letters(n)
			rd.order = append(rd.order, id)
			n++
		}
	}
	n = 0
	for _, id := range sortedIDs(dir.Contacts) {
		if _, done := rd.labels[id]; !done {
			rd.labels[id] = "Other person " + letters(n)
			rd.order = append(rd.order, id)
			n++
		}
	}
	rd.build()
	return rd
}

// contactOf is the contact behind a stakeholder ID, or 0.
func (d Directory) contactOf(stakeholderID int64) int64 {
	if s, ok := d.Stakeholders[stakeholderID]; ok {
		return s.ContactID
	}
	return 0
}

// RedactedObjectionsMarkdown is ObjectionsMarkdown with every person
// replaced by a label ("Person A"), in the names and in free text, checked
// by the leak guard: if a name survives it returns a *LeakError and no text.
func RedactedObjectionsMarkdown(rows []ObjectionRow, dir Directory) (string, error) {
	var ids []int64
	for _, r := range rows {
		ids = append(ids, dir.contactOf(r.RaisedByID), dir.contactOf(r.VoiceID))
	}
	rd := listRedactor(dir, ids)
	out := make([]ObjectionRow, len(rows))
	for k, r := range rows {
		r.ProposalTitle, r.Text, r.Response = rd.Text(r.ProposalTitle), rd.Text(r.Text), rd.Text(r.Response)
		if id := dir.contactOf(r.RaisedByID); id != 0 {
			r.RaisedBy = rd.Label(id)
		}
		if id := dir.contactOf(r.VoiceID); id != 0 {
			r.Voice = rd.Label(id)
		}
		out[k] = r
	}
	md := ObjectionsMarkdown(out)
	if err := rd.guard().check(out, md, false); err != nil {
		return "", err
	}
	return md, nil
}

// RedactedBlindSpotsMarkdown is BlindSpotsMarkdown redacted and checked as
// RedactedObjectionsMarkdown is.
func RedactedBlindSpotsMarkdown(rows []BlindSpotRow, dir Directory) (string, error) {
	var ids []int64
	for _, r := range rows {
		ids = append(ids, dir.contactOf(r.SurfacedByID))
	}
	rd := listRedactor(dir, ids)
	out := make([]BlindSpotRow, len(rows))
	for k, r := range rows {
		r.ProposalTitle, r.Text, r.HowAddressed = rd.Text(r.ProposalTitle), rd.Text(r.Text), rd.Text(r.HowAddressed)
		if id := dir.contactOf(r.SurfacedByID); id != 0 {
			r.SurfacedBy = rd.Label(id)
		}
		out[k] = r
	}
	md := BlindSpotsMarkdown(out)
	if err := rd.guard().check(out, md, false); err != nil {
		return "", err
	}
	return md, nil
}
