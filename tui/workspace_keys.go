package tui

// The workspace's keys: what each does on each tab, and which are on.

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/tui/widget"
)

// handleKey switches tabs, moves, and opens the forms.
func (w *workspace) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if w.whatIf.active {
		return w.whatIfKey(k)
	}
	if w.full.active && w.fullKeyPress(k) {
		return nil
	}
	switch {
	case w.canOpenFull() && key.Matches(k, w.fkey):
		w.openFull()
		return nil
	case key.Matches(k, w.keys.NextTab):
		w.tab = (w.tab + 1) % tabCount
		return nil
	case key.Matches(k, w.keys.PrevTab):
		w.tab = (w.tab + tabCount - 1) % tabCount
		return nil
	case key.Matches(k, w.keys.JumpTab):
		w.tab = wsTab(k.Code - '1')
		return nil
	case key.Matches(k, w.keys.Refresh):
		return w.refresh()
	case !w.loaded:
		return nil
	case w.tab == tabRoom && len(w.d.Stakeholders) > 0 && key.Matches(k, w.wkeys.Start):
		w.startWhatIf()
		return nil
	case key.Matches(k, w.keys.Debrief):
		return navigate(openDebriefMsg{proposalID: w.id})
	case key.Matches(k, w.keys.Log):
		if len(w.d.Stakeholders) == 0 {
			return reportErr(errors.New("add a person first (press a): a conversation is logged against someone on the proposal"))
		}
		return navigate(openLogMsg{dossier: w.d, stakeholderID: w.selectedStakeholder()})
	case key.Matches(k, w.keys.Add):
		return navigate(openPersonMsg{dossier: w.d, stages: allPersonStages})
	case key.Matches(k, w.keys.Walk):
		return navigate(openWalkMsg{id: w.id})
	case key.Matches(k, w.keys.Edit):
		return w.edit()
	case key.Matches(k, w.keys.EditDetails):
		return navigate(openRecordMsg{form: newProposalForm(w.d.Proposal)})
	case key.Matches(k, w.keys.Remove):
		return w.remove()
	case key.Matches(k, w.keys.PurgeTalk) && w.tab == tabLog:
		if r, ok := w.log.Selected(); ok {
			return w.b.askPurgeConversation(r.ID)
		}
	}
	w.move(k)
	return nil
}

// remove asks to take the selected person off the proposal (Room tab) or
// to delete the selected conversation (Log tab).
func (w *workspace) remove() tea.Cmd {
	switch w.tab {
	case tabRoom:
		if r, ok := w.room.Selected(); ok {
			return w.b.askRemovePerson(r.ID)
		}
	case tabLog:
		if r, ok := w.log.Selected(); ok {
			return w.b.askDeleteConversation(r.ID)
		}
	}
	return nil
}

// edit opens the forms for the selected stakeholder or plan item.
func (w *workspace) edit() tea.Cmd {
	if w.reviewTab() {
		return w.review()
	}
	id := w.selectedStakeholder()
	if id == 0 {
		return nil
	}
	switch w.tab {
	case tabLog:
		if r, ok := w.log.Selected(); ok {
			if i, ok := w.tpIndex[r.ID]; ok {
				return navigate(openRecordMsg{form: newConversationForm(w.d.Touchpoints[i], w.name(w.d.Touchpoints[i].StakeholderID))})
			}
		}
		return nil
	case tabRoom:
		return navigate(openPersonMsg{dossier: w.d, stakeholderID: id, stages: allPersonStages})
	case tabPlan:
		return navigate(openPersonMsg{dossier: w.d, stakeholderID: id, stages: []personStage{stageWhen, stageWhat, stageWhere}})
	}
	return nil
}

// selectedStakeholder is the person under the cursor on the Room, Plan or Log
// tab (0 when none), so "log a conversation" starts with them.
func (w *workspace) selectedStakeholder() int64 {
	switch w.tab {
	case tabRoom:
		if r, ok := w.room.Selected(); ok {
			return r.ID
		}
	case tabPlan:
		if r, ok := w.plan.Selected(); ok {
			return r.ID
		}
	case tabLog:
		if r, ok := w.log.Selected(); ok {
			for _, t := range w.d.Touchpoints {
				if t.ID == r.ID {
					return t.StakeholderID
				}
			}
		}
	default:
		// Tabs without people act on the person selected on the Room tab,
		// so adding someone on the Summary tab and pressing l logs with them.
		if r, ok := w.room.Selected(); ok {
			return r.ID
		}
	}
	return 0
}

// activeGrid is the list on the current tab, if it has one.
func (w *workspace) activeGrid() *widget.Grid {
	switch w.tab {
	case tabRoom:
		return &w.room
	case tabPlan:
		return &w.plan
	case tabLog:
		return &w.log
	case tabObjections:
		return &w.objs
	case tabBlindSpots:
		return &w.spots
	}
	return nil
}

// move handles the navigation keys for the list or the brief.
func (w *workspace) move(k tea.KeyPressMsg) {
	g := w.activeGrid()
	if g == nil {
		switch {
		case key.Matches(k, w.keys.Up):
			w.summary.ScrollUp(1)
		case key.Matches(k, w.keys.Down):
			w.summary.ScrollDown(1)
		case key.Matches(k, w.keys.PageUp):
			w.summary.PageUp()
		case key.Matches(k, w.keys.PageDown):
			w.summary.PageDown()
		case key.Matches(k, w.keys.Top):
			w.summary.GotoTop()
		case key.Matches(k, w.keys.Bottom):
			w.summary.GotoBottom()
		}
		return
	}
	g.MoveKey(w.keys.moves(), k)
}

// syncKeys enables the keys that apply to the current tab.
func (w *workspace) syncKeys() {
	hasPeople := w.loaded && len(w.d.Stakeholders) > 0
	w.keys.Log.SetEnabled(w.loaded)
	w.keys.Add.SetEnabled(w.loaded)
	w.keys.Walk.SetEnabled(w.loaded)
	hasTalks := w.loaded && len(w.d.Touchpoints) > 0
	w.keys.Edit.SetEnabled((hasPeople && (w.tab == tabRoom || w.tab == tabPlan)) || (hasTalks && w.tab == tabLog) || (w.loaded && w.reviewTab()))
	w.keys.Remove.SetEnabled((hasPeople && w.tab == tabRoom) || (hasTalks && w.tab == tabLog))
	w.keys.EditDetails.SetEnabled(w.loaded)
	w.keys.PurgeTalk.SetEnabled(hasTalks && w.tab == tabLog)
	w.keys.Remove.SetHelp("X", "remove person")
	if w.tab == tabLog {
		w.keys.Remove.SetHelp("X", "delete talk")
	}
	switch w.tab {
	case tabObjections:
		w.keys.Edit.SetHelp("enter", "work on objections")
	case tabBlindSpots:
		w.keys.Edit.SetHelp("enter", "work on blind spots")
	case tabRoom:
		w.keys.Edit.SetHelp("e", "edit person")
	case tabPlan:
		w.keys.Edit.SetHelp("e", "edit plan")
	case tabLog:
		w.keys.Edit.SetHelp("e", "edit talk")
	}
	w.fkey.SetEnabled(w.canOpenFull() && !w.full.active)
	w.keys.Move.SetHelp("↑/↓", "move")
	if w.tab == tabSummary || w.full.active {
		w.keys.Move.SetHelp("↑/↓", "scroll")
	}
	w.keys.Walk.SetHelp("w", "walkthrough")
}

// ShortHelp implements help.KeyMap; most useful first, since the line drops
// keys from the end when the terminal is narrow.
func (w *workspace) ShortHelp() []key.Binding {
	if w.whatIf.active {
		return w.whatIfHelp()
	}
	if w.full.active {
		return []key.Binding{w.keys.Edit, w.keys.Remove, w.keys.Log, w.keys.Back, w.keys.Move}
	}
	return append(append(w.debriefHelp(), w.whatIfHelp()...), w.keys.Log, w.keys.Add, w.keys.Edit, w.fkey, w.keys.NextTab, w.keys.Walk, w.keys.Move)
}

// FullHelp implements help.KeyMap.
func (w *workspace) FullHelp() [][]key.Binding {
	if w.whatIf.active {
		return [][]key.Binding{{w.wkeys.Stance, w.keys.Move, w.wkeys.Clear, w.wkeys.Leave}}
	}
	return [][]key.Binding{
		{w.keys.NextTab, w.keys.PrevTab, w.keys.JumpTab, w.keys.Refresh},
		{w.keys.Log, w.keys.Add, w.keys.Edit, w.fkey, w.keys.Remove, w.keys.PurgeTalk, w.keys.EditDetails, w.keys.Walk, w.keys.Debrief, w.wkeys.Start},
		w.keys.navKeys(),
	}
}
