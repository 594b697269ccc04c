package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
)

// Purging from the dashboard: a whole proposal (P) or the change history
// older than a day (H). Both erase for good, so both ask for the typed word
// "purge", never a y, and say that undo cannot bring the text back. The
// store does the erasing in one call (db.Store.Purge): the rows, every
// history record and undo snapshot that held their text, then a WAL
// checkpoint and a vacuum.

// askPurgeProposal asks for the typed word before erasing a proposal with
// its room, conversations, objections and blind spots.
func (b *backend) askPurgeProposal(id int64, title string) tea.Cmd {
	store, ctx := b.store, b.ctx
	// A long title is cut so the question and the typed word fit the three
	// status lines at 80 columns.
	short := ansi.Truncate(title, 40, "…")
	return askTyped("Purge “"+short+"” for good? Its room, talks, objections and blind spots go too, with all their history; the contacts stay. Undo cannot bring it back.",
		"purge", func() tea.Msg {
			rep, err := store.Purge(ctx, model.PurgeProposal, id, model.Date{})
			return removedMsg{status: "Purged “" + short + "” for good: " + purgeCounts(rep) + "; undo cannot bring it back." + walBusyNote(rep), err: err, purged: true}
		})
}

// askPurgeHistory asks for the day first, then says how much is older than
// it and asks for the typed word.
func (b *backend) askPurgeHistory() tea.Cmd {
	return askLine("Erase the change history from before which day? The records stay; earlier values and undo steps go. Type a day (2026-06-01, -4w) and press enter:",
		func(typed string) tea.Cmd {
			if strings.TrimSpace(typed) == "" {
				return navigate(statusMsg{text: "Kept it: no day was typed, so nothing was changed."})
			}
			day, err := model.ParseDate(typed, b.today())
			if err != nil {
				return reportErr(err)
			}
			return b.confirmPurgeHistory(day)
		})
}

// confirmPurgeHistory counts what is older than day, then asks for the
// typed word; with nothing older it says so and asks nothing.
func (b *backend) confirmPurgeHistory(day model.Date) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		rep, err := store.HistoryPurgeImpact(ctx, day)
		if err != nil {
			return errMsg{err: err}
		}
		if rep.History == 0 && rep.UndoSteps == 0 {
			return statusMsg{text: "Nothing to erase: the history holds nothing from before " + day.String() + "."}
		}
		return confirmMsg{word: "purge",
			question: "Erase " + olderCounts(rep) + " from before " + day.String() +
				" for good? The records stay as they are now; undo cannot bring the old values back.",
			yes: func() tea.Msg {
				rep, err := store.Purge(ctx, model.PurgeHistoryBefore, 0, day)
				return removedMsg{status: "Erased the history before " + day.String() + ": " + purgeCounts(rep) + "; undo cannot bring it back." + walBusyNote(rep), err: err, purged: true}
			}}
	}
}

// olderCounts says what a history purge would erase: "78 history entries
// and 3 undo steps", without a count of none.
func olderCounts(rep model.PurgeReport) string {
	parts := []string{}
	if rep.History > 0 {
		parts = append(parts, model.Plural(rep.History, "history entry", "history entries"))
	}
	if rep.UndoSteps > 0 {
		parts = append(parts, model.Plural(rep.UndoSteps, "undo step", "undo steps"))
	}
	return strings.Join(parts, " and ")
}

// purgeCounts says what a purge erased, in words.
func purgeCounts(rep model.PurgeReport) string {
	parts := []string{}
	if rep.Rows > 0 {
		parts = append(parts, model.Plural(rep.Rows, "record", "records"))
	}
	parts = append(parts, model.Plural(rep.History, "history entry", "history entries"))
	if rep.UndoSteps > 0 {
		parts = append(parts, model.Plural(rep.UndoSteps, "undo step", "undo steps"))
	}
	return strings.Join(parts, ", ") + " erased"
}

// walBusyNote warns when another process kept the old pages in the -wal.
func walBusyNote(rep model.PurgeReport) string {
	if rep.WALBusy {
		return " Another backchannel window still holds old pages; close it to finish."
	}
	return ""
}
