package tui

import (
	"errors"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
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

// personDraft is what the person forms edit. Fields are bound to huh fields,
// so it always holds what is on screen, typed or not yet submitted.
type personDraft struct {
	ContactID  int64
	Name       string
	Title      string
	Org        string
	Kind       model.PartnerKind
	Discretion model.Discretion

	Role      model.Role
	Influence int
	Votes     bool
	Veto      bool
	Stance    model.Stance
	Target    model.Stance
	Spoiler   bool
	Wants     string
	Fears     string

	Moment     model.Moment
	TargetDate string
	BeforeID   int64
	Approach   model.Approach
	Message    string
	Opener     model.Opener
	Venue      model.Venue
	Place      string
	ViaID      int64

	// Typed names, used instead of the ids when a list is too long to show.
	ContactText string
	BeforeText  string
	ViaText     string
}

// roleUnset is the role of a new person until one is chosen: the model has
// no "unknown" role, and a default would put them in the room unasked.
const roleUnset model.Role = -1

// draftFrom fills a draft from a stored stakeholder and contact.
func draftFrom(s model.Stakeholder, c model.Contact) personDraft {
	return personDraft{
		ContactID: c.ID, Name: c.Name, Title: c.Title, Org: c.Org, Kind: c.Kind, Discretion: c.Discretion,
		Role: s.Role, Influence: s.Influence, Votes: s.Votes, Veto: s.Veto,
		Stance: s.Stance, Target: s.TargetStance, Spoiler: s.Spoiler, Wants: s.Wants, Fears: s.Fears,
		Moment: s.Plan.Moment, TargetDate: s.Plan.TargetDate.String(), BeforeID: s.Plan.BeforeID,
		Approach: s.Plan.Approach, Message: s.Plan.Message, Opener: s.Plan.Opener,
		Venue: s.Plan.Venue, Place: s.Plan.Place, ViaID: s.Plan.ViaID,
	}
}

// keptPerson is a half-filled person form kept as a draft.
type keptPerson struct {
	Stage personStage
	Draft personDraft
	// Field is where the cursor was (see formPlan.index).
	Field int
	// RoleChosen is false while the role is unanswered: roles are kept
	// as words, and "unanswered" is not one.
	RoleChosen bool
}

// keep is the draft d as kept, the unanswered role written as such.
func keep(stage personStage, d personDraft, field int) keptPerson {
	k := keptPerson{Stage: stage, Draft: d, Field: field, RoleChosen: d.Role != roleUnset}
	if !k.RoleChosen {
		k.Draft.Role = 0
	}
	return k
}

// draft is the kept answers as the form holds them.
func (k keptPerson) draft() personDraft {
	d := k.Draft
	if !k.RoleChosen {
		d.Role = roleUnset
	}
	return d
}

// personDraftKey names the kept draft: a new person on a proposal, or the
// changes to one already on it.
func personDraftKey(proposalID, stakeholderID int64) string {
	if stakeholderID == 0 {
		return "person:proposal:" + itoa64(proposalID) + ":new"
	}
	return "person:stakeholder:" + itoa64(stakeholderID)
}

// personSavedMsg reports a stage of the person flow written to the store.
type personSavedMsg struct {
	seq         int
	stakeholder model.Stakeholder
	contact     model.Contact
	err         error
}

func (m personSavedMsg) saveErr() error { return m.err }

// personStartMsg brings what the person forms need: the directory to pick
// from, and a kept draft of this form if there is one.
type personStartMsg struct {
	seq      int
	contacts []model.Contact
	draft    model.Draft
	kept     bool
	err      error
}

// loadPersonStart reads the directory and the draft under key.
func (b *backend) loadPersonStart(seq int, key string) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		cs, err := store.ListContacts(ctx, false)
		if err != nil {
			return personStartMsg{seq: seq, err: err}
		}
		d, ok, err := store.GetDraft(ctx, key)
		return personStartMsg{seq: seq, contacts: cs, draft: d, kept: ok, err: err}
	}
}

// applyStage copies the answers of one stage onto a stakeholder, leaving
// every other field as stored.
func applyStage(s *model.Stakeholder, stage personStage, d personDraft, date model.Date) {
	plan := s.Plan
	switch stage {
	case stageWhom:
		s.Role, s.Influence, s.Votes, s.Veto = d.Role, d.Influence, d.Votes, d.Veto
		s.Stance, s.TargetStance, s.Spoiler = d.Stance, d.Target, d.Spoiler
		s.Wants, s.Fears = model.Normalize(d.Wants, true), model.Normalize(d.Fears, true)
	case stageWhen:
		s.Plan.Moment, s.Plan.TargetDate, s.Plan.BeforeID = d.Moment, date, d.BeforeID
	case stageWhat:
		s.Plan.Approach, s.Plan.Message, s.Plan.Opener = d.Approach, model.Normalize(d.Message, false), d.Opener
	case stageWhere:
		s.Plan.Venue, s.Plan.Place, s.Plan.ViaID = d.Venue, model.Normalize(d.Place, false), d.ViaID
	}
	if s.Plan != plan {
		// A changed plan is the next talk, not the one already held.
		s.Plan.Done = false
	}
}

// contactFrom is the contact with the whom form's answers, normalised.
func contactFrom(c model.Contact, d personDraft) model.Contact {
	c.Name = model.Normalize(d.Name, false)
	c.Title = model.Normalize(d.Title, false)
	c.Org = model.Normalize(d.Org, false)
	c.Kind, c.Discretion = d.Kind, d.Discretion
	return c
}

// savePerson writes one completed stage. A new person is one AddPerson call
// (creating the contact, or reusing the one picked from the directory); a
// person already on the proposal is changed with EditPerson: their part and
// (when the whom stage changed it) their contact, in one transaction. It then drops the stage's kept draft.
func (b *backend) savePerson(seq int, stage personStage, d personDraft, base model.Stakeholder, contact model.Contact, dropKeys []string) tea.Cmd {
	store, ctx, today := b.store, b.ctx, b.today()
	return func() tea.Msg {
		fail := func(err error) tea.Msg { return personSavedMsg{seq: seq, err: err} }
		date, err := model.ParseDate(d.TargetDate, today)
		if err != nil {
			return fail(err)
		}
		c := contact
		if stage == stageWhom && (c.ID == 0 || base.ID != 0) {
			c = contactFrom(contact, d)
		}
		var s model.Stakeholder
		switch {
		case base.ID == 0:
			if c.ID == 0 && c.Name == "" {
				return fail(errors.New("a new person needs a name"))
			}
			s = base
			applyStage(&s, stage, d, date)
			if s, err = store.AddPerson(ctx, c, s); err != nil {
				return fail(err)
			}
			if c.ID == 0 {
				c = contactFrom(model.Contact{ID: s.ContactID}, d)
			}
		default:
			// The contact and the person's part change together: one action.
			var editContact func(*model.Contact) error
			if c != contact {
				editContact = func(x *model.Contact) error {
					x.Name, x.Title, x.Org, x.Kind, x.Discretion = c.Name, c.Title, c.Org, c.Kind, c.Discretion
					return nil
				}
			}
			if c, s, err = store.EditPerson(ctx, base.ID, editContact, func(x *model.Stakeholder) error {
				applyStage(x, stage, d, date)
				return nil
			}); err != nil {
				return fail(err)
			}
		}
		for _, k := range dropKeys {
			// The stage is stored; a draft left behind would only be
			// offered again, so failing to drop it is not the save's failure.
			_ = store.DeleteDraft(ctx, k)
		}
		return personSavedMsg{seq: seq, stakeholder: s, contact: c}
	}
}

// personFlow is the sequence of person forms (whom, when, what, where) used by
// the walkthrough and the workspace alike. It is a component, not a screen.
type personFlow struct {
	b        *backend
	st       *Styles
	host     formHost
	stages   []personStage
	idx      int
	draft    *personDraft
	started  personDraft
	base     model.Stakeholder
	contact  model.Contact
	dossier  model.Dossier
	contacts []model.Contact
	// picks are the person choices of the forms built so far.
	contactPick, beforePick, viaPick *personPick
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
	if f.offer != nil || f.busy() || f.done || !f.host.active() {
		return false
	}
	return f.host.unsaved || *f.draft != f.started
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
	kept := keep(f.stage(), *f.draft, f.plan.index(f.host.form))
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
		d.ContactID = f.contactPick.value(d.ContactID, d.ContactText)
	}
	if f.beforePick != nil {
		d.BeforeID = f.beforePick.value(d.BeforeID, d.BeforeText)
	}
	if f.viaPick != nil {
		d.ViaID = f.viaPick.value(d.ViaID, d.ViaText)
	}
}

// pickedContact is the contact chosen in the whom form so far (0 for new).
func (f *personFlow) pickedContact() int64 {
	if f.contactPick == nil {
		return f.draft.ContactID
	}
	return f.contactPick.value(f.draft.ContactID, f.draft.ContactText)
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
			return f.host.start(resumeForm(msg.draft, f.b.today(), &f.choice), f.st)
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
			return tea.Batch(reportErr(msg.err), f.host.restart(f.stageForm(), f.st))
		}
		f.keptKey = ""
		f.base, f.contact = msg.stakeholder, msg.contact
		f.draft.ContactID = msg.contact.ID
		f.draft.TargetDate = msg.stakeholder.Plan.TargetDate.String()
		f.dossier = withStakeholder(f.dossier, msg.stakeholder, msg.contact)
		f.idx++
		if f.idx >= len(f.stages) {
			f.done = true
			f.host.stop()
			return nil
		}
		return f.startStage()
	}
	if f.busy() || !f.host.active() {
		return nil
	}
	completed, cmd := f.host.update(msg)
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
	return tea.Batch(cmd, f.plan.focus(f.host.form, f.resumeField(kept.Field)))
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
	return f.host.start(form, f.st)
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
	case f.waiting || !f.host.active():
		return f.st.Muted.Render("Saving…")
	}
	return f.host.view()
}

// keyBinds are the focused field's keys.
func (f *personFlow) keyBinds() []key.Binding { return f.host.keyBinds() }

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

// enumOptions turns a list of enum values into select options with their words.
func enumOptions[T interface {
	comparable
	String() string
}](vals []T) []huh.Option[T] {
	out := make([]huh.Option[T], len(vals))
	for i, v := range vals {
		out[i] = huh.NewOption(v.String(), v)
	}
	return out
}

// otherStakeholders lists everyone on the proposal but the current person.
func (f *personFlow) otherStakeholders() []model.Stakeholder {
	out := make([]model.Stakeholder, 0, len(f.dossier.Stakeholders))
	for _, s := range f.dossier.Stakeholders {
		if s.ID != f.base.ID {
			out = append(out, s)
		}
	}
	return out
}

// whomForm asks who the person is and what part they play.
func (f *personFlow) whomForm() *huh.Form {
	d := f.draft
	title := clean(f.dossier.Proposal.Title)
	var groups []*huh.Group
	about := ""
	if f.adding() {
		on := map[int64]bool{}
		for _, s := range f.dossier.Stakeholders {
			on[s.ContactID] = true
		}
		var free []model.Contact
		for _, c := range f.contacts {
			if !on[c.ID] {
				free = append(free, c)
			}
		}
		labels := make([]string, len(free))
		ids := make([]int64, len(free))
		for i, c := range free {
			labels[i], ids[i] = clean(c.Name), c.ID
			// A short list is read, so it says who they are; a long one is
			// typed, so it is just names.
			if t := clean(joinNonEmpty(", ", c.Title, c.Org)); t != "" && len(free) <= pickLimit {
				labels[i] += " — " + t
			}
		}
		// With nobody in the directory left to pick, a list holding only
		// "Someone new" is a step that asks nothing, and a name typed into it
		// would be read as keys (o, b, q); the name comes first instead.
		if len(free) > 0 {
			pick := newPersonPick("＋ Someone new", labels, ids)
			f.contactPick = &pick
			groups = append(groups, f.plan.group(
				pick.field("Who do you need to talk to?", whomPrompts(f.dossier), &d.ContactID, &d.ContactText, 9),
			))
		} else {
			about = whomPrompts(f.dossier)
		}
	}
	f.nameField = huh.NewInput().Title("Name").Value(&d.Name).CharLimit(model.MaxNameLen).
		Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New("a person needs a name")
			}
			return nil
		})
	// "none yet" and "unknown" come first: they are where a new person
	// starts, and choices stop at their ends, so → moves to the answers.
	kinds := enumOptions(startFirst(model.PartnerKinds(), model.PartnerNone))
	discretions := enumOptions(startFirst(model.Discretions(), model.DiscretionUnknown))
	roles := enumOptions(model.Roles())
	influence := influenceOptions()
	if d.Role == roleUnset {
		roles = append([]huh.Option[model.Role]{huh.NewOption("choose one", roleUnset)}, roles...)
	}
	if d.Influence == 0 {
		influence = append([]huh.Option[int]{huh.NewOption("choose 1–5", 0)}, influence...)
	}
	f.roleField = stopAtEnds(huh.NewSelect[model.Role]().Title("Their part in the decision").Inline(true).
		Options(roles...).Value(&d.Role).Validate(func(r model.Role) error {
		if r == roleUnset {
			return errors.New("choose their part: → moves through decision-maker, in the room, influencer…")
		}
		return nil
	}), roles)
	f.influenceField = stopAtEnds(huh.NewSelect[int]().Title("Influence").Inline(true).
		Options(influence...).Value(&d.Influence).Validate(func(n int) error {
		if n == 0 {
			return errors.New("choose how much they sway the decision, 1 to 5")
		}
		return nil
	}), influence)
	stances := enumOptions(model.Stances())
	groups = append(groups,
		f.plan.group(
			f.nameField,
			huh.NewInput().Title("Job title").Placeholder("optional").Value(&d.Title).CharLimit(model.MaxNameLen),
			huh.NewInput().Title("Team or organisation").Placeholder("optional").Value(&d.Org).CharLimit(model.MaxNameLen),
			stopAtEnds(huh.NewSelect[model.PartnerKind]().Title("Partner kind").Inline(true).
				Description("lateral: a peer · influencer: more senior · willing: wants you to succeed").
				Options(kinds...).Value(&d.Kind), kinds),
			stopAtEnds(huh.NewSelect[model.Discretion]().Title("Can they keep a confidence?").Inline(true).
				Options(discretions...).Value(&d.Discretion), discretions),
		).Title("About them").Description(about).WithHideFunc(func() bool { return f.adding() && f.pickedContact() != 0 }),
		f.plan.group(
			f.roleField,
			f.influenceField,
			huh.NewConfirm().Title("Do they vote?").Value(&d.Votes),
			huh.NewConfirm().Title("Can they veto it?").Value(&d.Veto),
		).Title("Their part in “"+title+"”"),
		f.plan.group(
			stopAtEnds(huh.NewSelect[model.Stance]().Title("Where do they stand today?").Inline(true).
				Options(stances...).Value(&d.Stance), stances),
			stopAtEnds(huh.NewSelect[model.Stance]().Title("Where do you need them by the pitch?").Inline(true).
				Description("unknown: no target yet").Options(stances...).Value(&d.Target), stances),
			huh.NewConfirm().Title("Could they be a spoiler?").
				Description("someone with an interest in killing the deal").Value(&d.Spoiler),
		).Title("Where they stand"),
		// One text field per group: huh hands $EDITOR's result to every
		// text field of the group on screen.
		f.plan.group(
			huh.NewText().Title("What do they want from this?").Lines(3).Value(&d.Wants).CharLimit(model.MaxTextLen),
		).Title("Their interests").Description("leave blank if you don't know yet; ctrl+e writes in $EDITOR"),
		f.plan.group(
			huh.NewText().Title("What do they fear?").Lines(3).Value(&d.Fears).CharLimit(model.MaxTextLen),
		).Title("Their interests").Description("leave blank if you don't know yet; ctrl+e writes in $EDITOR"),
	)
	if !f.adding() {
		groups[0].Title("About " + f.name())
	}
	return huh.NewForm(groups...)
}

// influenceOptions are the 1–5 influence levels with words.
func influenceOptions() []huh.Option[int] {
	return []huh.Option[int]{
		huh.NewOption("1 little", 1), huh.NewOption("2 some", 2), huh.NewOption("3 moderate", 3),
		huh.NewOption("4 strong", 4), huh.NewOption("5 decisive", 5),
	}
}

// whomPrompts says which partner kinds are still missing and asks the two
// questions every room needs answered.
func whomPrompts(d model.Dossier) string {
	var lines []string
	if missing := missingKinds(d); len(missing) > 0 {
		lines = append(lines, "Partners still missing: "+strings.Join(missing, ", ")+".")
	}
	lines = append(lines, "Who will object? Who will be in the room?")
	return strings.Join(lines, "\n")
}

// missingKinds lists the partner kinds nobody on the proposal is yet.
func missingKinds(d model.Dossier) []string {
	have := map[model.PartnerKind]bool{}
	for _, s := range d.Stakeholders {
		have[d.Contacts[s.ContactID].Kind] = true
	}
	var out []string
	for _, k := range []struct {
		kind model.PartnerKind
		text string
	}{
		{model.PartnerLateral, "lateral (a peer)"},
		{model.PartnerInfluencer, "influencer (someone senior)"},
		{model.PartnerWilling, "willing (on your side)"},
	} {
		if !have[k.kind] {
			out = append(out, k.text)
		}
	}
	return out
}

// whenForm asks when to talk: the moment, a target date and the ordering.
func (f *personFlow) whenForm() *huh.Form {
	d := f.draft
	if d.Moment == model.MomentUnset {
		d.Moment = f.dossier.Proposal.Moment
	}
	today := f.b.today()
	momentOpts := make([]huh.Option[model.Moment], 0, 4)
	for _, m := range model.Moments() {
		momentOpts = append(momentOpts, huh.NewOption(m.String()+" — "+m.Purpose(), m))
	}
	var labels []string
	var ids []int64
	for _, s := range f.otherStakeholders() {
		labels, ids = append(labels, clean(f.dossier.Contacts[s.ContactID].Name)), append(ids, s.ID)
	}
	before := newPersonPick("no ordering", labels, ids)
	f.beforePick = &before
	dateHint := "e.g. +3d, friday, 2026-12-01"
	if dd := f.dossier.Proposal.DecisionDate; !dd.IsZero() {
		dateHint += " · decision " + dd.Human() + " (" + dd.Relative(today, true) + ")"
	}
	return huh.NewForm(f.plan.group(
		stopAtEnds(huh.NewSelect[model.Moment]().Title("Which moment is this talk for?").Options(momentOpts...).Value(&d.Moment), momentOpts),
		huh.NewInput().Title("Talk by").Description(dateHint).Value(&d.TargetDate).
			Validate(func(s string) error { _, err := model.ParseDate(s, today); return err }),
		before.field("Talk to them before…", "", &d.BeforeID, &d.BeforeText, 6),
	).Title("When to talk to " + f.name()))
}

// whatForm asks what to bring: ask or share, the message and the opener, with
// the opener suggested for their partner kind and stance.
func (f *personFlow) whatForm() *huh.Form {
	d := f.draft
	suggested, why := model.SuggestOpener(d.Kind, d.Stance)
	if d.Opener == model.OpenerUnset {
		d.Opener = suggested
	}
	if d.Approach == model.ApproachUnset {
		d.Approach = model.ApproachAsk
	}
	openers := make([]huh.Option[model.Opener], 0, 3)
	for _, o := range model.Openers() {
		label := o.String()
		if o == suggested {
			label += " (suggested)"
		}
		openers = append(openers, huh.NewOption(label, o))
	}
	hint := "Suggested for " + kindPhrase(d.Kind) + " " + stancePhrase(d.Stance) + ": " + suggested.String()
	if why = clean(why); why != "" {
		hint += " — " + why
	}
	approaches := []huh.Option[model.Approach]{huh.NewOption("ask", model.ApproachAsk), huh.NewOption("share", model.ApproachShare)}
	return huh.NewForm(f.plan.group(
		stopAtEnds(huh.NewSelect[model.Approach]().Title("Ask or share?").Inline(true).
			Description("an ask requests something; a share gives them something useful").
			Options(approaches...).Value(&d.Approach), approaches),
		huh.NewInput().Title("The message, in one line").Placeholder("what you want them to hear or do").
			Value(&d.Message).CharLimit(500),
		stopAtEnds(huh.NewSelect[model.Opener]().Title("How will you open?").Description(hint).
			Options(openers...).Value(&d.Opener).Height(len(openers)+1+descLines(hint, f.host.width)), openers),
	).Title("What to bring " + f.name()))
}

// descLines is how many lines huh will wrap a field description into, so a
// select's height leaves room for every option under it.
func descLines(s string, width int) int {
	if width <= 4 {
		return 1
	}
	return len(strings.Split(ansi.Wordwrap(s, width-4, ""), "\n"))
}

// kindPhrase is "a lateral partner", "an influencer"… for the opener hint.
func kindPhrase(k model.PartnerKind) string {
	switch k {
	case model.PartnerLateral:
		return "a lateral partner"
	case model.PartnerInfluencer:
		return "an influencer"
	case model.PartnerWilling:
		return "a willing partner"
	}
	return "someone"
}

// stancePhrase says where someone stands as a clause: "who is an
// opponent", "who is neutral", "whose stance is unknown".
func stancePhrase(s model.Stance) string {
	switch s {
	case model.StanceNeutral:
		return "who is neutral"
	case model.StanceOpponent:
		return "who is an opponent"
	case model.StanceChampion, model.StanceSupporter, model.StanceSkeptic:
		return "who is a " + s.String()
	}
	return "whose stance is unknown"
}

// whereForm asks where: the venue, the place and who carries the message.
func (f *personFlow) whereForm() *huh.Form {
	d := f.draft
	var labels []string
	var ids []int64
	for _, c := range f.contacts {
		if c.ID != f.base.ContactID {
			labels, ids = append(labels, clean(c.Name)), append(ids, c.ID)
		}
	}
	via := newPersonPick("directly, no go-between", labels, ids)
	f.viaPick = &via
	venues := enumOptions(model.Venues())
	return huh.NewForm(f.plan.group(
		stopAtEnds(huh.NewSelect[model.Venue]().Title("Where or how?").Options(venues...).
			Value(&d.Venue).Height(6), venues),
		huh.NewInput().Title("The place, if it matters").Placeholder("e.g. the coffee bar on 3").
			Value(&d.Place).CharLimit(model.MaxNameLen),
		via.field("Through whom?", "a trusted go-between can carry the message", &d.ViaID, &d.ViaText, 5),
	).Title("Where to talk to " + f.name()))
}
