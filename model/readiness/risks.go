// Long by design: every risk flag readiness raises, each a small method over the same index; a new risk is one more method here.

package readiness

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// Risk keys, most serious first; risks are reported in this order.
const (
	RiskBlocker       = "blocker_in_room"
	RiskVetoAgainst   = "veto_against"
	RiskNoDecider     = "no_decider"
	RiskNoSupporter   = "no_supporter_in_room"
	RiskSingleChamp   = "single_champion"
	RiskSpoiler       = "spoiler"
	RiskEndlessGame   = "endless_game"
	RiskForumShopping = "forum_shopping"
	RiskSentimentDown = "sentiment_down"
	RiskExposure      = "exposure"
	RiskGoneCold      = "gone_cold"
	RiskAskOnly       = "ask_only"
	RiskSchedule      = "schedule"
)

// Thresholds for the risk flags.
const (
	// endlessMoves is how many decision-date moves make an endless game.
	endlessMoves = 2
	// endlessNoDateDays is how long a proposal may go without a date.
	endlessNoDateDays = 21
	// exposureCrowd is how many people knowing is a crowd, whatever their discretion.
	exposureCrowd = 10
)

// How someone came to know of the proposal, as who-knows reports it.
const (
	KnewConversation = "conversation"
	KnewPlanHeld     = "talk held, not logged"
	KnewObjection    = "raised an objection"
	KnewBlindSpot    = "surfaced a blind spot"
	KnewCarried      = "carried a message"
	KnewTold         = "told someone"
)

// whoKnows lists everyone the records show as knowing of the proposal, each
// with the first day they knew and how the records show it:
//   - the person of each logged conversation, from its day;
//   - the person of a planned talk marked held with no conversation logged
//     (the day is unknown);
//   - whoever raised an objection or surfaced a blind spot, from that day;
//   - the intermediary of a held talk, from the first conversation with the
//     person they carried it to (unknown when none is logged);
//   - whoever a conversation says the person heard of it from, by that day.
//
// Nothing dated after today counts yet: a conversation logged ahead of its
// day is a plan, not knowledge. The earliest known day wins; an unknown day
// gives way to any known one.
func (x *dossierIndex) whoKnows() []Knower {
	type first struct {
		since  model.Date
		source string
	}
	known := map[int64]first{}
	add := func(id int64, d model.Date, source string) {
		if id == 0 || (!d.IsZero() && !x.today.IsZero() && d.After(x.today)) {
			return
		}
		cur, ok := known[id]
		if !ok || (!d.IsZero() && (cur.since.IsZero() || d.Before(cur.since))) {
			known[id] = first{d, source}
		}
	}
	for k := range x.d.Touchpoints {
		t := &x.d.Touchpoints[k] // not a copy: tens of thousands of rows
		id := t.ContactID
		if id == 0 && x.owner[k] >= 0 {
			id = x.people[x.owner[k]].ContactID
		}
		add(id, t.Date, KnewConversation)
		add(t.HeardViaID, t.Date, KnewTold)
	}
	contactOf := func(stakeholderID int64) int64 {
		if i, ok := x.pos[stakeholderID]; ok {
			return x.people[i].ContactID
		}
		return 0
	}
	for _, o := range x.d.Objections {
		add(contactOf(o.RaisedByID), o.RaisedOn, KnewObjection)
	}
	for _, b := range x.d.BlindSpots {
		add(contactOf(b.SurfacedByID), b.RaisedOn, KnewBlindSpot)
	}
	for i, s := range x.people {
		if !s.Plan.Done {
			continue
		}
		var held model.Date
		for _, k := range x.talks[i] {
			if t := x.d.Touchpoints[k]; x.today.IsZero() || !t.Date.After(x.today) {
				held = t.Date
				break
			}
		}
		if held.IsZero() {
			add(s.ContactID, model.Date{}, KnewPlanHeld)
		}
		add(s.Plan.ViaID, held, KnewCarried)
	}
	out := make([]Knower, 0, len(known))
	for id, f := range known {
		out = append(out, Knower{ContactID: id, Since: f.since, Source: f.source, Discretion: x.d.Contacts[id].Discretion})
	}
	slices.SortFunc(out, func(a, b Knower) int {
		return cmp.Or(model.CompareDates(a.Since, b.Since), cmp.Compare(a.ContactID, b.ContactID))
	})
	return out
}

// risks raises every flag the data supports, each with its evidence.
func (x *dossierIndex) risks(r Readiness) []Risk {
	var out []Risk
	add := func(key, title, evidence string, ids []int64) {
		out = append(out, Risk{Key: key, Title: title, Evidence: evidence, StakeholderIDs: ids})
	}

	if !x.p.Status.Open() {
		// Decided or archived: the room has spoken; only the relationships
		// still need tending.
		x.ledgerRisks(add)
		return out
	}

	if bl := x.roomBlockers(); len(bl) > 0 {
		var parts []string
		var ids []int64
		for _, o := range bl {
			parts = append(parts, fmt.Sprintf("%s: %s (%s)", x.nameByID(o.RaisedByID), quote(model.Snippet(o.Text, 80)), o.Status))
			ids = appendID(ids, o.RaisedByID)
		}
		add(RiskBlocker, "Blocker from someone in the room",
			strings.Join(parts, "; ")+". Not ready to pitch until it is resolved, accepted or withdrawn.", ids)
	}

	var vetoAgainst []int
	for i, s := range x.people {
		if s.Veto && s.Stance.Against() {
			vetoAgainst = append(vetoAgainst, i)
		}
	}
	if len(vetoAgainst) > 0 {
		add(RiskVetoAgainst, "A veto holder is against", x.describe(vetoAgainst, func(i int) string {
			return fmt.Sprintf("%s holds a veto and is %s", x.name(i), model.StanceNoun(x.people[i].Stance))
		})+"; the forum fails while that stands.", x.ids(vetoAgainst))
	}

	if len(x.people) > 0 && !x.anyDecider() {
		add(RiskNoDecider, "Nobody decides", "No stakeholder is marked as the decision-maker or as voting, so nobody's yes has been counted.", nil)
	}

	x.roomSupportRisks(add)
	x.spoilerRisk(add)
	x.endlessGameRisk(add)
	x.forumShoppingRisk(add)
	x.sentimentRisk(add)
	x.exposureRisk(r.WhoKnows, add)
	x.ledgerRisks(add)

	var sched []string
	overdue := 0
	for _, it := range r.Schedule.Items {
		if it.Overdue {
			overdue++
		}
	}
	if overdue > 0 {
		sched = append(sched, fmt.Sprintf("%s overdue", model.Plural(overdue, "talk is", "talks are")))
	}
	if n := len(r.Schedule.Conflicts); n > 0 {
		sched = append(sched, model.Plural(n, "scheduling conflict", "scheduling conflicts")+": "+r.Schedule.Conflicts[0])
	}
	if len(sched) > 0 {
		add(RiskSchedule, "The plan is slipping", strings.TrimSuffix(model.UpperFirst(strings.Join(sched, "; ")), ".")+".", nil)
	}
	return out
}

// roomSupportRisks flags a room with no supporter, or one that hinges on a
// single champion.
func (x *dossierIndex) roomSupportRisks(add func(key, title, evidence string, ids []int64)) {
	if len(x.people) == 0 {
		return
	}
	if len(x.room) == 0 {
		add(RiskNoSupporter, "No supporter in the room", "Nobody is marked as deciding or in the room, so nobody is there to speak for it.", nil)
		return
	}
	var backers []int
	for _, i := range x.room {
		if x.people[i].Stance.For() {
			backers = append(backers, i)
		}
	}
	switch {
	case len(backers) == 0:
		add(RiskNoSupporter, "No supporter in the room",
			fmt.Sprintf("None of the %d people in the room is a supporter or champion yet.", len(x.room)), nil)
	case len(backers) == 1 && len(x.room) >= 2:
		i := backers[0]
		ev := fmt.Sprintf("Only %s (%s) backs it among the %d people in the room; if they waver or are absent, nobody speaks for it.",
			x.name(i), x.people[i].Stance, len(x.room))
		voiced := 0
		for _, o := range x.d.Objections {
			if o.Status.Live() && o.VoiceID == x.people[i].ID {
				voiced++
			}
		}
		if voiced >= 2 {
			ev += fmt.Sprintf(" They are also the voice for %d open objections.", voiced)
		}
		add(RiskSingleChamp, "The room hinges on one person", ev, []int64{x.people[i].ID})
	}
}

// spoilerRisk flags spoilers nobody has talked to, or whose next talk is
// not planned.
func (x *dossierIndex) spoilerRisk(add func(key, title, evidence string, ids []int64)) {
	var hit []int
	for i, s := range x.people {
		if s.Spoiler && (!x.talked(i) || (!s.Plan.Done && !s.Plan.Complete())) {
			hit = append(hit, i)
		}
	}
	if len(hit) == 0 {
		return
	}
	add(RiskSpoiler, "Spoiler without a plan", x.describe(hit, func(i int) string {
		s := x.people[i]
		var why []string
		if !x.talked(i) {
			why = append(why, "no conversation logged")
		}
		if !s.Plan.Done && !s.Plan.Complete() {
			why = append(why, "no complete plan for the next talk")
		}
		return fmt.Sprintf("%s (%s): %s", x.name(i), s.Stance, strings.Join(why, ", "))
	})+". Spoilers mobilise hardest against what is done behind their back.", x.ids(hit))
}

// proposalChanges lists the proposal's recorded changes to one field, as
// old → new pairs where the old value was set (a move, not a first setting).
func (x *dossierIndex) proposalChanges(field string) []model.HistoryEvent {
	var out []model.HistoryEvent
	for _, h := range x.d.History {
		if h.Entity != model.EntityProposal || h.Field != field || h.Old == "" || h.Old == h.New {
			continue
		}
		if h.EntityID != x.p.ID && h.ProposalID != x.p.ID {
			continue
		}
		out = append(out, h)
	}
	return out
}

func (x *dossierIndex) endlessGameRisk(add func(key, title, evidence string, ids []int64)) {
	p := x.p
	if p.Status != model.StatusDraft && p.Status != model.StatusPrewiring {
		return
	}
	var ev []string
	if !p.DecisionDate.IsZero() && p.DecisionDate.Before(x.today) {
		ev = append(ev, fmt.Sprintf("the decision date (%s) passed %s ago and it is still %s",
			p.DecisionDate.HumanAround(x.today), model.Plural(p.DecisionDate.DaysUntil(x.today), "day", "days"), p.Status))
	}
	if moves := x.proposalChanges("decision_date"); len(moves) >= endlessMoves {
		ev = append(ev, fmt.Sprintf("the decision date moved %d times (%s)", len(moves), changeTrail(moves, func(v string) string { return humanDateValue(v, x.today) })))
	}
	if p.DecisionDate.IsZero() && !p.CreatedAt.IsZero() {
		if age := model.DateOf(p.CreatedAt).DaysUntil(x.today); age >= endlessNoDateDays {
			ev = append(ev, fmt.Sprintf("no decision date %d days after it was started", age))
		}
	}
	if len(ev) > 0 {
		add(RiskEndlessGame, "Endless game", model.UpperFirst(strings.Join(ev, "; "))+". Back channels prepare the formal decision; they do not replace it.", nil)
	}
}

func (x *dossierIndex) forumShoppingRisk(add func(key, title, evidence string, ids []int64)) {
	moves := x.proposalChanges("forum")
	if len(moves) <= 1 {
		return
	}
	add(RiskForumShopping, "Forum shopping", fmt.Sprintf("The forum changed %d times (%s). Moving venues in search of a better deal costs trust.",
		len(moves), changeTrail(moves, func(s string) string { return quote(model.Snippet(s, 40)) })), nil)
}

// changeTrail writes a field's history as "a → b → c".
func changeTrail(moves []model.HistoryEvent, show func(string) string) string {
	parts := []string{show(moves[0].Old)}
	for _, m := range moves {
		parts = append(parts, show(m.New))
	}
	if len(parts) > 6 {
		parts = append(parts[:2], append([]string{"…"}, parts[len(parts)-3:]...)...)
	}
	return strings.Join(parts, " → ")
}

// humanDateValue shows a stored YYYY-MM-DD value as a readable date, with
// its year when that is not today's.
func humanDateValue(s string, today model.Date) string {
	var d model.Date
	if d.UnmarshalText([]byte(s)) != nil || d.IsZero() {
		if s == "" {
			return "none"
		}
		return model.Snippet(s, 20)
	}
	return d.HumanAround(today)
}

func (x *dossierIndex) sentimentRisk(add func(key, title, evidence string, ids []int64)) {
	var ev []string
	var ids []int64
	total := 0
	for i := range x.people {
		n := len(x.talks[i]) - 1 // the earlier readings
		total += n + 1
		if n < 1 {
			continue
		}
		latest := x.talk(i, n)
		last := model.ClampSentiment(latest.Sentiment)
		sum := 0
		for k := range n {
			sum += model.ClampSentiment(x.talk(i, k).Sentiment)
		}
		if last*n <= sum-n { // latest at least a full step below the earlier average
			ev = append(ev, fmt.Sprintf("%s: %s on average, then %s on %s",
				x.name(i), signedTenths(sum*10/n), model.Signed(last), latest.Date.HumanAround(x.today)))
			ids = append(ids, x.people[i].ID)
		}
	}
	if total >= 4 {
		// Everyone's conversations in date order, split into halves.
		ne := total / 2
		nl := total - ne
		se, sl, k := 0, 0, 0
		for _, idx := range x.byDay {
			if x.owner[idx] < 0 {
				continue
			}
			if s := model.ClampSentiment(x.d.Touchpoints[idx].Sentiment); k < ne {
				se += s
			} else {
				sl += s
			}
			k++
		}
		if 2*sl*ne <= 2*se*nl-ne*nl { // later half at least half a step lower
			ev = append([]string{fmt.Sprintf("overall: %s on average in the first %d conversations, %s in the last %d",
				signedTenths(se*10/ne), ne, signedTenths(sl*10/nl), nl)}, ev...)
		}
	}
	if len(ev) > 0 {
		add(RiskSentimentDown, "Sentiment trending down", model.UpperFirst(joinSome(ev, 4, "; "))+".", ids)
	}
}

func (x *dossierIndex) exposureRisk(knowers []Knower, add func(key, title, evidence string, ids []int64)) {
	var low, unknown []string
	var spoilers []string
	for _, k := range knowers {
		switch k.Discretion {
		case model.DiscretionLow:
			low = append(low, x.contactName(k.ContactID))
		case model.DiscretionUnknown:
			unknown = append(unknown, x.contactName(k.ContactID))
		}
		if i, ok := x.byContact[k.ContactID]; ok && x.people[i].Spoiler {
			spoilers = append(spoilers, x.name(i))
		}
	}
	if len(low) == 0 && len(knowers) < exposureCrowd {
		return
	}
	ev := fmt.Sprintf("%s about it", model.Plural(len(knowers), "person knows", "people know"))
	if len(knowers) > 0 && !knowers[0].Since.IsZero() {
		ev += " (since " + knowers[0].Since.HumanAround(x.today) + ")"
	}
	if len(low) > 0 {
		ev += fmt.Sprintf("; %d with low discretion: %s", len(low), model.ListSome(low, 3))
	}
	if len(unknown) > 0 {
		ev += fmt.Sprintf("; %d whose discretion is unknown", len(unknown))
	}
	if len(spoilers) > 0 {
		ev += "; spoilers among them: " + model.ListSome(spoilers, 3)
	}
	add(RiskExposure, "Exposure", ev+". The more people know, the likelier a leak.", nil)
}

// ledgerRisks flags key people gone cold and ask-only relationships.
func (x *dossierIndex) ledgerRisks(add func(key, title, evidence string, ids []int64)) {
	var cold, askOnly []int
	for i, s := range x.people {
		h := x.healthOf(s.ContactID)
		key := seated(s) || s.ClampedInfluence() >= 4
		if key && h.Due {
			cold = append(cold, i)
		}
		if h.AskOnly {
			askOnly = append(askOnly, i)
		}
	}
	if len(cold) > 0 {
		add(RiskGoneCold, "Key people gone cold", x.describe(cold, func(i int) string {
			h := x.healthOf(x.people[i].ContactID)
			return fmt.Sprintf("%s: last spoke %s (%d days; reconnect every %d)", x.name(i), h.LastSpoken.HumanAround(x.today), h.DaysSince, h.CadenceDays)
		})+".", x.ids(cold))
	}
	if len(askOnly) > 0 {
		add(RiskAskOnly, "Ask-only relationships", x.describe(askOnly, func(i int) string {
			h := x.healthOf(x.people[i].ContactID)
			return fmt.Sprintf("%s: %d asks, nothing given", x.name(i), h.Asks)
		})+". Give (thanks, a useful share) before the next ask.", x.ids(askOnly))
	}
}

// healthOf is a contact's ledger health, or an empty one when unknown.
func (x *dossierIndex) healthOf(contactID int64) model.Health {
	if h, ok := x.health[contactID]; ok {
		return h
	}
	return model.Health{DaysSince: -1, CadenceDays: model.DefaultCadenceDays}
}

// describe joins a line per person, at most five, saying how many more.
func (x *dossierIndex) describe(idx []int, line func(int) string) string {
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = line(i)
	}
	return model.UpperFirst(joinSome(parts, 5, "; "))
}

// joinSome joins up to n clauses with sep and says how many more there are.
func joinSome(items []string, n int, sep string) string {
	if len(items) <= n {
		return strings.Join(items, sep)
	}
	return fmt.Sprintf("%s%sand %d more", strings.Join(items[:n], sep), sep, len(items)-n)
}

func (x *dossierIndex) ids(idx []int) []int64 {
	out := make([]int64, len(idx))
	for k, i := range idx {
		out[k] = x.people[i].ID
	}
	return out
}

func appendID(ids []int64, id int64) []int64 {
	if slices.Contains(ids, id) {
		return ids
	}
	return append(ids, id)
}

// quote puts generated quotation marks around cleaned user text.
func quote(s string) string { return "“" + s + "”" }
