// Long by design: the next actions, their candidates and their ranking in one place, because their order is one rule.

package readiness

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// MaxActions is how many next actions an assessment keeps: enough for a
// week of prep, few enough to act on.
const MaxActions = 12

// Action kinds.
const (
	ActionDecider   = "decider"
	ActionBlocker   = "blocker"
	ActionTalk      = "talk"
	ActionFixPlan   = "plan"
	ActionVoice     = "voice"
	ActionForum     = "forum"
	ActionDate      = "date"
	ActionBlindSpot = "blindspot"
	ActionReconnect = "reconnect"
	ActionGive      = "give"
	ActionExposure  = "exposure"
	ActionPitch     = "pitch"
	ActionDebrief   = "debrief"
)

// Priorities of the next actions: the value of each kind of step, highest
// first. Talks gain 10 per point of influence.
const (
	prioDecider      = 1000
	prioBlocker      = 950
	prioVeto         = 900
	prioOverdue      = 880 // overdue talks lead the talks
	prioCritical     = 860 // then talks on the critical path
	prioUncovered    = 700
	prioFixPlan      = 600
	prioVoice        = 550
	prioWinOver      = 500
	prioSpoiler      = 480
	prioForum        = 470
	prioDate         = 420
	prioBlindSpot    = 350
	prioCompletePlan = 320
	prioOutsideRoom  = 300
	prioReconnect    = 250
	prioGive         = 200
	prioExposure     = 150
	prioPitch        = 100
)

type candidate struct {
	prio int
	a    Action
}

// actions lists the next steps, most valuable first, each concrete.
func (x *dossierIndex) actions(r Readiness) []Action {
	var cands []candidate
	add := func(prio int, a Action) { cands = append(cands, candidate{prio, a}) }
	forum := model.Clean(x.p.Forum)
	if forum == "" {
		forum = "the forum"
	}

	if len(x.people) > 0 && !x.p.Status.Open() {
		return x.afterDecisionActions()
	}

	switch {
	case len(x.people) == 0:
		add(prioDecider, Action{Kind: ActionDecider, Text: fmt.Sprintf(
			"Name who decides: add the decision-maker(s) for %s, then who will be in the room.", forum)})
	case !x.anyDecider():
		add(prioDecider, Action{Kind: ActionDecider, Text: fmt.Sprintf(
			"Name who decides: mark the decision-maker(s) or voters for %s among your stakeholders.", forum)})
	}

	items := map[int64]ScheduleItem{}
	for _, it := range r.Schedule.Items {
		items[it.StakeholderID] = it
	}

	for _, o := range x.roomBlockers() {
		i := x.pos[o.RaisedByID]
		add(prioBlocker+x.people[i].ClampedInfluence(), Action{Kind: ActionBlocker, StakeholderID: o.RaisedByID,
			Due: x.talkDue(i, items[o.RaisedByID]),
			Text: fmt.Sprintf("Resolve the blocker %s raised, %s: agree a response with them or change the proposal; until then it is not ready to pitch.",
				x.name(i), quote(model.Snippet(o.Text, 70)))})
	}

	// One talk per person, for the strongest reason to talk to them.
	talkPrio := map[int]int{}
	talkLead := map[int]string{}
	for i, s := range x.people {
		prio, lead := 0, ""
		gap := !s.Stance.Known() || s.Stance < x.target(i)
		it := items[s.ID]
		switch {
		case s.Veto && (s.Stance.Against() || !s.Stance.Known()):
			prio, lead = prioVeto+s.ClampedInfluence(), "Talk to"
		case !s.Plan.Done && it.Overdue:
			// The planned day has passed but the latest safe day (the "by"
			// that follows) has not: name both, or "Overdue … by" a future
			// day reads as a contradiction.
			prio, lead = prioOverdue+s.ClampedInfluence(), "Overdue (planned for "+s.Plan.TargetDate.HumanAround(x.today)+"): talk to"
		case !s.Plan.Done && it.Critical && (gap || !x.talked(i)):
			prio, lead = prioCritical+s.ClampedInfluence(), "On the critical path: talk to"
		case seated(s) && !x.talked(i):
			prio, lead = prioUncovered+10*s.ClampedInfluence(), "Talk to"
			if s.Role == model.RoleDecisionMaker {
				prio += 20
			}
		case seated(s) && gap:
			prio, lead = prioWinOver+10*s.ClampedInfluence(), "Follow up with"
		case s.Spoiler && (!x.talked(i) || (!s.Plan.Done && !s.Plan.Complete())):
			prio, lead = prioSpoiler, "Talk to"
		case !x.talked(i) && s.ClampedInfluence() >= 3:
			prio, lead = prioOutsideRoom+10*s.ClampedInfluence(), "Talk to"
		default:
			continue
		}
		talkPrio[i], talkLead[i] = prio, lead
	}
	// The plan's order: a talk that must come before another is proposed
	// before it, along whole chains (n rounds reach the end of any chain and
	// stop a loop from climbing for ever).
	for range len(x.people) {
		changed := false
		for i, s := range x.people {
			j, ok := x.pos[s.Plan.BeforeID]
			if s.Plan.Done || s.Plan.BeforeID == 0 || !ok || i == j {
				continue
			}
			pj, planned := talkPrio[j]
			if !planned || x.people[j].Plan.Done {
				continue
			}
			if p, has := talkPrio[i]; !has || p <= pj {
				if !has {
					talkLead[i] = "Talk to"
				}
				talkPrio[i] = pj + 1
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	talkPlanned := map[int]bool{}
	for i, s := range x.people {
		prio, ok := talkPrio[i]
		if !ok {
			continue
		}
		lead := talkLead[i]
		if lead == "Talk to" && x.talked(i) {
			lead = "Follow up with"
		}
		talkPlanned[i] = true
		a := x.talkAction(i, items[s.ID], lead)
		if j, ok := x.pos[s.Plan.BeforeID]; ok && s.Plan.BeforeID != 0 && i != j && !s.Plan.Done && !x.people[j].Plan.Done {
			a = x.orderedBefore(a, i, j, items)
		}
		add(prio, a)
	}

	if n := len(r.Schedule.Conflicts); n > 0 {
		text := "Fix the plan: " + r.Schedule.Conflicts[0]
		if n > 1 {
			text += fmt.Sprintf(" (and %s)", model.Plural(n-1, "more conflict", "more conflicts"))
		}
		add(prioFixPlan, Action{Kind: ActionFixPlan, Text: text})
	}

	x.voiceActions(add)

	if hasRisk(r, RiskEndlessGame) {
		add(prioForum, Action{Kind: ActionForum, Text: fmt.Sprintf(
			"Commit to a date in %s and hold it: the back channel prepares the decision, it does not replace it.", forum)})
	}
	if hasRisk(r, RiskForumShopping) {
		add(prioForum, Action{Kind: ActionForum, Text: fmt.Sprintf("Settle on one forum (%s) and stop moving the proposal between venues.", forum)})
	}
	if x.p.DecisionDate.IsZero() && x.p.Status.Open() {
		add(prioDate, Action{Kind: ActionDate, Text: fmt.Sprintf("Set the decision date for %s: without it there is no schedule to work back from.", forum)})
	}

	shown := 0
	for _, b := range x.d.BlindSpots {
		if b.Status != model.BlindSpotOpen || shown == 2 {
			continue
		}
		shown++
		add(prioBlindSpot-shown, Action{Kind: ActionBlindSpot, Text: fmt.Sprintf("Address the blind spot %s, and note how in the workbook.", quote(model.Snippet(b.Text, 70)))})
	}

	for i, s := range x.people {
		if s.Plan.Done || s.Plan.Complete() || talkPlanned[i] {
			continue
		}
		add(prioCompletePlan+s.ClampedInfluence(), Action{Kind: ActionFixPlan, StakeholderID: s.ID,
			Text: fmt.Sprintf("Complete the plan for %s: add %s.", x.name(i), strings.Join(s.Plan.Missing(), ", "))})
	}

	for i, s := range x.people {
		h := x.healthOf(s.ContactID)
		if (seated(s) || s.ClampedInfluence() >= 4) && h.Due && !talkPlanned[i] {
			add(prioReconnect+s.ClampedInfluence(), Action{Kind: ActionReconnect, StakeholderID: s.ID, Due: x.today.AddDays(7),
				Text: fmt.Sprintf("Reconnect with %s (last spoke %d days ago) by %s: a give, such as thanks or a useful share, not an ask.",
					x.name(i), h.DaysSince, x.today.AddDays(7).HumanAround(x.today))})
		}
		if h.AskOnly {
			add(prioGive+s.ClampedInfluence(), x.giveAction(i, h))
		}
	}

	if hasRisk(r, RiskExposure) {
		add(prioExposure, Action{Kind: ActionExposure, Text: "Keep the circle small: widen it only for people who decide, and ask low-discretion contacts to keep it to themselves."})
	}

	if r.Verdict == ReadyToPitch && x.p.Status != model.StatusPitched && (x.p.DecisionDate.IsZero() || !x.p.DecisionDate.Before(x.today)) {
		text := fmt.Sprintf("Confirm the slot at %s", forum)
		if !x.p.DecisionDate.IsZero() {
			text += " on " + x.p.DecisionDate.HumanAround(x.today)
		}
		text += " and tell each voice in the room which objection they will answer."
		add(prioPitch, Action{Kind: ActionPitch, Text: text, Due: x.p.DecisionDate})
	}

	return topActions(cands)
}

// topActions orders the candidates, most valuable first, and keeps MaxActions.
func topActions(cands []candidate) []Action {
	slices.SortStableFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.prio, a.prio), model.CompareDates(a.a.Due, b.a.Due),
			cmp.Compare(a.a.StakeholderID, b.a.StakeholderID), cmp.Compare(a.a.Text, b.a.Text))
	})
	out := make([]Action, 0, min(len(cands), MaxActions))
	for _, c := range cands {
		if len(out) == MaxActions {
			break
		}
		out = append(out, c.a)
	}
	return out
}

// afterDecisionActions are the steps once the forum has decided: the
// debrief, and tending the relationships that carried the proposal.
func (x *dossierIndex) afterDecisionActions() []Action {
	var cands []candidate
	missing := 0
	for _, s := range x.people {
		if seated(s) && s.Acted == model.ActedUnknown {
			missing++
		}
	}
	if missing > 0 && x.p.Status != model.StatusArchived {
		cands = append(cands, candidate{prioBlocker, Action{Kind: ActionDebrief, Text: fmt.Sprintf(
			"Debrief: record how %s in the room acted, while you remember.", model.Plural(missing, "person", "people"))}})
	}
	for i, s := range x.people {
		h := x.healthOf(s.ContactID)
		switch {
		case s.Stance.For() && seated(s):
			text := fmt.Sprintf("Thank %s for their support and say what came of it.", x.name(i))
			if h.AskOnly {
				text = fmt.Sprintf("Thank %s for their support and say what came of it: %s so far and nothing given.",
					x.name(i), model.Plural(h.Asks, "ask", "asks"))
			}
			cands = append(cands, candidate{prioReconnect + s.ClampedInfluence(), Action{Kind: ActionGive, StakeholderID: s.ID, Text: text}})
		case h.AskOnly:
			cands = append(cands, candidate{prioGive + s.ClampedInfluence(), x.giveAction(i, h)})
		}
	}
	return topActions(cands)
}

func (x *dossierIndex) giveAction(i int, h model.Health) Action {
	return Action{Kind: ActionGive, StakeholderID: x.people[i].ID,
		Text: fmt.Sprintf("Give before you ask again: %s of %s and nothing given; send thanks or something useful.",
			model.Plural(h.Asks, "ask", "asks"), x.name(i))}
}

// voiceActions asks for a voice in the room for each serious objection
// that has none, naming the likeliest supporter to give it.
func (x *dossierIndex) voiceActions(add func(int, Action)) {
	best := -1 // the most influential backer in the room
	for _, i := range x.room {
		if x.people[i].Stance.For() && (best < 0 || x.people[i].ClampedInfluence() > x.people[best].ClampedInfluence()) {
			best = i
		}
	}
	for _, o := range x.d.Objections {
		if !o.Status.Live() || o.Severity == model.SeverityMinor || x.voiced(o) {
			continue
		}
		text := fmt.Sprintf("Find a voice in the room for the %s objection %s", o.Severity, quote(model.Snippet(o.Text, 70)))
		if best >= 0 && x.people[best].ID != o.RaisedByID {
			text += fmt.Sprintf(": ask %s to answer it", x.name(best))
		}
		if model.Clean(o.Response) == "" {
			text += "; write our response first"
		}
		add(prioVoice+20*int(o.Severity), Action{Kind: ActionVoice, Text: text + "."})
	}
}

// talkDue is when a talk with person i should happen: the planned day if
// it is still ahead, else the latest safe day if that is, else today when
// a decision date presses, else a week out.
func (x *dossierIndex) talkDue(i int, it ScheduleItem) model.Date {
	t := x.people[i].Plan.TargetDate
	switch {
	case !t.IsZero() && !t.Before(x.today) && (it.LatestSafe.IsZero() || !t.After(it.LatestSafe)):
		return t
	case !it.LatestSafe.IsZero() && !it.LatestSafe.Before(x.today):
		return it.LatestSafe
	case !x.p.DecisionDate.IsZero():
		return x.today
	}
	return x.today.AddDays(7)
}

// talkAction writes "Talk to Dana Reyes (decision-maker, stance unknown) by
// Tue 24 Nov — coffee/lunch, ask for advice".
func (x *dossierIndex) talkAction(i int, it ScheduleItem, lead string) Action {
	s := x.people[i]
	due := x.talkDue(i, it)
	when := "by " + due.HumanAround(x.today)
	if due.Equal(x.today) {
		when = "today"
	}
	stance := "stance unknown"
	if s.Stance.Known() {
		stance = s.Stance.String()
		if target := x.target(i); s.Stance < target {
			stance += ", needs " + target.String()
		}
	}
	role := s.Role.String()
	if s.Veto {
		role += " with a veto"
	}
	venue := s.Plan.Venue
	if venue == model.VenueUnset {
		venue = model.VenueCoffee
		if s.Role == model.RoleDecisionMaker || s.ClampedInfluence() >= 4 {
			venue = model.VenueInPerson
		}
	}
	where := venue.String()
	if place := model.Clean(s.Plan.Place); place != "" {
		where += " (" + model.Snippet(place, 40) + ")"
	}
	opener := s.Plan.Opener
	if opener == model.OpenerUnset {
		opener, _ = SuggestOpener(x.d.Contacts[s.ContactID].Kind, s.Stance)
	}
	if s.Plan.ViaID != 0 {
		where += " via " + x.contactName(s.Plan.ViaID)
	}
	text := fmt.Sprintf("%s %s (%s, %s) %s — %s, %s", lead, x.name(i), role, stance, when, where, openerPhrase(opener))
	if s.Plan.HasWhat() {
		text += "; plan: " + quote(model.Snippet(s.Plan.Message, 90))
	}
	if !strings.HasSuffix(text, "”") {
		text = model.FullStop(text)
	}
	return Action{Kind: ActionTalk, StakeholderID: s.ID, Due: due, Text: text}
}

// orderedBefore rewrites a talk that must come before person j's: it is
// due the day before j's at the latest, and says so.
func (x *dossierIndex) orderedBefore(a Action, i, j int, items map[int64]ScheduleItem) Action {
	dj := x.talkDue(j, items[x.people[j].ID])
	due := a.Due
	if !due.Before(dj) {
		due = dj.AddDays(-1)
		if due.Before(x.today) {
			due = x.today
		}
	}
	was := "by " + a.Due.HumanAround(x.today)
	if a.Due.Equal(x.today) {
		was = "today"
	}
	now := "by " + due.HumanAround(x.today)
	if due.Equal(x.today) {
		now = "today"
	}
	a.Text = strings.Replace(a.Text, " "+was+" — ", " "+now+", before "+x.name(j)+" — ", 1)
	a.Due = due
	return a
}

// openerPhrase says how to open, as an instruction.
func openerPhrase(o model.Opener) string {
	switch o {
	case model.OpenerAppreciate:
		return "thank them and ask one specific question"
	case model.OpenerDaydream:
		return "float it as a what-if"
	}
	return "ask for advice"
}

// SuggestOpener picks an opener for a partner of the given kind and stance,
// with a one-line reason, following the method: ask skeptics and senior
// people for advice, daydream with peers and the willing, thank backers.
func SuggestOpener(kind model.PartnerKind, stance model.Stance) (model.Opener, string) {
	switch {
	case stance.Against():
		return model.OpenerAdvice, "asking a skeptic for advice turns their objection into input they own"
	case stance.For():
		return model.OpenerAppreciate, "thank them, say what you will do with their insight, and ask a specific question"
	case stance == model.StanceNeutral:
		return model.OpenerDaydream, "float it as a hypothetical and watch for a \"yes, and\" before asking for support"
	}
	switch kind {
	case model.PartnerInfluencer:
		return model.OpenerAdvice, "senior people like to be the expert; ask how they would approach it"
	case model.PartnerLateral:
		return model.OpenerDaydream, "float it as a what-if with a peer and see how it lands"
	case model.PartnerWilling:
		return model.OpenerDaydream, "someone who wants you to succeed will build on a hypothetical"
	}
	return model.OpenerAdvice, "asking for advice is the easiest way to open a new channel"
}

// SuggestStance proposes a stance after a conversation with the given
// sentiment reading (−2…+2). An unknown stance takes the reading's stance;
// a known one moves at most one step, and only when the reading points
// past it, so one conversation never swings a person end to end.
func SuggestStance(current model.Stance, sentiment int) model.Stance {
	sentiment = model.ClampSentiment(sentiment)
	if !current.Known() {
		switch sentiment {
		case -2:
			return model.StanceOpponent
		case -1:
			return model.StanceSkeptic
		case 0:
			return model.StanceNeutral
		}
		return model.StanceSupporter
	}
	switch {
	case sentiment == 2 && current < model.StanceChampion:
		return current + 1
	case sentiment == 1 && current < model.StanceSupporter:
		return current + 1
	case sentiment == -1 && current > model.StanceSkeptic:
		return current - 1
	case sentiment == -2 && current > model.StanceOpponent:
		return current - 1
	}
	return current
}

func hasRisk(r Readiness, key string) bool {
	return slices.ContainsFunc(r.Risks, func(k Risk) bool { return k.Key == key })
}
