package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// blindSpotsScreen lists blind spots across proposals (or one), open first,
// with who surfaced each and how it was addressed; enter reads one in full,
// e edits every field, m toggles the status, r says how it was addressed,
// a adds one and X deletes one.
type blindSpotsScreen = reviewScreen[model.BlindSpotRow, blindSpotDraft]

// newBlindSpotsScreen builds the screen, scoped to one proposal when
// proposalID is set, with selectID selected once loaded.
func newBlindSpotsScreen(b *backend, st *Styles, proposalID, selectID int64) *blindSpotsScreen {
	return newReviewScreen(blindSpotKind, b, st, proposalID, selectID)
}

// blindSpotStatusFilters is what s cycles through on the blind-spot screen.
var blindSpotStatusFilters = [][]model.BlindSpotStatus{
	nil,
	{model.BlindSpotOpen},
	{model.BlindSpotAddressed},
}

// blindSpotKind is the blind spots' part of the review screen.
var blindSpotKind = &reviewSpec[model.BlindSpotRow, blindSpotDraft]{
	id:   reviewBlindSpots,
	name: "Blind spots", one: "blind spot", a: "a blind spot", many: "blind spots",
	columns: []widget.Column{
		{Title: "Status", Width: 9},
		{Title: "Age", Width: 4, Right: true, Priority: 3},
		{Title: "Proposal", Min: 10, Priority: 2},
		{Title: "Blind spot", Min: 30},
		{Title: "Surfaced by", Min: 15, Priority: 1},
		{Title: "How addressed", Min: 12, Priority: 4},
	},
	proposalCol: 2,
	cycles: []reviewCycle{
		{key: func(k *reviewKeys) *key.Binding { return &k.StatusFilter }, anyLabel: "any status",
			choices: []string{"any", "open", "addressed"}},
	},
	index: func(d *reviewData, today model.Date) ([]model.BlindSpotRow, func(reviewFilter) []int) {
		x := model.NewBlindSpotIndex(d.blindSpots, d.dir, today)
		return x.All(), func(f reviewFilter) []int {
			return x.Match(model.BlindSpotFilter{ProposalID: f.proposalID, Statuses: blindSpotStatusFilters[f.cycle[0]],
				Person: f.person, Text: f.text, IncludeArchived: f.archived})
		}
	},
	ref: func(r model.BlindSpotRow) reviewRef {
		return reviewRef{id: r.ID, proposalID: r.ProposalID, touchpointID: r.TouchpointID, text: r.Text, person: r.SurfacedByID}
	},
	cells:       blindSpotCells,
	isOpen:      func(r model.BlindSpotRow) bool { return r.Status == model.BlindSpotOpen },
	noProposals: "No proposals yet. Press esc, then n to walk through one.",
	noRows:      "No blind spots yet. Ask someone “am I thinking about this right?”, or press a to note one yourself.",
	recorded:    func(d *reviewData) int { return len(d.blindSpots) },
	sections:    blindSpotSections,

	draftOf:    func(r model.BlindSpotRow) blindSpotDraft { return draftFromBlindSpot(r.BlindSpot) },
	newDraft:   func(pid int64) blindSpotDraft { return blindSpotDraft{ProposalID: pid} },
	proposalOf: func(d blindSpotDraft) int64 { return d.ProposalID },
	form:       blindSpotForm,
	mark:       toggleBlindSpot,
	describe:   describeBlindSpotSave,
	addTitle:   "Add a blind spot",
	addContext: "Something you had not seen, or an assumption to test; it counts against readiness while open.",
	editTitles: map[reviewEdit]string{
		editAll:     "Edit the blind spot",
		editRespond: "How it was addressed",
	},
	context: func(r model.BlindSpotRow) string {
		return "“" + clean(r.Text) + "” — " + clean(r.SurfacedBy) + " · " + clean(r.ProposalTitle)
	},
	filterContext: "Pick a proposal and a person; s cycles the status.",
	personTitle:   "Who surfaced it",
	people: func(d *reviewData) map[string]bool {
		names := map[string]bool{}
		for _, b := range d.blindSpots {
			names[d.name(b.SurfacedByID, model.Me)] = true
		}
		return names
	},
	save:   saveBlindSpot,
	remove: deleteBlindSpot,

	labelKeys: func(k *reviewKeys, row model.BlindSpotRow, ok bool) {
		k.Respond.SetHelp("r", "how addressed")
		k.Mark.SetHelp("m", "mark addressed")
		if ok && row.Status == model.BlindSpotAddressed {
			k.Mark.SetHelp("m", "reopen")
		}
		k.Person.SetHelp("w", "surfaced by")
		if ok && row.SurfacedByID == 0 {
			k.Person.SetHelp("w", "the room")
		}
	},
	hints: reviewHints{
		short: func(k *reviewKeys) []key.Binding {
			return []key.Binding{k.Open, k.Edit, k.Mark, k.Respond, k.Add, k.Delete, k.Search, k.StatusFilter, k.Person}
		},
		fullShort: func(k *reviewKeys) []key.Binding { return []key.Binding{k.Edit, k.Mark, k.Respond, k.Delete} },
		actions:   func(k *reviewKeys) []key.Binding { return []key.Binding{k.Edit, k.Mark, k.Respond} },
	},
}

// blindSpotCells is a blind spot's grid row, made once per filter change.
func blindSpotCells(r model.BlindSpotRow) widget.Row {
	t := widget.ToneNormal
	if r.Status == model.BlindSpotAddressed {
		t = widget.ToneMuted
	}
	how := clean(r.HowAddressed)
	if how == "" {
		how = "—"
	}
	return widget.Row{ID: r.ID, Tone: t, Cells: []string{
		r.Status.String(), ageCell(r.AgeDays, r.RaisedOn), clean(r.ProposalTitle), clean(r.Text), clean(r.SurfacedBy), how,
	}}
}

// blindSpotSections describe a blind spot: what it is, who surfaced it, how
// it was addressed (or that it is still open), its history and the talk it
// came from; cut to a few lines each in the pane, whole in full.
func blindSpotSections(s *blindSpotsScreen, row model.BlindSpotRow, full bool) []section {
	st, w := s.st, s.width
	today := s.b.today()
	secs := []section{
		{lines: s.metaLines(row.ProposalID, full), min: 1},
		{lines: styled(st.Title, widget.WrapText(row.Text, w, limit(3, full))), min: 1},
	}
	who := row.Status.String() + " · you noted it yourself"
	if row.SurfacedByID != 0 {
		who = row.Status.String() + " · surfaced by " + s.personLabel(row.SurfacedByID, clean(row.SurfacedBy))
	}
	if !row.RaisedOn.IsZero() {
		who += ", " + agoPhrase(today, row.RaisedOn)
	}
	secs = append(secs, section{lines: s.oneLine(st.Text, who, full), min: 1})

	var how []string
	switch {
	case row.Status == model.BlindSpotAddressed:
		text := row.HowAddressed
		if strings.TrimSpace(text) == "" {
			text = "no note of how. Press r to add one."
		}
		how = labelled(st, "Addressed on "+fullDate(row.AddressedOn, today)+":", text, w, limit(4, full))
	case strings.TrimSpace(row.HowAddressed) != "":
		how = labelled(st, "Under way:", row.HowAddressed, w, limit(4, full))
	default:
		how = s.oneLine(st.Warn, "Not addressed yet. Press m when it is, r to say how.", full)
	}
	secs = append(secs, section{lines: how, min: 1})
	hist := labelled(st, "History:", statusChanges(s.data.spotHistory[row.ID], row.RaisedOn, row.Status.String(), row.AddressedOn), w, limit(2, full))
	secs = append(secs, section{lines: hist, min: 1})
	if t, ok := s.data.talks[row.TouchpointID]; ok && row.TouchpointID != 0 {
		secs = append(secs, section{lines: talkLines(st, t, s.data.name(t.StakeholderID, "them"), w, full, today), min: 1})
	}
	return secs
}
