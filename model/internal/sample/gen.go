package sample

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/backchannel/backchannel/model"
)

// The random dossier generator behind the property tests. Names come from
// lists that share no word with the brief's own prose or the role labels,
// so that a redaction test can look for them as whole words.

var genFirst = []string{"Dana", "Marcus", "Priya", "Hiroshi", "Ingrid", "Kwame", "Lena", "Omar", "Sofia", "Rachel", "Tomasz", "Mei", "Zainab", "Björn", "Ólafur", "Yusuf"}
var genLast = []string{"Reyes", "Oyelaran", "Natarajan", "Tanaka", "Larsen", "Mensah", "Fischer", "Haddad", "Alvarez", "Stein", "Becker", "Lindqvist", "Okonkwo", "Dubois", "Nakamura", "Ferreira"}

// Hostile are strings that try to break markdown, terminals or both.
var Hostile = []string{
	"# x", "## heading", "- y", "+ plus", "* star", "> z", "```", "~~~", "<script>alert(1)</script>", "<b>bold</b>",
	"[a](http://e)", "![img](http://e/i.png)", "| pipes |", "a|b", "\r", "\r\n", "\n", "\n\n# injected", "\x1b]8;;http://evil\x07link\x1b]8;;\x07",
	"\x1b[31mred\x1b[0m", "1. one", "2) two", "---", "***", "___", "=== ", "**bold**", "_em_", "`code`", "\\", "\\|", "&amp;", "&#60;",
	"http://example.com/x", "www.example.com", "user@example.com", "<http://auto>", "[ref]: http://e", "    indented", "\t tab",
	"emoji 🎉👩‍💻", "שלום עולם", "مرحبا", "e\u0301\u0301 combining", "\u202eRTL override", "\u200b", "trailing \\", "~~strike~~",
	"[x] task", "- [ ] task", "term\n: def", ":smile:", "a  \nb", "<!-- c -->", "$x$", "{{tmpl}}", strings.Repeat("long ", 60),
}

var GenPhrases = []string{
	"wants the numbers first", "worried about the cut-over", "asked who else is on board", "open to a pilot",
	"thinks it is too early", "will back it in the room", "said nothing about the budget", "prefers a written memo",
}

type Gen struct {
	R      *rand.Rand
	today  model.Date
	nextID int64
	// hostileText mixes markdown and terminal attacks into every free text.
	HostileText bool
	// names are the contacts' names, sprinkled into free text when set.
	names []string
}

func NewGen(seed uint64, today model.Date) *Gen {
	return &Gen{R: rand.New(rand.NewPCG(seed, seed*7919+1)), today: today, nextID: 100}
}

func (g *Gen) ID() int64 { g.nextID++; return g.nextID }

func (g *Gen) Chance(p float64) bool { return g.R.Float64() < p }

func (g *Gen) day(lo, hi int) model.Date { return g.today.AddDays(lo + g.R.IntN(hi-lo+1)) }

// text writes a piece of free text: a phrase, sometimes a name in some case
// form, sometimes Hostile syntax.
func (g *Gen) text() string {
	if g.Chance(0.1) {
		return ""
	}
	var parts []string
	n := 1 + g.R.IntN(3)
	for range n {
		switch k := g.R.IntN(10); {
		case k < 4:
			parts = append(parts, GenPhrases[g.R.IntN(len(GenPhrases))])
		case k < 7 && len(g.names) > 0:
			parts = append(parts, caseForm(g.R, g.names[g.R.IntN(len(g.names))]))
		case g.HostileText:
			parts = append(parts, Hostile[g.R.IntN(len(Hostile))])
		default:
			parts = append(parts, GenPhrases[g.R.IntN(len(GenPhrases))])
		}
	}
	sep := " "
	if g.HostileText && g.Chance(0.3) {
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
func (g *Gen) Dossier() model.Dossier {
	strong := g.Chance(0.35)
	g.names = nil
	p := model.Proposal{ID: 1, Kind: model.ProposalKind(g.R.IntN(7)), DecisionRule: model.DecisionRule(g.R.IntN(4)), Status: model.Status(g.R.IntN(4)),
		CreatedAt: g.today.AddDays(-g.R.IntN(120)).Time().Add(9 * time.Hour)}
	if g.Chance(0.85) {
		p.DecisionDate = g.day(-10, 60)
	}
	if g.Chance(0.05) {
		p.Status = model.Status(4 + g.R.IntN(4))
	}
	d := model.Dossier{Proposal: p, Contacts: map[int64]model.Contact{}}

	nPeople := g.R.IntN(11)
	if g.Chance(0.1) {
		nPeople = 0
	}
	used := map[string]bool{}
	newContact := func() model.Contact {
		var name string
		for {
			name = genFirst[g.R.IntN(len(genFirst))] + " " + genLast[g.R.IntN(len(genLast))]
			if !used[name] {
				break
			}
		}
		used[name] = true
		c := model.Contact{ID: g.ID(), Name: name, Title: "Title " + g.text(), Email: emailFor(name),
			Kind: model.PartnerKind(g.R.IntN(4)), Discretion: model.Discretion(g.R.IntN(4)), CadenceDays: []int{0, 14, 30, 60}[g.R.IntN(4)]}
		d.Contacts[c.ID] = c
		g.names = append(g.names, name)
		return c
	}
	var vias []int64
	for range g.R.IntN(3) {
		vias = append(vias, newContact().ID)
	}
	for range nPeople {
		c := newContact()
		s := model.Stakeholder{ID: g.ID(), ProposalID: 1, ContactID: c.ID, Role: model.Role(g.R.IntN(5)), Influence: 1 + g.R.IntN(5),
			Votes: g.Chance(0.4), Veto: g.Chance(0.1), Stance: model.Stance(g.R.IntN(6)), TargetStance: model.Stance(g.R.IntN(6)),
			Spoiler: g.Chance(0.15)}
		if strong {
			s.Stance = model.StanceSupporter + model.Stance(g.R.IntN(2))
			s.TargetStance = model.StanceSupporter
		}
		d.Stakeholders = append(d.Stakeholders, s)
	}
	// Now that names exist, free text may carry them.
	d.Proposal.Title, d.Proposal.Ask, d.Proposal.Forum = "Proposal "+g.text(), g.text(), "Forum "+g.text()
	for k := range d.Stakeholders {
		s := &d.Stakeholders[k]
		s.Wants, s.Fears = g.text(), g.text()
		pl := &s.Plan
		pl.Done = g.Chance(0.3) || (strong && g.Chance(0.8))
		if g.Chance(0.7) {
			pl.Moment = model.Moment(g.R.IntN(5))
		}
		if g.Chance(0.7) {
			pl.TargetDate = g.day(-10, 70)
		}
		if g.Chance(0.7) {
			pl.Approach, pl.Message = model.Approach(1+g.R.IntN(2)), g.text()
		}
		if g.Chance(0.7) {
			pl.Venue, pl.Place = model.Venue(g.R.IntN(10)), g.text()
		}
		pl.Opener = model.Opener(g.R.IntN(4))
		if g.Chance(0.3) && len(d.Stakeholders) > 1 {
			pl.BeforeID = d.Stakeholders[g.R.IntN(len(d.Stakeholders))].ID // may loop, even onto itself
		}
		if g.Chance(0.2) && len(vias) > 0 {
			pl.ViaID = vias[g.R.IntN(len(vias))]
		}
		if g.Chance(0.1) {
			s.Acted = model.Acted(g.R.IntN(5))
		}
	}
	for k := range d.Contacts {
		c := d.Contacts[k]
		c.Notes, c.ValueIBring = g.text(), g.text()
		d.Contacts[k] = c
	}

	nTalks := g.R.IntN(25)
	if strong {
		nTalks += 2 * len(d.Stakeholders)
	}
	for range nTalks {
		if len(d.Stakeholders) == 0 {
			break
		}
		s := d.Stakeholders[g.R.IntN(len(d.Stakeholders))]
		d.Touchpoints = append(d.Touchpoints, g.Touch(s, 1))
	}
	d.ContactTouchpoints = append([]model.Touchpoint(nil), d.Touchpoints...)
	for range g.R.IntN(10) {
		if len(d.Stakeholders) == 0 {
			break
		}
		s := d.Stakeholders[g.R.IntN(len(d.Stakeholders))]
		d.ContactTouchpoints = append(d.ContactTouchpoints, g.Touch(s, 2))
	}

	for range g.R.IntN(7) {
		d.Objections = append(d.Objections, g.Objection(d, strong))
	}
	for range g.R.IntN(5) {
		b := model.BlindSpot{ID: g.ID(), ProposalID: 1, Text: g.text() + " blind", Status: model.BlindSpotStatus(g.R.IntN(2)),
			HowAddressed: g.text(), RaisedOn: g.day(-60, 0)}
		if strong {
			b.Status = model.BlindSpotAddressed
		}
		if len(d.Stakeholders) > 0 && g.Chance(0.6) {
			b.SurfacedByID = d.Stakeholders[g.R.IntN(len(d.Stakeholders))].ID
		}
		d.BlindSpots = append(d.BlindSpots, b)
	}

	at := p.CreatedAt
	for _, field := range []string{"forum", "decision_date"} {
		old := ""
		for range g.R.IntN(4) {
			at = at.Add(time.Duration(1+g.R.IntN(72)) * time.Hour)
			nv := "Forum " + g.text()
			if field == "decision_date" {
				nv = g.day(-30, 60).String()
			}
			d.History = append(d.History, model.HistoryEvent{ID: g.ID(), At: at, Entity: model.EntityProposal, EntityID: 1, ProposalID: 1,
				Action: model.ActionUpdate, Field: field, Old: old, New: nv})
			old = nv
		}
	}
	return d
}

func (g *Gen) Touch(s model.Stakeholder, proposal int64) model.Touchpoint {
	return model.Touchpoint{ID: g.ID(), StakeholderID: s.ID, ProposalID: proposal, ContactID: s.ContactID, Date: g.day(-90, 0),
		Channel: model.Venue(g.R.IntN(10)), Kind: model.TouchKind(g.R.IntN(5)), Opener: model.Opener(g.R.IntN(4)), Sentiment: g.R.IntN(5) - 2,
		Said: g.text(), Subtext: g.text(), FollowUp: g.text()}
}

func (g *Gen) Objection(d model.Dossier, strong bool) model.Objection {
	o := model.Objection{ID: g.ID(), ProposalID: 1, Text: g.text() + " objection", Severity: model.Severity(g.R.IntN(3)),
		Status: model.ObjectionStatus(g.R.IntN(5)), Response: g.text(), RaisedOn: g.day(-60, 0)}
	if strong && g.Chance(0.7) {
		o.Status = model.ObjectionResolved
	}
	if len(d.Stakeholders) > 0 {
		if g.Chance(0.7) {
			o.RaisedByID = d.Stakeholders[g.R.IntN(len(d.Stakeholders))].ID
		}
		if g.Chance(0.5) {
			o.VoiceID = d.Stakeholders[g.R.IntN(len(d.Stakeholders))].ID
		}
	}
	return o
}

// Shuffled returns d with every slice in a random order and the contacts
// map rebuilt, which must not change any result.
func Shuffled(r *rand.Rand, d model.Dossier) model.Dossier {
	out := d
	out.Stakeholders = shuffle(r, d.Stakeholders)
	out.Touchpoints = shuffle(r, d.Touchpoints)
	out.ContactTouchpoints = shuffle(r, d.ContactTouchpoints)
	out.Objections = shuffle(r, d.Objections)
	out.BlindSpots = shuffle(r, d.BlindSpots)
	out.History = shuffle(r, d.History)
	out.Contacts = map[int64]model.Contact{}
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

// DescribeDossier is a compact failure message for a property counterexample.
func DescribeDossier(d model.Dossier) string {
	return fmt.Sprintf("status %s, rule %s, decision %s, %d stakeholders, %d talks, %d objections, %d blind spots",
		d.Proposal.Status, d.Proposal.DecisionRule, d.Proposal.DecisionDate, len(d.Stakeholders), len(d.Touchpoints), len(d.Objections), len(d.BlindSpots))
}
