package tui

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/tui/widget"
)

// This file holds the steps of the review screen's Update and handleKey that
// no kind changes: a load, the scores, the answer to a save, the open form,
// and the keys every kind answers alike (search, reload, the toggles).

// takeLoad applies a finished load of the rows, dropping one a newer load
// has overtaken, and asks for the scores.
func (r *reviewScreen[R, D]) takeLoad(msg reviewLoadedMsg) tea.Cmd {
	if msg.seq != r.seq {
		return nil
	}
	r.loading = false
	if msg.err != nil {
		return reportErr(msg.err)
	}
	if r.data != nil && r.data.readiness != nil {
		// Keep showing the scores read last until the new ones land.
		msg.data = msg.data.withScores(r.data.readiness)
	}
	// The rows are ordered and cleaned again for the new load.
	r.loaded, r.data, r.index = true, msg.data, nil
	r.rebuild()
	return r.b.loadReviewScores(r.seq)
}

// takeScores applies the proposals' readiness read after the rows, and
// reports the readiness move of an edit once the reload after its save has
// brought it.
func (r *reviewBase) takeScores(msg reviewScoredMsg) tea.Cmd {
	if msg.seq != r.seq || r.data == nil {
		return nil
	}
	if msg.err != nil {
		r.announce = 0
		return reportErr(msg.err)
	}
	r.data = r.data.withScores(msg.readiness)
	if note := r.readinessNote(); note != "" {
		return navigate(statusMsg{text: note})
	}
	return nil
}

// takeSave applies the answer to a save. A failed one shows the form again
// with what was typed (m on a blind spot has no form: then only the error
// shows); a saved one closes the form and reloads with the saved row
// selected.
func (r *reviewScreen[R, D]) takeSave(seq int, err error, id int64) tea.Cmd {
	if seq != r.saveSeq {
		return nil
	}
	r.waiting = false
	if err != nil {
		r.announce, r.leaving = 0, false
		if r.host.Form == nil {
			return reportErr(err)
		}
		return tea.Batch(reportErr(err), r.host.Restart(r.buildForm(), r.st.huhTheme()))
	}
	r.host.Stop()
	r.focus = id
	return r.load()
}

// showRows puts freshly filtered rows in the list, keeping the selection on
// the row to focus after a load or else the same row as before; the
// proposal column (proposalCol) shows only across proposals.
func (r *reviewBase) showRows(rows []widget.Row, proposalCol int) {
	keep := r.focus
	if keep == 0 {
		keep = r.selectedID()
	}
	r.focus = 0
	r.list.SetHidden(proposalCol, r.scope != 0)
	r.list.SetRows(rows)
	if keep != 0 {
		r.list.SelectID(keep)
	}
	r.closeFullIfGone()
}

// updateForm feeds msg to the open form and reports false when none is
// open. A completed filter form narrows the list at once; a completed edit
// form is saved. While a save is in flight the form takes nothing, so a
// second enter cannot save twice.
func (r *reviewScreen[R, D]) updateForm(msg tea.Msg) (bool, tea.Cmd) {
	if !r.host.Active() {
		return false, nil
	}
	if r.waiting {
		return true, nil
	}
	completed, cmd := r.host.Update(msg)
	if !completed {
		return true, cmd
	}
	if r.filterForm {
		r.applyFilter()
		r.host.Stop()
		r.rebuild()
		return true, cmd
	}
	return true, tea.Batch(cmd, r.save())
}

// commonKey handles the keys every kind answers alike before its own:
// typing into the search, reload, and the search and archived toggles. It
// reports whether k was one of them. Filters only change what is shown, so
// they work while the list is still loading: keys typed ahead are not lost.
func (r *reviewScreen[R, D]) commonKey(k tea.KeyPressMsg) (bool, tea.Cmd) {
	switch {
	case r.Searching:
		if r.SearchKey(k, r.keys.SearchDone, r.move) {
			r.rebuild()
		}
		return true, nil
	case key.Matches(k, r.keys.Refresh):
		return true, r.load()
	case key.Matches(k, r.keys.Search):
		r.Searching = true
		return true, nil
	case key.Matches(k, r.keys.Archived):
		r.archived = !r.archived
		r.rebuild()
		return true, nil
	}
	return false, nil
}

// clearCommon resets the filters every kind has; the screen resets the
// kind's cycles alongside.
func (r *reviewBase) clearCommon() {
	r.person, r.Query, r.archived, r.scope = "", "", false, 0
}

// toggleScope switches between every proposal and the selected row's one.
func (r *reviewScreen[R, D]) toggleScope() tea.Cmd {
	row, selected := r.selectedRow()
	switch {
	case r.scope != 0:
		r.scope = 0
	case selected:
		r.scope = r.kind.ref(row).proposalID
	default:
		return reportErr(errors.New("select " + r.kind.a + " first: p shows only its proposal"))
	}
	r.rebuild()
	return nil
}

// openTalk opens the logged conversation a row was recorded from, in its
// proposal's workspace; what names the row ("this objection") when it came
// from no conversation.
func openTalk(proposalID, touchpointID int64, what string) tea.Cmd {
	if touchpointID == 0 {
		return reportErr(errors.New(what + " was not recorded from a logged conversation"))
	}
	return navigate(openWorkspaceAtMsg{proposalID: proposalID, tab: tabLog, selectID: touchpointID})
}

// syncFilterKeys labels the scope, archived and add keys for the current
// state; each kind labels its row actions itself.
func (r *reviewBase) syncFilterKeys() {
	r.keys.Scope.SetHelp("p", "this proposal")
	if r.scope != 0 {
		r.keys.Scope.SetHelp("p", "every proposal")
	}
	r.keys.Archived.SetHelp("A", "show archived")
	if r.archived {
		r.keys.Archived.SetHelp("A", "hide archived")
	}
	r.keys.Add.SetHelp("a", "add")
	r.keys.Add.SetEnabled(r.loaded)
}

// modeHelp is the short key list while a form or the search has the keys,
// and false when the screen's own list applies.
func (r *reviewBase) modeHelp() ([]key.Binding, bool) {
	switch {
	case r.host.Active():
		return r.host.KeyBinds(), true
	case r.Searching:
		return []key.Binding{r.keys.SearchDone}, true
	}
	return nil, false
}
