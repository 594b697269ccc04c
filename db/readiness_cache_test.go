package db

import (
	"context"
	"database/sql"
	"slices"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/readiness"
)

// wantScores is readiness as the brief computes it: every listed proposal's
// whole dossier, assessed now. The cache must never disagree with it.
func wantScores(t *testing.T, s *Store, today model.Date, all bool) []readiness.ProposalScore {
	t.Helper()
	ctx := context.Background()
	ps, err := s.ListProposals(ctx, all)
	mustNoErr(t, err)
	out := make([]readiness.ProposalScore, 0, len(ps))
	for _, p := range ps {
		d, err := s.LoadDossier(ctx, p.ID)
		mustNoErr(t, err)
		r := readiness.Assess(d, today)
		out = append(out, readiness.ProposalScore{Proposal: p, Score: r.Score, Verdict: r.Verdict})
	}
	return out
}

// checkScores lists the proposals through the cache, compares them with a
// fresh assessment of each, and returns how many the list assessed itself.
func checkScores(t *testing.T, s *Store, today model.Date, step string) int {
	t.Helper()
	before := s.assessed.Load()
	got, err := s.ProposalScores(context.Background(), today, true)
	mustNoErr(t, err)
	n := int(s.assessed.Load() - before)
	want := wantScores(t, s, today, true)
	if len(got) != len(want) {
		t.Fatalf("%s: %d proposals listed, want %d", step, len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Proposal.ID != w.Proposal.ID || g.Score != w.Score || g.Verdict != w.Verdict {
			t.Errorf("%s: row %d is proposal %d at %d (%s), want proposal %d at %d (%s)",
				step, i, g.Proposal.ID, g.Score, g.Verdict, w.Proposal.ID, w.Score, w.Verdict)
		}
	}
	return n
}

// sharedContact finds a contact who sits on several proposals, with their
// stakeholder row on the first and the proposals they sit on.
func sharedContact(t *testing.T, s *Store, wb model.Workbook) (model.Stakeholder, []int64) {
	t.Helper()
	on := map[int64][]model.Stakeholder{}
	for _, st := range wb.Stakeholders {
		on[st.ContactID] = append(on[st.ContactID], st)
	}
	for _, sts := range on {
		if len(sts) >= 2 && len(sts) <= len(wb.Proposals)/2 {
			var ps []int64
			for _, st := range sts {
				ps = append(ps, st.ProposalID)
			}
			return sts[0], ps
		}
	}
	t.Fatal("the generated workbook has no contact on a few proposals")
	return model.Stakeholder{}, nil
}

// The readiness cache gives what assessing each proposal gives, after every
// kind of change; it assesses again only what a change touched.
func TestProposalScoresFollowEveryChange(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	day := model.NewDate(2026, 11, 21)
	wb := demo.LargeWorkbook(day, demo.LargeOptions{Proposals: 12, Stakeholders: 6, Conversations: 20, Contacts: 30, Seed: 7})
	mustNoErr(t, s.Import(ctx, wb))
	total := len(wb.Proposals)

	if n := checkScores(t, s, day, "first list"); n != total {
		t.Errorf("first list assessed %d proposals, want all %d", n, total)
	}
	if n := checkScores(t, s, day, "second list"); n != 0 {
		t.Errorf("second list assessed %d proposals, want none (all cached)", n)
	}

	// A talk with someone on several proposals moves this proposal's log,
	// and the person's nurture ledger, which no score reads
	// (readiness.ScoreInputs): this proposal is assessed again, and only
	// it; the others the person sits on stay cached and still agree with
	// a fresh assessment of their whole dossiers.
	st, on := sharedContact(t, s, wb)
	_, err := s.RecordConversation(ctx, model.Conversation{Touchpoint: model.Touchpoint{
		StakeholderID: st.ID, Date: day, Kind: model.TouchShare, Channel: model.VenueCall, Sentiment: 2,
		Opener: model.OpenerAdvice}})
	mustNoErr(t, err)
	if n := checkScores(t, s, day, "after a talk"); n != 1 {
		t.Errorf("after a talk with someone on %d proposals, %d of %d were assessed, want the talk's 1", len(on), n, total)
	}
	stance := model.StanceChampion
	_, err = s.RecordConversation(ctx, model.Conversation{Stance: &stance, Touchpoint: model.Touchpoint{
		StakeholderID: st.ID, Date: day, Kind: model.TouchAsk, Channel: model.VenueCall, Sentiment: 2,
		Opener: model.OpenerAdvice}})
	mustNoErr(t, err)
	checkScores(t, s, day, "after a talk that won them over")
	if n := checkScores(t, s, day, "list after the talk"); n != 0 {
		t.Errorf("the list after that assessed %d, want none", n)
	}

	// Undo and redo are changes like any other.
	_, err = s.Undo(ctx)
	mustNoErr(t, err)
	if n := checkScores(t, s, day, "after undo"); n != 1 {
		t.Errorf("undo of the talk assessed %d again, want its proposal's 1", n)
	}
	_, err = s.Redo(ctx)
	mustNoErr(t, err)
	checkScores(t, s, day, "after redo")

	// The proposal's own fields, a contact's, a person's part.
	_, err = s.EditProposal(ctx, wb.Proposals[3].ID, func(p *model.Proposal) error {
		p.DecisionDate = day.AddDays(2)
		return nil
	})
	mustNoErr(t, err)
	if n := checkScores(t, s, day, "after a new decision date"); n != 1 {
		t.Errorf("after one proposal's date moved, %d were assessed, want 1", n)
	}
	_, err = s.EditContact(ctx, st.ContactID, func(c *model.Contact) error {
		c.CadenceDays = 3
		return nil
	})
	mustNoErr(t, err)
	// A contact's own fields (their cadence, name, discretion) feed the
	// risks and next actions, never a score.
	if n := checkScores(t, s, day, "after a contact's cadence"); n != 0 {
		t.Errorf("after a contact on %d proposals changed, %d of %d were assessed, want none", len(on), n, total)
	}
	_, err = s.EditStakeholder(ctx, wb.Stakeholders[5].ID, func(x *model.Stakeholder) error {
		x.Role = model.RoleDecisionMaker
		x.Veto = true
		return nil
	})
	mustNoErr(t, err)
	if n := checkScores(t, s, day, "after a new decision-maker"); n != 1 {
		t.Errorf("after one person's part changed, %d were assessed, want 1", n)
	}

	// Purge is not a change: it empties the cache itself.
	tps, err := s.ListTouchpoints(ctx, st.ProposalID)
	mustNoErr(t, err)
	_, err = s.Purge(ctx, model.PurgeConversation, tps[len(tps)-1].ID, model.Date{})
	mustNoErr(t, err)
	if n := checkScores(t, s, day, "after a purge"); n != total {
		t.Errorf("after a purge %d were assessed, want all %d", n, total)
	}
	_, err = s.Purge(ctx, model.PurgeProposal, wb.Proposals[0].ID, model.Date{})
	mustNoErr(t, err)
	checkScores(t, s, day, "after purging a proposal")

	// Another day, another build: nothing cached is read.
	if n := checkScores(t, s, day.AddDays(1), "the next day"); n != total-1 {
		t.Errorf("the next day %d were assessed, want all %d", n, total-1)
	}
	s.build = "another build"
	if n := checkScores(t, s, day.AddDays(1), "another build"); n != total-1 {
		t.Errorf("another build assessed %d, want all %d", n, total-1)
	}
}

// Writing the cache is not a user action: no undo step, and undo after a
// list takes back the user's last action, not the list's cache.
func TestReadinessCacheIsNotUndone(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	day := model.NewDate(2026, 11, 21)
	wb := demo.LargeWorkbook(day, demo.LargeOptions{Proposals: 4, Stakeholders: 4, Conversations: 8, Contacts: 6, Seed: 3})
	mustNoErr(t, s.Import(ctx, wb))
	edited, err := s.EditProposal(ctx, wb.Proposals[1].ID, func(p *model.Proposal) error {
		p.Forum = "Board"
		return nil
	})
	mustNoErr(t, err)
	before, err := s.ListChanges(ctx, ChangeFilter{})
	mustNoErr(t, err)
	checkScores(t, s, day, "list")
	var cached int
	mustNoErr(t, s.r.QueryRowContext(ctx, "SELECT count(*) FROM readiness_cache").Scan(&cached))
	if cached != len(wb.Proposals) {
		t.Fatalf("%d rows cached, want %d", cached, len(wb.Proposals))
	}
	after, err := s.ListChanges(ctx, ChangeFilter{})
	mustNoErr(t, err)
	if !slices.EqualFunc(before, after, func(a, b model.Change) bool { return a.ID == b.ID }) {
		t.Errorf("listing made an undo step: %d changes before, %d after", len(before), len(after))
	}
	mustNoErr(t, err)
	if _, err := s.Undo(ctx); err != nil {
		t.Fatalf("undo after a list: %v", err)
	}
	p, err := s.GetProposal(ctx, edited.ID)
	mustNoErr(t, err)
	if p.Forum != wb.Proposals[1].Forum {
		t.Errorf("undo after a list left the forum %q, want %q back", p.Forum, wb.Proposals[1].Forum)
	}
	var rows int
	mustNoErr(t, s.r.QueryRowContext(ctx, "SELECT count(*) FROM change_rows WHERE entity = 'readiness_cache'").Scan(&rows))
	if rows != 0 {
		t.Errorf("%d cache rows captured for undo", rows)
	}
	checkScores(t, s, day, "after undo")
}

// A later chunk of an import adds its rows to a step opened earlier, in a
// transaction of its own (continueStep): the cache sees those rows too.
func TestProposalScoresSeeRowsAddedToAnEarlierStep(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	day := model.NewDate(2026, 11, 21)
	wb := demo.LargeWorkbook(day, demo.LargeOptions{Proposals: 5, Stakeholders: 4, Conversations: 6, Contacts: 8, Seed: 5})
	mustNoErr(t, s.Import(ctx, wb))
	_, err := s.EditProposal(ctx, wb.Proposals[0].ID, func(p *model.Proposal) error {
		p.Forum = "Board"
		return nil
	})
	mustNoErr(t, err)
	changes, err := s.ListChanges(ctx, ChangeFilter{Limit: 1})
	mustNoErr(t, err)
	checkScores(t, s, day, "list")
	// Everyone on the second proposal decides and vetoes now, filed under
	// the edit's step as an import's next chunk would be.
	target := wb.Proposals[1].ID
	mustNoErr(t, s.continueStep(ctx, changes[0].ID, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE stakeholders SET role = ?, veto = 1, stance = ? WHERE proposal_id = ?",
			word(model.RoleDecisionMaker), word(model.StanceOpponent), target)
		return err
	}))
	if n := checkScores(t, s, day, "after a later chunk"); n != 1 {
		t.Errorf("after rows added to an earlier step, %d proposals were assessed, want 1", n)
	}
}

// The first list of a day reads every proposal's score inputs again (the
// cache holds another day's answers): after an undo, a redo and a day
// change in turn, every list still agrees with a fresh assessment of each
// whole dossier, and assesses exactly what moved.
func TestProposalScoresAcrossDaysAndUndo(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	day := model.NewDate(2026, 11, 21)
	wb := demo.LargeWorkbook(day, demo.LargeOptions{Proposals: 10, Stakeholders: 6, Conversations: 30, Contacts: 20, Seed: 9})
	mustNoErr(t, s.Import(ctx, wb))
	total := len(wb.Proposals)
	checkScores(t, s, day, "first list")
	st, _ := sharedContact(t, s, wb)
	stance := model.StanceChampion
	_, err := s.RecordConversation(ctx, model.Conversation{Stance: &stance, Touchpoint: model.Touchpoint{
		StakeholderID: st.ID, Date: day, Kind: model.TouchAsk, Channel: model.VenueCall, Sentiment: 2, Opener: model.OpenerAdvice}})
	mustNoErr(t, err)
	if n := checkScores(t, s, day, "after a talk"); n != 1 {
		t.Errorf("after a talk %d were assessed, want 1", n)
	}
	_, err = s.Undo(ctx)
	mustNoErr(t, err)
	if n := checkScores(t, s, day.AddDays(1), "the next day, after undo"); n != total {
		t.Errorf("the first list of the next day assessed %d, want all %d", n, total)
	}
	_, err = s.Redo(ctx)
	mustNoErr(t, err)
	if n := checkScores(t, s, day.AddDays(1), "after redo"); n != 1 {
		t.Errorf("after redo %d were assessed, want 1", n)
	}
	for _, later := range []int{2, 30, 400} {
		if n := checkScores(t, s, day.AddDays(later), "a later day"); n != total {
			t.Errorf("%d days on, %d were assessed, want all %d", later, n, total)
		}
	}
}
