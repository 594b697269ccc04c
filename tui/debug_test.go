package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// The debug log names what happened (messages, keys, errors) but never what
// a person typed: letters are logged as "rune".
func TestDebugLogKeepsTypedTextOut(t *testing.T) {
	var lines []string
	store := demoStore(t)
	d := &driver{t: t, store: store}
	d.app = New(store, Options{Today: func() model.Date { return testToday }, NoColor: true,
		Debug: func(format string, args ...any) { lines = append(lines, fmt.Sprintf(format, args...)) }})
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.run(d.app.Init())
	d.press("n")
	d.typ("Secret merger")
	log := strings.Join(lines, "\n")
	for _, want := range []string{"msg=tea.WindowSizeMsg", "key=rune", "msg=tui.proposalsLoadedMsg"} {
		if !strings.Contains(log, want) {
			t.Errorf("the debug log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, "Secret") || strings.Contains(log, "key=S") {
		t.Errorf("the debug log holds typed text:\n%s", log)
	}
}
