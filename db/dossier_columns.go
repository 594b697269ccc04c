package db

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// How LoadDossier reads conversations. Through the driver every column of
// every row is a few calls into SQLite, each under the connection's mutex,
// and a text column is a copy and an allocation more; a proposal's log is
// tens of thousands of rows (docs/performance.md, "Peers"). So the read
// leaves out what it already knows (the proposal of its own log) and reads
// the four enum columns as one text, which a handful of combinations cover.

// conversationColumns is one way of reading conversations: the columns
// after SELECT and where each goes. proposal_id is never among them: the
// proposal's log is the proposal's own, and withProposal adds it for the
// conversations of other proposals.
type conversationColumns struct {
	cols string
	dest func(t *model.Touchpoint, words map[string]wordSet) []any
}

// everyConversationColumn reads all of a conversation (LoadDossier).
var everyConversationColumn = conversationColumns{
	cols: "id, stakeholder_id, contact_id, date, " + wordsSQL + ", sentiment, said, subtext, follow_up, created_at, heard_via_id, commitment_due, commitment_done",
	dest: func(t *model.Touchpoint, words map[string]wordSet) []any {
		return []any{&t.ID, &t.StakeholderID, &t.ContactID, date(&t.Date), conversationWords{t, words}, integer(&t.Sentiment),
			&t.Said, &t.Subtext, &t.FollowUp, timestamp(&t.CreatedAt), optID(&t.HeardViaID), date(&t.CommitmentDue), &t.CommitmentDone}
	},
}

// conversationFacts reads all of a conversation but its free text and its
// creation time (LoadDossierShowing).
var conversationFacts = conversationColumns{
	cols: "id, stakeholder_id, contact_id, date, " + wordsSQL + ", sentiment, heard_via_id, commitment_due, commitment_done",
	dest: func(t *model.Touchpoint, words map[string]wordSet) []any {
		return []any{&t.ID, &t.StakeholderID, &t.ContactID, date(&t.Date), conversationWords{t, words}, integer(&t.Sentiment),
			optID(&t.HeardViaID), date(&t.CommitmentDue), &t.CommitmentDone}
	},
}

// query is the statement reading these columns of the conversations the
// rest of it (FROM onwards) selects, and where each row's columns go. Each
// query has its own table of the word combinations it met.
func (c conversationColumns) query(rest string) (string, func(*model.Touchpoint) []any) {
	return "SELECT " + c.cols + " FROM touchpoints " + rest, func(t *model.Touchpoint) []any {
		return c.dest(t, map[string]wordSet{})
	}
}

// withProposal is c with proposal_id read as well, last.
func (c conversationColumns) withProposal() conversationColumns {
	return conversationColumns{cols: c.cols + ", proposal_id", dest: func(t *model.Touchpoint, words map[string]wordSet) []any {
		return append(c.dest(t, words), &t.ProposalID)
	}}
}

// wordsSQL reads a conversation's channel, kind, opener and commitment as
// one text, joined by U+001F (no word holds it: they are the model's enum
// words), under the name errors show.
const wordsSQL = `channel || char(31) || kind || char(31) || opener || char(31) || commitment AS "channel, kind, opener, commitment"`

// wordSet is one combination of the four words, read.
type wordSet struct {
	channel    model.Venue
	kind       model.TouchKind
	opener     model.Opener
	commitment model.Commitment
}

// conversationWords scans wordsSQL into a conversation's four fields. A
// combination is read word by word the first time a query meets it (with
// the errors each word's own column would give) and looked up after that.
type conversationWords struct {
	t    *model.Touchpoint
	seen map[string]wordSet
}

func (c conversationWords) Scan(src any) error {
	s, ok := textOf(src)
	if !ok {
		return fmt.Errorf("expected text, got %T", src)
	}
	w, ok := c.seen[s]
	if !ok {
		var err error
		if w, err = readWords(s); err != nil {
			return err
		}
		c.seen[s] = w
	}
	c.t.Channel, c.t.Kind, c.t.Opener, c.t.Commitment = w.channel, w.kind, w.opener, w.commitment
	return nil
}

// readText sets a combination met before in place (inPlaceText).
func (c conversationWords) readText(s string) bool {
	w, ok := c.seen[s]
	if ok {
		c.t.Channel, c.t.Kind, c.t.Opener, c.t.Commitment = w.channel, w.kind, w.opener, w.commitment
	}
	return ok
}

// readWords reads one combination word by word. (Apart from Scan so that
// only a combination met for the first time is made on the heap.)
func readWords(s string) (wordSet, error) {
	var w wordSet
	parts := strings.Split(s, "\x1f")
	if len(parts) != 4 {
		return w, fmt.Errorf("expected four words, got %q", s)
	}
	for k, col := range []struct {
		name string
		dst  sql.Scanner
	}{{"channel", text(&w.channel)}, {"kind", text(&w.kind)}, {"opener", text(&w.opener)}, {"commitment", text(&w.commitment)}} {
		if err := col.dst.Scan(parts[k]); err != nil {
			return w, fmt.Errorf("%s: %w", col.name, err)
		}
	}
	return w, nil
}
