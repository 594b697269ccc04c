package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/backchannel/backchannel/internal/contactfile"
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// This file is the Contacts screen's import (`i`): ask for a file, read it
// and show the same preview as `backchannel import --dry-run` (new,
// duplicate of #N, skipped and why; which column became what), then import
// it in one store call on enter.

// ContactImporter is what importing contacts needs of the store; *db.Store
// satisfies it. It is apart from Store so that the screens and fakes that
// never import need not know it; without it the key says import is not
// available.
type ContactImporter interface {
	PreviewContactImport(ctx context.Context, cs []model.Contact) (model.ContactImport, error)
	ImportContacts(ctx context.Context, cs []model.Contact) (model.ContactImport, error)
}

// importStep is where the import flow is.
type importStep int

const (
	importAsk importStep = iota
	importReading
	importPreview
	importSaving
)

// importKeys are the flow's keys.
type importKeys struct {
	Read, NextField, Import, Cancel, Scroll key.Binding
}

func newImportKeys() importKeys {
	return importKeys{
		Read:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "preview")),
		NextField: key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "next field")),
		Import:    key.NewBinding(key.WithKeys("enter", "y"), key.WithHelp("enter", "import")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Scroll:    key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown"), key.WithHelp("↑/↓", "scroll")),
	}
}

// importFlow is the import's state: the file and encoding asked for, the
// preview read in a command, and the import itself.
type importFlow struct {
	b    *backend
	st   *Styles
	keys importKeys
	step importStep
	seq  int

	path, enc textinput.Model
	// problem is the last refusal, shown under the fields.
	problem string

	name    string
	file    contactfile.File
	rows    []contactfile.Row
	sum     contactfile.Summary
	lines   []string // the preview, built on read and resize
	off     int
	contact []model.Contact

	width, height int
}

// importReadMsg carries a file read and previewed for the import.
type importReadMsg struct {
	seq  int
	name string
	file contactfile.File
	plan model.ContactImport
	err  error
}

// importDoneMsg carries the result of the import.
type importDoneMsg struct {
	seq  int
	name string
	res  model.ContactImport
	err  error
}

func newImportFlow(b *backend, st *Styles, w, h int) *importFlow {
	f := &importFlow{b: b, st: st, keys: newImportKeys(), path: textinput.New(), enc: textinput.New()}
	f.path.Prompt, f.enc.Prompt = "", ""
	f.path.Placeholder = "~/Downloads/contacts.vcf"
	f.enc.Placeholder = "only if it is not UTF-8: windows-1252, shift_jis, …"
	f.path.CharLimit, f.enc.CharLimit = 4096, 64
	f.setSize(w, h)
	return f
}

// open focuses the file field.
func (f *importFlow) open() tea.Cmd { return f.path.Focus() }

func (f *importFlow) setSize(w, h int) {
	f.width, f.height = w, h
	f.path.SetWidth(max(w-12, 10))
	f.enc.SetWidth(max(w-12, 10))
	f.build()
}

// update handles the flow's messages and keys; done reports that it closed.
func (f *importFlow) update(msg tea.Msg) (done bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case importReadMsg:
		if msg.seq != f.seq || f.step != importReading {
			return false, nil
		}
		if msg.err != nil {
			f.step, f.problem = importAsk, refusal(msg.err)
			return false, f.path.Focus()
		}
		f.step, f.name, f.file, f.off, f.problem = importPreview, msg.name, msg.file, 0, ""
		f.rows, f.sum = contactfile.Plan(msg.file, msg.plan.Decisions)
		f.contact = msg.file.Importable()
		f.build()
		return false, nil
	case importDoneMsg:
		if msg.seq != f.seq || f.step != importSaving {
			return false, nil
		}
		if msg.err != nil {
			f.step = importPreview
			return false, reportErr(msg.err)
		}
		return true, navigate(statusMsg{text: fmt.Sprintf("Imported %s from %s; filled in %s.",
			model.Plural(len(msg.res.Added), "new contact", "new contacts"), clean(msg.name), model.Plural(len(msg.res.Merged), "known contact", "known contacts"))})
	case tea.KeyPressMsg:
		return f.key(msg)
	case tea.PasteMsg:
		if f.step == importAsk {
			return false, f.input(msg)
		}
	}
	return false, nil
}

// key handles a key press in the current step.
func (f *importFlow) key(k tea.KeyPressMsg) (bool, tea.Cmd) {
	if key.Matches(k, f.keys.Cancel) {
		// The screen wants esc while the flow is open, so it comes here.
		return f.back()
	}
	switch f.step {
	case importAsk:
		switch {
		case key.Matches(k, f.keys.Read):
			return false, f.read()
		case key.Matches(k, f.keys.NextField):
			if f.path.Focused() {
				f.path.Blur()
				return false, f.enc.Focus()
			}
			f.enc.Blur()
			return false, f.path.Focus()
		}
		return false, f.input(k)
	case importPreview:
		switch {
		case key.Matches(k, f.keys.Import):
			if len(f.contact) == 0 {
				f.problem = "Nothing in this file can be imported."
				f.build()
				return false, nil
			}
			f.step = importSaving
			f.seq++
			return false, f.b.runImport(f.seq, f.name, f.contact)
		case k.String() == "up":
			f.off--
		case k.String() == "down":
			f.off++
		case k.String() == "pgup":
			f.off -= f.window()
		case k.String() == "pgdown":
			f.off += f.window()
		}
		f.clamp()
	}
	return false, nil
}

// input sends a key or paste to the focused field.
func (f *importFlow) input(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if f.enc.Focused() {
		f.enc, cmd = f.enc.Update(msg)
	} else {
		f.path, cmd = f.path.Update(msg)
	}
	return cmd
}

// read starts reading the file named in the field.
func (f *importFlow) read() tea.Cmd {
	path := cleanPath(f.path.Value())
	if path == "" {
		f.problem = "Type the path of a .vcf or .csv file."
		return nil
	}
	f.step, f.problem = importReading, ""
	f.seq++
	return f.b.readImport(f.seq, path, strings.TrimSpace(f.enc.Value()))
}

// back steps back: from the preview to the file fields; from the fields
// out of the flow (done).
func (f *importFlow) back() (done bool, cmd tea.Cmd) {
	switch f.step {
	case importPreview, importReading:
		f.step, f.problem = importAsk, ""
		f.seq++ // a late preview is dropped
		return false, f.path.Focus()
	case importSaving:
		return false, nil // the import is one transaction; let it finish
	}
	return true, nil
}

// build lays the preview out as lines for the current width.
func (f *importFlow) build() {
	if f.step != importPreview && f.step != importSaving {
		f.lines = nil
		return
	}
	st, w := f.st, max(f.width, 20)
	var lines []string
	for _, l := range f.file.Describe(f.name) {
		lines = append(lines, widget.WrapText(l, w, 0)...)
	}
	lines = append(lines, "")
	for _, r := range f.rows {
		status := st.Good
		switch r.Kind {
		case contactfile.RowMerge:
			status = st.Accent
		case contactfile.RowSkip:
			status = st.Warn
		}
		head := st.Muted.Render(fmt.Sprintf("line %-5d", r.Line)) + status.Render(r.Status)
		who := clean(r.Who)
		// The person goes beside the status when it fits, else on its own
		// indented lines, so a long name or email is wrapped, never cut.
		if lipgloss.Width(head)+2+lipgloss.Width(who) <= w {
			lines = append(lines, head+"  "+st.Text.Render(who))
		} else {
			lines = append(lines, widget.WrapLines([]string{head}, w)...)
			for _, l := range widget.WrapText(who, max(w-6, 10), 0) {
				lines = append(lines, "      "+st.Text.Render(l))
			}
		}
		for _, d := range widget.WrapText(r.Detail, max(w-6, 10), 0) {
			lines = append(lines, "      "+st.Muted.Render(d))
		}
	}
	if u := f.file.Unused(); u != "" {
		lines = append(lines, "")
		for _, l := range widget.WrapText(u, w, 0) {
			lines = append(lines, st.Muted.Render(l))
		}
	}
	f.lines = lines
	f.clamp()
}

// previewHead is what the preview draws above its rows: the title with the
// file's name and the summary (or what went wrong), each wrapped, so a long
// path or a sentence about the file is read whole, not cut at the edge.
func (f *importFlow) previewHead() string {
	st, w := f.st, max(f.width, 20)
	title := widget.WrapAtMost(st.Title.Render("Import contacts › "+clean(f.name)), w, 2)
	verb := "enter imports, esc goes back"
	if f.step == importSaving {
		verb = "importing…"
	}
	summary := f.sum.String() + " — " + verb
	if f.problem != "" {
		summary = f.problem
	}
	lines := title
	for _, l := range widget.WrapText(summary, w, 3) {
		lines = append(lines, st.Muted.Render(l))
	}
	return strings.Join(lines, "\n")
}

// window is how many preview lines show at once: what the head leaves,
// measured, less a line for the scroll hint.
func (f *importFlow) window() int { return max(f.height-lipgloss.Height(f.previewHead())-1, 1) }

func (f *importFlow) clamp() { f.off = max(min(f.off, len(f.lines)-f.window()), 0) }

// view draws the current step.
func (f *importFlow) view() string {
	st := f.st
	var b strings.Builder
	switch f.step {
	case importAsk, importReading:
		b.WriteString(st.Title.Render("Import contacts") + "\n")
		b.WriteString(st.Muted.Render(strings.Join(widget.WrapText("A vCard (.vcf) or CSV export from Google, Outlook, LinkedIn, Apple, Android, Thunderbird or Yahoo. You see what would happen before anything is imported.", max(f.width, 20), 0), "\n")) + "\n\n")
		b.WriteString(st.Heading.Render("File      ") + f.path.View() + "\n")
		b.WriteString(st.Heading.Render("Encoding  ") + f.enc.View() + "\n\n")
		switch {
		case f.step == importReading:
			b.WriteString(st.Muted.Render("Reading the file…"))
		case f.problem != "":
			b.WriteString(st.Bad.Render(strings.Join(widget.WrapText(f.problem, max(f.width, 20), 0), "\n")))
		}
		return widget.Clip(b.String(), f.width, f.height)
	}
	b.WriteString(f.previewHead() + "\n")
	end := min(f.off+f.window(), len(f.lines))
	b.WriteString(strings.Join(f.lines[f.off:end], "\n"))
	if len(f.lines) > f.window() {
		b.WriteString("\n" + st.Muted.Render(fmt.Sprintf("lines %d–%d of %d · ↑/↓ scroll", f.off+1, end, len(f.lines))))
	}
	return widget.Clip(b.String(), f.width, f.height)
}

// help is the flow's short help.
func (f *importFlow) help() []key.Binding {
	switch f.step {
	case importAsk:
		return []key.Binding{f.keys.Read, f.keys.NextField}
	case importPreview:
		return []key.Binding{f.keys.Import, f.keys.Scroll}
	}
	return nil
}

// The Contacts screen's hooks into the flow.

// openImport starts the import flow.
func (s *contactsScreen) openImport() tea.Cmd {
	s.imp = newImportFlow(s.b, s.st, s.width, s.height)
	return s.imp.open()
}

// updateImport gives msg to an open import flow; handled reports whether it
// was the flow's to handle.
func (s *contactsScreen) updateImport(msg tea.Msg) (handled bool, cmd tea.Cmd) {
	if s.imp == nil {
		return false, nil
	}
	switch msg.(type) {
	case importReadMsg, importDoneMsg, tea.KeyPressMsg, tea.PasteMsg:
	default:
		return false, nil
	}
	done, cmd := s.imp.update(msg)
	if done {
		s.imp = nil
		return true, tea.Batch(cmd, s.load())
	}
	return true, cmd
}

// backImport steps the flow back when the app asks the screen to go back;
// handled reports that there was a flow. (Esc itself reaches the flow as a
// key, since the screen wants esc while it is open.)
func (s *contactsScreen) backImport() (handled bool, cmd tea.Cmd) {
	if s.imp == nil {
		return false, nil
	}
	done, cmd := s.imp.back()
	if done {
		s.imp = nil
	}
	return true, cmd
}
