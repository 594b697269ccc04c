package db

import (
	"github.com/backchannel/backchannel/model"
)

// How LoadDossier reads conversations. A proposal's log is tens of
// thousands of rows (docs/performance.md, "Peers"), so the read leaves out
// what it already knows (the proposal of its own log), and the brief's read
// leaves out the free text it does not show. The four enum columns are read
// as four words: the direct read (rawread_direct.go) looks each up where
// SQLite holds it, which costs less than SQLite joining them into one text
// per row, as they were read when every text column was a copy.

// conversationColumns is one way of reading conversations: the columns
// after SELECT and where each goes. proposal_id is never among them: the
// proposal's log is the proposal's own, and withProposal adds it for the
// conversations of other proposals.
type conversationColumns struct {
	cols string
	dest func(t *model.Touchpoint) []any
}

// everyConversationColumn reads all of a conversation (LoadDossier).
var everyConversationColumn = conversationColumns{
	cols: "id, stakeholder_id, contact_id, date, " + wordColumns + ", sentiment, said, subtext, follow_up, created_at, heard_via_id, commitment_due, commitment_done",
	dest: func(t *model.Touchpoint) []any {
		return []any{&t.ID, &t.StakeholderID, &t.ContactID, date(&t.Date), text(&t.Channel), text(&t.Kind), text(&t.Opener), text(&t.Commitment), integer(&t.Sentiment),
			&t.Said, &t.Subtext, &t.FollowUp, timestamp(&t.CreatedAt), optID(&t.HeardViaID), date(&t.CommitmentDue), &t.CommitmentDone}
	},
}

// conversationFacts reads all of a conversation but its free text and its
// creation time (LoadDossierShowing).
var conversationFacts = conversationColumns{
	cols: "id, stakeholder_id, contact_id, date, " + wordColumns + ", sentiment, heard_via_id, commitment_due, commitment_done",
	dest: func(t *model.Touchpoint) []any {
		return []any{&t.ID, &t.StakeholderID, &t.ContactID, date(&t.Date), text(&t.Channel), text(&t.Kind), text(&t.Opener), text(&t.Commitment), integer(&t.Sentiment),
			optID(&t.HeardViaID), date(&t.CommitmentDue), &t.CommitmentDone}
	},
}

// query is the statement reading these columns of the conversations the
// rest of it (FROM onwards) selects, and where each row's columns go.
func (c conversationColumns) query(rest string) (string, func(*model.Touchpoint) []any) {
	return "SELECT " + c.cols + " FROM touchpoints " + rest, c.dest
}

// withProposal is c with proposal_id read as well, last.
func (c conversationColumns) withProposal() conversationColumns {
	return conversationColumns{cols: c.cols + ", proposal_id", dest: func(t *model.Touchpoint) []any {
		return append(c.dest(t), &t.ProposalID)
	}}
}

// wordColumns are a conversation's four enum columns.
const wordColumns = "channel, kind, opener, commitment"
