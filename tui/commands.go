package tui

import (
	"context"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/brief"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/readiness"
)

// backend is what commands need to reach the workbook. Commands copy what
// they need and run off the UI goroutine; state changes only in Update.
type backend struct {
	store Store
	ctx   context.Context
	today func() model.Date
	// briefs are the Summary tab's renderings, kept across workspaces
	// (brief_cache.go).
	briefs briefCache
}

// proposalSummary is one dashboard row: a proposal and its readiness today
// (its score and verdict: all a list shows).
type proposalSummary struct {
	Proposal  model.Proposal
	Readiness readiness.Readiness
	// Unscored is a row listed before its score was read (listProposals).
	Unscored bool
}

// proposalsListedMsg carries the dashboard's proposals without their
// scores, read while the scores are (proposalsLoadedMsg follows).
type proposalsListedMsg struct {
	seq  int
	rows []proposalSummary
	err  error
}

// listProposals reads the proposals the dashboard lists, in its order,
// without their scores: one table read. The first open of a day (or of a
// new build) assesses every proposal for its score, ten times the read, so
// the list is shown first and the scores fill it in.
func (b *backend) listProposals(seq int, archived bool) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		ps, err := store.ListProposals(ctx, archived)
		if err != nil {
			return proposalsListedMsg{seq: seq, err: err}
		}
		rows := make([]proposalSummary, len(ps))
		for i, p := range ps {
			rows[i] = proposalSummary{Proposal: p, Unscored: true}
		}
		return proposalsListedMsg{seq: seq, rows: rows}
	}
}

// proposalsLoadedMsg carries the dashboard's proposals.
type proposalsLoadedMsg struct {
	seq   int
	rows  []proposalSummary
	empty bool
	err   error
}

// loadProposals reads every proposal (archived ones too when asked) with
// its readiness.
func (b *backend) loadProposals(seq int, archived bool) tea.Cmd {
	store, ctx, today := b.store, b.ctx, b.today()
	return func() tea.Msg {
		rows, err := listScores(ctx, store, today, archived)
		if err != nil {
			return proposalsLoadedMsg{seq: seq, err: err}
		}
		empty := false
		if len(rows) == 0 {
			empty, err = store.Empty(ctx)
		}
		return proposalsLoadedMsg{seq: seq, rows: rows, empty: empty, err: err}
	}
}

// listScores reads every proposal (archived ones when asked) in the list's
// order with its score and verdict, from one snapshot: the store's
// readiness cache where it is current, the list read and an assessment
// where it is not (db.Store.ProposalScores), never every proposal's whole
// dossier.
func listScores(ctx context.Context, store Store, today model.Date, archived bool) ([]proposalSummary, error) {
	ps, err := store.ProposalScores(ctx, today, archived)
	if err != nil {
		return nil, err
	}
	rows := make([]proposalSummary, 0, len(ps))
	for _, p := range ps {
		rows = append(rows, proposalSummary{Proposal: p.Proposal, Readiness: readiness.Readiness{Score: p.Score, Verdict: p.Verdict}})
	}
	return rows, nil
}

// scores returns a function, to run in a command, that reads every
// proposal's score and verdict (listScores) by proposal.
func (b *backend) scores(archived bool) func() (map[int64]readiness.Readiness, error) {
	store, ctx, today := b.store, b.ctx, b.today()
	return func() (map[int64]readiness.Readiness, error) {
		rows, err := listScores(ctx, store, today, archived)
		if err != nil {
			return nil, err
		}
		m := make(map[int64]readiness.Readiness, len(rows))
		for _, r := range rows {
			m[r.Proposal.ID] = r.Readiness
		}
		return m, nil
	}
}

// demoLoadedMsg reports the demo import.
type demoLoadedMsg struct{ err error }

// loadDemo imports the demo workbook into an empty store.
func (b *backend) loadDemo() tea.Cmd {
	store, ctx, today := b.store, b.ctx, b.today()
	return func() tea.Msg {
		empty, err := store.Empty(ctx)
		if err != nil {
			return demoLoadedMsg{err: err}
		}
		if !empty {
			return demoLoadedMsg{err: errors.New("the demo loads only into an empty workbook; open a new file with --db to try it")}
		}
		return demoLoadedMsg{err: store.Import(ctx, demo.Workbook(today))}
	}
}

// dossierLoadedMsg carries one proposal's data and its readiness.
type dossierLoadedMsg struct {
	seq       int
	dossier   model.Dossier
	readiness readiness.Readiness
	// brief is the brief's content; the Summary tab lays it out per width.
	brief brief.Doc
	// briefSum identifies the brief's content (briefSum).
	briefSum string
	err      error
}

// loadDossier reads a proposal, assesses it and gathers its brief.
func (b *backend) loadDossier(seq int, id int64) tea.Cmd {
	store, ctx, today := b.store, b.ctx, b.today()
	return func() tea.Msg {
		d, err := store.LoadDossier(ctx, id)
		if err != nil {
			return dossierLoadedMsg{seq: seq, err: err}
		}
		r := readiness.Assess(d, today)
		doc := brief.Data(d, r, brief.Options{Today: today})
		return dossierLoadedMsg{seq: seq, dossier: d, readiness: r, brief: doc, briefSum: briefSum(doc)}
	}
}

// briefRenderedMsg carries the glamour rendering of a brief at one width.
type briefRenderedMsg struct {
	// key is the rendering's briefKey.
	key string
	out string
	err error
}

// renderBrief lays the brief out for the width (brief.Terminal) and
// renders it with glamour off the UI goroutine; View only ever shows the
// cached result, kept under key.
func renderBrief(key string, doc brief.Doc, width int, style string) tea.Cmd {
	return func() tea.Msg {
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width))
		if err != nil {
			return briefRenderedMsg{key: key, err: err}
		}
		out, err := r.Render(brief.Terminal(doc, briefTextWidth(width)))
		return briefRenderedMsg{key: key, out: trimBlankEdges(out), err: err}
	}
}

// briefTextWidth is the width glamour leaves the text at a word-wrap width:
// its document style indents each side by two cells.
func briefTextWidth(wrap int) int { return max(wrap-4, 20) }

// trimBlankEdges drops glamour's empty first and last lines.
func trimBlankEdges(s string) string {
	lines := strings.Split(s, "\n")
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// proposalSavedMsg reports a proposal write from the walkthrough.
type proposalSavedMsg struct {
	seq      int
	proposal model.Proposal
	err      error
}

func (m proposalSavedMsg) saveErr() error { return m.err }

// saveResult is a message that reports a write; the app uses it to finish a
// "save and quit" once the save has landed, and to stay put when it failed.
type saveResult interface{ saveErr() error }

// errMsg is an error to show in the status line.
type errMsg struct{ err error }

// statusMsg is a message to show in the status line until the next key;
// with prepend it goes before the message already there.
type statusMsg struct {
	text    string
	prepend bool
}

// humanError turns an error into the one sentence a person reads.
func humanError(err error) string {
	if err == nil {
		return ""
	}
	s := clean(err.Error())
	if s == "" {
		return "Something went wrong."
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
