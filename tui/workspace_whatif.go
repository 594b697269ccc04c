package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/brief"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/tui/widget"
)

// The Room tab's forecast line, veto marks and what-if. A what-if tries
// another stance for people in the room (or marks them absent) and shows the
// forecast, score and verdict as they would be. Nothing is saved: the
// tries live in this struct only, and esc (or any reload of the proposal)
// drops them.

// whatIf is the state of a what-if on the Room tab.
type whatIf struct {
	active bool
	// tries are the stances being tried, by stakeholder.
	tries map[int64]model.WhatIf
	// r is readiness with the tries applied.
	r readiness.Readiness
}

// whatIfKeys are the keys of the what-if, kept apart from the shared keyMap.
type whatIfKeys struct {
	Start, Stance, Clear, Leave key.Binding
}

func newWhatIfKeys() whatIfKeys {
	return whatIfKeys{
		Start:  key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "what if…")),
		Stance: key.NewBinding(key.WithKeys("left", "right", "h", "l"), key.WithHelp("←/→", "try a stance")),
		Clear:  key.NewBinding(key.WithKeys("x", "backspace", "delete"), key.WithHelp("x", "as recorded")),
		Leave:  key.NewBinding(key.WithKeys("esc", "f"), key.WithHelp("esc", "real state")),
	}
}

// whatIfChoices are what ←/→ step through, colder to warmer: absent, then
// every stance from opponent to champion.
var whatIfChoices = []model.WhatIf{
	{Absent: true}, {Stance: model.StanceOpponent}, {Stance: model.StanceSkeptic},
	{Stance: model.StanceNeutral}, {Stance: model.StanceSupporter}, {Stance: model.StanceChampion},
}

// wantsEsc keeps esc in the workspace while a what-if is on, so that it
// returns to the real state rather than leaving the proposal, and while a
// row is read in full, so that it goes back to the list.
func (w *workspace) wantsEsc() bool { return w.whatIf.active || w.full.active }

// startWhatIf begins a what-if on the Room tab, with the cursor on the
// first swing person: the forecast's own suggestion of whom to try.
func (w *workspace) startWhatIf() {
	w.whatIf = whatIf{active: true, tries: map[int64]model.WhatIf{}}
	swing := w.r.Forecast.Swing
	if sel, ok := w.room.Selected(); len(swing) > 0 && (!ok || !slices.ContainsFunc(swing, func(s readiness.Swing) bool { return s.StakeholderID == sel.ID })) {
		w.room.SelectID(swing[0].StakeholderID)
	}
	w.assessWhatIf()
}

// endWhatIf drops every try and shows the real state again.
func (w *workspace) endWhatIf() {
	w.whatIf = whatIf{}
	w.room.SetRows(w.roomRows(w.b.today()))
}

// whatIfKey handles a key while a what-if is on; every other key waits, so
// that nothing is edited against a room that is not the real one.
func (w *workspace) whatIfKey(k tea.KeyPressMsg) tea.Cmd {
	wk := w.wkeys
	switch {
	case key.Matches(k, wk.Leave):
		w.endWhatIf()
		return nil
	case key.Matches(k, wk.Stance):
		sel, ok := w.room.Selected()
		if !ok {
			return nil
		}
		step := 1 // → warmer
		if k.String() == "left" || k.String() == "h" {
			step = -1
		}
		w.whatIf.tries[sel.ID] = w.nextChoice(sel.ID, step)
		w.assessWhatIf()
		return nil
	case key.Matches(k, wk.Clear):
		if sel, ok := w.room.Selected(); ok {
			delete(w.whatIf.tries, sel.ID)
			w.assessWhatIf()
		}
		return nil
	case key.Matches(k, w.keys.Up), key.Matches(k, w.keys.Down), key.Matches(k, w.keys.PageUp),
		key.Matches(k, w.keys.PageDown), key.Matches(k, w.keys.Top), key.Matches(k, w.keys.Bottom):
		w.room.MoveKey(w.keys.moves(), k)
		return nil
	}
	return reportErr(errWhatIfKeys)
}

// errWhatIfKeys says why a key did nothing during a what-if.
var errWhatIfKeys = whatIfError("a what-if is on: ←/→ try a stance, ↑/↓ pick a person, x as recorded, esc back to the real state")

type whatIfError string

func (e whatIfError) Error() string { return string(e) }

// nextChoice steps the person's tried stance from what is tried (or
// recorded) now; an unknown stance starts from neutral.
func (w *workspace) nextChoice(id int64, step int) model.WhatIf {
	cur, tried := w.whatIf.tries[id]
	if !tried {
		if i, ok := w.stIndex[id]; ok {
			cur = model.WhatIf{Stance: w.d.Stakeholders[i].Stance}
		}
	}
	at := slices.IndexFunc(whatIfChoices, func(c model.WhatIf) bool { return c == model.WhatIf{Stance: cur.Stance, Absent: cur.Absent} })
	if at < 0 {
		at = slices.IndexFunc(whatIfChoices, func(c model.WhatIf) bool { return c.Stance == model.StanceNeutral && !c.Absent })
		if step > 0 {
			at--
		} else {
			at++
		}
	}
	at = (at + step + len(whatIfChoices)) % len(whatIfChoices)
	c := whatIfChoices[at]
	c.StakeholderID = id
	return c
}

// assessWhatIf reads the room with the tries applied. Assess is pure and
// quick on a single proposal, so it runs here rather than in a command; the
// stored workbook is never touched.
func (w *workspace) assessWhatIf() {
	d := w.d
	d.WhatIf = w.whatIfList()
	w.whatIf.r = readiness.Assess(d, w.b.today())
	real, realR := w.d, w.r
	w.d, w.r = w.whatIfShown(), w.whatIf.r
	rows := w.roomRows(w.b.today())
	w.d, w.r = real, realR
	for k := range rows {
		if try, ok := w.whatIf.tries[rows[k].ID]; ok {
			rows[k].Tone = widget.ToneWarn
			rows[k].Cells[4] = "if " + try.Stance.String()
			if try.Absent {
				rows[k].Cells[4] = "if absent"
			}
		}
	}
	w.room.SetRows(rows)
}

// whatIfList is the tries in a stable order.
func (w *workspace) whatIfList() []model.WhatIf {
	out := make([]model.WhatIf, 0, len(w.whatIf.tries))
	for _, t := range w.whatIf.tries {
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b model.WhatIf) int { return int(a.StakeholderID - b.StakeholderID) })
	return out
}

// whatIfShown is the dossier as the Room table should show it: the tried
// stances in place of the recorded ones.
func (w *workspace) whatIfShown() model.Dossier {
	d := w.d
	d.Stakeholders = slices.Clone(d.Stakeholders)
	for k, s := range d.Stakeholders {
		if t, ok := w.whatIf.tries[s.ID]; ok && !t.Absent {
			d.Stakeholders[k].Stance = t.Stance
		}
	}
	return d
}

// forecastLine says how the room would decide, outcome first so that a
// narrow terminal keeps what matters.
func (w *workspace) forecastLine() string {
	fc := w.r.Forecast
	if w.whatIf.active {
		fc = w.whatIf.r.Forecast
	}
	outcome := strings.ReplaceAll(brief.ForecastVerdict(fc.Outcome, fc.Short), "**", "")
	outcome = strings.TrimPrefix(strings.TrimPrefix(outcome, "it "), "the votes are there, but ")
	line := "Forecast (" + fc.Rule.String() + "): " + outcome + " · " + itoa(fc.For) + " for, " + itoa(fc.Against) +
		" against, " + itoa(fc.Unknown) + " undecided · needs " + clean(fc.Needs)
	st := w.st.Muted
	switch fc.Outcome {
	case readiness.OutcomePasses:
		st = w.st.Good
	case readiness.OutcomeFails:
		st = w.st.Bad
	}
	// Two lines where one cannot hold it: "and no veto from Dana Reyes"
	// is the point of the line. The rows are fixed by the real forecast at
	// layout (forecastRows), so a what-if's longer or shorter words never
	// move the table under it.
	rows := w.forecastRows
	if rows == 0 {
		rows = min(len(widget.WrapText(line, w.width, 0)), 2)
	}
	lines := widget.WrapText(line, w.width, rows)
	for len(lines) < rows {
		lines = append(lines, "")
	}
	return st.Render(strings.Join(lines, "\n"))
}

// whatIfDetail replaces the person detail during a what-if: what is tried,
// and how readiness moves.
func (w *workspace) whatIfDetail() string {
	var tried []string
	for _, t := range w.whatIfList() {
		what := w.name(t.StakeholderID) + " "
		if t.Absent {
			what += "absent"
		} else {
			what += t.Stance.String()
		}
		tried = append(tried, what)
	}
	line1 := "What if (not saved; esc returns): "
	if len(tried) == 0 {
		line1 += "pick a person and press ←/→"
		if sw := w.r.Forecast.Swing; len(sw) > 0 {
			var names []string
			for _, s := range sw {
				names = append(names, w.name(s.StakeholderID))
			}
			line1 += "; swing: " + strings.Join(names, ", ")
		}
	} else {
		line1 += strings.Join(tried, ", ")
	}
	real, now := w.r, w.whatIf.r
	move := "Readiness " + itoa(real.Score) + " " + real.Verdict.String() + " as recorded"
	if len(tried) > 0 {
		move = "Readiness " + itoa(real.Score) + " " + real.Verdict.String() + " → " + itoa(now.Score) + " " + now.Verdict.String()
	}
	if len(now.Caps) > 0 {
		move += " · " + clean(now.Caps[0])
	}
	return w.st.Warn.Render(ansi.Truncate(line1, w.width, "…")) + "\n" + ansi.Truncate(move, w.width, "…")
}

// whatIfHelp is the what-if keys for the help line: the way in on the Room
// tab, the keys inside it while it is on.
func (w *workspace) whatIfHelp() []key.Binding {
	switch {
	case w.whatIf.active:
		return []key.Binding{w.wkeys.Stance, w.keys.Move, w.wkeys.Clear} // the app's own help says esc
	case w.loaded && w.tab == tabRoom && len(w.d.Stakeholders) > 0:
		return []key.Binding{w.wkeys.Start}
	}
	return nil
}
