package readiness

import (
	"strconv"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

func demoCalendar(t *testing.T, opts CalendarOptions) ([]CalendarEvent, model.Workbook) {
	t.Helper()
	today := model.NewDate(2026, 12, 1)
	wb := demo.Workbook(today)
	var ds []model.Dossier
	for _, p := range wb.Proposals {
		ds = append(ds, model.DossierFromWorkbook(wb, p.ID))
	}
	evs, err := BuildCalendar(ds, wb.Contacts, opts)
	if err != nil {
		t.Fatal(err)
	}
	return evs, wb
}

// Titles read "Coffee: Decision-maker A — warehouse": the venue, the role
// label and the proposal's short name; --names puts the name in.
func TestCalendarTitlesUseRoleLabels(t *testing.T) {
	evs, wb := demoCalendar(t, CalendarOptions{})
	var marcus model.Stakeholder
	for _, s := range wb.Stakeholders {
		if wb.Contacts[indexOfContact(wb, s.ContactID)].Name == "Marcus Oyelaran" {
			marcus = s
		}
	}
	var title string
	for _, e := range evs {
		if strings.HasPrefix(e.UID, "talk-"+itoa64(marcus.ID)+"-") {
			title = e.Summary
		}
	}
	if !strings.HasPrefix(title, "Coffee: ") || !strings.HasSuffix(title, " — warehouse") || strings.Contains(title, "Marcus") {
		t.Errorf("Marcus's talk is titled %q", title)
	}
	named, _ := demoCalendar(t, CalendarOptions{Names: true})
	found := false
	for _, e := range named {
		found = found || e.Summary == "Coffee: Marcus Oyelaran — Consolidate onto one data warehouse"
	}
	if !found {
		t.Error("with names, Marcus's talk is not titled with his name and the whole title")
	}
	uids := map[string]bool{}
	for _, e := range evs {
		if uids[e.UID] {
			t.Errorf("UID %s used twice", e.UID)
		}
		uids[e.UID] = true
	}
	for _, e := range named {
		if !uids[e.UID] {
			t.Errorf("UID %s differs between the named and the unnamed calendar", e.UID)
		}
	}
}

func indexOfContact(wb model.Workbook, id int64) int {
	for i, c := range wb.Contacts {
		if c.ID == id {
			return i
		}
	}
	return 0
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

func TestShortTitle(t *testing.T) {
	for in, want := range map[string]string{
		"Consolidate onto one data warehouse":             "warehouse",
		"Give the employee council a board observer seat": "observer seat",
		"Hire a VP of Sales":                              "Sales",
		"the of a":                                        "proposal",
		"Q1 budget!":                                      "budget",
	} {
		if got := ShortTitle(in); got != want {
			t.Errorf("ShortTitle(%q) = %q, want %q", in, got, want)
		}
	}
}
