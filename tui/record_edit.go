package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// recordScreen edits one record in one form: a proposal's details or a
// logged conversation. What differs between them is a recordForm; the
// screen does the rest (sizing, the unsaved-input question, holding keys
// while it saves, showing the form again with what was typed when the save
// fails).
type recordScreen struct {
	b      *backend
	st     *Styles
	host   widget.FormHost
	form   recordForm
	saving bool
	width  int
	height int
}

// recordForm is one kind of record the screen edits.
type recordForm interface {
	// heading names what is edited: "Edit the conversation with Dana Reyes".
	heading() string
	// build makes the form, bound to the draft it edits.
	build(today model.Date) *huh.Form
	// changed reports whether the draft differs from the stored record.
	changed() bool
	// save writes the draft in one action and reports recordSavedMsg.
	save(b *backend) tea.Cmd
}

// recordSavedMsg reports a record's save.
type recordSavedMsg struct {
	status string
	err    error
}

func (m recordSavedMsg) saveErr() error { return m.err }

func newRecordScreen(b *backend, st *Styles, f recordForm) *recordScreen {
	return &recordScreen{b: b, st: st, form: f}
}

// Init shows the form.
func (s *recordScreen) Init() tea.Cmd {
	return s.host.Start(s.form.build(s.b.today()), s.st.huhTheme())
}

func (s *recordScreen) title() string { return "Edit" }

// head is the heading over the form, wrapped to two lines at most so a
// long title is read rather than cut.
func (s *recordScreen) head() string {
	return styleLines(s.st.Title, widget.WrapText(s.form.heading(), s.width, 2))
}

// SetSize gives the form the space under the heading, measured; the
// heading is fixed while the form is open.
func (s *recordScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.host.SetSize(w, h-lipgloss.Height(s.head())-1)
}

func (s *recordScreen) setStyles(st *Styles) tea.Cmd {
	s.st = st
	s.host.SetTheme(st.huhTheme())
	return nil
}

// Update feeds the form; on completion it saves, and on success goes back.
func (s *recordScreen) Update(msg tea.Msg) (*recordScreen, tea.Cmd) {
	switch msg := msg.(type) {
	case recordSavedMsg:
		s.saving = false
		if msg.err != nil {
			return s, tea.Batch(reportErr(msg.err), s.host.Restart(s.form.build(s.b.today()), s.st.huhTheme()))
		}
		return s, navigate(backMsg{from: screenRecord, status: msg.status})
	case tea.KeyPressMsg:
		if s.saving {
			return s, nil // keys typed while saving go nowhere
		}
	}
	done, cmd := s.host.Update(msg)
	if done {
		s.saving = true
		s.host.Stop()
		return s, tea.Batch(cmd, s.form.save(s.b))
	}
	return s, cmd
}

// View is the heading and the form, or a note while saving.
func (s *recordScreen) View() string {
	head := s.head()
	if s.saving {
		return head + "\n\n" + s.st.Muted.Render("Saving…")
	}
	return head + "\n\n" + s.host.View()
}

// capturing holds every key while a text field has focus or a save is in
// flight, so q or o typed then never reach the app.
func (s *recordScreen) capturing() bool { return s.saving || s.host.Capturing() }

func (s *recordScreen) wantsEsc() bool { return s.saving || s.host.WantsEsc() }

func (s *recordScreen) dirty() bool { return !s.saving && (s.host.Unsaved() || s.form.changed()) }

// saveDraft saves the form as it stands (the "save it" answer on leaving).
func (s *recordScreen) saveDraft() tea.Cmd {
	s.saving = true
	return s.form.save(s.b)
}

func (s *recordScreen) formShowing() bool { return true }

func (s *recordScreen) ShortHelp() []key.Binding { return s.host.KeyBinds() }

func (s *recordScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.host.KeyBinds()} }
