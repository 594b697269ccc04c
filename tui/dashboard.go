package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/tui/widget"
)

// dashboard lists the open proposals with their verdict, score, days to the
// decision and status; an empty workbook explains what to do first.
type dashboard struct {
	b       *backend
	st      *Styles
	keys    keyMap
	list    widget.Grid
	rows    []proposalSummary
	empty   bool
	loaded  bool
	loading bool
	seq     int
	// scoredSeq is the seq of the last load with scores shown: a list
	// without them (proposalsListedMsg) that lands after it is dropped.
	scoredSeq int
	width     int
	height    int
	// dbPath is the workbook file, shown so people know which one is open.
	dbPath string
	// archived lists archived proposals too (A), to read or bring back.
	archived bool
}

// newDashboard builds the dashboard screen.
func newDashboard(b *backend, st *Styles, dbPath string) *dashboard {
	d := &dashboard{b: b, st: st, keys: newKeyMap(), dbPath: clean(dbPath)}
	d.syncKeys()
	d.list = widget.NewGrid([]widget.Column{
		{Title: "Proposal", Min: 36},
		{Title: "Verdict", Width: 14},
		{Title: "Score", Width: 5, Right: true, Priority: 1},
		{Title: "Decision", Width: 10, Priority: 2},
		{Title: "Status", Width: 9, Priority: 3},
		{Title: "Forum", Min: 10, Priority: 4},
	}, "No open proposals.")
	return d
}

// title is the breadcrumb.
func (d *dashboard) title() string { return "Proposals" }

// refresh reloads the proposals. While nothing is listed yet (the
// workbook just opened) the proposals are also read without their scores,
// so the list shows while the scores are assessed (the first open of a
// day); later refreshes keep the rows on screen until the new ones land.
func (d *dashboard) refresh() tea.Cmd {
	d.seq++
	d.loading = true
	if d.loaded {
		return d.b.loadProposals(d.seq, d.archived)
	}
	return tea.Batch(d.b.listProposals(d.seq, d.archived), d.b.loadProposals(d.seq, d.archived))
}

// scoring reports whether the rows listed wait for their scores.
func (d *dashboard) scoring() bool { return len(d.rows) > 0 && d.rows[0].Unscored }

// SetSize gives the list what the count over it (a line), the gap and the
// footer leave, measured; it assumed two lines more and left them empty.
func (d *dashboard) SetSize(w, h int) {
	d.width, d.height = w, h
	d.list.SetSize(w, max(h-lipgloss.Height(d.head())-1-lipgloss.Height(d.footer()), 2))
}

// setStyles swaps in new styles.
func (d *dashboard) setStyles(st *Styles) tea.Cmd { d.st = st; return nil }

// Update handles loads and keys.
func (d *dashboard) Update(msg tea.Msg) (*dashboard, tea.Cmd) {
	switch msg := msg.(type) {
	case proposalsListedMsg:
		// Only a list of this load, before its scores, and not an empty
		// one (the scored load says whether the workbook is empty); its
		// errors are the scored load's too, reported from there.
		if msg.seq != d.seq || d.scoredSeq == msg.seq || msg.err != nil || len(msg.rows) == 0 {
			return d, nil
		}
		d.loaded, d.empty, d.rows = true, false, msg.rows
		d.list.SetRows(d.buildRows())
		d.syncKeys()
		return d, nil
	case proposalsLoadedMsg:
		if msg.seq != d.seq {
			return d, nil
		}
		d.loading = false
		d.scoredSeq = msg.seq
		if msg.err != nil {
			return d, reportErr(msg.err)
		}
		d.loaded, d.empty, d.rows = true, msg.empty, msg.rows
		d.list.SetRows(d.buildRows())
		d.syncKeys()
		return d, nil
	case demoLoadedMsg:
		if msg.err != nil {
			return d, reportErr(msg.err)
		}
		return d, tea.Batch(d.refresh(), navigate(statusMsg{text: "Demo workbook loaded. Press enter to open a proposal."}))
	case removedMsg:
		if msg.err != nil {
			return d, reportErr(msg.err)
		}
		return d, tea.Batch(navigate(statusMsg{text: msg.status}), d.refresh())
	case tea.KeyPressMsg:
		cmd := d.handleKey(msg)
		d.syncKeys()
		return d, cmd
	}
	return d, nil
}

// handleKey moves the cursor and opens things.
func (d *dashboard) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if d.list.MoveKey(d.keys.moves(), k) {
		return nil
	}
	switch {
	case key.Matches(k, d.keys.Open):
		if r, ok := d.list.Selected(); ok {
			return navigate(openWorkspaceMsg{id: r.ID, preview: d.row(r.ID)})
		}
	case key.Matches(k, d.keys.New):
		return navigate(openWalkMsg{})
	case key.Matches(k, d.keys.Walk):
		if r, ok := d.list.Selected(); ok {
			return navigate(openWalkMsg{id: r.ID})
		}
	case key.Matches(k, d.keys.Demo):
		return tea.Batch(d.b.loadDemo(), navigate(statusMsg{text: "Loading the demo workbook…"}))
	case key.Matches(k, d.keys.Contacts):
		return navigate(openContactsMsg{})
	case key.Matches(k, d.keys.Find):
		return navigate(openSearchMsg{})
	case key.Matches(k, d.keys.Refresh):
		return d.refresh()
	case key.Matches(k, d.keys.PurgeProposal):
		if r, ok := d.list.Selected(); ok {
			return d.b.askPurgeProposal(r.ID, r.Cells[0])
		}
	case key.Matches(k, d.keys.PurgeHistory):
		return d.b.askPurgeHistory()
	case key.Matches(k, d.keys.Archived):
		d.archived = !d.archived
		status := "Archived proposals shown. Open one and press E to bring it back (status)."
		if !d.archived {
			status = "Archived proposals hidden."
		}
		return tea.Batch(d.refresh(), navigate(statusMsg{text: status}))
	}
	return nil
}

// row is the listed proposal with id, or nil.
func (d *dashboard) row(id int64) *proposalSummary {
	for i := range d.rows {
		if d.rows[i].Proposal.ID == id {
			r := d.rows[i]
			return &r
		}
	}
	return nil
}

// syncKeys enables only the keys that make sense now.
func (d *dashboard) syncKeys() {
	has := d.list.Len() > 0
	d.keys.Open.SetEnabled(has)
	d.keys.Walk.SetEnabled(has)
	d.keys.Demo.SetEnabled(d.loaded && d.empty)
	d.keys.Contacts.SetEnabled(d.loaded)
	d.keys.Find.SetEnabled(d.loaded && !d.empty)
	d.keys.Archived.SetEnabled(d.loaded && !d.empty)
	d.keys.PurgeProposal.SetEnabled(has)
	d.keys.PurgeHistory.SetEnabled(d.loaded && !d.empty)
	d.keys.Archived.SetHelp("A", "show archived")
	if d.archived {
		d.keys.Archived.SetHelp("A", "hide archived")
	}
	d.keys.Open.SetHelp("enter", "open")
	// Short enough that c contacts also fits the key line at 80 columns.
	d.keys.Walk.SetHelp("w", "walkthrough")
	for _, b := range []*key.Binding{&d.keys.Up, &d.keys.Down, &d.keys.PageUp, &d.keys.PageDown, &d.keys.Top, &d.keys.Bottom} {
		b.SetEnabled(has)
	}
}

// buildRows turns proposals into rows once per load, never per frame.
func (d *dashboard) buildRows() []widget.Row {
	today := d.b.today()
	rows := make([]widget.Row, 0, len(d.rows))
	for _, r := range d.rows {
		p := r.Proposal
		t := widget.ToneNormal
		switch r.Readiness.Verdict {
		case readiness.ReadyToPitch:
			t = widget.ToneGood
		case readiness.NotReady:
			if !p.DecisionDate.IsZero() && today.DaysUntil(p.DecisionDate) <= 7 {
				t = widget.ToneWarn
			}
		}
		verdict, score := r.Readiness.Verdict.String(), itoa(r.Readiness.Score)
		if r.Unscored {
			t, verdict, score = widget.ToneMuted, "…", "…"
		}
		if !p.Status.Open() {
			// Decided or archived: the outcome, not how ready it was.
			t, verdict = widget.ToneMuted, p.Status.String()
		}
		rows = append(rows, widget.Row{ID: p.ID, Tone: t, Cells: []string{
			clean(p.Title),
			verdict,
			score,
			whenRelative(p.DecisionDate, today),
			p.Status.String(),
			clean(p.Forum),
		}})
	}
	return rows
}

// View shows the list, or the two-line empty state.
func (d *dashboard) View() string {
	st := d.st
	switch {
	case !d.loaded && d.loading:
		return st.Muted.Render("Loading proposals…")
	case !d.loaded:
		return ""
	case d.list.Len() == 0 && d.empty:
		return d.emptyView()
	case d.list.Len() == 0 && d.archived:
		return st.Text.Render("No proposals, archived or open.")
	case d.list.Len() == 0:
		return st.Text.Render("No open proposals.") + "\n" +
			st.Muted.Render("Press n to walk through a new proposal: when, whom, what and where.")
	}
	footer := d.footer()
	return widget.Clip(d.head()+"\n\n"+d.list.View(st.grid()), d.width, max(d.height-lipgloss.Height(footer), 1)) + "\n" + footer
}

// head is the count over the list, on one line.
func (d *dashboard) head() string {
	st := d.st
	head := st.Title.Render(model.Plural(d.list.Len(), "proposal", "proposals"))
	if d.archived {
		head += st.Muted.Render(", archived ones included (A hides them)")
	}
	if d.scoring() {
		head += st.Muted.Render(" · assessing readiness…")
	}
	return ansi.Truncate(head, d.width, "…")
}

// footer names the open workbook file on the last line.
func (d *dashboard) footer() string {
	if d.dbPath == "" {
		return ""
	}
	return d.st.Muted.Render(ansi.Truncate("Workbook: "+d.dbPath, d.width, "…"))
}

// emptyView is the first thing a new user sees: what to do, in two lines.
func (d *dashboard) emptyView() string {
	st := d.st
	lines := []string{
		st.Title.Render("Your workbook is empty."),
		"",
		st.Text.Render("Press ") + st.Accent.Render("n") + st.Text.Render(" to walk through a new proposal: when, whom, what and where."),
		st.Text.Render("Press ") + st.Accent.Render("d") + st.Text.Render(" to load a demo workbook and look around first."),
	}
	body := strings.Join(widget.WrapLines(lines, d.width), "\n")
	return widget.Clip(body, d.width, max(d.height-1, 1)) + "\n" + d.footer()
}

// ShortHelp implements help.KeyMap.
func (d *dashboard) ShortHelp() []key.Binding {
	return []key.Binding{d.keys.Open, d.keys.New, d.keys.Walk, d.keys.Contacts, d.keys.Find, d.keys.Demo}
}

// FullHelp implements help.KeyMap.
func (d *dashboard) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{d.keys.Open, d.keys.New, d.keys.Walk, d.keys.Contacts, d.keys.Find, d.keys.Archived, d.keys.Demo, d.keys.Refresh},
		{d.keys.PurgeProposal, d.keys.PurgeHistory},
		d.keys.navKeys(),
	}
}
