package model

import (
	"slices"
	"testing"
)

func TestPlanContactImportFindsDuplicatesAsAPersonWould(t *testing.T) {
	existing := []Contact{
		{ID: 1, Name: "Dana Reyes", Org: "Northwind", Email: "dana@x.example"},
		{ID: 2, Name: "Ana Ng", Title: "Staff Engineer"},
		{ID: 3, Name: "José Núñez", Org: "Contoso", Archived: true},
		{ID: 4, Name: "Sam Lee", Email: "sam@a.example"},
	}
	incoming := []Contact{
		0: {Name: "D. Reyes", Email: "DANA@x.example", Title: "CFO"},       // same email, other spelling
		1: {Name: "dana  reyes", Org: "Northwind", Notes: "memos"},         // no email: same name, same org (the finding)
		2: {Name: "ana ng", Org: "Platform", Email: "ana@x.example"},       // no org or email on file: fills them
		3: {Name: "Jose Nunez", Org: "contoso"},                            // accents and case; archived still counts
		4: {Name: "Sam Lee", Email: "sam@b.example"},                       // namesake with another email: a new person
		5: {Name: "Omar Haddad", Email: "omar@x.example"},                  // new
		6: {Name: "Omar Haddad", Title: "VP Ops", Email: "OMAR@x.example"}, // earlier in the file
		7: {Name: "Dana Reyes", Org: "Fabrikam"},                           // same name, another organisation
	}
	got := PlanContactImport(existing, incoming)
	type want struct {
		action  ImportAction
		of      int64
		ofIndex int
		by      string
		fills   []string
		note    bool
	}
	wants := []want{
		{ImportDuplicate, 1, -1, "same email", []string{"title"}, false},
		{ImportDuplicate, 1, -1, "same name", []string{"notes"}, false},
		{ImportDuplicate, 2, -1, "same name", []string{"organisation", "email"}, false},
		{ImportDuplicate, 3, -1, "same name", nil, false},
		{ImportNew, 0, -1, "", nil, true},
		{ImportNew, 0, -1, "", nil, false},
		{ImportDuplicate, 0, 5, "same email", []string{"title"}, false},
		{ImportNew, 0, -1, "", nil, false},
	}
	for i, w := range wants {
		d := got[i]
		if d.Action != w.action || d.Of.ID != w.of || d.OfIndex != w.ofIndex || d.By != w.by || !slices.Equal(d.Fills, w.fills) || (d.Note != "") != w.note {
			t.Errorf("contact %d (%s): got %+v, want %+v", i, incoming[i].Name, d, w)
		}
	}
	if got[4].Note != "#4 Sam Lee has the same name and another email; not merged" {
		t.Errorf("note %q", got[4].Note)
	}
}

func TestPlanContactImportMergesFilledEmailForLaterRows(t *testing.T) {
	// Row 2 gives Ana an email; row 3 then matches Ana by that email.
	got := PlanContactImport([]Contact{{ID: 7, Name: "Ana Ng"}}, []Contact{
		{Name: "Ana Ng", Email: "ana@x.example"},
		{Name: "A. Ng", Email: "ana@x.example", Title: "Lead"},
	})
	if got[1].Action != ImportDuplicate || got[1].Of.ID != 7 || got[1].By != "same email" {
		t.Errorf("%+v", got[1])
	}
}

func TestPlanContactImportLeavesAmbiguousNamesApart(t *testing.T) {
	got := PlanContactImport([]Contact{{ID: 1, Name: "Kim Park", Org: "A"}, {ID: 2, Name: "Kim Park", Org: "B"}},
		[]Contact{{Name: "Kim Park"}, {Name: "Kim Park", Org: "b"}})
	if got[0].Action != ImportNew || got[0].Note != "2 contacts are named Kim Park; not merged" {
		t.Errorf("ambiguous: %+v", got[0])
	}
	if got[1].Action != ImportDuplicate || got[1].Of.ID != 2 {
		t.Errorf("the organisation decides: %+v", got[1])
	}
}

func TestFillContactNeverOverwrites(t *testing.T) {
	dst := Contact{ID: 3, Name: "Dana", Title: "CFO", Notes: "mine", Kind: PartnerInfluencer}
	got, filled := FillContact(dst, Contact{Name: "Other", Title: "CEO", Org: "Northwind", Notes: "theirs", Kind: PartnerLateral,
		Discretion: DiscretionHigh, CadenceDays: 14, ValueIBring: "intro"})
	want := Contact{ID: 3, Name: "Dana", Title: "CFO", Org: "Northwind", Notes: "mine", Kind: PartnerInfluencer,
		Discretion: DiscretionHigh, CadenceDays: 14, ValueIBring: "intro"}
	if got != want || !slices.Equal(filled, []string{"organisation", "value I bring", "discretion", "reconnect cadence"}) {
		t.Errorf("got %+v filled %v", got, filled)
	}
}
