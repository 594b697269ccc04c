package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// removedMsg reports a removal or deletion made from the workspace.
type removedMsg struct {
	status string
	err    error
	// purged marks a purge: what it erased must not stay in memory either.
	purged bool
}

// removalQuestion is the one question asked before a removal: what goes,
// and what goes with it.
func removalQuestion(verb string, r model.Removal) string {
	q := verb + " " + clean(r.What) + "?"
	if c := r.Consequences(); c != "" {
		q += " " + model.UpperFirst(c) + "."
	}
	return q + " (u undoes it)"
}

// askRemovePerson reads what removing a person from the proposal takes with
// it, then asks.
func (b *backend) askRemovePerson(stakeholderID int64) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		r, err := store.StakeholderImpact(ctx, stakeholderID)
		if err != nil {
			return errMsg{err: err}
		}
		return confirmMsg{question: removalQuestion("Remove", r), yes: func() tea.Msg {
			err := store.RemoveStakeholder(ctx, stakeholderID)
			return removedMsg{status: "Removed " + clean(r.What) + ". u undoes it.", err: err}
		}}
	}
}

// askDeleteConversation reads what deleting a conversation touches, then asks.
func (b *backend) askDeleteConversation(touchpointID int64) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		r, err := store.TouchpointImpact(ctx, touchpointID)
		if err != nil {
			return errMsg{err: err}
		}
		return confirmMsg{question: removalQuestion("Delete", r), yes: func() tea.Msg {
			err := store.DeleteTouchpoint(ctx, touchpointID)
			return removedMsg{status: "Deleted " + clean(r.What) + ". u undoes it.", err: err}
		}}
	}
}

// askPurgeConversation asks for the typed word, then erases a conversation
// for good: undo cannot bring it back.
func (b *backend) askPurgeConversation(touchpointID int64) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		r, err := store.TouchpointImpact(ctx, touchpointID)
		if err != nil {
			return errMsg{err: err}
		}
		return confirmMsg{word: "purge", question: "Purge " + clean(r.What) + " for good? Its words go from the history and every undo snapshot too; undo cannot bring it back.",
			yes: func() tea.Msg {
				_, err := store.Purge(ctx, model.PurgeConversation, touchpointID, model.Date{})
				return removedMsg{status: "Purged " + clean(r.What) + " for good; undo cannot bring it back.", err: err, purged: true}
			}}
	}
}
