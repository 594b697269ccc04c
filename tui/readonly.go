package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Optional store abilities the UI uses when the store has them (*db.Store
// does; the test fakes need not).
type (
	// readOnlyStore says why the workbook could only be opened for reading.
	readOnlyStore interface{ ReadOnly() string }
	// waitingStore tells when a write waits for another process.
	waitingStore interface{ OnWait(func(waiting bool)) }
)

// waitingMsg says a save has waited a second for another backchannel
// process to finish writing (waiting), or that it got its turn (!waiting).
type waitingMsg struct{ waiting bool }

// waitingText is the status line while a save waits for another process.
const waitingText = "Waiting for another backchannel process to finish writing…"

// readOnlyReason is why the workbook is read-only, or "".
func readOnlyReason(store Store) string {
	if ro, ok := store.(readOnlyStore); ok {
		return ro.ReadOnly()
	}
	return ""
}

// listenForWaits routes the store's waiting notices to the program.
func listenForWaits(store Store, p *tea.Program) {
	if ws, ok := store.(waitingStore); ok {
		ws.OnWait(func(waiting bool) { p.Send(waitingMsg{waiting: waiting}) })
	}
}

// updateWaiting shows or clears the waiting line; a message that arrived
// meanwhile (the save's own result, an error) is left as it is.
func (a *App) updateWaiting(msg waitingMsg) {
	switch {
	case msg.waiting && (a.status == "" || !a.statusErr):
		a.setStatus(waitingText, false)
	case !msg.waiting && a.status == waitingText:
		a.setStatus("", false)
	}
}

// bannerView is the header's second line: a rule, or, on a workbook that
// cannot be written, the one sentence saying so, so nobody types into a
// form that cannot be saved without knowing.
func (a *App) bannerView() string {
	st := a.styles
	if a.readOnly == "" {
		return st.TabGap.Render(strings.Repeat("─", a.width))
	}
	text := "Read-only (" + a.readOnly + "): reading works, saving does not."
	return ansi.Truncate(st.Warn.Render(clean(text)), a.width, "…")
}
