package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
)

// importStore is a workbook on disk with one contact, for the import, which
// the fake store does not offer.
func importStore(t *testing.T) *db.Store {
	t.Helper()
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(t.TempDir(), "workbook.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if _, err := store.CreateContact(ctx, model.Contact{Name: "Dana Reyes", Org: "Northwind", Email: "dana@x.example"}); err != nil {
		t.Fatal(err)
	}
	return store
}

func writeFile(t *testing.T, name, data string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestContactsImportPreviewsThenImportsInOneStep(t *testing.T) {
	store := importStore(t)
	file := writeFile(t, "Connections.csv", "\ufeffNotes:\n\"Some emails are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"+
		"Dana,Reyes,https://x,,Northwind,CFO,12 Mar 2024\nZoë,Ångström,https://y,zoe@x.example,Initech,Analyst,01 Feb 2023\n,,,,,,\n")
	d := newDriver(t, store, 100, 30)
	d.press("c", "i")
	d.mustSee("Import contacts", "File", "Encoding")
	d.send(tea.PasteMsg{Content: file})
	d.press("enter")
	d.mustSee("Import contacts › Connections.csv", "LinkedIn Connections", "1 new contact, 1 duplicate, 0 skipped",
		"line 5", "duplicate of #1 Dana Reyes", "same name; fills title", "line 6", "new", "Zoë Ångström · Analyst · Initech")
	// Nothing is written by the preview.
	if all, _ := store.ListContacts(context.Background(), true); len(all) != 1 {
		t.Fatalf("the preview wrote %d contacts", len(all))
	}
	d.press("enter")
	d.mustSee("Imported 1 new contact from Connections.csv; filled in 1 known contact.", "2 contacts")
	all, _ := store.ListContacts(context.Background(), true)
	if len(all) != 2 {
		t.Fatalf("%d contacts after the import", len(all))
	}
	for _, c := range all {
		if c.Name == "Dana Reyes" && c.Title != "CFO" {
			t.Errorf("Dana was not filled in: %+v", c)
		}
	}
	// The import is one step: u takes all of it back.
	d.press("u")
	d.mustSee("1 contact")
	if all, _ := store.ListContacts(context.Background(), true); len(all) != 1 || all[0].Title != "" {
		t.Fatalf("after u: %+v", all)
	}
}

func TestContactsImportRefusalStaysOnTheFileField(t *testing.T) {
	store := importStore(t)
	file := writeFile(t, "cut.vcf", "BEGIN:VCARD\nFN:Cut \x1b[31mOff\n")
	d := newDriver(t, store, 80, 24)
	d.press("c", "i")
	d.typ(file)
	d.press("enter")
	d.mustSee("cut.vcf, line 1: the card that begins here is never closed")
	if strings.Contains(d.app.View().Content, "\x1b[31mOff") {
		t.Fatal("the file's escape sequence reached the screen")
	}
	// q is typed into the field, not taken as quit.
	d.press("q")
	if d.app.state() != screenContacts || !strings.Contains(d.app.contacts.imp.path.Value(), "cut.vcfq") {
		t.Fatal("q was not typed into the file field")
	}
	d.press("esc")
	d.mustSee("1 contact")
	d.mustNotSee("Import contacts")
}

func TestContactsImportEscFromThePreviewGoesBackToTheFile(t *testing.T) {
	store := importStore(t)
	file := writeFile(t, "a.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Omar Haddad\nEND:VCARD\n")
	d := newDriver(t, store, 80, 24)
	d.press("c", "i")
	d.typ(file)
	d.press("enter")
	d.mustSee("1 new contact, 0 duplicates, 0 skipped")
	d.press("esc")
	d.mustSee("Import contacts", "File")
	d.press("esc", "esc")
	if d.app.state() != screenDashboard {
		t.Fatal("esc did not leave the contacts")
	}
	if all, _ := store.ListContacts(context.Background(), true); len(all) != 1 {
		t.Fatalf("a cancelled import wrote %d contacts", len(all))
	}
}

// goldenImportStore has the person outlook.csv's first row duplicates.
func goldenImportStore(t testing.TB) Store {
	t.Helper()
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(t.TempDir(), "workbook.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if _, err := store.CreateContact(ctx, model.Contact{Name: "Dana Reyes", Org: "Northwind Traders", Email: "dana.reyes@northwind.example"}); err != nil {
		t.Fatal(err)
	}
	return store
}

// The import's screens, with the fixtures' relative paths so the frames are
// the same on every machine.
var importScenarios = []scenario{
	{"import_ask", goldenImportStore, func(d *driver) {
		d.press("c", "i")
		d.typ("../internal/contactfile/testdata/dialects/outlook.csv")
	}},
	{"import_preview", goldenImportStore, func(d *driver) {
		d.press("c", "i")
		d.typ("../internal/contactfile/testdata/dialects/outlook.csv")
		d.press("enter")
	}},
	{"import_refused", goldenImportStore, func(d *driver) {
		d.press("c", "i")
		d.typ("../internal/contactfile/testdata/corpus/csv/thunderbird/tab_comma_mixed.csv")
		d.press("enter")
	}},
}

func TestGoldenImport(t *testing.T) { runGolden(t, importScenarios) }
