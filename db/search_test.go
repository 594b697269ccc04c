package db

import (
	"context"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// hitKeys lists hits as "kind id" for comparison.
func hitKeys(hits []model.SearchHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Kind.String()+" "+itoa(int(h.ID)))
	}
	return out
}

func findHit(hits []model.SearchHit, kind model.SearchKind, id int64) (model.SearchHit, bool) {
	for _, h := range hits {
		if h.Kind == kind && h.ID == id {
			return h, true
		}
	}
	return model.SearchHit{}, false
}

// The "done when": on the demo, searching ERP finds the CFO's
// objection and the conversations that mention it.
func TestSearchDemoFindsTheCFOsObjection(t *testing.T) {
	s, clk := demoStore(t)
	ctx := context.Background()
	wb := demo.Workbook(clk.today())
	hits, err := s.Search(ctx, "ERP", 0)
	mustNoErr(t, err)
	var wantObj []int64
	for _, o := range wb.Objections {
		if strings.Contains(o.Text, "ERP") || strings.Contains(o.Response, "ERP") {
			wantObj = append(wantObj, o.ID)
		}
	}
	var wantTalks []int64
	for _, tp := range wb.Touchpoints {
		if strings.Contains(tp.Said+tp.Subtext+tp.FollowUp, "ERP") {
			wantTalks = append(wantTalks, tp.ID)
		}
	}
	if len(wantObj) == 0 || len(wantTalks) == 0 {
		t.Fatal("the demo no longer mentions the ERP in an objection and a conversation")
	}
	for _, id := range wantObj {
		h, ok := findHit(hits, model.SearchObjection, id)
		if !ok {
			t.Fatalf("objection %d not found; hits %v", id, hitKeys(hits))
		}
		if h.ContactName != "Dana Reyes" || h.ProposalTitle == "" {
			t.Errorf("objection hit belongs to %q on %q, want the CFO Dana Reyes on a proposal", h.ContactName, h.ProposalTitle)
		}
		if len(h.Matches) == 0 || !hasMatchPart(h.Matches[0], "ERP") {
			t.Errorf("objection hit does not highlight ERP: %+v", h.Matches)
		}
	}
	for _, id := range wantTalks {
		if _, ok := findHit(hits, model.SearchTalk, id); !ok {
			t.Errorf("conversation %d mentions ERP but was not found; hits %v", id, hitKeys(hits))
		}
	}
}

func hasMatchPart(m model.SearchMatch, word string) bool {
	for _, p := range m.Snippet {
		if p.Match && strings.EqualFold(p.Text, word) {
			return true
		}
	}
	return false
}

// Words match as prefixes and without accents or case; every word must match.
func TestSearchPrefixDiacriticsAndAllWords(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	f := buildFixture(t, s)
	_, err := s.EditContact(ctx, f.marcus.ID, func(c *model.Contact) error {
		c.Notes = "Worked with Müller on the Zürich rollout."
		return nil
	})
	mustNoErr(t, err)
	for _, q := range []string{"muller", "MÜLL", "zurich roll", "zür"} {
		hits, err := s.Search(ctx, q, 0)
		mustNoErr(t, err)
		if _, ok := findHit(hits, model.SearchContact, f.marcus.ID); !ok {
			t.Errorf("search %q did not find the contact note; got %v", q, hitKeys(hits))
		}
	}
	hits, err := s.Search(ctx, "zurich berlin", 0)
	mustNoErr(t, err)
	if len(hits) != 0 {
		t.Errorf("search for two words, one absent, found %v", hitKeys(hits))
	}
	if _, err := s.Search(ctx, ` "*( ) - `, 0); err == nil {
		t.Error("a search with no words was not refused")
	}
}

// Query syntax and terminal escapes in what people type are text, never
// operators or bytes for the terminal.
func TestSearchHostileText(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	f := buildFixture(t, s)
	hostile := "NEAR(\"budget\" OR x) \x1b]8;;http://evil\x07link\x1b]8;;\x07 \x1b[31mred\x1b[0m AND NOT *"
	_, err := s.RecordConversation(ctx, model.Conversation{Touchpoint: model.Touchpoint{StakeholderID: f.sDana.ID,
		Date: model.NewDate(2026, 11, 20), Said: hostile}})
	mustNoErr(t, err)
	for _, q := range []string{`NEAR("budget"`, `OR x)`, `AND NOT`, `red`, `link`} {
		hits, err := s.Search(ctx, q, 0)
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		if len(hits) != 1 || hits[0].Kind != model.SearchTalk {
			t.Fatalf("search %q found %v, want the one conversation", q, hitKeys(hits))
		}
		for _, p := range hits[0].Matches[0].Snippet {
			if strings.ContainsAny(p.Shown(), "\x1b\x07") {
				t.Errorf("search %q: shown snippet part %q holds an escape", q, p.Shown())
			}
		}
	}
}

// The index follows every write: edits, deletes, and undo and redo.
func TestSearchFollowsEditsDeletesAndUndo(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	f := buildFixture(t, s)
	conv, err := s.RecordConversation(ctx, model.Conversation{Touchpoint: model.Touchpoint{StakeholderID: f.sDana.ID,
		Date: model.NewDate(2026, 11, 20), Said: "She worries about the quokka budget."}})
	mustNoErr(t, err)
	id := conv.Touchpoint.ID
	count := func(q string) int {
		t.Helper()
		hits, err := s.Search(ctx, q, 0)
		mustNoErr(t, err)
		return len(hits)
	}
	if count("quokka") != 1 {
		t.Fatal("a logged conversation is not found")
	}
	_, err = s.EditTouchpoint(ctx, id, func(tp *model.Touchpoint) error { tp.Said = "She worries about the wombat budget."; return nil })
	mustNoErr(t, err)
	if count("quokka") != 0 || count("wombat") != 1 {
		t.Error("an edited conversation is found by its old words or not by its new ones")
	}
	_, err = s.Undo(ctx) // the edit
	mustNoErr(t, err)
	if count("quokka") != 1 || count("wombat") != 0 {
		t.Error("after undoing the edit, search does not find the words as they are again")
	}
	_, err = s.Undo(ctx) // the conversation itself
	mustNoErr(t, err)
	if count("quokka") != 0 {
		t.Error("undoing a logged conversation left it in the search results")
	}
	_, err = s.Redo(ctx)
	mustNoErr(t, err)
	if count("quokka") != 1 {
		t.Error("redoing a logged conversation did not bring it back into search")
	}
	mustNoErr(t, s.DeleteTouchpoint(ctx, id))
	if count("quokka") != 0 {
		t.Error("a deleted conversation is still found")
	}
}

// Every kind of text is searchable and says what it belongs to.
func TestSearchCoversEveryKind(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	f := buildFixture(t, s)
	_, err := s.EditStakeholder(ctx, f.sDana.ID, func(st *model.Stakeholder) error { st.Fears = "a platypus overrun"; return nil })
	mustNoErr(t, err)
	_, err = s.AddObjection(ctx, model.Objection{ProposalID: f.proposal.ID, RaisedByID: f.sDana.ID, Text: "Platypus costs",
		Severity: model.SeverityMajor, Status: model.ObjectionOpen, Response: "a smaller platypus"})
	mustNoErr(t, err)
	_, err = s.AddBlindSpot(ctx, model.BlindSpot{ProposalID: f.proposal.ID, Text: "the platypus union", Status: model.BlindSpotOpen})
	mustNoErr(t, err)
	_, err = s.EditProposal(ctx, f.proposal.ID, func(p *model.Proposal) error { p.Ask = "Approve the platypus."; return nil })
	mustNoErr(t, err)
	hits, err := s.Search(ctx, "platyp", 0)
	mustNoErr(t, err)
	kinds := map[model.SearchKind]model.SearchHit{}
	for _, h := range hits {
		kinds[h.Kind] = h
	}
	for _, k := range []model.SearchKind{model.SearchPlan, model.SearchObjection, model.SearchBlindSpot, model.SearchProposal} {
		h, ok := kinds[k]
		if !ok {
			t.Errorf("no %s hit; got %v", k, hitKeys(hits))
			continue
		}
		if h.ProposalID != f.proposal.ID {
			t.Errorf("%s hit belongs to proposal %d, want %d", k, h.ProposalID, f.proposal.ID)
		}
	}
	if h := kinds[model.SearchPlan]; h.StakeholderID != f.sDana.ID || h.ContactName != "Dana Reyes" || h.Matches[0].Field != "fears" {
		t.Errorf("plan hit = %+v, want Dana's fears", h)
	}
	if h := kinds[model.SearchBlindSpot]; h.ContactID != 0 {
		t.Errorf("a blind spot I surfaced is credited to contact %d", h.ContactID)
	}
	groups := model.GroupSearch(hits)
	if len(groups) != 1 || groups[0].ProposalID != f.proposal.ID {
		t.Fatalf("groups = %+v, want one for the proposal", groups)
	}
}

// Import indexes the workbook in one go and puts the triggers back: what
// is written after it is found too, and its undo empties the index.
func TestSearchAfterImport(t *testing.T) {
	s, _ := demoStore(t)
	ctx := context.Background()
	var n int
	mustNoErr(t, s.w.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name GLOB 'search_*'").Scan(&n))
	if n != 18 {
		t.Fatalf("%d search triggers after an import, want 18", n)
	}
	ps, err := s.ListProposals(ctx, false)
	mustNoErr(t, err)
	stakes, err := s.ListStakeholders(ctx, ps[0].ID)
	mustNoErr(t, err)
	_, err = s.RecordConversation(ctx, model.Conversation{Touchpoint: model.Touchpoint{StakeholderID: stakes[0].ID,
		Date: model.NewDate(2026, 11, 20), Said: "A narwhal in the budget."}})
	mustNoErr(t, err)
	hits, err := s.Search(ctx, "narwhal", 0)
	mustNoErr(t, err)
	if len(hits) != 1 {
		t.Fatalf("a conversation logged after an import is not found: %v", hitKeys(hits))
	}
	_, err = s.Undo(ctx) // the conversation
	mustNoErr(t, err)
	_, err = s.Undo(ctx) // the import
	mustNoErr(t, err)
	mustNoErr(t, s.w.QueryRowContext(ctx, "SELECT count(*) FROM search").Scan(&n))
	if n != 0 {
		t.Errorf("after undoing the import the index holds %d rows", n)
	}
}

// Purge erases a conversation from the search index too: not found, and
// its words are nowhere in the index's own tables.
func TestPurgeLeavesNothingInTheSearchIndex(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	f := buildFixture(t, s)
	conv, err := s.RecordConversation(ctx, model.Conversation{Touchpoint: model.Touchpoint{StakeholderID: f.sDana.ID,
		Date: model.NewDate(2026, 11, 20), Said: "Confidential: the axolotl acquisition."}})
	mustNoErr(t, err)
	_, err = s.Purge(ctx, model.PurgeConversation, conv.Touchpoint.ID, model.Date{})
	mustNoErr(t, err)
	hits, err := s.Search(ctx, "axolotl", 0)
	mustNoErr(t, err)
	if len(hits) != 0 {
		t.Errorf("a purged conversation is still found: %v", hitKeys(hits))
	}
	var n int
	mustNoErr(t, s.w.QueryRowContext(ctx, "SELECT count(*) FROM search_content WHERE c0 LIKE '%axolotl%' OR c1 LIKE '%axolotl%' OR c2 LIKE '%axolotl%'").Scan(&n))
	if n != 0 {
		t.Errorf("the index's content table still holds the purged words (%d rows)", n)
	}
	// The index's term list (read through an fts5vocab table made for the
	// test) no longer has the word.
	_, err = s.w.ExecContext(ctx, "CREATE VIRTUAL TABLE temp.search_terms USING fts5vocab(main, search, row)")
	mustNoErr(t, err)
	mustNoErr(t, s.w.QueryRowContext(ctx, "SELECT count(*) FROM temp.search_terms WHERE term = 'axolotl'").Scan(&n))
	if n != 0 {
		t.Error("the index's term list still holds a purged word")
	}
}
