package tui

import (
	"sort"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// roomRows lists every stakeholder: marks, person, role, influence, stance
// and target, when last spoken to, and the next step.
func (w *workspace) roomRows(today model.Date) []widget.Row {
	d, r := w.d, w.r
	swing := make(map[int64]bool, len(r.Forecast.Swing))
	for _, s := range r.Forecast.Swing {
		swing[s.StakeholderID] = true
	}
	last := make(map[int64]model.Date, len(d.Stakeholders))
	for _, t := range d.Touchpoints {
		if t.Date.After(last[t.StakeholderID]) {
			last[t.StakeholderID] = t.Date
		}
	}
	action := make(map[int64]string)
	for _, a := range r.NextActions {
		if a.StakeholderID != 0 && action[a.StakeholderID] == "" {
			action[a.StakeholderID] = clean(a.Text)
		}
	}
	rows := make([]widget.Row, 0, len(d.Stakeholders))
	for _, s := range d.Stakeholders {
		mark := ""
		if swing[s.ID] {
			mark += "◆"
		}
		if s.Veto {
			mark += "V"
		}
		if s.Spoiler {
			mark += "!"
		}
		t := widget.ToneNormal
		if s.Spoiler {
			t = widget.ToneWarn
		}
		rows = append(rows, widget.Row{ID: s.ID, Tone: t, Cells: []string{
			mark,
			w.names[s.ID],
			shortRole(s.Role),
			itoa(s.Influence),
			stanceArrow(s.Stance, s.TargetStance),
			agoPhrase(today, last[s.ID]),
			nextStep(s, action[s.ID], today),
		}})
	}
	return rows
}

// nextStep summarises the planned talk, or the next action for the person.
func nextStep(s model.Stakeholder, action string, today model.Date) string {
	p := s.Plan
	if !p.Done && (p.HasWhat() || p.HasWhen()) {
		when := shortDate(p.TargetDate, today)
		if p.TargetDate.IsZero() {
			when = p.Moment.String()
		}
		if p.HasWhat() {
			return when + " · " + p.Approach.String() + ": " + clean(p.Message)
		}
		return when + " · what to bring not set"
	}
	if action != "" {
		return action
	}
	if p.Done {
		return "talked; plan the next one"
	}
	return "no plan yet"
}

// planRows is the backward schedule, then the people with no talk planned.
func (w *workspace) planRows(today model.Date) []widget.Row {
	d, r := w.d, w.r
	byID := make(map[int64]model.Stakeholder, len(d.Stakeholders))
	for _, s := range d.Stakeholders {
		byID[s.ID] = s
	}
	rows := make([]widget.Row, 0, len(d.Stakeholders))
	seen := make(map[int64]bool, len(r.Schedule.Items))
	for _, it := range r.Schedule.Items {
		s := byID[it.StakeholderID]
		seen[s.ID] = true
		mark := ""
		if it.Critical {
			mark = "*"
		}
		due := it.TargetDate.Relative(today, true)
		t := widget.ToneNormal
		switch {
		case it.Overdue:
			t = widget.ToneWarn
			due = "overdue"
		case it.TargetDate.IsZero() && !s.Plan.Complete():
			t = widget.ToneMuted
			due = "not planned"
		case it.TargetDate.IsZero():
			due = "no date"
		}
		rows = append(rows, widget.Row{ID: s.ID, Tone: t, Cells: []string{
			mark, w.names[s.ID], dateOr(it.TargetDate, today, "—"), due,
			dateOr(it.LatestSafe, today, "—"), planWhat(s.Plan), planWhere(s.Plan), w.viaName(s.Plan.ViaID),
		}})
	}
	for _, s := range d.Stakeholders {
		if seen[s.ID] || s.Plan.Done {
			continue
		}
		rows = append(rows, widget.Row{ID: s.ID, Tone: widget.ToneMuted, Cells: []string{
			"", w.names[s.ID], "—", "not planned", "—", planWhat(s.Plan), planWhere(s.Plan), w.viaName(s.Plan.ViaID),
		}})
	}
	return rows
}

// dateOr is the day for a column (with its year when not this year's), or a
// fallback when unset.
func dateOr(d, today model.Date, fallback string) string {
	if d.IsZero() {
		return fallback
	}
	return shortDate(d, today)
}

// planWhat is "ask: message" or a gap to fill.
func planWhat(p model.Plan) string {
	if !p.HasWhat() {
		return "—"
	}
	return p.Approach.String() + ": " + clean(p.Message)
}

// planWhere is the venue and place.
func planWhere(p model.Plan) string {
	if !p.HasWhere() {
		return "—"
	}
	if p.Venue == model.VenueUnset {
		return clean(p.Place)
	}
	return p.Venue.String()
}

// channelWord names the channel a conversation was held on; one logged
// without a channel (the CLI allows it) shows a dash, not the word "unset".
func channelWord(v model.Venue) string {
	if v == model.VenueUnset {
		return "—"
	}
	return v.String()
}

// viaName names the go-between contact.
func (w *workspace) viaName(id int64) string {
	if id == 0 {
		return ""
	}
	if c, ok := w.d.Contacts[id]; ok {
		return clean(c.Name)
	}
	return "someone"
}

// logRows lists conversations, newest first.
func (w *workspace) logRows() []widget.Row {
	tps := make([]model.Touchpoint, len(w.d.Touchpoints))
	copy(tps, w.d.Touchpoints)
	sort.SliceStable(tps, func(i, j int) bool {
		if !tps[i].Date.Equal(tps[j].Date) {
			return tps[i].Date.After(tps[j].Date)
		}
		return tps[i].ID > tps[j].ID
	})
	rows := make([]widget.Row, 0, len(tps))
	w.tpIndex = make(map[int64]int, len(w.d.Touchpoints))
	for i, t := range w.d.Touchpoints {
		w.tpIndex[t.ID] = i
	}
	for _, t := range tps {
		tn := widget.ToneNormal
		if t.Sentiment < 0 {
			tn = widget.ToneWarn
		}
		rows = append(rows, widget.Row{ID: t.ID, Tone: tn, Cells: []string{
			shortDate(t.Date, w.b.today()), w.name(t.StakeholderID), channelWord(t.Channel), t.Kind.String(), signed(t.Sentiment), clean(t.Said),
		}})
	}
	return rows
}

// objectionRows lists objections: live first, most severe first.
func (w *workspace) objectionRows() []widget.Row {
	objs := make([]model.Objection, len(w.d.Objections))
	copy(objs, w.d.Objections)
	sort.SliceStable(objs, func(i, j int) bool {
		a, b := objs[i], objs[j]
		if a.Status.Live() != b.Status.Live() {
			return a.Status.Live()
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		return a.ID < b.ID
	})
	rows := make([]widget.Row, 0, len(objs))
	for _, o := range objs {
		by := "anticipated"
		if o.RaisedByID != 0 {
			by = w.name(o.RaisedByID)
		}
		voice := "nobody yet"
		if o.VoiceID != 0 {
			voice = w.name(o.VoiceID)
		}
		resp := clean(o.Response)
		if resp == "" {
			resp = "—"
		}
		rows = append(rows, widget.Row{ID: o.ID, Tone: objectionTone(o), Cells: []string{
			o.Severity.String(), o.Status.String(), by, clean(o.Text), voice, resp, needs(o),
		}})
	}
	return rows
}

// blindSpotRows lists blind spots, open first.
func (w *workspace) blindSpotRows() []widget.Row {
	bs := make([]model.BlindSpot, len(w.d.BlindSpots))
	copy(bs, w.d.BlindSpots)
	sort.SliceStable(bs, func(i, j int) bool {
		if bs[i].Status != bs[j].Status {
			return bs[i].Status < bs[j].Status
		}
		return bs[i].ID < bs[j].ID
	})
	rows := make([]widget.Row, 0, len(bs))
	for _, b := range bs {
		t := widget.ToneNormal
		if b.Status == model.BlindSpotAddressed {
			t = widget.ToneMuted
		}
		by := "me"
		if b.SurfacedByID != 0 {
			by = w.name(b.SurfacedByID)
		}
		how := clean(b.HowAddressed)
		if how == "" {
			how = "—"
		}
		rows = append(rows, widget.Row{ID: b.ID, Tone: t, Cells: []string{b.Status.String(), by, clean(b.Text), how}})
	}
	return rows
}
