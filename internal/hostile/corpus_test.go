package hostile

import (
	"testing"

	"github.com/backchannel/backchannel/model"
)

// The corpus is big enough and every string is something CheckTerminal
// catches or ordinary text the screens must keep: the checks are not
// vacuous.
func TestCorpusAndChecks(t *testing.T) {
	c := Corpus()
	if len(c) < 60 {
		t.Fatalf("%d hostile strings, want at least 60", len(c))
	}
	caught := 0
	for _, h := range c {
		if CheckTerminal(h.Value) != nil {
			caught++
		}
		if model.Blank(h.Value) {
			t.Errorf("%s shows nothing; every corpus string needs visible text", h.Label)
		}
		if err := CheckTerminal(model.CleanBlock(h.Value)); err != nil {
			t.Errorf("%s: cleaned text still has %v", h.Label, err)
		}
	}
	if caught < 35 {
		t.Errorf("the check catches only %d of %d raw strings", caught, len(c))
	}
	if CheckTerminal("\x1b[1;31mstyled\x1b[0m") != nil {
		t.Error("our own styling (SGR) is refused")
	}
	if CheckPlain("\x1b[1mstyled\x1b[0m") == nil {
		t.Error("CheckPlain accepts styling")
	}
}

// Workbook puts the corpus into every field and stays a valid workbook.
func TestWorkbookIsValid(t *testing.T) {
	wb := Workbook(model.NewDate(2026, 11, 21))
	for i, p := range wb.Proposals {
		if err := p.Validate(); err != nil {
			t.Errorf("proposals[%d]: %v", i, err)
		}
	}
	for i, c := range wb.Contacts {
		if err := c.Validate(); err != nil {
			t.Errorf("contacts[%d]: %v", i, err)
		}
	}
	if CheckTerminal(wb.Contacts[0].Name+wb.Proposals[0].Title+wb.Proposals[0].Ask) == nil {
		t.Error("the first rows hold no hostile text")
	}
}
