package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Removing or deleting asks once, on the status line, saying what goes with
// it: "Remove Dana Reyes from Follow-the-sun on-call? 3 conversations
// deleted with it." y goes ahead, n or esc keeps everything. A screen asks
// by returning askConfirm(question, cmd); the app holds the question, so
// every screen asks the same way and no key reaches a screen meanwhile.

// confirmMsg asks the person a yes/no question before running yes.
type confirmMsg struct {
	question string
	yes      tea.Cmd
}

// askConfirm is the command that asks question, then runs yes on y.
func askConfirm(question string, yes tea.Cmd) tea.Cmd {
	return func() tea.Msg { return confirmMsg{question: question, yes: yes} }
}

// confirmKeys are the answers.
type confirmKeys struct{ Yes, No key.Binding }

func newConfirmKeys() confirmKeys {
	return confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:  key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no, keep it")),
	}
}

// answerConfirm handles a key while a question is open. ctrl+c still quits.
func (a *App) answerConfirm(k tea.KeyPressMsg) tea.Cmd {
	keys := newConfirmKeys()
	switch {
	case key.Matches(k, a.keys.ForceQuit):
		a.confirm = nil
		return tea.Quit
	case key.Matches(k, keys.Yes):
		yes := a.confirm.yes
		a.confirm = nil
		return yes
	case key.Matches(k, keys.No):
		a.confirm = nil
		a.setStatus("Kept it: nothing was changed.", false)
	}
	return nil
}
