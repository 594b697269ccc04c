package redact

import (
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
)

// The leak guard reads the days the program writes ("Tue 23 Jun", "Sat 9
// Jan 2027") as the program's words even when a month or weekday is also
// someone's name; the same name written anywhere else still fails closed.
func TestGuardTellsDaysFromNames(t *testing.T) {
	rd := NewWorkbookRedactor(sample.FixtureDossier(), []model.Contact{{ID: 60, Name: "Jun Park"}, {ID: 61, Name: "May Chen"}, {ID: 62, Name: "Sun Li"}})
	for _, s := range []string{"last spoke Tue 23 Jun", "since Fri 1 May", "Sun 25 Oct", "decision Sat 9 Jan 2027", "last spoke Tue 23 Jun 2025", "since Fri 1 May 2026."} {
		if l, found := rd.Find(s); found {
			t.Errorf("the guard takes the day in %q for %s", s, l)
		}
	}
	for _, s := range []string{"Jun said no", "ask May first", "Sun agreed", "Jun 23 Tue", "Tue 23 Jun Park", "Tue 23 Jun 2025 Park", "2025 Jun said no"} {
		if _, found := rd.Find(s); !found {
			t.Errorf("the guard let %q through", s)
		}
	}
}
