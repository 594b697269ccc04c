package tui

// What "log a conversation" writes: the whole conversation, with what was
// raised in it and the stance after it, as one store call.

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// conversationRecordedMsg reports the whole conversation written.
type conversationRecordedMsg struct {
	seq  int
	conv model.Conversation
	err  error
}

func (m conversationRecordedMsg) saveErr() error { return m.err }

// recordConversation writes the talk, what was raised in it and the stance
// in one store call, then drops the draft it came from.
func (b *backend) recordConversation(seq int, d logDraft, dropKeys ...string) tea.Cmd {
	store, ctx, today := b.store, b.ctx, b.today()
	return func() tea.Msg {
		date, err := model.ParsePastDate(d.Date, today)
		if err != nil {
			return conversationRecordedMsg{seq: seq, err: err}
		}
		if date.IsZero() {
			date = today
		}
		conv := model.Conversation{Touchpoint: model.Touchpoint{
			StakeholderID: d.StakeholderID, Date: date, Channel: d.Channel, Kind: d.Kind, Opener: d.Opener,
			Sentiment: d.Sentiment, Said: model.Normalize(d.Said, true), Subtext: model.Normalize(d.Subtext, true),
			FollowUp: model.Normalize(d.FollowUp, false),
		}}
		if err := d.commitment(&conv.Touchpoint, today); err != nil {
			return conversationRecordedMsg{seq: seq, err: err}
		}
		for _, line := range lines(d.Objections) {
			conv.Objections = append(conv.Objections, model.Objection{
				Text: line, Severity: d.Severity, Status: model.ObjectionOpen})
		}
		for _, line := range lines(d.BlindSpots) {
			conv.BlindSpots = append(conv.BlindSpots, model.BlindSpot{Text: line, Status: model.BlindSpotOpen})
		}
		if d.StanceSet {
			stance := d.Stance
			conv.Stance = &stance
		}
		out, err := store.RecordConversation(ctx, conv)
		if err != nil {
			return conversationRecordedMsg{seq: seq, err: err}
		}
		for _, k := range dropKeys {
			// The talk is stored; a draft left behind is only offered
			// again, so a failure here is not the save's failure.
			_ = store.DeleteDraft(ctx, k)
		}
		return conversationRecordedMsg{seq: seq, conv: out}
	}
}

// lines splits typed text into its non-empty, normalised lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(model.Normalize(s, true), "\n") {
		if l = model.Normalize(l, false); l != "" {
			out = append(out, l)
		}
	}
	return out
}
