package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// personStage is one form of the per-person sequence. Each stage is written
// when it is completed (adding the person is one AddPerson, a later stage one
// edit); leaving a stage midway keeps it as a draft, never as data.
type personStage int

const (
	// stageWhom: who the person is and their part (role, stance, interests).
	stageWhom personStage = iota
	// stageWhen: the moment, a target date and "talk to them before…".
	stageWhen
	// stageWhat: ask or share, the one-line message and the opener.
	stageWhat
	// stageWhere: the venue, the place and the go-between.
	stageWhere
)

// String names the stage for the progress line.
func (s personStage) String() string {
	switch s {
	case stageWhen:
		return "when"
	case stageWhat:
		return "what"
	case stageWhere:
		return "where"
	}
	return "whom"
}

// allPersonStages walks through whom, when, what and where.
var allPersonStages = []personStage{stageWhom, stageWhen, stageWhat, stageWhere}

// personFlow is the sequence of person forms (whom, when, what, where) used by
// the walkthrough and the workspace alike. It is a component, not a screen.
type personFlow struct {
	b        *backend
	st       *Styles
	host     widget.FormHost
	stages   []personStage
	idx      int
	draft    *personDraft
	started  personDraft
	base     model.Stakeholder
	contact  model.Contact
	dossier  model.Dossier
	contacts []model.Contact
	// picks are the person choices of the forms built so far.
	contactPick, beforePick, viaPick *widget.PersonPick
	// plan is the current form's fields, to resume where the person left.
	plan formPlan
	// nameField, roleField and influenceField are the whom form's answers
	// a new person cannot do without: a resumed draft returns to the first
	// of them still unanswered.
	nameField, roleField, influenceField huh.Field
	// loading is set until the directory and any kept draft are read;
	// offer is that draft, shown with the resume-or-start-over question.
	loading bool
	offer   *model.Draft
	choice  resumeChoice
	// keptKey is the draft this flow resumed: dropped when it is saved or
	// discarded.
	keptKey string
	seq     int
	waiting bool
	done    bool
}

// newPersonFlow prepares the flow for a stakeholder (id 0 adds a new person).
// A new person's role and influence start unanswered.
func newPersonFlow(b *backend, st *Styles, d model.Dossier, stakeholderID int64, stages []personStage) *personFlow {
	f := &personFlow{b: b, st: st, stages: stages, dossier: d}
	f.base = model.Stakeholder{ProposalID: d.Proposal.ID}
	for _, s := range d.Stakeholders {
		if s.ID == stakeholderID {
			f.base = s
			f.contact = d.Contacts[s.ContactID]
		}
	}
	dr := draftFrom(f.base, f.contact)
	if f.base.ID == 0 {
		dr.Role = roleUnset
	}
	f.draft = &dr
	return f
}

// Init loads the contact directory, which the forms pick from, and any
// draft of this form kept earlier.
func (f *personFlow) Init() tea.Cmd {
	f.seq++
	f.loading = true
	return f.b.loadPersonStart(f.seq, f.draftKey())
}

// draftKey names this form's kept draft.
func (f *personFlow) draftKey() string { return personDraftKey(f.dossier.Proposal.ID, f.base.ID) }

// adding reports whether the flow creates a new stakeholder.
func (f *personFlow) adding() bool { return f.base.ID == 0 }

// stage is the current stage.
func (f *personFlow) stage() personStage {
	if f.idx >= len(f.stages) {
		return f.stages[len(f.stages)-1]
	}
	return f.stages[f.idx]
}

// name is the person's cleaned name for titles.
func (f *personFlow) name() string {
	if n := clean(f.draft.Name); n != "" {
		return n
	}
	return "them"
}

// SetSize resizes the current form.
func (f *personFlow) SetSize(w, h int) { f.host.SetSize(w, h) }

// busy reports a read or write under way: keys then go nowhere.
func (f *personFlow) busy() bool { return f.loading || f.waiting }

// dirty reports whether something typed or picked is neither written nor
// kept yet.
func (f *personFlow) dirty() bool {
	if f.offer != nil || f.busy() || f.done || !f.host.Active() {
		return false
	}
	return f.host.Unsaved() || *f.draft != f.started
}

// saveDraft keeps the stage on screen as a draft ("save it" on leaving):
// a half-filled person never reaches the workbook.
func (f *personFlow) saveDraft() tea.Cmd {
	f.resolvePicks()
	f.syncPicked()
	key := f.draftKey()
	f.seq++
	f.waiting = true
	var drop tea.Cmd
	if f.keptKey != "" && f.keptKey != key {
		drop = f.b.dropDraft(f.keptKey)
	}
	kept := keep(f.stage(), *f.draft, f.plan.index(f.host.Form))
	return tea.Batch(drop, f.b.keepDraft(f.seq, key, f.draftTitle(), kept))
}

// draftTitle offers the draft back in words.
func (f *personFlow) draftTitle() string {
	who := "someone new"
	if n := clean(f.draft.Name); n != "" {
		who = n
	}
	on := "“" + clean(f.dossier.Proposal.Title) + "”"
	if f.adding() {
		return "adding " + who + " to " + on
	}
	return "changes to " + who + " on " + on
}

// discardDraft drops the draft this flow resumed ("discard it" on leaving).
func (f *personFlow) discardDraft() tea.Cmd {
	key := f.keptKey
	f.keptKey = ""
	return f.b.dropDraft(key)
}

// resolvePicks turns typed names into ids for the long lists.
func (f *personFlow) resolvePicks() {
	d := f.draft
	if f.contactPick != nil {
		d.ContactID = f.contactPick.Value(d.ContactID, d.ContactText)
	}
	if f.beforePick != nil {
		d.BeforeID = f.beforePick.Value(d.BeforeID, d.BeforeText)
	}
	if f.viaPick != nil {
		d.ViaID = f.viaPick.Value(d.ViaID, d.ViaText)
	}
}

// pickedContact is the contact chosen in the whom form so far (0 for new).
func (f *personFlow) pickedContact() int64 {
	if f.contactPick == nil {
		return f.draft.ContactID
	}
	return f.contactPick.Value(f.draft.ContactID, f.draft.ContactText)
}

// syncPicked copies a contact picked from the directory into the draft, so
// the save links that contact and later forms know their name and kind.
func (f *personFlow) syncPicked() {
	d := f.draft
	if !f.adding() || d.ContactID == 0 || d.ContactID == f.contact.ID {
		return
	}
	for _, c := range f.contacts {
		if c.ID == d.ContactID {
			f.contact = c
			d.Name, d.Title, d.Org, d.Kind, d.Discretion = c.Name, c.Title, c.Org, c.Kind, c.Discretion
			return
		}
	}
}

// Update runs the current form and the saves between stages.
func (f *personFlow) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case personStartMsg:
		if msg.seq != f.seq {
			return nil
		}
		f.loading = false
		if msg.err != nil {
			return reportErr(msg.err)
		}
		f.contacts = msg.contacts
		if msg.kept {
			f.offer = &msg.draft
			return f.host.Start(resumeForm(msg.draft, f.b.today(), &f.choice), f.st.huhTheme())
		}
		return f.startStage()
	case draftKeptMsg:
		if msg.seq != f.seq {
			return nil
		}
		f.waiting = false
		if msg.err != nil {
			return reportErr(msg.err)
		}
		f.keptKey = ""
		return navigate(statusMsg{text: keptStatus(msg.title)})
	case personSavedMsg:
		if msg.seq != f.seq {
			return nil
		}
		f.waiting = false
		if msg.err != nil {
			// Stay on the form with what was typed; the status line says why,
			// and the input still counts as unsaved.
			return tea.Batch(reportErr(msg.err), f.host.Restart(f.stageForm(), f.st.huhTheme()))
		}
		f.keptKey = ""
		f.base, f.contact = msg.stakeholder, msg.contact
		f.draft.ContactID = msg.contact.ID
		f.draft.TargetDate = msg.stakeholder.Plan.TargetDate.String()
		f.dossier = withStakeholder(f.dossier, msg.stakeholder, msg.contact)
		f.idx++
		if f.idx >= len(f.stages) {
			f.done = true
			f.host.Stop()
			return nil
		}
		return f.startStage()
	}
	if f.busy() || !f.host.Active() {
		return nil
	}
	completed, cmd := f.host.Update(msg)
	if !completed {
		return cmd
	}
	if f.offer != nil {
		return tea.Batch(cmd, f.answerOffer())
	}
	return tea.Batch(cmd, f.save())
}

// save writes the completed stage.
func (f *personFlow) save() tea.Cmd {
	f.resolvePicks()
	f.syncPicked()
	drop := []string{f.draftKey()}
	if f.keptKey != "" && f.keptKey != drop[0] {
		drop = append(drop, f.keptKey)
	}
	f.seq++
	f.waiting = true
	return f.b.savePerson(f.seq, f.stage(), *f.draft, f.base, f.contact, drop)
}

// answerOffer resumes the kept draft or drops it and starts afresh.
func (f *personFlow) answerOffer() tea.Cmd {
	d := *f.offer
	f.offer = nil
	if f.choice == startOver {
		return tea.Batch(f.b.dropDraft(d.Key), f.startStage())
	}
	var kept keptPerson
	if err := readDraft(d, &kept); err != nil {
		return tea.Batch(reportErr(err), f.startStage())
	}
	*f.draft = kept.draft()
	f.keptKey = d.Key
	for i, s := range f.stages {
		if s == kept.Stage {
			f.idx = i
		}
	}
	if f.stage() != kept.Stage {
		kept.Field = -1
	}
	cmd := f.startStage()
	// The draft is what the flow holds now: leaving again unchanged keeps
	// it as it is, without asking.
	return tea.Batch(cmd, f.plan.focus(f.host.Form, f.resumeField(kept.Field)))
}

// resumeField is where a resumed form puts the cursor: on the first answer
// a new person cannot do without, else where the person left off.
func (f *personFlow) resumeField(left int) huh.Field {
	d := f.draft
	if f.stage() == stageWhom && f.adding() {
		switch {
		case f.pickedContact() == 0 && strings.TrimSpace(d.Name) == "" && f.nameField != nil:
			return f.nameField
		case d.Role == roleUnset:
			return f.roleField
		case d.Influence == 0:
			return f.influenceField
		}
	}
	return f.plan.at(left)
}

// withStakeholder returns d with s (and its contact) added or replaced, so
// later forms name the person before the dossier is reloaded.
func withStakeholder(d model.Dossier, s model.Stakeholder, c model.Contact) model.Dossier {
	out := d
	out.Stakeholders = slices.Clone(d.Stakeholders)
	found := false
	for i := range out.Stakeholders {
		if out.Stakeholders[i].ID == s.ID {
			out.Stakeholders[i] = s
			found = true
		}
	}
	if !found {
		out.Stakeholders = append(out.Stakeholders, s)
	}
	out.Contacts = make(map[int64]model.Contact, len(d.Contacts)+1)
	for k, v := range d.Contacts {
		out.Contacts[k] = v
	}
	if c.ID != 0 {
		out.Contacts[c.ID] = c
	}
	return out
}

// startStage shows the form for the current stage, built from the draft.
func (f *personFlow) startStage() tea.Cmd {
	f.plan = formPlan{}
	form := f.stageForm()
	f.started = *f.draft
	return f.host.Start(form, f.st.huhTheme())
}

// stageForm is the form for the current stage.
func (f *personFlow) stageForm() *huh.Form {
	switch f.stage() {
	case stageWhom:
		return f.whomForm()
	case stageWhen:
		return f.whenForm()
	case stageWhat:
		return f.whatForm()
	case stageWhere:
		return f.whereForm()
	}
	return nil
}

// View renders the current form, or a waiting line between stages.
func (f *personFlow) View() string {
	switch {
	case f.loading:
		return f.st.Muted.Render("Loading…")
	case f.waiting || !f.host.Active():
		return f.st.Muted.Render("Saving…")
	}
	return f.host.View()
}

// keyBinds are the focused field's keys.
func (f *personFlow) keyBinds() []key.Binding { return f.host.KeyBinds() }

// progress says where in the sequence the flow is: "whom › when › what".
func (f *personFlow) progress() string {
	if len(f.stages) < 2 {
		return ""
	}
	parts := make([]string, len(f.stages))
	for i, s := range f.stages {
		switch {
		case i < f.idx:
			parts[i] = f.st.StepDone.Render("✓ " + s.String())
		case i == f.idx:
			parts[i] = f.st.StepCurrent.Render("[" + s.String() + "]")
		default:
			parts[i] = f.st.StepTodo.Render(s.String())
		}
	}
	return strings.Join(parts, f.st.Muted.Render(" › "))
}
