// Long by design: the room command tree (list, add, set, remove) and the stakeholder flags they share.

package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/spf13/cobra"
)

// roomRow is one line of `room --json`: a person's part in the proposal
// (the stakeholder; its "id" is the stakeholder's), who they are, and when
// they were last spoken to.
type roomRow struct {
	model.Stakeholder
	Name       string     `json:"name"`
	LastSpoken model.Date `json:"last_spoken"`
	// SaidAndDid reads, once the debrief records how they acted, their
	// word against their deed (model.ReadSayDo): "said supporter, stayed
	// silent".
	SaidAndDid string `json:"said_and_did,omitempty"`
	// Gap marks a word not kept.
	Gap bool `json:"say_do_gap,omitempty"`
}

func (a *app) roomCommand() *cobra.Command {
	var proposal string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "room",
		Short: "The people on a proposal: role, influence, vote and veto, stance, plan",
		Long: `List the people on a proposal, most decisive first: their contact id (which
PERSON in the room commands accepts), role, influence 1–5, whether they vote
or hold a veto, stance and target stance, spoiler flag, when they were last
spoken to and the next planned talk. Once the debrief records how people acted
in the room, a SAID/DID column reads each one's deed against their stated
stance: "= as they said", or "≠ gap: stayed silent" for a word not kept.`,
		Example: `  backchannel room -p "Consolidate"
  backchannel room add "Raj Patel" -p 1 --role "in the room" --influence 3
  backchannel room set Raj -p 1 --stance supporter --when friday --approach ask --venue coffee
  backchannel room remove Raj -p 1`,
		Args: exactArgs(0, "no arguments (name the proposal with -p)"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			day, err := today()
			if err != nil {
				return err
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			p, err := a.resolveProposal(ctx, st, proposal)
			if err != nil {
				return err
			}
			d, err := st.LoadDossier(ctx, p.ID)
			if err != nil {
				return err
			}
			last := map[int64]model.Date{}
			for _, t := range d.Touchpoints {
				if !t.Date.After(day) && t.Date.After(last[t.StakeholderID]) {
					last[t.StakeholderID] = t.Date
				}
			}
			rows := []roomRow{}
			debriefed := false
			for _, s := range d.Stakeholders {
				row := roomRow{Stakeholder: s, Name: d.Contacts[s.ContactID].Name, LastSpoken: last[s.ID]}
				if sd := model.ReadSayDo(s); sd.Recorded {
					row.SaidAndDid, row.Gap = sd.Phrase, sd.Gap
					debriefed = true
				}
				rows = append(rows, row)
			}
			if asJSON {
				return writeJSON(a.stdout, rows)
			}
			if len(rows) == 0 {
				fmt.Fprintf(a.stdout, "Nobody is on %q yet. Add who decides with `backchannel room add PERSON -p %d --role decision-maker --influence 5`.\n", model.Clean(p.Title), p.ID)
				return nil
			}
			names := map[int64]string{}
			for _, r := range rows {
				names[r.ID] = r.Name
			}
			header := []string{"ID", "PERSON", "ROLE", "INFL", "VOTE", "STANCE", "SPOILER", "LAST SPOKEN", "NEXT TALK"}
			if debriefed {
				// After the debrief: the say/do rule, word against deed.
				header = append(header, "SAID/DID")
			}
			t := newTable(a.stdout, header...)
			for _, r := range rows {
				spoken := "never"
				if !r.LastSpoken.IsZero() {
					spoken = r.LastSpoken.Relative(day, false)
				}
				cells := []string{strconv.FormatInt(r.ContactID, 10), r.Name, r.Role.String(), strconv.Itoa(r.Influence), voteWords(r.Stakeholder),
					stanceWords(r.Stakeholder), map[bool]string{true: "spoiler"}[r.Spoiler], spoken,
					orDash(planWords(r.Plan, names, d.Contacts, day))}
				if debriefed {
					sd := model.ReadSayDo(r.Stakeholder)
					cells = append(cells, strings.TrimSpace(sd.Mark()+" "+sd.Verdict(r.Acted)))
				}
				t.row(cells...)
			}
			return t.flush()
		},
	}
	cmd.Flags().StringVarP(&proposal, "proposal", "p", "", "the proposal (id, title or unique prefix; default: the only open one)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.AddCommand(a.roomAddCommand(), a.roomSetCommand(), a.roomRemoveCommand())
	return cmd
}

func voteWords(s model.Stakeholder) string {
	switch {
	case s.Votes && s.Veto:
		return "votes, veto"
	case s.Veto:
		return "veto"
	case s.Votes:
		return "votes"
	}
	return "—"
}

func stanceWords(s model.Stakeholder) string {
	if s.TargetStance == model.StanceUnknown || s.TargetStance == s.Stance {
		return s.Stance.String()
	}
	return s.Stance.String() + " → " + s.TargetStance.String()
}

// planWords is the next planned talk in a few words: "done" once held.
func planWords(p model.Plan, stakeholders map[int64]string, contacts map[int64]model.Contact, day model.Date) string {
	if p.Done {
		return "done"
	}
	var parts []string
	if !p.TargetDate.IsZero() {
		parts = append(parts, p.TargetDate.Relative(day, true))
	} else if p.Moment != model.MomentUnset {
		parts = append(parts, p.Moment.String())
	}
	if p.Approach != model.ApproachUnset {
		parts = append(parts, p.Approach.String())
	}
	if p.Venue != model.VenueUnset {
		parts = append(parts, p.Venue.String())
	}
	if p.BeforeID != 0 {
		parts = append(parts, "before "+stakeholders[p.BeforeID])
	}
	if p.ViaID != 0 {
		parts = append(parts, "via "+contacts[p.ViaID].Name)
	}
	return strings.Join(parts, ", ")
}

// stakeholderFlags declares every field of a person's part in a proposal.
func stakeholderFlags(cmd *cobra.Command) *fieldFlags {
	f := newFieldFlags(cmd)
	f.field("role", "decision-maker, in the room, influencer, implementer, affected")
	f.field("influence", "how much they weigh, 1 to 5")
	f.yesNo("votes", "they vote in the forum")
	f.yesNo("veto", "they hold a veto")
	f.field("stance", "champion, supporter, neutral, skeptic, opponent, unknown")
	f.field("target", "the stance needed by the pitch")
	f.yesNo("spoiler", "they may try to kill the deal")
	f.text("wants", "what they want")
	f.text("fears", "what they fear")
	f.field("moment", "plan when: before the change, test my bias, before the board, after the meeting (empty clears)")
	f.field("when", "plan when: target date YYYY-MM-DD, +3d, a weekday (empty clears)")
	f.field("before", "plan when: talk to them before this person on the proposal (empty clears)")
	f.field("approach", "plan what: ask or share (empty clears)")
	f.text("message", "plan what: the message in one line")
	f.field("opener", "plan what: compliment & appreciate, request advice, daydream aloud (empty clears)")
	f.field("venue", "plan where: 1:1 in person, coffee/lunch, walk, call, video, chat, email, after a meeting, at an event (empty clears)")
	f.field("place", "plan where: a place in words")
	f.field("via", "plan: an intermediary contact who carries the message (empty clears)")
	f.yesNo("done", "the planned talk was held")
	f.field("acted", "after the decision: spoke for, spoke against, silent, absent, not recorded")
	return f
}

// planRefs are the people a plan names, resolved before the write.
type planRefs struct{ before, via int64 }

// resolvePlanRefs turns --before and --via into ids: "before" is someone on
// the same proposal, "via" any contact.
func resolvePlanRefs(ctx context.Context, st *db.Store, proposalID int64, vals []fieldValue) (planRefs, error) {
	var r planRefs
	for _, v := range vals {
		if strings.TrimSpace(v.value) == "" {
			continue
		}
		switch v.name {
		case "before":
			s, err := findStakeholderOn(ctx, st, proposalID, v.value)
			if err != nil {
				return r, err
			}
			r.before = s.ID
		case "via":
			c, err := st.FindContact(ctx, v.value)
			if err != nil {
				return r, err
			}
			r.via = c.ID
		}
	}
	return r, nil
}

// setStakeholder sets one field of a person's part from its flag.
func setStakeholder(s *model.Stakeholder, name, v string, refs planRefs, day model.Date) error {
	var err error
	p := &s.Plan
	optional := func(parse func() error) error {
		if strings.TrimSpace(v) == "" {
			return nil
		}
		return parse()
	}
	switch name {
	case "role":
		s.Role, err = model.ParseRole(v)
	case "influence":
		s.Influence, err = parseInfluence(v)
	case "votes":
		s.Votes, err = parseBool(name, v)
	case "veto":
		s.Veto, err = parseBool(name, v)
	case "stance":
		s.Stance, err = model.ParseStance(v)
	case "target":
		s.TargetStance, err = model.ParseStance(v)
	case "spoiler":
		s.Spoiler, err = parseBool(name, v)
	case "wants":
		s.Wants = v
	case "fears":
		s.Fears = v
	case "moment":
		p.Moment = model.MomentUnset
		err = optional(func() (e error) { p.Moment, e = model.ParseMoment(v); return })
	case "when":
		p.TargetDate = model.Date{}
		err = optional(func() (e error) { p.TargetDate, e = model.ParseDate(v, day); return })
	case "before":
		p.BeforeID = refs.before
	case "approach":
		p.Approach = model.ApproachUnset
		err = optional(func() (e error) { p.Approach, e = model.ParseApproach(v); return })
	case "message":
		p.Message = v
	case "opener":
		p.Opener = model.OpenerUnset
		err = optional(func() (e error) { p.Opener, e = model.ParseOpener(v); return })
	case "venue":
		p.Venue = model.VenueUnset
		err = optional(func() (e error) { p.Venue, e = model.ParseVenue(v); return })
	case "place":
		p.Place = v
	case "via":
		p.ViaID = refs.via
	case "done":
		p.Done, err = parseBool(name, v)
	case "acted":
		s.Acted, err = model.ParseActed(v)
	}
	return err
}

// parseInfluence reads 1…5.
func parseInfluence(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 5 {
		return 0, fmt.Errorf("influence must be a number from 1 to 5, got %q", s)
	}
	return n, nil
}

func (a *app) roomAddCommand() *cobra.Command {
	var proposal, title, org, email string
	var isNew bool
	var f *fieldFlags
	cmd := &cobra.Command{
		Use:   "add PERSON",
		Short: "Put a person on a proposal (a contact is made for a new name)",
		Long: `Put a person on a proposal, in one action that ` + "`backchannel undo`" + ` reverses.

PERSON is an existing contact's id, whole name or email; a name that matches
no contact makes a new contact (with --title, --org, --email). A name that is
only the start of a contact's name is refused, listing who it could be: give
the whole name or id, or --new to make a new contact anyway.

--role and --influence are required: backchannel does not guess who decides
or how much they weigh. Everything else starts unset — stance and target
unknown, no vote, no veto, no plan — and can be given here or later with
` + "`room set`" + `.`,
		Example: `  backchannel room add "Raj Patel" -p 1 --role "in the room" --influence 3 --title "VP Sales"
  backchannel room add 7 -p "Consolidate" --role decision-maker --influence 5 --votes --veto --stance skeptic`,
		Args: exactArgs(1, "the person (a contact's id, whole name or email, or a new name)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			fl := cmd.Flags()
			var missing []string
			for _, n := range []string{"role", "influence"} {
				if !fl.Changed(n) {
					missing = append(missing, "--"+n)
				}
			}
			if len(missing) > 0 {
				return usagef(fmt.Errorf("room add needs %s: backchannel does not guess who decides (--role decision-maker, in the room, influencer, implementer, affected) or how much they weigh (--influence 1 to 5)", strings.Join(missing, " and ")))
			}
			vals, err := f.given(a)
			if err != nil {
				return err
			}
			day, err := today()
			if err != nil {
				return err
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			p, err := a.resolveProposal(ctx, st, proposal)
			if err != nil {
				return err
			}
			contactFlags := fl.Changed("title") || fl.Changed("org") || fl.Changed("email")
			c, err := personToAdd(ctx, st, args[0], isNew)
			if err != nil {
				return err
			}
			if c.ID != 0 {
				if contactFlags {
					return usagef(fmt.Errorf("%s is already contact %d; change their title, organisation or email with `backchannel contacts set %d`", model.Clean(c.Name), c.ID, c.ID))
				}
				if _, on, err := stakeholderOf(ctx, st, p.ID, c.ID); err != nil {
					return err
				} else if on {
					return fmt.Errorf("%s is already on %q; change their part with `backchannel room set %d -p %d`", model.Clean(c.Name), model.Clean(p.Title), c.ID, p.ID)
				}
			} else {
				c.Title, c.Org, c.Email = title, org, email
				if err := c.Validate(); err != nil {
					return err
				}
			}
			refs, err := resolvePlanRefs(ctx, st, p.ID, vals)
			if err != nil {
				return err
			}
			s := model.Stakeholder{ProposalID: p.ID, ContactID: c.ID}
			if err := applyEach(vals, func(name, v string) error { return setStakeholder(&s, name, v, refs, day) }); err != nil {
				return err
			}
			if err := s.Validate(); err != nil {
				return err
			}
			created := c.ID == 0
			if s, err = st.AddPerson(ctx, c, s); err != nil {
				return err
			}
			var made string
			if created {
				made = fmt.Sprintf(" (new contact %d)", s.ContactID)
			}
			fmt.Fprintf(a.stdout, "Added %s%s to %q: %s, influence %d, stance %s; %s.\n", model.Clean(c.Name), made, model.Clean(p.Title),
				s.Role, s.Influence, s.Stance, voteSentence(s))
			return nil
		},
	}
	f = stakeholderFlags(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&proposal, "proposal", "p", "", "the proposal (id, title or unique prefix; default: the only open one)")
	fl.StringVar(&title, "title", "", "a new contact's job title")
	fl.StringVar(&org, "org", "", "a new contact's team or organisation")
	fl.StringVar(&email, "email", "", "a new contact's email or handle")
	fl.BoolVar(&isNew, "new", false, "make a new contact even if the name starts like an existing one's")
	return cmd
}

func voteSentence(s model.Stakeholder) string {
	v := map[bool]string{true: "votes", false: "no vote"}[s.Votes]
	return v + ", " + map[bool]string{true: "holds a veto", false: "no veto"}[s.Veto]
}

// personToAdd finds the contact `room add` means: an id, a whole name or an
// email reuses that contact; a name nobody has is a new contact (ID 0). A
// name that is only the start of someone's is refused unless isNew: "Dan"
// must not quietly become Dana Reyes, nor a new "Dan" beside her.
func personToAdd(ctx context.Context, st *db.Store, ref string, isNew bool) (model.Contact, error) {
	name := model.Clean(ref)
	if strings.TrimSpace(name) == "" {
		return model.Contact{}, usagef(errors.New("the person's name must not be empty"))
	}
	if isNew {
		return model.Contact{Name: name}, nil
	}
	c, err := st.FindContact(ctx, ref)
	switch {
	case errors.Is(err, db.ErrNotFound):
		if id, isID := idRef(ref); isID {
			// "room add 99" with no contact 99 is a typo, not a person
			// named 99.
			return model.Contact{}, fmt.Errorf("there is no contact %d; give a name to add a new person, or --new to make a contact named %q", id, name)
		}
		return model.Contact{Name: name}, nil
	case errors.Is(err, db.ErrAmbiguous):
		return model.Contact{}, fmt.Errorf("%w; or add --new to make a new contact named %q", err, name)
	case err != nil:
		return model.Contact{}, err
	}
	if _, isID := idRef(ref); isID || strings.EqualFold(c.Name, name) || (c.Email != "" && strings.EqualFold(c.Email, name)) {
		return c, nil
	}
	return model.Contact{}, fmt.Errorf("%q is not a contact's whole name, only the start of #%d %q; give the whole name or the id to add them, or --new to make a new contact named %q", name, c.ID, c.Name, name)
}

// idRef reads "7" or "#7".
func idRef(s string) (int64, bool) {
	id, err := strconv.ParseInt(trimHash(strings.TrimSpace(s)), 10, 64)
	return id, err == nil && id > 0
}

// personOn resolves PERSON on a proposal for `room set` and `room remove`.
func (a *app) personOn(ctx context.Context, st *db.Store, proposalRef, person string) (model.Proposal, model.Stakeholder, error) {
	p, err := a.resolveProposal(ctx, st, proposalRef)
	if err != nil {
		return p, model.Stakeholder{}, err
	}
	s, err := findStakeholderOn(ctx, st, p.ID, person)
	return p, s, err
}

func (a *app) roomSetCommand() *cobra.Command {
	var proposal string
	var f *fieldFlags
	cmd := &cobra.Command{
		Use:   "set PERSON",
		Short: "Change a person's part in a proposal: role, influence, stance, plan… (only the flags given)",
		Long: `Change any part of a person's place on a proposal: role, influence, vote, veto,
stance and target stance, spoiler, what they want and fear, the plan for the
next talk (when, before whom, ask or share, message, opener, venue, place, via
whom, done) and, after the decision, how they acted in the room. Only the flags
given change; an empty value clears an optional field. One action, undoable.`,
		Example: `  backchannel room set "Dana Reyes" -p 1 --stance supporter --target champion
  backchannel room set Dana -p 1 --when 2026-12-01 --approach ask --message - --venue coffee < message.txt
  backchannel room set Dana -p 1 --via "Priya Natarajan" --before ""`,
		Args: exactArgs(1, "the person (a contact's id, whole name, email or unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			vals, err := f.given(a)
			if err != nil {
				return err
			}
			if err := f.requireSome(vals); err != nil {
				return err
			}
			day, err := today()
			if err != nil {
				return err
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			p, s, err := a.personOn(ctx, st, proposal, args[0])
			if err != nil {
				return err
			}
			refs, err := resolvePlanRefs(ctx, st, p.ID, vals)
			if err != nil {
				return err
			}
			s, err = st.EditStakeholder(ctx, s.ID, func(s *model.Stakeholder) error {
				if err := applyEach(vals, func(name, v string) error { return setStakeholder(s, name, v, refs, day) }); err != nil {
					return err
				}
				return s.Validate()
			})
			if err != nil {
				return err
			}
			who := args[0]
			if c, err := st.GetContact(ctx, s.ContactID); err == nil {
				who = c.Name
			}
			fmt.Fprintf(a.stdout, "Updated %s on %q: %s, influence %d, stance %s; %s.\n", model.Clean(who), model.Clean(p.Title),
				s.Role, s.Influence, stanceWords(s), voteSentence(s))
			return nil
		},
	}
	f = stakeholderFlags(cmd)
	cmd.Flags().StringVarP(&proposal, "proposal", "p", "", "the proposal (id, title or unique prefix; default: the only open one)")
	return cmd
}

func (a *app) roomRemoveCommand() *cobra.Command {
	var proposal string
	var yes bool
	cmd := &cobra.Command{
		Use:   "remove PERSON",
		Short: "Take a person off a proposal (asks first; their conversations on it go too)",
		Long: `Take a person off a proposal. Their conversations on it are deleted with them;
objections and blind spots they raised are kept (as anticipated, or surfaced
by me); they stop being anyone's voice in the room or "talk before" target.
It asks once on a terminal, saying all of that; --yes answers for a script.
The contact stays in the directory. ` + "`backchannel undo`" + ` brings everything back.`,
		Example: `  backchannel room remove "Raj Patel" -p 1
  backchannel room remove 7 -p 1 --yes`,
		Args: exactArgs(1, "the person (a contact's id, whole name, email or unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			_, s, err := a.personOn(ctx, st, proposal, args[0])
			if err != nil {
				return err
			}
			r, err := st.StakeholderImpact(ctx, s.ID)
			if err != nil {
				return err
			}
			if err := a.confirm("remove "+r.What, r.Consequences(), yes); err != nil {
				return err
			}
			if err := st.RemoveStakeholder(ctx, s.ID); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Removed %s (undo with `backchannel undo`).\n", model.Clean(r.What))
			return nil
		},
	}
	cmd.Flags().StringVarP(&proposal, "proposal", "p", "", "the proposal (id, title or unique prefix; default: the only open one)")
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask; remove")
	return cmd
}
