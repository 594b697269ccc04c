package db

import (
	"cmp"
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

func TestLoadDossier(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)
	// Dana also sits on the other proposal; a stranger is only there.
	stranger, err := s.CreateContact(ctx, model.Contact{Name: "Stranger"})
	mustNoErr(t, err)
	danaElsewhere, err := s.AddStakeholder(ctx, model.Stakeholder{ProposalID: f.other.ID, ContactID: f.dana.ID, Influence: 3})
	mustNoErr(t, err)
	strangerElsewhere, err := s.AddStakeholder(ctx, model.Stakeholder{ProposalID: f.other.ID, ContactID: stranger.ID, Influence: 3})
	mustNoErr(t, err)

	log := func(st model.Stakeholder, day int) model.Touchpoint {
		tp, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: st.ID, Date: model.NewDate(2026, 11, day)})
		mustNoErr(t, err)
		return tp
	}
	t1 := log(f.sDana, 18)
	t2 := log(danaElsewhere, 12) // Dana, other proposal: in ContactTouchpoints only
	t3 := log(f.sMarcus, 15)
	log(strangerElsewhere, 10) // nobody on this proposal: nowhere in the dossier
	// Sofia carries messages to Dana on this proposal; her own talks on
	// the other proposal belong to the nurture ledger too.
	sofiaElsewhere, err := s.AddStakeholder(ctx, model.Stakeholder{ProposalID: f.other.ID, ContactID: f.via.ID, Influence: 2})
	mustNoErr(t, err)
	t4 := log(sofiaElsewhere, 14)
	obj, err := s.AddObjection(ctx, model.Objection{ProposalID: f.proposal.ID, Text: "Cost.", RaisedByID: f.sDana.ID})
	mustNoErr(t, err)
	_, err = s.AddObjection(ctx, model.Objection{ProposalID: f.other.ID, Text: "Elsewhere."})
	mustNoErr(t, err)
	spot, err := s.AddBlindSpot(ctx, model.BlindSpot{ProposalID: f.proposal.ID, Text: "Staffing."})
	mustNoErr(t, err)

	d, err := s.LoadDossier(ctx, f.proposal.ID)
	mustNoErr(t, err)

	if d.Proposal.ID != f.proposal.ID || len(d.Stakeholders) != 2 || d.Stakeholders[0].ID != f.sDana.ID {
		t.Errorf("proposal/stakeholders: %+v / %+v", d.Proposal, d.Stakeholders)
	}
	ids := func(ts []model.Touchpoint) []int64 {
		var out []int64
		for _, tp := range ts {
			out = append(out, tp.ID)
		}
		return out
	}
	// In ID order, though t1 was on a later day than t3: readiness and
	// the brief order by date themselves, once (issue 13, cause 3).
	if got, want := ids(d.Touchpoints), []int64{t1.ID, t3.ID}; !reflect.DeepEqual(got, want) {
		t.Errorf("touchpoints %v, want %v (by ID)", got, want)
	}
	if got, want := ids(d.ContactTouchpoints), []int64{t1.ID, t2.ID, t3.ID, t4.ID}; !reflect.DeepEqual(got, want) {
		t.Errorf("contact touchpoints %v, want %v (by ID)", got, want)
	}
	var contactIDs []int64
	for id, c := range d.Contacts {
		if c.ID != id {
			t.Errorf("contact map key %d holds contact %d", id, c.ID)
		}
		contactIDs = append(contactIDs, id)
	}
	sort.Slice(contactIDs, func(i, j int) bool { return contactIDs[i] < contactIDs[j] })
	// Dana and Marcus as stakeholders, Sofia as Dana's intermediary.
	if want := []int64{f.dana.ID, f.marcus.ID, f.via.ID}; !reflect.DeepEqual(contactIDs, want) {
		t.Errorf("contacts %v, want %v", contactIDs, want)
	}
	if len(d.Objections) != 1 || d.Objections[0].ID != obj.ID || len(d.BlindSpots) != 1 || d.BlindSpots[0].ID != spot.ID {
		t.Errorf("objections %+v, blind spots %+v", d.Objections, d.BlindSpots)
	}
	all, err := s.ListHistory(ctx, HistoryFilter{ProposalID: f.proposal.ID})
	mustNoErr(t, err)
	// Every change but the records of logged conversations (issue 13: the
	// conversations themselves are the log, and nothing read those rows).
	var want []model.HistoryEvent
	for _, h := range all {
		if h.Entity != model.EntityTouchpoint {
			want = append(want, h)
		}
	}
	if len(want) == len(all) {
		t.Fatal("the fixture logs no conversation, so this checks nothing")
	}
	if len(d.History) == 0 || !equalJSON(t, d.History, want) {
		t.Errorf("history: %d rows, want %d", len(d.History), len(want))
	}
	for _, h := range d.History {
		if h.ProposalID != f.proposal.ID {
			t.Errorf("history row of proposal %d in the dossier", h.ProposalID)
		}
	}
}

// LoadDossier must agree with the model's own definition of a dossier,
// DossierFromWorkbook, on the demo workbook (people on several proposals,
// go-betweens, history of every kind), once both are put in ID order.
func TestLoadDossierMatchesModel(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	wb := demo.Workbook(model.NewDate(2026, 11, 21))
	mustNoErr(t, s.Import(ctx, wb))
	for _, p := range wb.Proposals {
		got, err := s.LoadDossier(ctx, p.ID)
		mustNoErr(t, err)
		want := model.DossierFromWorkbook(wb, p.ID)
		if len(got.ContactTouchpoints) == 0 || len(got.History) == 0 {
			t.Fatalf("proposal %d: the demo should give a full dossier", p.ID)
		}
		if !equalJSON(t, byID(got), byID(want)) {
			g, _ := json.MarshalIndent(byID(got), "", " ")
			w, _ := json.MarshalIndent(byID(want), "", " ")
			t.Errorf("proposal %d: LoadDossier differs from DossierFromWorkbook\n got %s\nwant %s", p.ID, g, w)
		}
	}
}

// byID puts every list of a dossier in ID order, and empty lists as nil.
func byID(d model.Dossier) model.Dossier {
	st := slices.Clone(d.Stakeholders)
	slices.SortFunc(st, func(a, b model.Stakeholder) int { return cmp.Compare(a.ID, b.ID) })
	tp := slices.Clone(d.Touchpoints)
	slices.SortFunc(tp, func(a, b model.Touchpoint) int { return cmp.Compare(a.ID, b.ID) })
	ct := slices.Clone(d.ContactTouchpoints)
	slices.SortFunc(ct, func(a, b model.Touchpoint) int { return cmp.Compare(a.ID, b.ID) })
	d.Stakeholders, d.Touchpoints, d.ContactTouchpoints = nilIfEmpty(st), nilIfEmpty(tp), nilIfEmpty(ct)
	d.Objections, d.BlindSpots, d.History = nilIfEmpty(d.Objections), nilIfEmpty(d.BlindSpots), nilIfEmpty(d.History)
	return d
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// Every list of a dossier comes in ID order (the order model's
// sortedDossier would otherwise copy and sort it into, on every Assess and
// brief), whatever order the rows were written in.
func TestLoadDossierInIDOrder(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	wb := demo.Workbook(model.NewDate(2026, 11, 21))
	mustNoErr(t, s.Import(ctx, wb))
	byID := func(a, b model.Touchpoint) int { return cmp.Compare(a.ID, b.ID) }
	for _, p := range wb.Proposals {
		d, err := s.LoadDossier(ctx, p.ID)
		mustNoErr(t, err)
		if len(d.Touchpoints) < 2 || len(d.ContactTouchpoints) <= len(d.Touchpoints) {
			t.Fatalf("proposal %d: the demo should give conversations here and elsewhere", p.ID)
		}
		if !slices.IsSortedFunc(d.Touchpoints, byID) || !slices.IsSortedFunc(d.ContactTouchpoints, byID) {
			t.Errorf("proposal %d: conversations not in ID order", p.ID)
		}
		for i := 1; i < len(d.ContactTouchpoints); i++ {
			if d.ContactTouchpoints[i].ID == d.ContactTouchpoints[i-1].ID {
				t.Errorf("proposal %d: conversation %d twice", p.ID, d.ContactTouchpoints[i].ID)
			}
		}
		if !slices.IsSortedFunc(d.Objections, func(a, b model.Objection) int { return cmp.Compare(a.ID, b.ID) }) ||
			!slices.IsSortedFunc(d.BlindSpots, func(a, b model.BlindSpot) int { return cmp.Compare(a.ID, b.ID) }) {
			t.Errorf("proposal %d: objections or blind spots not in ID order", p.ID)
		}
	}
}

// A contact a conversation was heard via is in the dossier (and so in the
// list's dossier) even when they sit on no part of the proposal.
func TestDossierHasHeardViaStranger(t *testing.T) {
	ctx := context.Background()
	s, clk := openTest(t)
	f := buildFixture(t, s)
	stranger, err := s.CreateContact(ctx, model.Contact{Name: "Wren Outsider"})
	mustNoErr(t, err)
	_, err = s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sMarcus.ID, Date: clk.today(), Kind: model.TouchAsk, HeardViaID: stranger.ID})
	mustNoErr(t, err)
	d, err := s.LoadDossier(ctx, f.proposal.ID)
	mustNoErr(t, err)
	if c, ok := d.Contacts[stranger.ID]; !ok || c.Name != "Wren Outsider" {
		t.Error("the dossier lacks the stranger a conversation was heard via")
	}
	list, err := s.ListDossiers(ctx, clk.today(), true)
	mustNoErr(t, err)
	for _, ld := range list {
		if _, ok := ld.Contacts[stranger.ID]; ld.Proposal.ID == f.proposal.ID && !ok {
			t.Error("the list's dossier lacks the stranger a conversation was heard via")
		}
	}
}

// A proposal's log read by walking the whole table (when the proposal holds
// at least half of it) and through the proposal index: the same dossier,
// byte for byte, on a workbook of three proposals sharing their people.
func TestLoadDossierSameWhicheverPlan(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	wb := demo.LargeWorkbook(model.NewDate(2026, 11, 21), demo.LargeOptions{Proposals: 3, Stakeholders: 12,
		Conversations: 150, Contacts: 20, Seed: 7})
	mustNoErr(t, s.Import(ctx, wb))
	t.Cleanup(func() { forcedLogPlan = nil })
	load := func(id int64, scan *bool) model.Dossier {
		forcedLogPlan = scan
		d, err := s.LoadDossier(ctx, id)
		mustNoErr(t, err)
		return d
	}
	yes, no := true, false
	for _, p := range wb.Proposals {
		byIndex, byScan, chosen := load(p.ID, &no), load(p.ID, &yes), load(p.ID, nil)
		if len(byIndex.Touchpoints) != 150 || len(byIndex.ContactTouchpoints) <= 150 {
			t.Fatalf("proposal %d: %d conversations, %d with its people: the workbook should share people", p.ID,
				len(byIndex.Touchpoints), len(byIndex.ContactTouchpoints))
		}
		if !reflect.DeepEqual(byIndex, byScan) || !reflect.DeepEqual(byIndex, chosen) {
			t.Errorf("proposal %d: the dossier differs between the plans", p.ID)
		}
	}
}

// The table is walked only when the proposal holds at least half of the
// conversation IDs; otherwise, and for a proposal with none, the index.
func TestLogPlan(t *testing.T) {
	for _, c := range []struct {
		n, last int
		scan    bool
	}{{0, 0, false}, {0, 10, false}, {10000, 10000, true}, {5000, 10000, true}, {4999, 10000, false}, {150, 450, false}, {1, 1, true}} {
		if got := logPlan(c.n, c.last) != ""; got != c.scan {
			t.Errorf("logPlan(%d, %d) walks the table: %v, want %v", c.n, c.last, got, c.scan)
		}
	}
}

// A dossier's history is every record of the proposal but those of its
// conversations, in ID order, whatever the entity's name sorts as: the read
// takes the names before "touchpoint" and after it as two ranges.
func TestDossierHistoryLeavesOutOnlyConversations(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	wb := demo.Workbook(model.NewDate(2026, 11, 21))
	mustNoErr(t, s.Import(ctx, wb))
	p := wb.Proposals[0].ID
	// Records of an entity named after "touchpoint" (none is yet) and of
	// one before it, written last so they must come last.
	for _, entity := range []string{"workbook", "agenda"} {
		_, err := s.w.ExecContext(ctx, `INSERT INTO history (at, entity, entity_id, proposal_id, action, field, old, new)
			VALUES ('2026-11-21T00:00:00.000000000Z', ?, 1, ?, 'update', 'x', 'a', 'b')`, entity, p)
		mustNoErr(t, err)
	}
	d, err := s.LoadDossier(ctx, p)
	mustNoErr(t, err)
	var want []int64
	rows, err := s.r.QueryContext(ctx, "SELECT id FROM history WHERE proposal_id = ? AND entity <> 'touchpoint' ORDER BY id", p)
	mustNoErr(t, err)
	for rows.Next() {
		var id int64
		mustNoErr(t, rows.Scan(&id))
		want = append(want, id)
	}
	mustNoErr(t, rows.Close())
	var got []int64
	for _, h := range d.History {
		got = append(got, h.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("history IDs %v, want %v", got, want)
	}
	if n := len(d.History); n < 3 || d.History[n-2].Entity != "workbook" || d.History[n-1].Entity != "agenda" {
		t.Errorf("the records written last are not last: %+v", d.History[max(0, n-2):])
	}
}
