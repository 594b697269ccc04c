package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// listedNames is the contact names in list order, as the rows hold them.
func listedNames(d *driver) []string {
	s := d.app.contacts
	out := make([]string, 0, s.list.Len())
	for _, r := range s.list.Rows() {
		out = append(out, strings.TrimSuffix(r.Cells[0], " (archived)"))
	}
	return out
}

func TestContactsOpenFromTheDashboardWithThoseNeedingAttentionFirst(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	d.press("c")
	if d.app.state() != screenContacts {
		t.Fatal("c on the dashboard did not open the contacts")
	}
	d.mustSee("14 contacts", "need attention", "sorted attention first")

	// Attention first: every flagged contact before every unflagged one,
	// each group by name.
	names := listedNames(d)
	data := d.app.contacts.data
	flagged := func(name string) bool {
		for _, c := range data.contacts {
			if c.Name == name {
				h := data.health[c.ID]
				sd, ok := data.sayDoOf(c.ID)
				return h.Due || h.AskOnly || (ok && sd.gap)
			}
		}
		t.Fatalf("no contact %q", name)
		return false
	}
	seenCalm := false
	for _, n := range names {
		if !flagged(n) {
			seenCalm = true
		} else if seenCalm {
			t.Fatalf("%s needs attention but is listed after someone who does not: %v", n, names)
		}
	}
	if !seenCalm || !flagged(names[0]) {
		t.Fatalf("the demo should have contacts with and without flags: %v", names)
	}
	// Tom said he supported the hire and stayed silent; he only ever asks.
	d.mustSee("said≠did, ask-only")

	d.press("s")
	names = listedNames(d)
	for i := 1; i < len(names); i++ {
		if strings.ToLower(names[i-1]) > strings.ToLower(names[i]) {
			t.Fatalf("s did not sort by name: %v", names)
		}
	}
	d.mustSee("sorted by name")

	d.press("esc")
	if d.app.state() != screenDashboard {
		t.Fatal("esc on the contact list did not go back to the dashboard")
	}
}

func TestContactsSearchFiltersByName(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("c", "/")
	d.typ("Rey")
	if got := listedNames(d); fmt.Sprint(got) != "[Dana Reyes]" {
		t.Fatalf("searching %q lists %v", "Rey", got)
	}
	d.typ("q")
	if d.app.contacts.list.Len() != 0 || d.quit || d.app.ask != pendingNone {
		t.Fatal("q while searching did not type into the search")
	}
	d.mustSee("Nobody’s name contains “Reyq”.")
	d.press("backspace", "enter")
	d.mustSee("“Rey”", "Dana Reyes")
	d.mustNotSee("Tom Becker")

	// Only names are searched: three people work in Finance.
	d.press("/", "ctrl+u")
	d.typ("finance")
	if d.app.contacts.list.Len() != 0 {
		t.Fatalf("searching a team lists %v", listedNames(d))
	}
	// ctrl+w drops the last word, as in the review screens' search.
	d.typ(" x")
	d.press("ctrl+w")
	if d.app.contacts.Query != "finance " {
		t.Fatalf("ctrl+w left the search %q, want %q", d.app.contacts.Query, "finance ")
	}

	// esc in a search clears it; after that, esc goes back.
	d.press("/", "esc")
	if d.app.contacts.Query != "" || d.app.contacts.list.Len() != 14 {
		t.Fatalf("esc left the search %q with %d rows", d.app.contacts.Query, d.app.contacts.list.Len())
	}
	if d.app.state() != screenContacts {
		t.Fatal("esc in the search left the screen")
	}
}

func TestContactDetailShowsHistoryAcrossProposalsAndTheSayDoGap(t *testing.T) {
	d := newDriver(t, demoStore(t), 120, 40)
	d.press("c", "/")
	d.typ("tom")
	d.press("enter", "enter")
	if d.app.contacts.mode != contactsDetail {
		t.Fatal("enter did not open the person's page")
	}
	d.mustSee(
		"Contacts › Tom Becker",
		"Director of Analytics · Analytics",
		"0 gives, 4 asks",
		"⚠ Ask-only: 4 asks and nothing given.",
		"≠ Last time, on “Hire a VP of Security”: said supporter, stayed silent.",
		"Across proposals (2)",
		"• Consolidate onto one data warehouse · prewiring",
		"stance opponent → target neutral · possible spoiler",
		"• Hire a VP of Security · approved",
		"in the room · influence 2 · target was neutral · ≠ said supporter, stayed silent",
		"Conversations (4)",
		"Said the analytics team was never asked.",
		"Value I bring: Keeping his dashboards working through the cut-over.",
	)
	// The newest conversation comes first.
	v := d.view()
	if strings.Index(v, "never asked") > strings.Index(v, "Said he'd support it.") {
		t.Fatal("conversations are not newest first")
	}

	d.press("esc")
	if d.app.contacts.mode != contactsList || d.app.state() != screenContacts {
		t.Fatal("esc on the page did not go back to the list")
	}
	if r, _ := d.app.contacts.list.Selected(); r.Cells[0] != "Tom Becker" {
		t.Fatalf("back on the list, %q is selected instead of Tom Becker", r.Cells[0])
	}
}

func TestContactDetailScrollsWhenLongerThanTheScreen(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("c", "/")
	d.typ("tom")
	d.press("enter", "enter")
	s := d.app.contacts
	if len(s.detail) <= s.height {
		t.Fatalf("Tom's page has %d lines; the test needs more than the %d shown", len(s.detail), s.height)
	}
	d.mustSee("lines 1–")
	d.press("G")
	d.mustSee("Conversations (", "Said he'd support it.")
	last := s.detailOff
	d.press("down")
	if s.detailOff != last {
		t.Fatal("the page scrolled past its end")
	}
	d.press("g")
	if s.detailOff != 0 {
		t.Fatal("g did not go back to the top")
	}
}

func TestAddAContact(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	d.press("c", "a")
	d.mustSee("Add a person to your contacts")
	d.typ("Zoë Park")
	d.press("enter")
	d.typ("Head of Sales")
	d.press("enter")
	d.typ("Revenue")
	d.press("enter")
	d.typ("zoe@northwind.example")
	d.press("enter")
	d.typ("ZP, zoe.p")
	d.press("enter")
	d.press("right", "right", "enter") // partner kind: from none yet to influencer
	d.press("right", "enter")          // discretion: from unknown to high
	d.typ("10")
	d.press("enter")
	d.typ("Pipeline numbers a week early.")
	d.press("enter")
	d.typ("Prefers a call to email.")
	d.press("enter")

	c := store.contactNamed(t, "Zoë Park")
	want := model.Contact{ID: c.ID, Name: "Zoë Park", Title: "Head of Sales", Org: "Revenue", Email: "zoe@northwind.example",
		Aliases: "ZP, zoe.p", Kind: model.PartnerInfluencer, Discretion: model.DiscretionHigh, ValueIBring: "Pipeline numbers a week early.",
		Notes: "Prefers a call to email.", CadenceDays: 10, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
	if c != want {
		t.Fatalf("saved %+v\nwant  %+v", c, want)
	}
	d.mustSee("Added Zoë Park.", "15 contacts")
	if r, _ := d.app.contacts.list.Selected(); r.ID != c.ID {
		t.Fatal("the new contact is not selected after adding")
	}
}

func TestEditAContactChangesOnlyWhatWasEdited(t *testing.T) {
	store := demoStore(t)
	dana := store.contactNamed(t, "Dana Reyes")
	d := newDriver(t, store, 80, 24)
	d.press("c", "/")
	d.typ("dana")
	d.press("enter", "enter", "e")
	d.mustSee("Edit Dana Reyes")
	d.press("enter", "enter", "enter", "enter", "enter") // name, title, org, email, other names as they are
	d.press("enter", "enter")                            // kind, discretion as they are
	d.press("ctrl+u")
	d.typ("7")
	d.press("enter", "enter", "enter", "enter") // value and notes as they are, keep

	got := store.storedContact(t, dana.ID)
	want := dana
	want.CadenceDays = 7
	if got != want {
		t.Fatalf("saved %+v\nwant  %+v", got, want)
	}
	if d.app.contacts.mode != contactsDetail {
		t.Fatal("saving an edit made from the page did not return to the page")
	}
	d.mustSee("Saved Dana Reyes: reconnect cadence changed; u undoes it.", "reconnect every 7d")
}

func TestArchivedContactsAreHiddenUnlessShown(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	d.press("c", "/")
	d.typ("mei")
	d.press("enter", "e", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "y")
	if !store.contactNamed(t, "Mei Lin").Archived {
		t.Fatal("the contact was not archived")
	}
	d.mustSee("Archived Mei Lin. Press A to show archived contacts.")
	d.press("/", "esc")
	d.mustSee("13 contacts")
	d.mustNotSee("Mei Lin")
	d.press("A")
	d.mustSee("Mei Lin (archived)", "with archived")
	d.press("A")
	d.mustNotSee("Mei Lin")
}

func TestContactFormAsksBeforeDroppingTypedInput(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	d.press("c", "a")
	d.typ("Half a na")
	d.press("esc")
	if d.app.ask != pendingBack {
		t.Fatal("esc with a typed name did not ask")
	}
	d.press("d")
	if d.app.state() != screenContacts || d.app.contacts.host.Active() {
		t.Fatal("discard did not go back to the list")
	}
	if len(store.contacts) != 14 {
		t.Fatal("discarded input was saved")
	}

	// Save on the way out: the form closes, the screen stays.
	d.press("a")
	d.typ("Ann Lee")
	d.press("esc", "s")
	if d.app.state() != screenContacts || d.app.contacts.host.Active() {
		t.Fatal("save on the way out did not close the form")
	}
	store.contactNamed(t, "Ann Lee")
}

func TestContactSaveFailureKeepsTheForm(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	d.press("c", "a")
	d.typ("Ann Lee")
	store.fail = errBoom
	d.press("enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	d.mustSee("✗ The disk is full.")
	if !d.app.contacts.host.Active() || d.app.contacts.draft.Name != "Ann Lee" {
		t.Fatal("a failed save dropped the form or what was typed")
	}
	if !d.app.contacts.dirty() {
		t.Fatal("input whose save failed does not count as unsaved")
	}
}

func TestContactTextIsCleanedBeforeDisplay(t *testing.T) {
	store := newFakeStore()
	ctx := context.Background()
	if _, err := store.CreateContact(ctx, model.Contact{Name: "Eve\x1b[31m Red\x1b]8;;http://x\x07", Title: "CTO\x1b[2J",
		Notes: "line one\nline \x1b[1mtwo\x1b[0m"}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, store, 80, 24)
	d.press("c", "enter")
	v := d.app.View().Content
	if strings.Contains(v, "\x1b[31m Red") || strings.Contains(v, "\x1b[2J") || strings.Contains(v, "\x1b]8") || strings.Contains(v, "\x1b[1mtwo") {
		t.Fatalf("escape sequences from stored text reached the screen: %q", v)
	}
	d.mustSee("Eve Red", "Notes: line one", "line two")
}

// peopleScenarios cover the Contacts and Debrief screens. Run with -update
// to rewrite the golden files, then read them as a user would.
var peopleScenarios = []scenario{
	{"contacts_list", demoBook, func(d *driver) { d.press("c") }},
	{"contacts_search", demoBook, func(d *driver) { d.press("c", "/"); d.typ("an") }},
	{"contacts_detail_tom", demoBook, func(d *driver) { d.press("c", "/"); d.typ("tom"); d.press("enter", "enter") }},
	{"contacts_detail_dana", demoBook, func(d *driver) { d.press("c", "/"); d.typ("dana"); d.press("enter", "enter") }},
	{"contacts_add", demoBook, func(d *driver) { d.press("c", "a") }},
	{"contacts_edit_work", demoBook, func(d *driver) {
		d.press("c", "/")
		d.typ("dana")
		d.press("enter", "e", "enter", "enter", "enter", "enter", "enter")
	}},
	{"contacts_edit_archive", demoBook, func(d *driver) {
		d.press("c", "/")
		d.typ("dana")
		d.press("enter", "e", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	}},
	{"contacts_empty", emptyStore, func(d *driver) { d.press("c") }},
	{"contacts_merge_picker", demoBook, func(d *driver) { d.press("c", "/"); d.typ("dana"); d.press("enter", "m") }},
	{"contacts_delete_refused", demoBook, func(d *driver) { d.press("c", "X") }},
	{"contacts_keys", demoBook, func(d *driver) { d.press("c", "?") }},
	{"debrief_recorded", demoBook, func(d *driver) { d.press("down", "down", "enter", "D") }},
	{"debrief_gap", demoBook, func(d *driver) { d.press("down", "down", "enter", "D", "down", "2", "down", "1") }},
	{"debrief_pitched", demoBook, func(d *driver) { d.press("enter", "D") }},
	{"workspace_decided", demoBook, func(d *driver) { d.press("down", "down", "enter") }},
}

func TestGoldenPeople(t *testing.T) { runGolden(t, peopleScenarios) }

// BenchmarkContactsDirectory measures the Contacts screen on a directory of
// 1,000 people: building the rows from a load, filtering as a name is typed,
// and drawing a frame.
func BenchmarkContactsDirectory(b *testing.B) {
	wb := demo.LargeWorkbook(testToday, demo.LargeOptions{Proposals: 50, Stakeholders: 20, Conversations: 60, Seed: 7})
	store := newFakeStore()
	if err := store.Import(context.Background(), wb); err != nil {
		b.Fatal(err)
	}
	d := newDriver(b, store, 120, 40)
	d.press("c")
	s := d.app.contacts
	if len(s.data.contacts) != 1000 {
		b.Fatalf("the directory has %d contacts, want 1000", len(s.data.contacts))
	}
	msg := d.app.contacts.b.loadPeople(s.seq)().(peopleLoadedMsg)
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			d.app.contacts.b.loadPeople(s.seq)()
		}
	})
	b.Run("load_sqlite", func(b *testing.B) {
		ctx := context.Background()
		real, err := db.Open(ctx, filepath.Join(b.TempDir(), "workbook.db"))
		if err != nil {
			b.Fatal(err)
		}
		defer real.Close()
		if err := real.Import(ctx, wb); err != nil {
			b.Fatal(err)
		}
		be := &backend{store: real, ctx: ctx, today: func() model.Date { return testToday }}
		for b.Loop() {
			if m := be.loadPeople(1)().(peopleLoadedMsg); m.err != nil || len(m.data.contacts) != 1000 {
				b.Fatalf("loaded %v contacts: %v", m.data, m.err)
			}
		}
	})
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			s.data = msg.data
			s.index()
			s.rebuild()
		}
	})
	b.Run("filter", func(b *testing.B) {
		for b.Loop() {
			s.Query = "ada"
			s.rebuild()
			s.Query = ""
			s.rebuild()
		}
	})
	b.Run("view", func(b *testing.B) {
		for b.Loop() {
			_ = d.app.View()
		}
	})
}
