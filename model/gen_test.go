package model

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode/utf8"
)

// The random dossier generator behind the property tests. Names come from
// lists that share no word with the brief's own prose or the role labels,
// so that a redaction test can look for them as whole words.

var genFirst = []string{"Dana", "Marcus", "Priya", "Hiroshi", "Ingrid", "Kwame", "Lena", "Omar", "Sofia", "Rachel", "Tomasz", "Mei", "Zainab", "Björn", "Ólafur", "Yusuf"}
var genLast = []string{"Reyes", "Oyelaran", "Natarajan", "Tanaka", "Larsen", "Mensah", "Fischer", "Haddad", "Alvarez", "Stein", "Becker", "Lindqvist", "Okonkwo", "Dubois", "Nakamura", "Ferreira"}

// hostile are strings that try to break markdown, terminals or both.
var hostile = []string{
	"# x", "## heading", "- y", "+ plus", "* star", "> z", "```", "~~~", "<script>alert(1)</script>", "<b>bold</b>",
	"[a](http://e)", "![img](http://e/i.png)", "| pipes |", "a|b", "\r", "\r\n", "\n", "\n\n# injected", "\x1b]8;;http://evil\x07link\x1b]8;;\x07",
	"\x1b[31mred\x1b[0m", "1. one", "2) two", "---", "***", "___", "=== ", "**bold**", "_em_", "`code`", "\\", "\\|", "&amp;", "&#60;",
	"http://example.com/x", "www.example.com", "user@example.com", "<http://auto>", "[ref]: http://e", "    indented", "\t tab",
	"emoji 🎉👩‍💻", "שלום עולם", "مرحبا", "e\u0301\u0301 combining", "\u202eRTL override", "\u200b", "trailing \\", "~~strike~~",
	"[x] task", "- [ ] task", "term\n: def", ":smile:", "a  \nb", "<!-- c -->", "$x$", "{{tmpl}}", strings.Repeat("long ", 60),
}

var genPhrases = []string{
	"wants the numbers first", "worried about the cut-over", "asked who else is on board", "open to a pilot",
	"thinks it is too early", "will back it in the room", "said nothing about the budget", "prefers a written memo",
}

type gen struct {
	r      *rand.Rand
	today  Date
	nextID int64
	// hostileText mixes markdown and terminal attacks into every free text.
	hostileText bool
	// names are the contacts' names, sprinkled into free text when set.
	names []string
}

func newGen(seed uint64, today Date) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, seed*7919+1)), today: today, nextID: 100}
}

func (g *gen) id() int64 { g.nextID++; return g.nextID }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) day(lo, hi int) Date { return g.today.AddDays(lo + g.r.IntN(hi-lo+1)) }

// text writes a piece of free text: a phrase, sometimes a name in some case
// form, sometimes hostile syntax.
func (g *gen) text() string {
	if g.chance(0.1) {
		return ""
	}
	var parts []string
	n := 1 + g.r.IntN(3)
	for range n {
		switch k := g.r.IntN(10); {
		case k < 4:
			parts = append(parts, genPhrases[g.r.IntN(len(genPhrases))])
		case k < 7 && len(g.names) > 0:
			parts = append(parts, caseForm(g.r, g.names[g.r.IntN(len(g.names))]))
		case g.hostileText:
			parts = append(parts, hostile[g.r.IntN(len(hostile))])
		default:
			parts = append(parts, genPhrases[g.r.IntN(len(genPhrases))])
		}
	}
	sep := " "
	if g.hostileText && g.chance(0.3) {
		sep = "\n"
	}
	return strings.Join(parts, sep)
}

// caseForm returns a name, a part of it, or its email local part in lower,
// upper or title case, possessive or not.
func caseForm(r *rand.Rand, name string) string {
	fields := strings.Fields(name)
	var s string
	switch r.IntN(4) {
	case 0:
		s = name
	case 1:
		s = fields[0]
	case 2:
		s = fields[len(fields)-1]
	default:
		s = emailFor(name)
	}
	switch r.IntN(3) {
	case 0:
		s = strings.ToLower(s)
	case 1:
		s = strings.ToUpper(s)
	}
	if r.IntN(4) == 0 {
		s += "'s"
	}
	return s
}

// emailFor makes an address that contains no whole name part ("dreyes@…"),
// so that only email redaction can hide it.
func emailFor(name string) string {
	f := strings.Fields(name)
	first, _ := utf8.DecodeRuneInString(f[0])
	return strings.ToLower(string(first)+f[len(f)-1]) + "@example.com"
}

// dossier generates one random dossier. Strong dossiers lean towards
// readiness (champions, conversations held, plans done) so that the caps are
// exercised where they matter.
func (g *gen) dossier() Dossier {
	strong := g.chance(0.35)
	g.names = nil
	p := Proposal{ID: 1, Kind: ProposalKind(g.r.IntN(7)), DecisionRule: DecisionRule(g.r.IntN(4)), Status: Status(g.r.IntN(4)),
		CreatedAt: g.today.AddDays(-g.r.IntN(120)).Time().Add(9 * time.Hour)}
	if g.chance(0.85) {
		p.DecisionDate = g.day(-10, 60)
	}
	if g.chance(0.05) {
		p.Status = Status(4 + g.r.IntN(4))
	}
	d := Dossier{Proposal: p, Contacts: map[int64]Contact{}}

	nPeople := g.r.IntN(11)
	if g.chance(0.1) {
		nPeople = 0
	}
	used := map[string]bool{}
	newContact := func() Contact {
		var name string
		for {
			name = genFirst[g.r.IntN(len(genFirst))] + " " + genLast[g.r.IntN(len(genLast))]
			if !used[name] {
				break
			}
		}
		used[name] = true
		c := Contact{ID: g.id(), Name: name, Title: "Title " + g.text(), Email: emailFor(name),
			Kind: PartnerKind(g.r.IntN(4)), Discretion: Discretion(g.r.IntN(4)), CadenceDays: []int{0, 14, 30, 60}[g.r.IntN(4)]}
		d.Contacts[c.ID] = c
		g.names = append(g.names, name)
		return c
	}
	var vias []int64
	for range g.r.IntN(3) {
		vias = append(vias, newContact().ID)
	}
	for range nPeople {
		c := newContact()
		s := Stakeholder{ID: g.id(), ProposalID: 1, ContactID: c.ID, Role: Role(g.r.IntN(5)), Influence: 1 + g.r.IntN(5),
			Votes: g.chance(0.4), Veto: g.chance(0.1), Stance: Stance(g.r.IntN(6)), TargetStance: Stance(g.r.IntN(6)),
			Spoiler: g.chance(0.15)}
		if strong {
			s.Stance = StanceSupporter + Stance(g.r.IntN(2))
			s.TargetStance = StanceSupporter
		}
		d.Stakeholders = append(d.Stakeholders, s)
	}
	// Now that names exist, free text may carry them.
	d.Proposal.Title, d.Proposal.Ask, d.Proposal.Forum = "Proposal "+g.text(), g.text(), "Forum "+g.text()
	for k := range d.Stakeholders {
		s := &d.Stakeholders[k]
		s.Wants, s.Fears = g.text(), g.text()
		pl := &s.Plan
		pl.Done = g.chance(0.3) || (strong && g.chance(0.8))
		if g.chance(0.7) {
			pl.Moment = Moment(g.r.IntN(5))
		}
		if g.chance(0.7) {
			pl.TargetDate = g.day(-10, 70)
		}
		if g.chance(0.7) {
			pl.Approach, pl.Message = Approach(1+g.r.IntN(2)), g.text()
		}
		if g.chance(0.7) {
			pl.Venue, pl.Place = Venue(g.r.IntN(10)), g.text()
		}
		pl.Opener = Opener(g.r.IntN(4))
		if g.chance(0.3) && len(d.Stakeholders) > 1 {
			pl.BeforeID = d.Stakeholders[g.r.IntN(len(d.Stakeholders))].ID // may loop, even onto itself
		}
		if g.chance(0.2) && len(vias) > 0 {
			pl.ViaID = vias[g.r.IntN(len(vias))]
		}
		if g.chance(0.1) {
			s.Acted = Acted(g.r.IntN(5))
		}
	}
	for k := range d.Contacts {
		c := d.Contacts[k]
		c.Notes, c.ValueIBring = g.text(), g.text()
		d.Contacts[k] = c
	}

	nTalks := g.r.IntN(25)
	if strong {
		nTalks += 2 * len(d.Stakeholders)
	}
	for range nTalks {
		if len(d.Stakeholders) == 0 {
			break
		}
		s := d.Stakeholders[g.r.IntN(len(d.Stakeholders))]
		d.Touchpoints = append(d.Touchpoints, g.touch(s, 1))
	}
	d.ContactTouchpoints = append([]Touchpoint(nil), d.Touchpoints...)
	for range g.r.IntN(10) {
		if len(d.Stakeholders) == 0 {
			break
		}
		s := d.Stakeholders[g.r.IntN(len(d.Stakeholders))]
		d.ContactTouchpoints = append(d.ContactTouchpoints, g.touch(s, 2))
	}

	for range g.r.IntN(7) {
		d.Objections = append(d.Objections, g.objection(d, strong))
	}
	for range g.r.IntN(5) {
		b := BlindSpot{ID: g.id(), ProposalID: 1, Text: g.text() + " blind", Status: BlindSpotStatus(g.r.IntN(2)),
			HowAddressed: g.text(), RaisedOn: g.day(-60, 0)}
		if strong {
			b.Status = BlindSpotAddressed
		}
		if len(d.Stakeholders) > 0 && g.chance(0.6) {
			b.SurfacedByID = d.Stakeholders[g.r.IntN(len(d.Stakeholders))].ID
		}
		d.BlindSpots = append(d.BlindSpots, b)
	}

	at := p.CreatedAt
	for _, field := range []string{"forum", "decision_date"} {
		old := ""
		for range g.r.IntN(4) {
			at = at.Add(time.Duration(1+g.r.IntN(72)) * time.Hour)
			nv := "Forum " + g.text()
			if field == "decision_date" {
				nv = g.day(-30, 60).String()
			}
			d.History = append(d.History, HistoryEvent{ID: g.id(), At: at, Entity: EntityProposal, EntityID: 1, ProposalID: 1,
				Action: ActionUpdate, Field: field, Old: old, New: nv})
			old = nv
		}
	}
	return d
}

func (g *gen) touch(s Stakeholder, proposal int64) Touchpoint {
	return Touchpoint{ID: g.id(), StakeholderID: s.ID, ProposalID: proposal, ContactID: s.ContactID, Date: g.day(-90, 0),
		Channel: Venue(g.r.IntN(10)), Kind: TouchKind(g.r.IntN(5)), Opener: Opener(g.r.IntN(4)), Sentiment: g.r.IntN(5) - 2,
		Said: g.text(), Subtext: g.text(), FollowUp: g.text()}
}

func (g *gen) objection(d Dossier, strong bool) Objection {
	o := Objection{ID: g.id(), ProposalID: 1, Text: g.text() + " objection", Severity: Severity(g.r.IntN(3)),
		Status: ObjectionStatus(g.r.IntN(5)), Response: g.text(), RaisedOn: g.day(-60, 0)}
	if strong && g.chance(0.7) {
		o.Status = ObjectionResolved
	}
	if len(d.Stakeholders) > 0 {
		if g.chance(0.7) {
			o.RaisedByID = d.Stakeholders[g.r.IntN(len(d.Stakeholders))].ID
		}
		if g.chance(0.5) {
			o.VoiceID = d.Stakeholders[g.r.IntN(len(d.Stakeholders))].ID
		}
	}
	return o
}

// shuffled returns d with every slice in a random order and the contacts
// map rebuilt, which must not change any result.
func shuffled(r *rand.Rand, d Dossier) Dossier {
	out := d
	out.Stakeholders = shuffle(r, d.Stakeholders)
	out.Touchpoints = shuffle(r, d.Touchpoints)
	out.ContactTouchpoints = shuffle(r, d.ContactTouchpoints)
	out.Objections = shuffle(r, d.Objections)
	out.BlindSpots = shuffle(r, d.BlindSpots)
	out.History = shuffle(r, d.History)
	out.Contacts = map[int64]Contact{}
	for k, v := range d.Contacts {
		out.Contacts[k] = v
	}
	return out
}

func shuffle[T any](r *rand.Rand, s []T) []T {
	out := append([]T(nil), s...)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// describeDossier is a compact failure message for a property counterexample.
func describeDossier(d Dossier) string {
	return fmt.Sprintf("status %s, rule %s, decision %s, %d stakeholders, %d talks, %d objections, %d blind spots",
		d.Proposal.Status, d.Proposal.DecisionRule, d.Proposal.DecisionDate, len(d.Stakeholders), len(d.Touchpoints), len(d.Objections), len(d.BlindSpots))
}
