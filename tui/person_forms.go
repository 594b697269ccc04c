package tui

// The four forms of the person flow (whom, when, what, where) and the
// options and phrases they show.

import (
	"errors"
	"strings"

	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/tui/widget"
)

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
			if t := clean(widget.JoinNonEmpty(", ", c.Title, c.Org)); t != "" && len(free) <= widget.PickLimit {
				labels[i] += " — " + t
			}
		}
		// With nobody in the directory left to pick, a list holding only
		// "Someone new" is a step that asks nothing, and a name typed into it
		// would be read as keys (o, b, q); the name comes first instead.
		if len(free) > 0 {
			pick := widget.NewPersonPick("＋ Someone new", labels, ids)
			f.contactPick = &pick
			groups = append(groups, f.plan.group(
				pick.Field("Who do you need to talk to?", whomPrompts(f.dossier), &d.ContactID, &d.ContactText, 9),
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
	kinds := enumOptions(widget.StartFirst(model.PartnerKinds(), model.PartnerNone))
	discretions := enumOptions(widget.StartFirst(model.Discretions(), model.DiscretionUnknown))
	roles := enumOptions(model.Roles())
	influence := influenceOptions()
	if d.Role == roleUnset {
		roles = append([]huh.Option[model.Role]{huh.NewOption("choose one", roleUnset)}, roles...)
	}
	if d.Influence == 0 {
		influence = append([]huh.Option[int]{huh.NewOption("choose 1–5", 0)}, influence...)
	}
	f.roleField = widget.StopAtEnds(huh.NewSelect[model.Role]().Title("Their part in the decision").Inline(true).
		Options(roles...).Value(&d.Role).Validate(func(r model.Role) error {
		if r == roleUnset {
			return errors.New("choose their part: → moves through decision-maker, in the room, influencer…")
		}
		return nil
	}), roles)
	f.influenceField = widget.StopAtEnds(huh.NewSelect[int]().Title("Influence").Inline(true).
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
			widget.StopAtEnds(huh.NewSelect[model.PartnerKind]().Title("Partner kind").Inline(true).
				Description("lateral: a peer · influencer: more senior · willing: wants you to succeed").
				Options(kinds...).Value(&d.Kind), kinds),
			widget.StopAtEnds(huh.NewSelect[model.Discretion]().Title("Can they keep a confidence?").Inline(true).
				Options(discretions...).Value(&d.Discretion), discretions),
		).Title("About them").Description(about).WithHideFunc(func() bool { return f.adding() && f.pickedContact() != 0 }),
		f.plan.group(
			f.roleField,
			f.influenceField,
			huh.NewConfirm().Title("Do they vote?").Value(&d.Votes),
			huh.NewConfirm().Title("Can they veto it?").Value(&d.Veto),
		).Title("Their part in “"+title+"”"),
		f.plan.group(
			widget.StopAtEnds(huh.NewSelect[model.Stance]().Title("Where do they stand today?").Inline(true).
				Options(stances...).Value(&d.Stance), stances),
			widget.StopAtEnds(huh.NewSelect[model.Stance]().Title("Where do you need them by the pitch?").Inline(true).
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
	before := widget.NewPersonPick("no ordering", labels, ids)
	f.beforePick = &before
	dateHint := "e.g. +3d, friday, 2026-12-01"
	if dd := f.dossier.Proposal.DecisionDate; !dd.IsZero() {
		dateHint += " · decision " + fullDate(dd, today) + " (" + dd.Relative(today, true) + ")"
	}
	return huh.NewForm(f.plan.group(
		widget.StopAtEnds(huh.NewSelect[model.Moment]().Title("Which moment is this talk for?").Options(momentOpts...).Value(&d.Moment), momentOpts),
		huh.NewInput().Title("Talk by").Description(dateHint).Value(&d.TargetDate).
			Validate(func(s string) error { _, err := model.ParseDate(s, today); return err }),
		before.Field("Talk to them before…", "", &d.BeforeID, &d.BeforeText, 6),
	).Title("When to talk to " + f.name()))
}

// whatForm asks what to bring: ask or share, the message and the opener, with
// the opener suggested for their partner kind and stance.
func (f *personFlow) whatForm() *huh.Form {
	d := f.draft
	suggested, why := readiness.SuggestOpener(d.Kind, d.Stance)
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
		widget.StopAtEnds(huh.NewSelect[model.Approach]().Title("Ask or share?").Inline(true).
			Description("an ask requests something; a share gives them something useful").
			Options(approaches...).Value(&d.Approach), approaches),
		huh.NewInput().Title("The message, in one line").Placeholder("what you want them to hear or do").
			Value(&d.Message).CharLimit(500),
		widget.StopAtEnds(huh.NewSelect[model.Opener]().Title("How will you open?").Description(hint).
			Options(openers...).Value(&d.Opener).Height(len(openers)+1+descLines(hint, f.host.Width())), openers),
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
	via := widget.NewPersonPick("directly, no go-between", labels, ids)
	f.viaPick = &via
	venues := enumOptions(model.Venues())
	return huh.NewForm(f.plan.group(
		widget.StopAtEnds(huh.NewSelect[model.Venue]().Title("Where or how?").Options(venues...).
			Value(&d.Venue).Height(6), venues),
		huh.NewInput().Title("The place, if it matters").Placeholder("e.g. the coffee bar on 3").
			Value(&d.Place).CharLimit(model.MaxNameLen),
		via.Field("Through whom?", "a trusted go-between can carry the message", &d.ViaID, &d.ViaText, 5),
	).Title("Where to talk to " + f.name()))
}
