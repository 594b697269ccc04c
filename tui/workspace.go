package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/brief"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/tui/widget"
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

// Lines kept under a list for what is drawn with the selected row. They are
// kept even when the row has less to say (a person without a plan), so the
// list does not jump as the cursor moves.
const (
	// roomDetailLines are Next and Wants/Fears, or the what-if's two lines.
	roomDetailLines = 2
	// planNoteLines are the first two conflicts of the schedule.
	planNoteLines = 2
	// logDetailLines are what was said, what was not and the follow-up,
	// and a last line left blank (the goldens hold it).
	logDetailLines = 4
)

// workspace is one proposal: the rendered brief, the room, the plan, the log,
// the objections and the blind spots.
type workspace struct {
	// forecastRows is how many lines the Room's forecast takes (one or
	// two), fixed at layout from the real forecast.
	forecastRows int

	b    *backend
	st   *Styles
	keys keyMap
	id   int64
	tab  wsTab

	width, height int
	// bodyH is the lines under the head, for every tab (layout).
	bodyH int

	loaded  bool
	loading bool
	// previewing: before the first load, d.Proposal and r are the
	// proposal and its score as the dashboard listed them, and the head
	// is drawn from them while the dossier is read (a long log takes a
	// few hundred ms).
	previewing bool
	seq        int
	d          model.Dossier
	r          readiness.Readiness
	brief      brief.Doc
	names      map[int64]string
	tpIndex    map[int64]int
	stIndex    map[int64]int

	room, plan, log, objs, spots widget.Grid
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
	// renderingGen is the brief cache's generation when that rendering
	// began: after a purge (briefCache.forget) its answer is not kept.
	renderingGen int

	announce  bool
	prevScore int
	prevVerd  readiness.Verdict
	prevFacts []readiness.Factor

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
	w.room = widget.NewGrid([]widget.Column{
		{Title: "", Width: 3},
		{Title: "Person", Min: 16},
		{Title: "Role", Width: 11},
		{Title: "Infl", Width: 4, Right: true, Priority: 1},
		{Title: "Stance→target", Width: 18},
		{Title: "Spoken", Width: 7, Priority: 2},
		{Title: "Next step", Min: 20},
	}, "Nobody yet. Press a to add the people who decide, sit in the room or influence them.")
	w.plan = widget.NewGrid([]widget.Column{
		{Title: "", Width: 1},
		{Title: "Person", Min: 15},
		{Title: "Talk by", Width: 10, Priority: 1},
		{Title: "Due", Width: 11, Priority: 4},
		// The plan is in the backward schedule's order: its column goes
		// late, and the header says the order when it has gone.
		{Title: "Latest safe", Width: 11, Priority: 2, Sorted: true},
		{Title: "What", Min: 20},
		{Title: "Where", Width: 15, Priority: 3},
		{Title: "Via", Min: 15, Priority: 5},
	}, "No talks planned. Press a to add a person and plan when, what and where.")
	w.log = widget.NewGrid([]widget.Column{
		{Title: "Date", Width: 10, Sorted: true},
		{Title: "Person", Min: 15},
		{Title: "Channel", Width: 15, Priority: 3},
		{Title: "Kind", Width: 10, Priority: 1},
		{Title: "Mood", Width: 4, Right: true, Priority: 2},
		{Title: "Said", Min: 20},
	}, "No conversations logged yet. Press l after you talk to someone.")
	w.objs = widget.NewGrid([]widget.Column{
		{Title: "Severity", Width: 8},
		{Title: "Status", Width: 10},
		{Title: "Raised by", Min: 15, Priority: 1},
		{Title: "Objection", Min: 30},
		{Title: "Voice in room", Min: 15, Priority: 2},
		{Title: "Our response", Min: 12, Priority: 3},
		// As on the objections screen: what each lacks, when voice and
		// response have no room of their own.
		{Title: "Needs", Width: 12, Priority: 1, StandsIn: []string{"Voice in room", "Our response"}},
	}, "No objections recorded. Log a conversation (l) to record what people raise.")
	w.spots = widget.NewGrid([]widget.Column{
		{Title: "Status", Width: 9},
		{Title: "Surfaced by", Min: 15, Priority: 1},
		{Title: "Blind spot", Min: 30},
		{Title: "How addressed", Min: 12, Priority: 2},
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
	w.layout()
	w.showBrief()
}

// layout sizes every tab from what is drawn around it, measured: the head
// above every tab, and the lines drawn under each list. It runs on a
// resize and on a load, when the head first has its title and meta lines.
func (w *workspace) layout() {
	w.buildTop()
	h := max(w.height-lipgloss.Height(w.head()), 3)
	w.bodyH = h
	w.forecastRows = 0
	w.forecastRows = lipgloss.Height(w.forecastLine())
	w.room.SetSize(w.width, h-lipgloss.Height(w.forecastLine()+"\n"+w.roomLegend())-roomDetailLines)
	w.plan.SetSize(w.width, h-lipgloss.Height(w.planLegend())-planNoteLines)
	w.log.SetSize(w.width, h-logDetailLines)
	w.objs.SetSize(w.width, h)
	w.spots.SetSize(w.width, h)
	w.summary.SetWidth(w.width)
	w.summary.SetHeight(h)
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
	w.rendering, w.renderingGen = k, w.b.briefs.gen
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
		w.loaded, w.previewing = true, false
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
		if w.renderingGen != w.b.briefs.gen {
			// Rendered before a purge: its text may be what was erased.
			// The reload the purge started renders the brief as it is now.
			if w.loading {
				return w, nil
			}
			return w, w.briefCmd()
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
func factorMoves(before, after []readiness.Factor) string {
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

// rebuild turns the dossier into rows for every tab, once per load.
func (w *workspace) rebuild() {
	d, r, today := w.d, w.r, w.b.today()
	w.names = make(map[int64]string, len(d.Stakeholders))
	w.stIndex = make(map[int64]int, len(d.Stakeholders))
	for i, s := range d.Stakeholders {
		w.names[s.ID] = clean(d.Contacts[s.ContactID].Name)
		w.stIndex[s.ID] = i
	}
	w.layout()
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
