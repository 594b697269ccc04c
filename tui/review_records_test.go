package tui

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/readiness"
)

// reviewWorkbooks are real stores to compare the review screens' reads on:
// the demo, with an objection's status changed twice so it has a history,
// and a generated workbook whose people are shared across proposals.
func reviewWorkbooks(t *testing.T) map[string]*db.Store {
	t.Helper()
	ctx := context.Background()
	out := map[string]*db.Store{}
	for name, wb := range map[string]model.Workbook{
		"demo":   demo.Workbook(testToday),
		"shared": demo.LargeWorkbook(testToday, demo.LargeOptions{Proposals: 6, Stakeholders: 15, Conversations: 60, Contacts: 30, Seed: 3}),
	} {
		s, err := db.Open(ctx, filepath.Join(t.TempDir(), name+".db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if err := s.Import(ctx, wb); err != nil {
			t.Fatal(err)
		}
		out[name] = s
	}
	s := out["demo"]
	ps, err := s.ListProposals(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.LoadDossier(ctx, ps[0].ID)
	if err != nil || len(d.Objections) == 0 {
		t.Fatalf("the demo's first proposal has no objection to change (%v)", err)
	}
	for _, st := range []model.ObjectionStatus{model.ObjectionAddressing, model.ObjectionResolved} {
		if _, err := s.EditObjection(ctx, d.Objections[0].ID, func(o *model.Objection) error { o.Status = st; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// The objections and blind-spot screens read the records they list, not
// every proposal's dossier, and see exactly what the dossiers held: the same
// rows in the same order, the same people, the talks the rows were raised
// in, each row's status history, and each proposal's score and verdict.
func TestReviewRecordsShowWhatTheDossiersHeld(t *testing.T) {
	ctx := context.Background()
	for name, s := range reviewWorkbooks(t) {
		t.Run(name, func(t *testing.T) {
			be := &backend{store: s, ctx: ctx, today: func() model.Date { return testToday }}
			got := be.loadReview(1)().(reviewLoadedMsg)
			if got.err != nil {
				t.Fatal(got.err)
			}
			scored := be.loadReviewScores(1)().(reviewScoredMsg)
			if scored.err != nil {
				t.Fatal(scored.err)
			}
			data := got.data.withScores(scored.readiness)

			ps, err := s.ListProposals(ctx, true)
			if err != nil {
				t.Fatal(err)
			}
			var objs []model.Objection
			var spots []model.BlindSpot
			objHist := map[int64][]model.HistoryEvent{}
			spotHist := map[int64][]model.HistoryEvent{}
			talks := map[int64]model.Touchpoint{}
			for _, p := range ps {
				d, err := s.LoadDossier(ctx, p.ID)
				if err != nil {
					t.Fatal(err)
				}
				// The screens read who, role, influence and stance of a person.
				var want []model.Stakeholder
				for _, st := range d.Stakeholders {
					want = append(want, model.Stakeholder{ID: st.ID, ProposalID: st.ProposalID, ContactID: st.ContactID,
						Role: st.Role, Influence: st.Influence, Stance: st.Stance})
				}
				if !reflect.DeepEqual(data.stakes[p.ID], want) {
					t.Errorf("%s: people differ:\n got %v\nwant %v", p.Title, data.stakes[p.ID], want)
				}
				for _, st := range d.Stakeholders {
					if got, want := data.name(st.ID, "?"), clean(d.Contacts[st.ContactID].Name); got != want {
						t.Errorf("stakeholder %d is named %q, the dossier says %q", st.ID, got, want)
					}
				}
				r := readiness.Assess(d, testToday)
				if got := data.readiness[p.ID]; got.Score != r.Score || got.Verdict != r.Verdict {
					t.Errorf("%s: readiness %d %v, the dossier gives %d %v", p.Title, got.Score, got.Verdict, r.Score, r.Verdict)
				}
				objs = append(objs, d.Objections...)
				spots = append(spots, d.BlindSpots...)
				for _, h := range d.History {
					switch h.Entity {
					case model.EntityObjection:
						objHist[h.EntityID] = append(objHist[h.EntityID], h)
					case model.EntityBlindSpot:
						spotHist[h.EntityID] = append(spotHist[h.EntityID], h)
					}
				}
				for _, tp := range d.Touchpoints {
					talks[tp.ID] = tp
				}
			}
			if !reflect.DeepEqual(data.proposals, ps) {
				t.Errorf("proposals differ")
			}
			if !reflect.DeepEqual(data.objections, objs) {
				t.Errorf("objections differ:\n got %v\nwant %v", data.objections, objs)
			}
			if !reflect.DeepEqual(data.blindSpots, spots) {
				t.Errorf("blind spots differ")
			}
			if !reflect.DeepEqual(data.objHistory, objHist) || !reflect.DeepEqual(data.spotHistory, spotHist) {
				t.Errorf("histories differ:\n got %v\nwant %v", data.objHistory, objHist)
			}
			if name == "demo" && len(objHist) == 0 {
				t.Error("the demo's changed objection has no history to compare")
			}
			raised := 0
			for _, o := range objs {
				if o.TouchpointID != 0 {
					raised++
					if !reflect.DeepEqual(data.talks[o.TouchpointID], talks[o.TouchpointID]) {
						t.Errorf("objection %d: the talk it was raised in differs", o.ID)
					}
				}
			}
			for _, b := range spots {
				if b.TouchpointID != 0 && !reflect.DeepEqual(data.talks[b.TouchpointID], talks[b.TouchpointID]) {
					t.Errorf("blind spot %d: the talk it was raised in differs", b.ID)
				}
			}
			if name == "demo" && raised == 0 {
				t.Error("no objection of the demo was raised in a talk: the talks were not compared")
			}
		})
	}
}

// The review screens keep no conversation log (issue 13: they held every
// proposal's whole dossier): only the talks their rows were raised in.
func TestReviewScreensHoldOnlyTheTalksTheyShow(t *testing.T) {
	s := reviewWorkbooks(t)["shared"]
	d := newDriver(t, s, 100, 30)
	d.press("o")
	data := d.app.objections.data
	if data == nil || len(data.objections) == 0 {
		t.Fatal("the objections screen loaded nothing")
	}
	raised := map[int64]bool{}
	for _, o := range data.objections {
		raised[o.TouchpointID] = true
	}
	for _, b := range data.blindSpots {
		raised[b.TouchpointID] = true
	}
	for id := range data.talks {
		if !raised[id] {
			t.Fatalf("the screen holds talk %d, which no objection or blind spot was raised in (%d talks held)", id, len(data.talks))
		}
	}
	d.mustSee("readiness ")
}
