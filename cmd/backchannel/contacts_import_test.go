package main

import (
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

func TestParseContactsCSV(t *testing.T) {
	data := "\ufeffName,Title,Company,Email,Kind,Discretion,Notes\n" +
		"Dana Reyes,CFO,Finance,dana@x.example,influencer,high,\"Prefers memos, not slides\"\n" +
		"\"Ana \"\"Nan\"\" Ng\",Staff Engineer,Platform,,peer,med,\"two\nlines\"\n"
	got, err := parseContactsCSV([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d contacts", len(got))
	}
	want0 := model.Contact{Name: "Dana Reyes", Title: "CFO", Org: "Finance", Email: "dana@x.example", Kind: model.PartnerInfluencer, Discretion: model.DiscretionHigh, Notes: "Prefers memos, not slides"}
	if got[0] != want0 {
		t.Errorf("row 1: got %+v", got[0])
	}
	if got[1].Name != `Ana "Nan" Ng` || got[1].Kind != model.PartnerLateral || got[1].Discretion != model.DiscretionMedium || got[1].Notes != "two\nlines" {
		t.Errorf("row 2: got %+v", got[1])
	}
}

func TestParseContactsCSVErrorsNameTheLine(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"empty", "", "empty"},
		{"no name column", "title,email\nCFO,a@b\n", "line 1: the header has no name column"},
		{"unknown column", "name,shoe size\nA,42\n", `line 1: unknown column "shoe size"`},
		{"empty name", "name,title\nA,B\n  ,CFO\n", "line 3: name must not be empty"},
		{"bad enum", "name,kind\nA,lateral\nB,frenemy\n", `line 3: unknown partner kind "frenemy"`},
		{"ragged row", "name,title\nA,B\nC\n", "line 3: wrong number of fields"},
		{"bad quote", "name,title\nA,\"B\n", "line"},
		{"header only", "name,title\n", "no contacts"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseContactsCSV([]byte(c.data))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want it to contain %q", err, c.want)
			}
			if got != nil {
				t.Fatal("a bad file must yield nothing to import")
			}
		})
	}
}

func TestParseVCards(t *testing.T) {
	data := "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Reyes;Dana;;;\r\nFN:Dana Reyes\r\nTITLE:Chief Financial\r\n  Officer\r\nORG:Northwind;Finance\r\nitem1.EMAIL;TYPE=INTERNET:dana@x.example\r\nEMAIL:other@x.example\r\nNOTE:Memos\\, not slides\\nTwo lines\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\nVERSION:2.1\nN:Ng;Ana\nEND:VCARD\n"
	got, err := parseVCards([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d cards", len(got))
	}
	want := model.Contact{Name: "Dana Reyes", Title: "Chief Financial Officer", Org: "Northwind", Email: "dana@x.example", Notes: "Memos, not slides\nTwo lines"}
	if got[0] != want {
		t.Errorf("card 1: got %+v", got[0])
	}
	if got[1].Name != "Ana Ng" {
		t.Errorf("card 2 should take its name from N: %+v", got[1])
	}
}

func TestParseVCardsErrorsNameTheLine(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"truncated", "BEGIN:VCARD\nFN:A\n", "line 1: the card is never closed"},
		{"no name", "BEGIN:VCARD\nEMAIL:a@b\nEND:VCARD\n", "card on line 1: name must not be empty"},
		{"stray end", "END:VCARD\n", "line 1: END:VCARD without BEGIN"},
		{"nested", "BEGIN:VCARD\nBEGIN:VCARD\n", "line 2: BEGIN:VCARD inside"},
		{"garbage", "BEGIN:VCARD\nhello world\nEND:VCARD\n", "line 2: expected PROPERTY:value"},
		{"outside", "FN:A\n", "line 1: FN outside"},
		{"none", "\n\n", "no cards"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseVCards([]byte(c.data))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want it to contain %q", err, c.want)
			}
			if got != nil {
				t.Fatal("a bad file must yield nothing to import")
			}
		})
	}
}
