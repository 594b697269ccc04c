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

// confirmMsg asks the person a yes/no question before running yes. With
// word set it is a typed confirmation: yes runs only when the person types
// the word and presses enter (purge asks this way: y is too easy to press).
// With answer set it asks for a line instead (a day, for purging history)
// and hands what was typed to answer on enter.
type confirmMsg struct {
	question string
	yes      tea.Cmd
	word     string
	typed    string
	answer   func(typed string) tea.Cmd
}

// typing reports a question answered by typing, not by y or n.
func (c *confirmMsg) typing() bool { return c.word != "" || c.answer != nil }

// prompt is the question with what has been typed so far.
func (c *confirmMsg) prompt() string {
	if c.answer != nil {
		return c.question + " " + clean(c.typed) + "▏"
	}
	return c.question + " Type " + c.word + " and press enter: " + clean(c.typed) + "▏"
}

// keys are the answers shown on the key line.
func (c *confirmMsg) keys() []key.Binding {
	if c.answer != nil {
		return []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go on")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "no, keep it")),
		}
	}
	return typedKeys(c.word)
}

// askLine asks question on the status line and hands the typed line to
// answer on enter; esc keeps everything.
func askLine(question string, answer func(typed string) tea.Cmd) tea.Cmd {
	return func() tea.Msg { return confirmMsg{question: question, answer: answer} }
}

// askTyped asks question and runs yes only once word is typed and entered.
func askTyped(question, word string, yes tea.Cmd) tea.Cmd {
	return func() tea.Msg { return confirmMsg{question: question, yes: yes, word: word} }
}

// typedKeys are the keys of a typed confirmation.
func typedKeys(word string) []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("type "+word+" + enter", "go ahead")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "no, keep it")),
	}
}

// answerTyped handles a key while a typed confirmation is open.
func (a *App) answerTyped(k tea.KeyPressMsg) tea.Cmd {
	c := a.confirm
	switch k.String() {
	case "ctrl+c":
		a.confirm = nil
		return tea.Quit
	case "esc":
		a.confirm = nil
		a.setStatus("Kept it: nothing was changed.", false)
	case "enter":
		a.confirm = nil
		if c.answer != nil {
			return c.answer(c.typed)
		}
		if c.typed == c.word {
			return c.yes
		}
		a.setStatus("Kept it: the word was not typed, so nothing was changed.", false)
	case "backspace":
		if r := []rune(c.typed); len(r) > 0 {
			c.typed = string(r[:len(r)-1])
		}
	default:
		if t := k.Text; t != "" && len([]rune(c.typed)) < 40 {
			c.typed += t
		}
	}
	return nil
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
	if a.confirm.typing() {
		return a.answerTyped(k)
	}
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
