package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/emersion/go-ical"
	"github.com/spf13/cobra"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/model/redact"
)

// The calendar is written with github.com/emersion/go-ical: a small,
// maintained iCalendar library (the one behind go-webdav's CalDAV) whose
// encoder checks that every event has its UID and DTSTAMP and refuses a
// value that would break a line. github.com/arran4/golang-ical, the other
// candidate, parses and writes as well but brings net/http into the binary
// (it fetches calendars by URL), and backchannel has no network code at
// all; it serves instead as the independent parser in the tests.

func (a *app) calendarCommand() *cobra.Command {
	var proposal, out string
	var names, force bool
	cmd := &cobra.Command{
		Use:   "calendar",
		Short: "Write planned talks and commitments due as an iCalendar (.ics) file",
		Long: `Write an iCalendar file with one all-day event for every planned talk that
has a date (on proposals still open) and every commitment still owed that has
a due date. Import it into any calendar; importing it again later updates the
same events instead of adding copies (each event keeps its UID).

Calendars sync to servers, so by default nobody is named: people are role
labels ("Decision-maker A", as in a redacted brief) and proposals short names
("Coffee: Decision-maker A — warehouse"), free text is redacted, and if a name
would still get through nothing is written. --names puts names in.
The file is for a calendar app to read, so it is never sealed.`,
		Example: `  backchannel calendar -o plan.ics
  backchannel calendar -p "Consolidate" --names -o warehouse.ics --force`,
		Args: exactArgs(0, "no arguments (use -p to choose a proposal)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.writeCalendar(cmd.Context(), proposal, out, names, force)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&proposal, "proposal", "p", "", "only this proposal (id, title or unique prefix)")
	fl.StringVarP(&out, "output", "o", "", "write to FILE (atomically, mode 0600) instead of stdout")
	fl.BoolVar(&names, "names", false, "name people and proposals in full (the calendar may sync to a server)")
	fl.BoolVar(&force, "force", false, "replace FILE if it exists (never a workbook)")
	return cmd
}

func (a *app) writeCalendar(ctx context.Context, proposalRef, out string, names, force bool) error {
	st, err := a.open(ctx)
	if err != nil {
		return err
	}
	opts := readiness.CalendarOptions{Names: names}
	if proposalRef != "" {
		p, err := st.FindProposal(ctx, proposalRef)
		if err != nil {
			return err
		}
		opts.ProposalID = p.ID
	}
	day, err := today()
	if err != nil {
		return err
	}
	contacts, err := st.ListContacts(ctx, true)
	if err != nil {
		return err
	}
	// One proposal at a time (as the list reads them, in one snapshot), so
	// a large workbook's logs are never all held at once.
	b := readiness.NewCalendarBuilder(contacts, opts)
	err = st.EachListDossier(ctx, day, false, b.Add)
	events := b.Events()
	var leak *redact.LeakError
	if errors.As(err, &leak) {
		return fmt.Errorf("the calendar would still name someone (%s, in %s), so nothing was written; use --names if the calendar stays private", leak.Label, leak.Field)
	}
	if err != nil {
		return err
	}
	data, err := encodeCalendar(events)
	if err != nil {
		return err
	}
	if out == "" || out == "-" {
		_, err := a.stdout.Write(guardTerminal(data))
		return err
	}
	if err := a.checkTarget(out, force); err != nil {
		return err
	}
	a.warnCloud(out)
	if err := writeFileAtomic(out, data); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "backchannel: wrote %s to %s\n", model.Plural(len(events), "event", "events"), out)
	return nil
}

// encodeCalendar writes the events as an iCalendar document. An empty
// calendar is still a valid one: it has a placeholder-free VCALENDAR with
// no events, which the library refuses, so it is written by hand.
func encodeCalendar(events []readiness.CalendarEvent) ([]byte, error) {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropProductID, "-//backchannel//planned talks//EN")
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText("X-WR-CALNAME", "backchannel: planned talks")
	for _, e := range events {
		ev := ical.NewEvent()
		ev.Props.SetText(ical.PropUID, e.UID)
		stamp := e.Stamp
		if stamp.IsZero() {
			stamp = e.Day.Time()
		}
		ev.Props.SetDateTime(ical.PropDateTimeStamp, stamp.UTC())
		ev.Props.SetDate(ical.PropDateTimeStart, e.Day.Time())
		ev.Props.SetDate(ical.PropDateTimeEnd, e.Day.AddDays(1).Time())
		ev.Props.SetText(ical.PropSummary, e.Summary)
		if e.Description != "" {
			ev.Props.SetText(ical.PropDescription, e.Description)
		}
		if e.Location != "" {
			ev.Props.SetText(ical.PropLocation, e.Location)
		}
		ev.Props.SetText(ical.PropTransparency, "TRANSPARENT") // a reminder, not busy time
		cal.Children = append(cal.Children, ev.Component)
	}
	var buf bytes.Buffer
	if len(events) == 0 {
		buf.WriteString("BEGIN:VCALENDAR\r\nCALSCALE:GREGORIAN\r\nPRODID:-//backchannel//planned talks//EN\r\nVERSION:2.0\r\nX-WR-CALNAME:backchannel: planned talks\r\nEND:VCALENDAR\r\n")
		return buf.Bytes(), nil
	}
	if err := ical.NewEncoder(&folder{w: &buf}).Encode(cal); err != nil {
		return nil, fmt.Errorf("cannot write the calendar: %w", err)
	}
	return buf.Bytes(), nil
}

// folder folds content lines longer than 75 octets, as RFC 5545 §3.1 asks
// (the encoder writes each line whole): CRLF and a space before the 76th
// octet, never inside a UTF-8 sequence. The encoder writes one whole line
// per Write.
type folder struct{ w io.Writer }

func (f *folder) Write(p []byte) (int, error) {
	line := bytes.TrimSuffix(p, []byte("\r\n"))
	var out bytes.Buffer
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		out.Write(line[:cut])
		out.WriteString("\r\n ")
		line = line[cut:]
		limit = 74 // the leading space counts
	}
	out.Write(line)
	if len(line) != len(p) {
		out.WriteString("\r\n")
	}
	if _, err := f.w.Write(out.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}
