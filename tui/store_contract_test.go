package tui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
)

// One contract, two stores: every behaviour below runs against the fake the
// screen tests use and against the real workbook (db.Open on a temp file),
// both loaded with the demo. Each behaviour's outcome is read back through
// the Store interface as an id-free picture (names, dates, words), so the
// two stores must agree on it exactly; the real store is the reference.

// contractStores opens a fresh demo workbook of each kind.
func contractStores(t *testing.T) map[string]Store {
	return map[string]Store{"fake": demoStore(t), "real": realStore(t)}
}

// world names the demo records a behaviour acts on, found by reading the
// store (ids differ between the stores; the records do not).
type world struct {
	proposal    model.Proposal
	talker      model.Stakeholder // the person in talk
	talk        model.Touchpoint  // a conversation with an objection raised in it
	objection   model.Objection
	blindSpot   model.BlindSpot
	contact     model.Contact // talker's contact
	otherPerson model.Stakeholder
}

func findWorld(t *testing.T, s Store) world {
	t.Helper()
	ctx := context.Background()
	ps, err := s.ListProposals(ctx, true)
	if err != nil || len(ps) == 0 {
		t.Fatalf("proposals: %v, %v", ps, err)
	}
	slices.SortFunc(ps, func(a, b model.Proposal) int { return strings.Compare(a.Title, b.Title) })
	for _, p := range ps {
		d, err := s.LoadDossier(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		var w world
		w.proposal = p
		for _, o := range d.Objections {
			for _, tp := range d.Touchpoints {
				if o.TouchpointID != 0 && tp.ID == o.TouchpointID && w.talk.ID == 0 {
					w.objection, w.talk = o, tp
				}
			}
		}
		for _, st := range d.Stakeholders {
			if st.ID == w.talk.StakeholderID {
				w.talker = st
			}
		}
		for _, st := range d.Stakeholders {
			if st.ID != w.talker.ID && st.ContactID != w.talker.ContactID {
				w.otherPerson = st
				break
			}
		}
		if len(d.BlindSpots) > 0 {
			w.blindSpot = d.BlindSpots[0]
		}
		w.contact = d.Contacts[w.talker.ContactID]
		if w.talk.ID != 0 && w.blindSpot.ID != 0 && w.otherPerson.ID != 0 {
			return w
		}
	}
	t.Fatal("the demo has no proposal with a conversation that raised an objection, a blind spot and two people")
	return world{}
}

// picture is the whole workbook in words, without ids: what a person would
// see, sorted so the two stores can be compared line by line.
func picture(t *testing.T, s Store) string {
	t.Helper()
	ctx := context.Background()
	var lines []string
	cs, err := s.ListContacts(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	names := map[int64]string{}
	for _, c := range cs {
		names[c.ID] = c.Name
		lines = append(lines, fmt.Sprintf("contact %s|%s|%s|%s|aliases=%s|archived=%v", c.Name, c.Title, c.Org, c.Email, c.Aliases, c.Archived))
	}
	ps, err := s.ListProposals(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		lines = append(lines, fmt.Sprintf("proposal %s|%s", p.Title, p.Status))
		d, err := s.LoadDossier(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		who := map[int64]string{0: "-"}
		for _, st := range d.Stakeholders {
			who[st.ID] = names[st.ContactID]
		}
		talk := map[int64]string{0: "-"}
		for _, tp := range d.Touchpoints {
			talk[tp.ID] = names[tp.ContactID] + "@" + tp.Date.String()
		}
		name := func(id int64) string {
			if id == 0 {
				return "-"
			}
			return names[id]
		}
		for _, st := range d.Stakeholders {
			lines = append(lines, fmt.Sprintf("  person %s|%s|%s|%s|before=%s|via=%s", names[st.ContactID], st.Role, st.Stance, st.TargetStance,
				who[st.Plan.BeforeID], name(st.Plan.ViaID)))
		}
		for _, tp := range d.Touchpoints {
			lines = append(lines, fmt.Sprintf("  talk %s|%s|%s|%d|%q|heardvia=%s", who[tp.StakeholderID], talk[tp.ID], tp.Kind, tp.Sentiment, tp.Said, name(tp.HeardViaID)))
		}
		for _, o := range d.Objections {
			lines = append(lines, fmt.Sprintf("  objection %q|%s|%s|by=%s|in=%s|voice=%s", o.Text, o.Severity, o.Status, who[o.RaisedByID], talk[o.TouchpointID], who[o.VoiceID]))
		}
		for _, b := range d.BlindSpots {
			lines = append(lines, fmt.Sprintf("  blindspot %q|%s|by=%s|in=%s", b.Text, b.Status, who[b.SurfacedByID], talk[b.TouchpointID]))
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// contractCase is one behaviour: act on the store, and say what came of it
// in words (errors included) for the two stores to agree on.
type contractCase struct {
	name string
	// setup, when set, prepares the workbook first (not part of the action).
	setup func(s Store, w *world) error
	act   func(t *testing.T, s Store, w world) (string, error)
}

var contractCases = []contractCase{
	{name: "add a new person", act: func(t *testing.T, s Store, w world) (string, error) {
		st, err := s.AddPerson(context.Background(), model.Contact{Name: "Quinn Okafor", Org: "Finance"},
			model.Stakeholder{ProposalID: w.proposal.ID, Role: model.RoleInfluencer, Stance: model.StanceNeutral, TargetStance: model.StanceSupporter})
		return fmt.Sprintf("contact set=%v", st.ContactID != 0), err
	}},
	{name: "add an invalid person", act: func(t *testing.T, s Store, w world) (string, error) {
		_, err := s.AddPerson(context.Background(), model.Contact{Name: ""}, model.Stakeholder{ProposalID: w.proposal.ID})
		return "", err
	}},
	{name: "record a conversation", act: func(t *testing.T, s Store, w world) (string, error) {
		stance := model.StanceSupporter
		c, err := s.RecordConversation(context.Background(), model.Conversation{
			Touchpoint: model.Touchpoint{ProposalID: w.proposal.ID, StakeholderID: w.otherPerson.ID, ContactID: w.otherPerson.ContactID,
				Date: testToday, Channel: model.VenueCoffee, Kind: model.TouchAdvice, Opener: model.OpenerAdvice, Said: "Fine by me if ops signs off."},
			Objections: []model.Objection{{Text: "Ops has not signed off", Severity: model.SeverityMajor, Status: model.ObjectionOpen}},
			BlindSpots: []model.BlindSpot{{Text: "Nobody asked ops", Status: model.BlindSpotOpen, RaisedOn: testToday}},
			Stance:     &stance,
		})
		return fmt.Sprintf("objections=%d blindspots=%d", len(c.Objections), len(c.BlindSpots)), err
	}},
	{name: "edit the proposal", act: func(t *testing.T, s Store, w world) (string, error) {
		p, err := s.EditProposal(context.Background(), w.proposal.ID, func(p *model.Proposal) error { p.Title = "Renamed"; return nil })
		return p.Title, err
	}},
	{name: "an edit that fails changes nothing", act: func(t *testing.T, s Store, w world) (string, error) {
		_, err := s.EditProposal(context.Background(), w.proposal.ID, func(p *model.Proposal) error { p.Title = ""; return nil })
		return "", err
	}},
	{name: "edit a contact", act: func(t *testing.T, s Store, w world) (string, error) {
		c, err := s.EditContact(context.Background(), w.contact.ID, func(c *model.Contact) error { c.Title = "Chief of staff"; return nil })
		return c.Title, err
	}},
	{name: "edit a stakeholder", act: func(t *testing.T, s Store, w world) (string, error) {
		st, err := s.EditStakeholder(context.Background(), w.talker.ID, func(st *model.Stakeholder) error { st.Stance = model.StanceChampion; return nil })
		return st.Stance.String(), err
	}},
	{name: "edit a conversation", act: func(t *testing.T, s Store, w world) (string, error) {
		tp, err := s.EditTouchpoint(context.Background(), w.talk.ID, func(tp *model.Touchpoint) error { tp.Said = "Rewritten"; tp.Sentiment = -2; return nil })
		return tp.Said, err
	}},
	{name: "edit an objection", act: func(t *testing.T, s Store, w world) (string, error) {
		o, err := s.EditObjection(context.Background(), w.objection.ID, func(o *model.Objection) error { o.Status = model.ObjectionResolved; return nil })
		return o.Status.String(), err
	}},
	{name: "edit a blind spot", act: func(t *testing.T, s Store, w world) (string, error) {
		b, err := s.EditBlindSpot(context.Background(), w.blindSpot.ID, func(b *model.BlindSpot) error { b.Text = "Seen now"; return nil })
		return b.Text, err
	}},
	{name: "edit a person and their contact", act: func(t *testing.T, s Store, w world) (string, error) {
		c, st, err := s.EditPerson(context.Background(), w.talker.ID,
			func(c *model.Contact) error { c.Org = "Elsewhere"; return nil },
			func(st *model.Stakeholder) error { st.Role = model.RoleImplementer; return nil })
		return c.Org + "|" + st.Role.String(), err
	}},
	{name: "remove a stakeholder", act: func(t *testing.T, s Store, w world) (string, error) {
		return "", s.RemoveStakeholder(context.Background(), w.talker.ID)
	}},
	{name: "delete a conversation", act: func(t *testing.T, s Store, w world) (string, error) {
		return "", s.DeleteTouchpoint(context.Background(), w.talk.ID)
	}},
	{name: "delete an objection", act: func(t *testing.T, s Store, w world) (string, error) {
		return "", s.DeleteObjection(context.Background(), w.objection.ID)
	}},
	{name: "delete a blind spot", act: func(t *testing.T, s Store, w world) (string, error) {
		return "", s.DeleteBlindSpot(context.Background(), w.blindSpot.ID)
	}},
	{name: "delete a contact someone refers to", act: func(t *testing.T, s Store, w world) (string, error) {
		err := s.DeleteContact(context.Background(), w.contact.ID)
		return fmt.Sprintf("conflict=%v", errors.Is(err, db.ErrConflict)), err
	}},
	{name: "delete a contact nobody refers to", setup: func(s Store, w *world) (err error) {
		w.contact, err = s.CreateContact(context.Background(), model.Contact{Name: "Lone Wolf"})
		return err
	}, act: func(t *testing.T, s Store, w world) (string, error) {
		return "", s.DeleteContact(context.Background(), w.contact.ID)
	}},
	{name: "merge two contacts", act: func(t *testing.T, s Store, w world) (string, error) {
		c, err := s.MergeContacts(context.Background(), w.otherPerson.ContactID, w.contact.ID)
		return c.Name, err
	}},
}

// TestStoreContract holds the fake to the real store: the same action gives
// the same outcome and the same workbook; undo gives back the workbook as
// it was; redo gives back the action's; a new action ends redo.
func TestStoreContract(t *testing.T) {
	ctx := context.Background()
	for _, c := range contractCases {
		t.Run(c.name, func(t *testing.T) {
			got := map[string][]string{}
			for name, s := range contractStores(t) {
				w := findWorld(t, s)
				if c.setup != nil {
					if err := c.setup(s, &w); err != nil {
						t.Fatal(err)
					}
				}
				before := picture(t, s)
				out, err := c.act(t, s, w)
				errText := "ok"
				if err != nil {
					errText = "refused"
				}
				after := picture(t, s)
				steps := []string{out + " " + errText, diff(before, after)}
				if err != nil {
					if after != before {
						t.Errorf("%s: a refused action changed the workbook:\n%s", name, diff(before, after))
					}
					got[name] = steps
					continue
				}
				if after == before {
					t.Errorf("%s: the action changed nothing", name)
				}
				if _, err := s.Undo(ctx); err != nil {
					t.Fatalf("%s: undo: %v", name, err)
				}
				if p := picture(t, s); p != before {
					t.Errorf("%s: undo did not restore the workbook:\n%s", name, diff(before, p))
				}
				if _, err := s.Redo(ctx); err != nil {
					t.Fatalf("%s: redo: %v", name, err)
				}
				if p := picture(t, s); p != after {
					t.Errorf("%s: redo did not give back the action:\n%s", name, diff(after, p))
				}
				// Undo again, then a new action: there is nothing left to redo.
				if _, err := s.Undo(ctx); err != nil {
					t.Fatalf("%s: undo: %v", name, err)
				}
				if _, err := s.EditProposal(ctx, w.proposal.ID, func(p *model.Proposal) error { p.Title += " (2)"; return nil }); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if _, err := s.Redo(ctx); err == nil {
					t.Errorf("%s: redo still worked after a new action", name)
				}
				got[name] = steps
			}
			if !slices.Equal(got["fake"], got["real"]) {
				t.Errorf("the stores disagree:\nfake: %q\nreal: %q", got["fake"], got["real"])
			}
		})
	}
}

// diff lists the lines only one picture has.
func diff(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if !mb[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ma[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}

// TestStoreContractImpacts: the counts a removal's question quotes are the
// same in both stores, and are what the workbook holds.
func TestStoreContractImpacts(t *testing.T) {
	ctx := context.Background()
	got := map[string]string{}
	for name, s := range contractStores(t) {
		w := findWorld(t, s)
		sr, err := s.StakeholderImpact(ctx, w.talker.ID)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := s.TouchpointImpact(ctx, w.talk.ID)
		if err != nil {
			t.Fatal(err)
		}
		cr, err := s.ContactImpact(ctx, w.contact.ID)
		if err != nil {
			t.Fatal(err)
		}
		if sr.Conversations == 0 || tr.Objections == 0 || cr.Proposals == 0 {
			t.Errorf("%s: the impacts miss what the demo holds: %+v %+v %+v", name, sr, tr, cr)
		}
		got[name] = fmt.Sprintf("stakeholder %+v\ntouchpoint %+v\ncontact %+v", sr, tr, cr)
	}
	if got["fake"] != got["real"] {
		t.Errorf("the stores disagree:\nfake:\n%s\nreal:\n%s", got["fake"], got["real"])
	}
}

// TestStoreContractDrafts: a draft is kept, read back, replaced and
// deleted, and is never an undo step.
func TestStoreContractDrafts(t *testing.T) {
	ctx := context.Background()
	for name, s := range contractStores(t) {
		if _, ok, err := s.GetDraft(ctx, "log:stakeholder:1"); ok || err != nil {
			t.Errorf("%s: a draft before any was saved: %v %v", name, ok, err)
		}
		for _, data := range []string{`{"said":"half"}`, `{"said":"more"}`} {
			if err := s.SaveDraft(ctx, model.Draft{Key: "log:stakeholder:1", Title: "Conversation with Dana", Data: data}); err != nil {
				t.Fatal(err)
			}
		}
		d, ok, err := s.GetDraft(ctx, "log:stakeholder:1")
		if err != nil || !ok || d.Data != `{"said":"more"}` || d.Title != "Conversation with Dana" {
			t.Errorf("%s: got %+v %v %v, want the second save", name, d, ok, err)
		}
		// The last undo step is still the demo's import, not the draft.
		ch, err := s.Undo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.GetDraft(ctx, "log:stakeholder:1"); !ok {
			t.Errorf("%s: undo (%s) took the draft", name, ch.Summary)
		}
		if err := s.DeleteDraft(ctx, "log:stakeholder:1"); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := s.GetDraft(ctx, "log:stakeholder:1"); ok || err != nil {
			t.Errorf("%s: the draft outlived its deletion: %v %v", name, ok, err)
		}
		if err := s.DeleteDraft(ctx, "no-such-draft"); err != nil {
			t.Errorf("%s: deleting a draft that is not there: %v", name, err)
		}
	}
}
