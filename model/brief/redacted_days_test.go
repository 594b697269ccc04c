package brief

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/readiness"
)

// A name that is also a month or a weekday (Jun, May, Sun) does not stop
// a redacted brief: the days the brief writes ("Tue 23 Jun") are its own
// words, not the person. This generated workbook (the one the pinned
// outputs use) has a Jun among its people and June days in its briefs; every
// edition of every proposal redacts, and no part of any name is left in it
// but the month. The conversations go back a year, so some days are written
// with their year ("Tue 23 Jun 2026" in a brief of January 2027); those
// pass too.
func TestNamesThatAreMonthsDoNotStopTheBrief(t *testing.T) {
	for _, today := range []model.Date{model.NewDate(2026, time.November, 21), model.NewDate(2027, time.January, 20)} {
		t.Run(today.String(), func(t *testing.T) { namesThatAreMonths(t, today) })
	}
}

func namesThatAreMonths(t *testing.T, today model.Date) {
	wb := demo.LargeWorkbook(today, demo.LargeOptions{Proposals: 3, Stakeholders: 12, Conversations: 80, Seed: 5})
	days := regexp.MustCompile(`\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [0-9]+ (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b(?: [0-9]{4}\b)?`)
	lastYear := regexp.MustCompile(`\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [0-9]+ (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ` + strconv.Itoa(today.Time().Year()-1) + `\b`)
	withYear := false
	var juns []string
	for _, c := range wb.Contacts {
		if strings.HasPrefix(c.Name, "Jun ") {
			juns = append(juns, c.Name)
		}
	}
	june := false
	for _, p := range wb.Proposals {
		d := model.DossierFromWorkbook(wb, p.ID)
		r := readiness.Assess(d, today)
		june = june || strings.Contains(Markdown(d, r, Options{Today: today}), " Jun")
		for _, full := range []bool{false, true} {
			for _, asJSON := range []bool{false, true} {
				out, err := Redacted(d, r, Options{Today: today, Workbook: wb.Contacts, Full: full}, asJSON)
				if err != nil {
					t.Fatalf("proposal %d (full %v, json %v): %v", p.ID, full, asJSON, err)
				}
				withYear = withYear || lastYear.Match(out)
				rest := days.ReplaceAllString(string(out), "")
				for _, c := range wb.Contacts {
					for _, part := range strings.Fields(c.Name) {
						if strings.ContainsAny(part, "0123456789") {
							continue
						}
						if regexp.MustCompile(`(?i)\b` + part + `\b`).MatchString(rest) {
							t.Errorf("proposal %d (full %v, json %v): %q of %s is in the brief", p.ID, full, asJSON, part, c.Name)
						}
					}
				}
			}
		}
	}
	if len(juns) == 0 || !june {
		t.Fatalf("no Jun among the people (%v) or no June day in the briefs (%v): the test proves nothing", juns, june)
	}
	if !withYear {
		t.Fatalf("no redacted brief writes a day of %d with its year: the test proves nothing for years", today.Time().Year()-1)
	}
}
