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

// personStage is one form of the per-person sequence. Each stage is saved as
// soon as it is completed, so leaving halfway keeps what was entered.
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

// personSavedMsg reports a stage of the person flow written to the store.
type personSavedMsg struct {
	seq         int
	stakeholder model.Stakeholder
	contact     model.Contact
	err         error
}

func (m personSavedMsg) saveErr() error { return m.err }

// savePerson writes the draft: a new contact when needed, then the stakeholder
// (added the first time, updated after). Text is normalised before storing.
func (b *backend) savePerson(seq int, d personDraft, base model.Stakeholder, contact model.Contact) tea.Cmd {
	st, ctx, today := b.st, b.ctx, b.today()
	return func() tea.Msg {
		fail := func(err error) tea.Msg { return personSavedMsg{seq: seq, err: err} }
		date, err := model.ParseDate(d.TargetDate, today)
		if err != nil {
			return fail(err)
		}
		c := contact
		c.Name = model.Normalize(d.Name, false)
		c.Title = model.Normalize(d.Title, false)
		c.Org = model.Normalize(d.Org, false)
		c.Kind, c.Discretion = d.Kind, d.Discretion
		switch {
		case c.ID == 0:
			if c.Name == "" {
				return fail(errors.New("a new person needs a name"))
			}
			if c, err = st.CreateContact(ctx, c); err != nil {
				return fail(err)
			}
		case c != contact:
			if c, err = st.UpdateContact(ctx, c); err != nil {
				return fail(err)
			}
		}
		s := base
		s.ContactID = c.ID
		s.Role, s.Influence, s.Votes, s.Veto = d.Role, d.Influence, d.Votes, d.Veto
		s.Stance, s.TargetStance, s.Spoiler = d.Stance, d.Target, d.Spoiler
		s.Wants, s.Fears = model.Normalize(d.Wants, true), model.Normalize(d.Fears, true)
		s.Plan.Moment, s.Plan.TargetDate, s.Plan.BeforeID = d.Moment, date, d.BeforeID
		s.Plan.Approach, s.Plan.Message, s.Plan.Opener = d.Approach, model.Normalize(d.Message, false), d.Opener
		s.Plan.Venue, s.Plan.Place, s.Plan.ViaID = d.Venue, model.Normalize(d.Place, false), d.ViaID
		if s.Plan != base.Plan {
			// A changed plan is the next talk, not the one already held.
			s.Plan.Done = false
		}
		if s.ID == 0 {
			s, err = st.AddStakeholder(ctx, s)
		} else {
			s, err = st.UpdateStakeholder(ctx, s)
		}
		if err != nil {
			return fail(err)
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
	seq                              int
	waiting                          bool
	done                             bool
}

// newPersonFlow prepares the flow for a stakeholder (id 0 adds a new person).
func newPersonFlow(b *backend, st *Styles, d model.Dossier, stakeholderID int64, stages []personStage) *personFlow {
	f := &personFlow{b: b, st: st, stages: stages, dossier: d}
	f.base = model.Stakeholder{ProposalID: d.Proposal.ID, Influence: 3, TargetStance: model.StanceSupporter,
		Plan: model.Plan{Moment: d.Proposal.Moment}}
	for _, s := range d.Stakeholders {
		if s.ID == stakeholderID {
			f.base = s
			f.contact = d.Contacts[s.ContactID]
		}
	}
	dr := draftFrom(f.base, f.contact)
	f.draft = &dr
	return f
}

// Init loads the contact directory, which the forms pick from.
func (f *personFlow) Init() tea.Cmd {
	f.seq++
	f.waiting = true
	return f.b.loadContacts(f.seq)
}

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

// dirty reports whether something typed or picked has not been saved yet.
func (f *personFlow) dirty() bool {
	return f.host.active() && (f.host.unsaved || *f.draft != f.started)
}

// saveDraft saves what is on screen now, even mid-form.
func (f *personFlow) saveDraft() tea.Cmd {
	f.resolvePicks()
	f.syncPicked()
	f.seq++
	f.waiting = true
	return f.b.savePerson(f.seq, *f.draft, f.base, f.contact)
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
	case contactsLoadedMsg:
		if msg.seq != f.seq {
			return nil
		}
		f.waiting = false
		if msg.err != nil {
			return reportErr(msg.err)
		}
		f.contacts = msg.contacts
		return f.startStage()
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
	if f.waiting || !f.host.active() {
		return nil
	}
	completed, cmd := f.host.update(msg)
	if completed {
		return tea.Batch(cmd, f.saveDraft())
	}
	return cmd
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
	f.started = *f.draft
	return f.host.start(f.stageForm(), f.st)
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
	if f.waiting || !f.host.active() {
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
			groups = append(groups, huh.NewGroup(
				pick.field("Who do you need to talk to?", whomPrompts(f.dossier), &d.ContactID, &d.ContactText, 9),
			))
		} else {
			about = whomPrompts(f.dossier)
		}
	}
	groups = append(groups,
		huh.NewGroup(
			huh.NewInput().Title("Name").Value(&d.Name).CharLimit(model.MaxNameLen).
				Validate(func(s string) error {
					if strings.TrimSpace(s) == "" {
						return errors.New("a person needs a name")
					}
					return nil
				}),
			huh.NewInput().Title("Job title").Placeholder("optional").Value(&d.Title).CharLimit(model.MaxNameLen),
			huh.NewInput().Title("Team or organisation").Placeholder("optional").Value(&d.Org).CharLimit(model.MaxNameLen),
			huh.NewSelect[model.PartnerKind]().Title("Partner kind").Inline(true).
				Description("lateral: a peer · influencer: more senior · willing: wants you to succeed").
				Options(enumOptions(model.PartnerKinds())...).Value(&d.Kind),
			huh.NewSelect[model.Discretion]().Title("Can they keep a confidence?").Inline(true).
				Options(enumOptions(model.Discretions())...).Value(&d.Discretion),
		).Title("About them").Description(about).WithHideFunc(func() bool { return f.adding() && f.pickedContact() != 0 }),
		huh.NewGroup(
			huh.NewSelect[model.Role]().Title("Their part in the decision").Inline(true).
				Options(enumOptions(model.Roles())...).Value(&d.Role),
			huh.NewSelect[int]().Title("Influence").Inline(true).
				Options(influenceOptions()...).Value(&d.Influence),
			huh.NewConfirm().Title("Do they vote?").Value(&d.Votes),
			huh.NewConfirm().Title("Can they veto it?").Value(&d.Veto),
		).Title("Their part in “"+title+"”"),
		huh.NewGroup(
			huh.NewSelect[model.Stance]().Title("Where do they stand today?").Inline(true).
				Options(enumOptions(model.Stances())...).Value(&d.Stance),
			huh.NewSelect[model.Stance]().Title("Where do you need them by the pitch?").Inline(true).
				Options(enumOptions(model.Stances())...).Value(&d.Target),
			huh.NewConfirm().Title("Could they be a spoiler?").
				Description("someone with an interest in killing the deal").Value(&d.Spoiler),
		).Title("Where they stand"),
		// One text field per group: huh hands $EDITOR's result to every
		// text field of the group on screen.
		huh.NewGroup(
			huh.NewText().Title("What do they want from this?").Lines(3).Value(&d.Wants).CharLimit(model.MaxTextLen),
		).Title("Their interests").Description("leave blank if you don't know yet; ctrl+e writes in $EDITOR"),
		huh.NewGroup(
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
	return huh.NewForm(huh.NewGroup(
		huh.NewSelect[model.Moment]().Title("Which moment is this talk for?").Options(momentOpts...).Value(&d.Moment),
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
	hint := "Suggested for " + kindPhrase(d.Kind) + " who is " + d.Stance.String() + ": " + suggested.String()
	if why = clean(why); why != "" {
		hint += " — " + why
	}
	return huh.NewForm(huh.NewGroup(
		huh.NewSelect[model.Approach]().Title("Ask or share?").Inline(true).
			Description("an ask requests something; a share gives them something useful").
			Options(huh.NewOption("ask", model.ApproachAsk), huh.NewOption("share", model.ApproachShare)).Value(&d.Approach),
		huh.NewInput().Title("The message, in one line").Placeholder("what you want them to hear or do").
			Value(&d.Message).CharLimit(500),
		huh.NewSelect[model.Opener]().Title("How will you open?").Description(hint).
			Options(openers...).Value(&d.Opener).Height(len(openers)+1+descLines(hint, f.host.width)),
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
	return huh.NewForm(huh.NewGroup(
		huh.NewSelect[model.Venue]().Title("Where or how?").Options(enumOptions(model.Venues())...).
			Value(&d.Venue).Height(6),
		huh.NewInput().Title("The place, if it matters").Placeholder("e.g. the coffee bar on 3").
			Value(&d.Place).CharLimit(model.MaxNameLen),
		via.field("Through whom?", "a trusted go-between can carry the message", &d.ViaID, &d.ViaText, 5),
	).Title("Where to talk to " + f.name()))
}
