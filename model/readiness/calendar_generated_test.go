package readiness

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/redact"
)

// generatedWorkbook is the workbook `demo --proposals 10 --stakeholders 60
// --conversations 300` writes (and one whose people recur across proposals),
// with the dossiers of its proposals.
func generatedWorkbook(contacts int) (model.Workbook, []model.Dossier) {
	today := model.NewDate(2026, 12, 1)
	wb := demo.LargeWorkbook(today, demo.LargeOptions{Proposals: 10, Stakeholders: 60, Conversations: 300, Contacts: contacts, Seed: 1})
	var ds []model.Dossier
	for _, p := range wb.Proposals {
		ds = append(ds, model.DossierFromWorkbook(wb, p.ID))
	}
	return wb, ds
}

// calendarText is every word the events show.
func calendarText(evs []CalendarEvent) string {
	var b strings.Builder
	for _, e := range evs {
		b.WriteString(e.Summary + "\n" + e.Description + "\n" + e.Location + "\n")
	}
	return b.String()
}

var monthAbbrev = map[string]bool{"Jan": true, "Feb": true, "Mar": true, "Apr": true, "May": true, "Jun": true,
	"Jul": true, "Aug": true, "Sep": true, "Oct": true, "Nov": true, "Dec": true}

// namesIn is every contact's name found in text, by a check of its own
// (neither the redactor's nor the guard's): the whole name in any case, or
// any part of it as a word written as in the name, except a month right
// after a day's number ("Tue 23 Jun" does not name Jun Kato).
func namesIn(text string, contacts []model.Contact) []string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	at := map[string][]int{}
	for i, w := range words {
		at[w] = append(at[w], i)
	}
	lower := strings.ToLower(text)
	var found []string
	for _, c := range contacts {
		var parts []string
		for _, p := range strings.Fields(c.Name) {
			if strings.ContainsFunc(p, unicode.IsLetter) {
				parts = append(parts, p)
			}
		}
		if strings.Contains(lower, strings.ToLower(strings.Join(parts, " "))) {
			found = append(found, c.Name)
			continue
		}
		for _, p := range parts {
			for _, i := range at[p] {
				afterDay := i > 0 && monthAbbrev[p] && strings.IndexFunc(words[i-1], func(r rune) bool { return !unicode.IsDigit(r) }) < 0
				if !afterDay {
					found = append(found, c.Name+" ("+p+")")
				}
			}
		}
	}
	return found
}

// Issue 10's fail-closed calendar refused every generated workbook: each
// proposal's events were read again by the next proposal's leak guard,
// which did not know the first proposal's labels and took the "AF" of
// "Implementer AF" for the initials of a contact named A… F…. The calendar
// of a generated workbook is written, whole, and names nobody.
func TestCalendarOfGeneratedWorkbookNamesNobody(t *testing.T) {
	for _, pool := range []int{0, 80} {
		wb, ds := generatedWorkbook(pool)
		evs, err := BuildCalendar(ds, wb.Contacts, CalendarOptions{})
		if err != nil {
			t.Fatalf("pool %d: the calendar of a generated workbook is refused: %v", pool, err)
		}
		perProposal := 0
		for _, d := range ds {
			one, err := BuildCalendar(ds, wb.Contacts, CalendarOptions{ProposalID: d.Proposal.ID})
			if err != nil {
				t.Fatalf("pool %d: proposal %d's calendar is refused: %v", pool, d.Proposal.ID, err)
			}
			perProposal += len(one)
		}
		if len(evs) == 0 || len(evs) != perProposal {
			t.Errorf("pool %d: %d events in the whole calendar, %d in the proposals' calendars", pool, len(evs), perProposal)
		}
		if found := namesIn(calendarText(evs), wb.Contacts); len(found) > 0 {
			t.Errorf("pool %d: the calendar names %d people, first %q", pool, len(found), found[0])
		}
		// The check above can fail: with names it finds people.
		named, err := BuildCalendar(ds, wb.Contacts, CalendarOptions{Names: true})
		if err != nil {
			t.Fatal(err)
		}
		if found := namesIn(calendarText(named), wb.Contacts); len(found) == 0 {
			t.Errorf("pool %d: the name check finds nobody in the calendar with names", pool)
		}
	}
}

// A name that does survive redaction still stops the calendar, in any
// proposal, after other proposals' events: the second proposal's redactor
// finds nobody here, and its place names a person from the first.
func TestCalendarRefusesASurvivingName(t *testing.T) {
	wb, _ := generatedWorkbook(0)
	second := wb.Proposals[1].ID
	var person model.Contact
	for _, s := range wb.Stakeholders {
		if s.ProposalID == wb.Proposals[0].ID {
			person = wb.Contacts[indexOfContact(wb, s.ContactID)]
			break
		}
	}
	name := strings.Join(strings.Fields(person.Name)[:2], " ") // "Jun Kato", without the number
	placed := false
	for i, s := range wb.Stakeholders {
		if s.ProposalID == second && !s.Plan.TargetDate.IsZero() && !s.Plan.Done {
			wb.Stakeholders[i].Plan.Place = "the café by " + name + "'s desk"
			placed = true
			break
		}
	}
	if !placed {
		t.Fatal("the second proposal has no dated planned talk")
	}
	var ds []model.Dossier
	for _, p := range wb.Proposals {
		ds = append(ds, model.DossierFromWorkbook(wb, p.ID))
	}

	// With its redactor the name is redacted and the calendar written.
	evs, err := BuildCalendar(ds, wb.Contacts, CalendarOptions{})
	if err != nil {
		t.Fatalf("the redacted place is refused: %v", err)
	}
	if found := namesIn(calendarText(evs), wb.Contacts); len(found) > 0 {
		t.Fatalf("the calendar names %q", found)
	}

	b := NewCalendarBuilder(wb.Contacts, CalendarOptions{})
	if err := b.Add(ds[0]); err != nil {
		t.Fatal(err)
	}
	cw := newCalendarWriter(ds[1], wb.Contacts, false)
	cw.rd = cw.rd.Blind()
	err = b.add(ds[1], cw)
	var leak *redact.LeakError
	if !errors.As(err, &leak) {
		t.Fatalf("a name in the place survived and the calendar was not refused: %v", err)
	}
	if !strings.Contains(calendarText(b.Events()), name) {
		t.Fatal("the blind redactor left no name: nothing was tested")
	}
	// Generated names share their parts: "Dara" alone names every Dara, so
	// the label of anyone called Dara or Sato is right.
	labels := map[string]bool{}
	for _, c := range wb.Contacts {
		for _, p := range strings.Fields(name) {
			if strings.HasPrefix(c.Name, p+" ") || strings.Contains(c.Name, " "+p+" ") {
				labels[cw.rd.Label(c.ID)] = true
			}
		}
	}
	if !labels[leak.Label] || strings.Contains(err.Error(), name) || !strings.Contains(leak.Field, "proposal 2") {
		t.Errorf("the refusal says %q (label %q, field %q); want the label of someone sharing a part of %s and the proposal, never the name",
			err, leak.Label, leak.Field, name)
	}
}
