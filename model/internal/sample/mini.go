package sample

import "github.com/backchannel/backchannel/model"

// Mini builds a small proposal by hand, a person or a talk at a time, for
// example tests that state exactly what readiness should say about it.
type Mini struct {
	// D is the dossier built so far.
	D      model.Dossier
	nextID int64
}

// NewMini starts a proposal decided by majority in 20 days, with nobody on it.
func NewMini() *Mini {
	return &Mini{D: model.Dossier{Proposal: model.Proposal{ID: 1, Title: "Mini", Forum: "The board", DecisionDate: FixtureToday.AddDays(20),
		DecisionRule: model.RuleMajority, Status: model.StatusPrewiring}, Contacts: map[int64]model.Contact{}}, nextID: 1}
}

// Person adds a stakeholder with a contact of their own.
func (m *Mini) Person(name string, role model.Role, influence int, stance model.Stance) *model.Stakeholder {
	m.nextID++
	cid := m.nextID
	m.D.Contacts[cid] = model.Contact{ID: cid, Name: name}
	m.nextID++
	m.D.Stakeholders = append(m.D.Stakeholders, model.Stakeholder{ID: m.nextID, ProposalID: 1, ContactID: cid, Role: role,
		Influence: influence, Stance: stance})
	return &m.D.Stakeholders[len(m.D.Stakeholders)-1]
}

// Talk logs a conversation with s, offset days from FixtureToday.
func (m *Mini) Talk(s model.Stakeholder, offset int, kind model.TouchKind, sentiment int) {
	m.nextID++
	tp := model.Touchpoint{ID: m.nextID, StakeholderID: s.ID, ProposalID: 1, ContactID: s.ContactID,
		Date: FixtureToday.AddDays(offset), Kind: kind, Sentiment: sentiment}
	m.D.Touchpoints = append(m.D.Touchpoints, tp)
	m.D.ContactTouchpoints = append(m.D.ContactTouchpoints, tp)
}

// ByName is the stakeholder whose contact has the name.
func (m *Mini) ByName(name string) model.Stakeholder {
	for _, s := range m.D.Stakeholders {
		if m.D.Contacts[s.ContactID].Name == name {
			return s
		}
	}
	panic("no " + name)
}

// NextID hands out the next unused ID, for rows a test adds by hand.
func (m *Mini) NextID() int64 { m.nextID++; return m.nextID }
