package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
)

// wsTab is a tab of the proposal workspace.
type wsTab int

const (
	tabSummary wsTab = iota
	tabRoom
	tabPlan
	tabLog
	tabObjections
	tabBlindSpots
	tabCount
)

// tabNames label the tabs, in order.
var tabNames = [tabCount]string{"Summary", "Room", "Plan", "Log", "Objections", "Blind spots"}

// workspaceTop is the number of lines above a tab's content: the title, the
// meta line, the tab bar and a gap.
const workspaceTop = 4

// workspace is one proposal: the rendered brief, the room, the plan, the log,
// the objections and the blind spots.
type workspace struct {
	b    *backend
	st   *Styles
	keys keyMap
	id   int64
	tab  wsTab

	width, height int

	loaded  bool
	loading bool
	seq     int
	d       model.Dossier
	r       model.Readiness
	brief   model.BriefDoc
	names   map[int64]string
	tpIndex map[int64]int
	stIndex map[int64]int

	room, plan, log, objs, spots grid
	planNotes                    []string

	summary viewport.Model
	// sum identifies the brief's content; its renderings are kept in the
	// backend's cache (brief_cache.go), so reloading or reopening the
	// proposal renders it again only when what it says changed.
	sum string
	// rendering is the key of the one rendering under way ("" for none): a
	// burst of resizes renders one width at a time, then the width it
	// ended on.
	rendering string

	announce  bool
	prevScore int
	prevVerd  model.Verdict
	prevFacts []model.Factor

	// selectAfterLoad is a person to select on the Room and Plan tabs once
	// the next load lands: the one just added, edited or talked to.
	selectAfterLoad int64
	// selectTalkAfterLoad is a conversation to select on the Log tab once
	// loaded (a search or agenda line jumped to it).
	selectTalkAfterLoad int64

	// whatIf is the Room tab's what-if (workspace_whatif.go).
	whatIf whatIf
	wkeys  whatIfKeys

	// full is the Room, Plan or Log row read in full (workspace_full.go).
	full fullView
	fkey key.Binding

	top string
}

// newWorkspace builds the workspace for a proposal; refresh loads it.
func newWorkspace(b *backend, st *Styles, id int64) *workspace {
	w := &workspace{b: b, st: st, keys: newKeyMap(), wkeys: newWhatIfKeys(), fkey: newFullKey(), id: id, tab: tabSummary}
	w.summary = viewport.New()
	w.room = newGrid([]column{
		{title: "", width: 3},
		{title: "Person", min: 16},
		{title: "Role", width: 11},
		{title: "Infl", width: 4, right: true, priority: 1},
		{title: "Stance→target", width: 18},
		{title: "Spoken", width: 7, priority: 2},
		{title: "Next step", min: 20},
	}, "Nobody yet. Press a to add the people who decide, sit in the room or influence them.")
	w.plan = newGrid([]column{
		{title: "", width: 1},
		{title: "Person", min: 15},
		{title: "Talk by", width: 10, priority: 1},
		{title: "Due", width: 11, priority: 4},
		// The plan is in the backward schedule's order: its column goes
		// late, and the header says the order when it has gone.
		{title: "Latest safe", width: 11, priority: 2, sorted: true},
		{title: "What", min: 20},
		{title: "Where", width: 15, priority: 3},
		{title: "Via", min: 14, priority: 5},
	}, "No talks planned. Press a to add a person and plan when, what and where.")
	w.log = newGrid([]column{
		{title: "Date", width: 10, sorted: true},
		{title: "Person", min: 14},
		{title: "Channel", width: 15, priority: 3},
		{title: "Kind", width: 10, priority: 1},
		{title: "Mood", width: 4, right: true, priority: 2},
		{title: "Said", min: 20},
	}, "No conversations logged yet. Press l after you talk to someone.")
	w.objs = newGrid([]column{
		{title: "Severity", width: 8},
		{title: "Status", width: 10},
		{title: "Raised by", min: 12, priority: 1},
		{title: "Objection", min: 30},
		{title: "Voice in room", min: 10, priority: 2},
		{title: "Our response", min: 12, priority: 3},
	}, "No objections recorded. Log a conversation (l) to record what people raise.")
	w.spots = newGrid([]column{
		{title: "Status", width: 9},
		{title: "Surfaced by", min: 12, priority: 1},
		{title: "Blind spot", min: 30},
		{title: "How addressed", min: 12, priority: 2},
	}, "No blind spots yet. Ask someone: “am I thinking about this right?”")
	w.syncKeys()
	return w
}

// title is the breadcrumb.
func (w *workspace) title() string { return "Proposal" }

// refresh reloads the dossier; after an edit it announces how the score moved.
func (w *workspace) refresh() tea.Cmd {
	if w.loaded {
		w.announce, w.prevScore, w.prevVerd, w.prevFacts = true, w.r.Score, w.r.Verdict, w.r.Factors
	}
	w.seq++
	w.loading = true
	return w.b.loadDossier(w.seq, w.id)
}

// SetSize lays every tab out for the new size and renders the brief for the
// new width if it is not cached yet.
func (w *workspace) SetSize(width, height int) {
	w.width, w.height = width, height
	h := max(height-workspaceTop, 3)
	w.room.SetSize(width, h-4) // the forecast line, the legend and two lines of detail
	w.plan.SetSize(width, h-3)
	w.log.SetSize(width, h-4)
	w.objs.SetSize(width, h)
	w.spots.SetSize(width, h)
	w.summary.SetWidth(width)
	w.summary.SetHeight(h)
	w.buildTop()
	w.showBrief()
}

// setStyles re-renders the brief in the new glamour style.
func (w *workspace) setStyles(st *Styles) tea.Cmd {
	w.st = st
	w.buildTop()
	return w.briefCmd()
}

// briefWidth is the word-wrap width for glamour, leaving its margins.
func (w *workspace) briefWidth() int { return max(w.width-4, 20) }

// briefKey identifies the rendering of the current brief the tab needs now.
func (w *workspace) briefKey() string { return briefKey(w.sum, w.briefWidth(), w.st.glamourStyle()) }

// briefCmd renders the brief for the current width and style, unless kept
// already or another rendering is under way (its answer asks again).
func (w *workspace) briefCmd() tea.Cmd {
	if !w.loaded || w.width == 0 {
		return nil
	}
	k := w.briefKey()
	if _, ok := w.b.briefs.get(k); ok {
		w.showBrief()
		return nil
	}
	if w.rendering != "" {
		return nil
	}
	w.rendering = k
	return renderBrief(k, w.brief, w.briefWidth(), w.st.glamourStyle())
}

// showBrief puts the kept rendering for the current width in the viewport.
func (w *workspace) showBrief() {
	if out, ok := w.b.briefs.get(w.briefKey()); ok {
		y := w.summary.YOffset()
		w.summary.SetContent(out)
		w.summary.SetYOffset(y)
	}
}

// Update handles loads, renders and keys.
func (w *workspace) Update(msg tea.Msg) (*workspace, tea.Cmd) {
	switch msg := msg.(type) {
	case dossierLoadedMsg:
		if msg.seq != w.seq {
			return w, nil
		}
		w.loading = false
		if msg.err != nil {
			return w, reportErr(msg.err)
		}
		first := !w.loaded
		w.loaded = true
		w.d, w.r, w.brief, w.sum = msg.dossier, msg.readiness, msg.brief, msg.briefSum
		w.whatIf = whatIf{} // a what-if was about the room as it stood
		w.rebuild()
		if id := w.selectAfterLoad; id != 0 {
			w.selectAfterLoad = 0
			w.room.SelectID(id)
			w.plan.SelectID(id)
		}
		if id := w.selectTalkAfterLoad; id != 0 {
			w.selectTalkAfterLoad = 0
			w.log.SelectID(id)
		}
		w.closeFullIfGone()
		cmds := []tea.Cmd{w.briefCmd()}
		if w.announce {
			w.announce = false
			if change := w.scoreChange(); change != "" {
				cmds = append(cmds, navigate(statusMsg{text: change, prepend: true}))
			}
		}
		if first {
			cmds = append(cmds, w.debriefOffer())
		}
		w.syncKeys()
		return w, tea.Batch(cmds...)
	case briefRenderedMsg:
		if msg.key == w.rendering {
			w.rendering = ""
		}
		if msg.err != nil {
			return w, reportErr(msg.err)
		}
		w.b.briefs.put(msg.key, msg.out)
		if msg.key == w.briefKey() {
			w.showBrief()
			return w, nil
		}
		return w, w.briefCmd()
	case removedMsg:
		if msg.err != nil {
			return w, reportErr(msg.err)
		}
		return w, tea.Batch(navigate(statusMsg{text: msg.status}), w.refresh())
	case tea.KeyPressMsg:
		cmd := w.handleKey(msg)
		w.closeFullIfGone()
		w.syncKeys()
		return w, cmd
	}
	return w, nil
}

// scoreChange describes how readiness moved since the last load, or is ""
// when nothing moved: coming back from a discarded form or a look at
// another screen is no news ("Readiness unchanged at 38" read as noise).
func (w *workspace) scoreChange() string {
	s := "Readiness " + itoa(w.prevScore) + " → " + itoa(w.r.Score)
	if w.r.Score == w.prevScore {
		s = "Readiness unchanged at " + itoa(w.r.Score)
		// "Unchanged" after a conversation reads as "it did nothing" when
		// gains and losses cancelled out; say which factors moved.
		if moves := factorMoves(w.prevFacts, w.r.Factors); moves != "" {
			return s + " (" + w.r.Verdict.String() + "): " + moves + "."
		}
		if w.r.Verdict == w.prevVerd {
			return ""
		}
	}
	if w.r.Verdict != w.prevVerd {
		return s + ": now " + w.r.Verdict.String() + "."
	}
	return s + " (" + w.r.Verdict.String() + ")."
}

// factorMoves lists the factors whose points changed, in display order:
// "coverage +4, support +1, objections −5".
func factorMoves(before, after []model.Factor) string {
	was := make(map[string]int, len(before))
	for _, f := range before {
		was[f.Key] = f.Points
	}
	var out []string
	for _, f := range after {
		if d := f.Points - was[f.Key]; d != 0 {
			out = append(out, strings.ReplaceAll(f.Key, "_", " ")+" "+signed(d))
		}
	}
	return strings.Join(out, ", ")
}

// handleKey switches tabs, moves, and opens the forms.
func (w *workspace) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if w.whatIf.active {
		return w.whatIfKey(k)
	}
	if w.full.active && w.fullKeyPress(k) {
		return nil
	}
	switch {
	case w.canOpenFull() && key.Matches(k, w.fkey):
		w.openFull()
		return nil
	case key.Matches(k, w.keys.NextTab):
		w.tab = (w.tab + 1) % tabCount
		return nil
	case key.Matches(k, w.keys.PrevTab):
		w.tab = (w.tab + tabCount - 1) % tabCount
		return nil
	case key.Matches(k, w.keys.JumpTab):
		w.tab = wsTab(k.Code - '1')
		return nil
	case key.Matches(k, w.keys.Refresh):
		return w.refresh()
	case !w.loaded:
		return nil
	case w.tab == tabRoom && len(w.d.Stakeholders) > 0 && key.Matches(k, w.wkeys.Start):
		w.startWhatIf()
		return nil
	case key.Matches(k, w.keys.Debrief):
		return navigate(openDebriefMsg{proposalID: w.id})
	case key.Matches(k, w.keys.Log):
		if len(w.d.Stakeholders) == 0 {
			return reportErr(errors.New("add a person first (press a): a conversation is logged against someone on the proposal"))
		}
		return navigate(openLogMsg{dossier: w.d, stakeholderID: w.selectedStakeholder()})
	case key.Matches(k, w.keys.Add):
		return navigate(openPersonMsg{dossier: w.d, stages: allPersonStages})
	case key.Matches(k, w.keys.Walk):
		return navigate(openWalkMsg{id: w.id})
	case key.Matches(k, w.keys.Edit):
		return w.edit()
	case key.Matches(k, w.keys.EditDetails):
		return navigate(openRecordMsg{form: newProposalForm(w.d.Proposal)})
	case key.Matches(k, w.keys.Remove):
		return w.remove()
	case key.Matches(k, w.keys.PurgeTalk) && w.tab == tabLog:
		if r, ok := w.log.Selected(); ok {
			return w.b.askPurgeConversation(r.id)
		}
	}
	w.move(k)
	return nil
}

// remove asks to take the selected person off the proposal (Room tab) or
// to delete the selected conversation (Log tab).
func (w *workspace) remove() tea.Cmd {
	switch w.tab {
	case tabRoom:
		if r, ok := w.room.Selected(); ok {
			return w.b.askRemovePerson(r.id)
		}
	case tabLog:
		if r, ok := w.log.Selected(); ok {
			return w.b.askDeleteConversation(r.id)
		}
	}
	return nil
}

// edit opens the forms for the selected stakeholder or plan item.
func (w *workspace) edit() tea.Cmd {
	if w.reviewTab() {
		return w.review()
	}
	id := w.selectedStakeholder()
	if id == 0 {
		return nil
	}
	switch w.tab {
	case tabLog:
		if r, ok := w.log.Selected(); ok {
			if i, ok := w.tpIndex[r.id]; ok {
				return navigate(openRecordMsg{form: newConversationForm(w.d.Touchpoints[i], w.name(w.d.Touchpoints[i].StakeholderID))})
			}
		}
		return nil
	case tabRoom:
		return navigate(openPersonMsg{dossier: w.d, stakeholderID: id, stages: allPersonStages})
	case tabPlan:
		return navigate(openPersonMsg{dossier: w.d, stakeholderID: id, stages: []personStage{stageWhen, stageWhat, stageWhere}})
	}
	return nil
}

// selectedStakeholder is the person under the cursor on the Room, Plan or Log
// tab (0 when none), so "log a conversation" starts with them.
func (w *workspace) selectedStakeholder() int64 {
	switch w.tab {
	case tabRoom:
		if r, ok := w.room.Selected(); ok {
			return r.id
		}
	case tabPlan:
		if r, ok := w.plan.Selected(); ok {
			return r.id
		}
	case tabLog:
		if r, ok := w.log.Selected(); ok {
			for _, t := range w.d.Touchpoints {
				if t.ID == r.id {
					return t.StakeholderID
				}
			}
		}
	default:
		// Tabs without people act on the person selected on the Room tab,
		// so adding someone on the Summary tab and pressing l logs with them.
		if r, ok := w.room.Selected(); ok {
			return r.id
		}
	}
	return 0
}

// activeGrid is the list on the current tab, if it has one.
func (w *workspace) activeGrid() *grid {
	switch w.tab {
	case tabRoom:
		return &w.room
	case tabPlan:
		return &w.plan
	case tabLog:
		return &w.log
	case tabObjections:
		return &w.objs
	case tabBlindSpots:
		return &w.spots
	}
	return nil
}

// move handles the navigation keys for the list or the brief.
func (w *workspace) move(k tea.KeyPressMsg) {
	g := w.activeGrid()
	if g == nil {
		switch {
		case key.Matches(k, w.keys.Up):
			w.summary.ScrollUp(1)
		case key.Matches(k, w.keys.Down):
			w.summary.ScrollDown(1)
		case key.Matches(k, w.keys.PageUp):
			w.summary.PageUp()
		case key.Matches(k, w.keys.PageDown):
			w.summary.PageDown()
		case key.Matches(k, w.keys.Top):
			w.summary.GotoTop()
		case key.Matches(k, w.keys.Bottom):
			w.summary.GotoBottom()
		}
		return
	}
	g.moveKey(w.keys, k)
}

// syncKeys enables the keys that apply to the current tab.
func (w *workspace) syncKeys() {
	hasPeople := w.loaded && len(w.d.Stakeholders) > 0
	w.keys.Log.SetEnabled(w.loaded)
	w.keys.Add.SetEnabled(w.loaded)
	w.keys.Walk.SetEnabled(w.loaded)
	hasTalks := w.loaded && len(w.d.Touchpoints) > 0
	w.keys.Edit.SetEnabled((hasPeople && (w.tab == tabRoom || w.tab == tabPlan)) || (hasTalks && w.tab == tabLog) || (w.loaded && w.reviewTab()))
	w.keys.Remove.SetEnabled((hasPeople && w.tab == tabRoom) || (hasTalks && w.tab == tabLog))
	w.keys.EditDetails.SetEnabled(w.loaded)
	w.keys.PurgeTalk.SetEnabled(hasTalks && w.tab == tabLog)
	w.keys.Remove.SetHelp("X", "remove person")
	if w.tab == tabLog {
		w.keys.Remove.SetHelp("X", "delete talk")
	}
	switch w.tab {
	case tabObjections:
		w.keys.Edit.SetHelp("enter", "work on objections")
	case tabBlindSpots:
		w.keys.Edit.SetHelp("enter", "work on blind spots")
	case tabRoom:
		w.keys.Edit.SetHelp("e", "edit person")
	case tabPlan:
		w.keys.Edit.SetHelp("e", "edit plan")
	case tabLog:
		w.keys.Edit.SetHelp("e", "edit talk")
	}
	w.fkey.SetEnabled(w.canOpenFull() && !w.full.active)
	w.keys.Move.SetHelp("↑/↓", "move")
	if w.tab == tabSummary || w.full.active {
		w.keys.Move.SetHelp("↑/↓", "scroll")
	}
	w.keys.Walk.SetHelp("w", "walkthrough")
}

// ShortHelp implements help.KeyMap; most useful first, since the line drops
// keys from the end when the terminal is narrow.
func (w *workspace) ShortHelp() []key.Binding {
	if w.whatIf.active {
		return w.whatIfHelp()
	}
	if w.full.active {
		return []key.Binding{w.keys.Edit, w.keys.Remove, w.keys.Log, w.keys.Back, w.keys.Move}
	}
	return append(append(w.debriefHelp(), w.whatIfHelp()...), w.keys.Log, w.keys.Add, w.keys.Edit, w.fkey, w.keys.NextTab, w.keys.Walk, w.keys.Move)
}

// FullHelp implements help.KeyMap.
func (w *workspace) FullHelp() [][]key.Binding {
	if w.whatIf.active {
		return [][]key.Binding{{w.wkeys.Stance, w.keys.Move, w.wkeys.Clear, w.wkeys.Leave}}
	}
	return [][]key.Binding{
		{w.keys.NextTab, w.keys.PrevTab, w.keys.JumpTab, w.keys.Refresh},
		{w.keys.Log, w.keys.Add, w.keys.Edit, w.fkey, w.keys.Remove, w.keys.PurgeTalk, w.keys.EditDetails, w.keys.Walk, w.keys.Debrief, w.wkeys.Start},
		w.keys.navKeys(),
	}
}

// rebuild turns the dossier into rows for every tab, once per load.
func (w *workspace) rebuild() {
	d, r, today := w.d, w.r, w.b.today()
	w.names = make(map[int64]string, len(d.Stakeholders))
	w.stIndex = make(map[int64]int, len(d.Stakeholders))
	for i, s := range d.Stakeholders {
		w.names[s.ID] = clean(d.Contacts[s.ContactID].Name)
		w.stIndex[s.ID] = i
	}
	w.buildTop()
	w.room.SetRows(w.roomRows(today))
	w.plan.SetRows(w.planRows(today))
	w.log.SetRows(w.logRows())
	w.objs.SetRows(w.objectionRows())
	w.spots.SetRows(w.blindSpotRows())
	w.planNotes = w.planNotes[:0]
	for _, c := range r.Schedule.Conflicts {
		w.planNotes = append(w.planNotes, "⚠ "+clean(c))
	}
}

// name is a stakeholder's display name, or "—" for nobody.
func (w *workspace) name(id int64) string {
	if n, ok := w.names[id]; ok && n != "" {
		return n
	}
	if id == 0 {
		return "—"
	}
	return "someone"
}

// buildTop renders the title, meta line and tab bar once per load or resize.
func (w *workspace) buildTop() {
	if !w.loaded || w.width == 0 {
		w.top = ""
		return
	}
	st, p, r, today := w.st, w.d.Proposal, w.r, w.b.today()
	verdict := r.Verdict.String() + " · " + itoa(r.Score) + "/100"
	var vs lipgloss.Style
	switch r.Verdict {
	case model.ReadyToPitch:
		vs = st.Good.Bold(true)
	case model.NotReady:
		vs = st.Bad
	default:
		vs = st.Warn.Bold(true)
	}
	if !p.Status.Open() {
		// Decided or archived: the outcome, not how ready it was.
		verdict, vs = p.Status.String()+" · "+itoa(r.Score)+"/100", st.Title
	}
	title := clean(p.Title)
	room := w.width - ansi.StringWidth(verdict) - 2
	line1 := st.Title.Render(ansi.Truncate(title, max(room, 10), "…"))
	if gap := w.width - ansi.StringWidth(ansi.Truncate(title, max(room, 10), "…")) - ansi.StringWidth(verdict); gap >= 2 {
		line1 += strings.Repeat(" ", gap) + vs.Render(verdict)
	}
	decision := "no decision date"
	if !p.DecisionDate.IsZero() {
		decision = "decision " + fullDate(p.DecisionDate, today) + " (" + whenRelative(p.DecisionDate, today) + ")"
	}
	meta := joinNonEmpty(" · ", clean(p.Forum), decision, p.Status.String(), p.DecisionRule.String())
	line2 := st.Muted.Render(ansi.Truncate(meta, w.width, "…"))
	w.top = line1 + "\n" + line2
}

// tabBar draws the tabs with the active one marked.
func (w *workspace) tabBar() string {
	parts := make([]string, tabCount)
	labels := make([]string, tabCount)
	for i, n := range tabNames {
		label := itoa(i+1) + " " + n
		if w.loaded {
			switch wsTab(i) {
			case tabRoom:
				label += " (" + itoa(len(w.d.Stakeholders)) + ")"
			case tabPlan:
				label += " (" + itoa(w.plan.Len()) + ")"
			case tabLog:
				label += " (" + itoa(len(w.d.Touchpoints)) + ")"
			case tabObjections:
				label += " (" + itoa(liveObjections(w.d)) + ")"
			case tabBlindSpots:
				label += " (" + itoa(unaddressedBlindSpots(w.d)) + ")"
			}
		}
		labels[i] = label
		parts[i] = w.tabLabel(wsTab(i), label)
	}
	bar := strings.Join(parts, "")
	if ansi.StringWidth(bar) > w.width {
		// Narrower: drop the numbers, keep the counts.
		for i := range parts {
			label := strings.TrimLeft(labels[i], "0123456789 ")
			parts[i] = w.tabLabel(wsTab(i), label)
		}
		bar = strings.Join(parts, "")
	}
	if ansi.StringWidth(bar) > w.width {
		// Narrowest: the names alone.
		for i, n := range tabNames {
			parts[i] = w.tabLabel(wsTab(i), n)
		}
		bar = ansi.Truncate(strings.Join(parts, ""), w.width, "…")
	}
	return bar
}

// tabLabel draws one tab; the active one is bracketed so it reads without colour.
func (w *workspace) tabLabel(t wsTab, label string) string {
	if t == w.tab {
		return w.st.TabActive.Render("[" + label + "]")
	}
	return w.st.Tab.Render(" " + label + " ")
}

// liveObjections counts objections still open or being addressed.
func liveObjections(d model.Dossier) int {
	n := 0
	for _, o := range d.Objections {
		if o.Status.Live() {
			n++
		}
	}
	return n
}

// unaddressedBlindSpots counts blind spots not yet addressed.
func unaddressedBlindSpots(d model.Dossier) int {
	n := 0
	for _, b := range d.BlindSpots {
		if b.Status == model.BlindSpotOpen {
			n++
		}
	}
	return n
}

// View shows the header, the tab bar and the active tab.
func (w *workspace) View() string {
	st := w.st
	if !w.loaded {
		if w.loading {
			return st.Muted.Render("Loading the proposal…")
		}
		return st.Muted.Render("This proposal could not be loaded. Press esc to go back.")
	}
	var body string
	switch w.tab {
	case tabSummary:
		body = w.summaryView()
	case tabRoom, tabPlan, tabLog:
		if w.full.active {
			body = w.fullPage()
			break
		}
		body = w.listView()
	case tabObjections:
		body = w.objs.View(st)
	case tabBlindSpots:
		body = w.spots.View(st)
	}
	return w.top + "\n" + w.tabBar() + "\n\n" + body
}

// listView is the Room, Plan or Log tab's table with what goes under it.
func (w *workspace) listView() string {
	st := w.st
	var body string
	switch w.tab {
	case tabRoom:
		detail := w.roomDetail()
		if w.whatIf.active {
			detail = w.whatIfDetail()
		}
		body = w.forecastLine() + "\n" + w.room.View(st) + "\n" + w.roomLegend() + "\n" + detail
	case tabPlan:
		body = w.plan.View(st) + "\n" + w.planFooter()
	case tabLog:
		body = w.log.View(st) + "\n" + w.logDetail()
	}
	return body
}

// summaryView is the glamour-rendered brief from the cache.
func (w *workspace) summaryView() string {
	if _, ok := w.b.briefs.get(w.briefKey()); !ok {
		return w.st.Muted.Render("Rendering the readiness brief…")
	}
	return w.summary.View()
}

// roomLegend explains the marks and says where the window is.
func (w *workspace) roomLegend() string {
	legend := "◆ swing (their move changes the outcome)  V veto  ! possible spoiler"
	return w.st.Muted.Render(ansi.Truncate(legend, w.width, "…"))
}

// roomDetail spells out the selected person's plan and interests, which the
// table can only abbreviate.
func (w *workspace) roomDetail() string {
	r, ok := w.room.Selected()
	if !ok {
		return ""
	}
	i, ok := w.stIndex[r.id]
	if !ok {
		return ""
	}
	s := w.d.Stakeholders[i]
	p := s.Plan
	next := "no talk planned"
	if !p.Done && (p.HasWhen() || p.HasWhat() || p.HasWhere()) {
		where := planWhere(p)
		if p.Place != "" && p.Venue != model.VenueUnset {
			where += " (" + clean(p.Place) + ")"
		}
		parts := []string{dateOr(p.TargetDate, w.b.today(), p.Moment.String()), where, planWhat(p)}
		if p.Opener != model.OpenerUnset {
			parts = append(parts, "open with "+p.Opener.String())
		}
		if p.ViaID != 0 {
			parts = append(parts, "via "+w.viaName(p.ViaID))
		}
		if p.BeforeID != 0 {
			parts = append(parts, "before "+w.name(p.BeforeID))
		}
		next = joinNonEmpty(" · ", parts...)
	}
	wants, fears := clean(s.Wants), clean(s.Fears)
	if wants == "" {
		wants = "?"
	}
	if fears == "" {
		fears = "?"
	}
	st := w.st
	return st.Muted.Render("Next:  ") + ansi.Truncate(next, max(w.width-7, 1), "…") + "\n" +
		st.Muted.Render("Wants: ") + ansi.Truncate(wants+st.Muted.Render("  Fears: ")+fears, max(w.width-7, 1), "…")
}

// planFooter explains the marks and lists schedule conflicts.
func (w *workspace) planFooter() string {
	// Without colour the warning tone is bold, and the legend says so.
	tone := "in the warning colour"
	if w.st.noColor {
		tone = "in bold"
	}
	legend := "* on the critical path  ·  overdue talks " + tone
	lines := []string{w.st.Muted.Render(ansi.Truncate(legend, w.width, "…"))}
	for i, n := range w.planNotes {
		if i == 2 {
			break
		}
		lines = append(lines, w.st.Warn.Render(ansi.Truncate(n, w.width, "…")))
	}
	return strings.Join(lines, "\n")
}

// logDetail shows what was said and not said in the selected conversation.
func (w *workspace) logDetail() string {
	r, ok := w.log.Selected()
	if !ok {
		return ""
	}
	if i, ok := w.tpIndex[r.id]; ok {
		t := w.d.Touchpoints[i]
		var out []string
		if said := wrapText(t.Said, w.width-10, 1); len(said) > 0 {
			out = append(out, w.st.Muted.Render("Said:     ")+said[0])
		}
		if sub := wrapText(t.Subtext, w.width-10, 1); len(sub) > 0 {
			out = append(out, w.st.Muted.Render("Not said: ")+sub[0])
		}
		if fu := wrapText(t.FollowUp, w.width-10, 1); len(fu) > 0 {
			out = append(out, w.st.Muted.Render("Follow-up:")+" "+fu[0])
		}
		return strings.Join(out, "\n")
	}
	return ""
}
