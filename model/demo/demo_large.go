package demo

import (
	"fmt"
	"math/rand/v2"

	"github.com/backchannel/backchannel/model"
)

// LargeOptions sizes a generated workbook for benchmarks and load tests.
type LargeOptions struct {
	Proposals     int
	Stakeholders  int // per proposal
	Conversations int // per proposal
	// Contacts, when positive, is a pool of people shared across the
	// proposals: each proposal draws its stakeholders from it, so people
	// recur as they do in life. Zero gives every stakeholder a contact of
	// their own.
	Contacts int
	Seed     uint64
}

var (
	largeFirst = []string{"Ada", "Bo", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lior", "Mira", "Nia", "Oskar", "Pia", "Quinn", "Ravi", "Sade", "Teo"}
	largeLast  = []string{"Abara", "Berg", "Costa", "Diaz", "Eze", "Fong", "Gray", "Holm", "Iqbal", "Jansen", "Kato", "Lund", "Moreau", "Nair", "Okafor", "Park", "Quist", "Rossi", "Sato", "Toivonen"}
)

// LargeWorkbook returns a deterministic synthetic workbook of the requested
// size: every proposal has its stakeholders (one contact each, or drawn from
// a shared pool of opt.Contacts people), plans, conversations spread over
// the last year, objections and blind spots. With a pool, a proposal never
// has more stakeholders than the pool has people.
func LargeWorkbook(today model.Date, opt LargeOptions) model.Workbook {
	if opt.Proposals < 1 {
		opt.Proposals = 1
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	b := newDemoBuilder(today)
	var pool []model.Contact
	if opt.Contacts > 0 {
		pool = make([]model.Contact, opt.Contacts)
		for i := range pool {
			pool[i] = b.contact(largeName(rng, i+1), "Generated title", "Generated org", "", model.PartnerKind(rng.IntN(4)), model.Discretion(rng.IntN(4)), "", "", 0, 300+rng.IntN(60))
		}
		opt.Stakeholders = min(opt.Stakeholders, opt.Contacts)
	}
	// perm draws each proposal's people from the pool without repeats: a
	// partial shuffle of the pool's indexes.
	perm := make([]int, len(pool))
	for i := range perm {
		perm[i] = i
	}
	for p := 0; p < opt.Proposals; p++ {
		prop := b.proposal(fmt.Sprintf("Synthetic proposal %d", p+1), "A generated ask for load testing.",
			model.ProposalKinds()[rng.IntN(len(model.ProposalKinds()))], "Generated forum", today.AddDays(5+rng.IntN(90)),
			model.DecisionRule(rng.IntN(4)), model.StatusPrewiring, model.MomentBeforeChange, 1, 200)
		propID := prop.ID
		first := int64(len(b.wb.Stakeholders))
		for s := 0; s < opt.Stakeholders; s++ {
			var c model.Contact
			if pool != nil {
				j := s + rng.IntN(len(perm)-s)
				perm[s], perm[j] = perm[j], perm[s]
				c = pool[perm[s]]
			} else {
				c = b.contact(largeName(rng, len(b.wb.Contacts)+1), "Generated title", "Generated org", "", model.PartnerKind(rng.IntN(4)), model.Discretion(rng.IntN(4)), "", "", 0, 300)
			}
			plan := model.Plan{}
			if rng.IntN(3) > 0 {
				plan = model.Plan{Moment: model.Moment(1 + rng.IntN(4)), TargetDate: today.AddDays(rng.IntN(60) - 10), Approach: model.Approach(1 + rng.IntN(2)),
					Message: "Generated message.", Opener: model.Opener(1 + rng.IntN(3)), Venue: model.Venue(1 + rng.IntN(9))}
			}
			st := b.stake(b.proposalByID(propID), c, model.Role(rng.IntN(5)), 1+rng.IntN(5), rng.IntN(3) == 0, rng.IntN(40) == 0,
				model.Stance(rng.IntN(6)), model.Stance(3+rng.IntN(3)), rng.IntN(25) == 0, "", "", plan)
			if s > 0 && rng.IntN(5) == 0 {
				b.stakeByID(st.ID).Plan.BeforeID = first + 1 + int64(rng.IntN(s))
			}
		}
		n := int64(len(b.wb.Stakeholders)) - first
		for i := 0; i < opt.Conversations && n > 0; i++ {
			st := b.wb.Stakeholders[first+rng.Int64N(n)]
			b.talk(&st, -rng.IntN(365), model.Venue(1+rng.IntN(9)), model.TouchKind(rng.IntN(5)), model.Opener(rng.IntN(4)), rng.IntN(5)-2, "Generated conversation.", "", "")
		}
		for i := 0; i < opt.Stakeholders/10; i++ {
			var by *model.Stakeholder
			if n > 0 {
				st := b.wb.Stakeholders[first+rng.Int64N(n)]
				by = &st
			}
			b.objection(b.proposalByID(propID), by, 0, fmt.Sprintf("Generated objection %d.", i+1), model.Severity(rng.IntN(3)), model.ObjectionStatus(rng.IntN(5)), "", nil, -rng.IntN(60)-1, 0)
			b.blindSpot(b.proposalByID(propID), nil, fmt.Sprintf("Generated blind spot %d.", i+1), model.BlindSpotStatus(rng.IntN(2)), "", -rng.IntN(60)-1, -1)
		}
	}
	return b.finish()
}

// largeName is a generated person's name; the number keeps it unique.
func largeName(rng *rand.Rand, n int) string {
	return fmt.Sprintf("%s %s %d", largeFirst[rng.IntN(len(largeFirst))], largeLast[rng.IntN(len(largeLast))], n)
}

// proposalByID finds a proposal; the builder numbers proposals in the order
// it adds them, so an id is its row and most lookups need no scan.
func (b *demoBuilder) proposalByID(id int64) *model.Proposal {
	if i := id - 1; i >= 0 && i < int64(len(b.wb.Proposals)) && b.wb.Proposals[i].ID == id {
		return &b.wb.Proposals[i]
	}
	for i := range b.wb.Proposals {
		if b.wb.Proposals[i].ID == id {
			return &b.wb.Proposals[i]
		}
	}
	panic(fmt.Sprintf("demo: no proposal %d", id))
}
