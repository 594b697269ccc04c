package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// personScreen adds or edits a stakeholder from the workspace, walking
// through whom, when, what and where (or the subset asked for).
type personScreen struct {
	b      *backend
	st     *Styles
	flow   *personFlow
	adding bool
	width  int
	height int
	// headH is the height of the heading the form was last sized under.
	headH int
}

// newPersonScreen prepares the person forms for a stakeholder (0 adds one).
func newPersonScreen(b *backend, st *Styles, d model.Dossier, stakeholderID int64, stages []personStage) *personScreen {
	f := newPersonFlow(b, st, d, stakeholderID, stages)
	return &personScreen{b: b, st: st, flow: f, adding: stakeholderID == 0}
}

// heading names the person once known: "Add Ben Carter to “…”".
func (s *personScreen) heading() string {
	who := "a person"
	if n := clean(s.flow.draft.Name); n != "" && (!s.adding || s.flow.base.ID != 0) {
		who = n
	}
	if s.adding {
		return "Add " + who + " to “" + clean(s.flow.dossier.Proposal.Title) + "”"
	}
	return "Edit " + who + " on “" + clean(s.flow.dossier.Proposal.Title) + "”"
}

// Init loads what the forms need.
func (s *personScreen) Init() tea.Cmd { return s.flow.Init() }

// title is the breadcrumb.
func (s *personScreen) title() string {
	if s.adding {
		return "Add a person"
	}
	return "Edit " + s.flow.name()
}

// head is the heading and the stages, as drawn over the form.
func (s *personScreen) head() string { return formHead(s.st, s.width, s.heading(), s.flow.progress()) }

// SetSize gives the form the space under the heading.
func (s *personScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.headH = -1
	s.layout()
}

// layout sizes the form to what the heading leaves, measured: the heading
// names the person once the whom stage is saved, and a long name or
// proposal title takes a second line.
func (s *personScreen) layout() {
	if h := lipgloss.Height(s.head()); h != s.headH {
		s.headH = h
		s.flow.SetSize(s.width, s.height-h-1)
	}
}

// setStyles re-themes the form.
func (s *personScreen) setStyles(st *Styles) tea.Cmd {
	s.st, s.flow.st = st, st
	s.flow.host.SetTheme(st.huhTheme())
	return nil
}

// Update runs the flow and goes back when it is done.
func (s *personScreen) Update(msg tea.Msg) (*personScreen, tea.Cmd) {
	cmd := s.flow.Update(msg)
	s.layout()
	if s.flow.done {
		name := clean(s.flow.contact.Name)
		return s, tea.Batch(cmd, navigate(backMsg{from: screenPerson, status: "Saved " + name + ".",
			stakeholderID: s.flow.base.ID}))
	}
	return s, cmd
}

// View shows the heading, the stages and the form.
func (s *personScreen) View() string {
	return s.head() + "\n\n" + s.flow.View()
}

// capturing reports whether the screen takes every key: a text field has
// them, or the directory is read or a stage written (keys then go nowhere).
func (s *personScreen) capturing() bool { return s.flow.busy() || s.flow.host.Capturing() }

// wantsEsc reports whether esc belongs to the form (leaving a filter), or is
// held while a stage is written.
func (s *personScreen) wantsEsc() bool { return s.flow.waiting || s.flow.host.WantsEsc() }

// dirty reports input neither written nor kept.
func (s *personScreen) dirty() bool { return s.flow.dirty() }

// formShowing is always true: u and U are text or nothing here.
func (s *personScreen) formShowing() bool { return true }

// saveDraft keeps the stage on screen as a draft.
func (s *personScreen) saveDraft() tea.Cmd { return s.flow.saveDraft() }

// discardDraft drops the draft the form was resumed from.
func (s *personScreen) discardDraft() tea.Cmd { return s.flow.discardDraft() }

// ShortHelp implements help.KeyMap.
func (s *personScreen) ShortHelp() []key.Binding { return s.flow.keyBinds() }

// FullHelp implements help.KeyMap.
func (s *personScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.flow.keyBinds()} }

// logScreen is "log a conversation" from the workspace.
type logScreen struct {
	b      *backend
	st     *Styles
	flow   *logFlow
	width  int
	height int
	// headH is the height of the heading the form was last sized under.
	headH int
}

// newLogScreen prepares the log forms with a person preselected.
func newLogScreen(b *backend, st *Styles, d model.Dossier, stakeholderID int64) *logScreen {
	return &logScreen{b: b, st: st, flow: newLogFlow(b, st, d, stakeholderID)}
}

// Init shows the first form.
func (s *logScreen) Init() tea.Cmd { return s.flow.Init() }

// title is the breadcrumb.
func (s *logScreen) title() string { return "Log a conversation" }

// head is the heading and the stages, as drawn over the form.
func (s *logScreen) head() string {
	return formHead(s.st, s.width, "Log a conversation on “"+clean(s.flow.dossier.Proposal.Title)+"”", s.flow.progress())
}

// SetSize gives the form the space under the heading.
func (s *logScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.headH = -1
	s.layout()
}

// layout sizes the form to what the heading leaves, measured: a long
// proposal title takes a second line.
func (s *logScreen) layout() {
	if h := lipgloss.Height(s.head()); h != s.headH {
		s.headH = h
		s.flow.SetSize(s.width, s.height-h-1)
	}
}

// setStyles re-themes the form.
func (s *logScreen) setStyles(st *Styles) tea.Cmd {
	s.st, s.flow.st = st, st
	s.flow.host.SetTheme(st.huhTheme())
	return nil
}

// Update runs the flow and goes back when it is done.
func (s *logScreen) Update(msg tea.Msg) (*logScreen, tea.Cmd) {
	cmd := s.flow.Update(msg)
	s.layout()
	if s.flow.done {
		status := widget.JoinNonEmpty(" ", s.flow.summary...)
		return s, tea.Batch(cmd, navigate(backMsg{from: screenLog, status: status,
			stakeholderID: s.flow.draft.StakeholderID}))
	}
	return s, cmd
}

// View shows the heading, the stages and the form.
func (s *logScreen) View() string {
	return s.head() + "\n\n" + s.flow.View()
}

// capturing reports whether the screen takes every key: a text field has
// them, or a draft is read or the conversation written (keys then go
// nowhere, never to the app's o, b or q).
func (s *logScreen) capturing() bool { return s.flow.busy() || s.flow.host.Capturing() }

// wantsEsc reports whether esc belongs to the form, or is held while saving.
func (s *logScreen) wantsEsc() bool { return s.flow.waiting || s.flow.host.WantsEsc() }

// dirty reports input not yet written or kept.
func (s *logScreen) dirty() bool { return s.flow.dirty() }

// formShowing is always true: u and U are text or nothing here.
func (s *logScreen) formShowing() bool { return true }

// saveDraft keeps the half-filled log as a draft.
func (s *logScreen) saveDraft() tea.Cmd { return s.flow.saveDraft() }

// discardDraft drops the draft the log was resumed from.
func (s *logScreen) discardDraft() tea.Cmd { return s.flow.discardDraft() }

// ShortHelp implements help.KeyMap.
func (s *logScreen) ShortHelp() []key.Binding { return s.flow.keyBinds() }

// FullHelp implements help.KeyMap.
func (s *logScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.flow.keyBinds()} }
