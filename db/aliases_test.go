package db

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// Schema 3: a contact's aliases and a conversation's heard-via are stored,
// exported (workbook format 2), imported back byte for byte, and a merge or
// a delete keeps the reference sound.
func TestAliasesAndHeardViaRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, clk := openTest(t)
	f := buildFixture(t, s)
	dana := f.dana
	dana.Aliases = " DR ;  Dee, @dreyes ,"
	dana, err := s.UpdateContact(ctx, dana)
	mustNoErr(t, err)
	if dana.Aliases != "DR, Dee, @dreyes" {
		t.Errorf("aliases stored as %q", dana.Aliases)
	}
	talk, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sMarcus.ID, Date: clk.today(), Kind: model.TouchAsk,
		HeardViaID: f.via.ID})
	mustNoErr(t, err)
	got, err := s.GetTouchpoint(ctx, talk.ID)
	mustNoErr(t, err)
	if got.HeardViaID != f.via.ID {
		t.Errorf("heard via %d, want %d", got.HeardViaID, f.via.ID)
	}
	d, err := s.LoadDossier(ctx, f.proposal.ID)
	mustNoErr(t, err)
	if _, ok := d.Contacts[f.via.ID]; !ok {
		t.Error("the dossier lacks the contact a conversation was heard via")
	}

	first := exportJSON(t, s)
	if !bytes.Contains(first, []byte(fmt.Sprintf(`"version": %d`, model.WorkbookVersion))) || !bytes.Contains(first, []byte(`"aliases": "DR, Dee, @dreyes"`)) ||
		!bytes.Contains(first, []byte(`"heard_via_id"`)) {
		t.Fatalf("export lacks the current version, aliases or heard_via_id:\n%s", first)
	}
	var back model.Workbook
	mustNoErr(t, json.Unmarshal(first, &back))
	dst, _ := openTest(t)
	mustNoErr(t, dst.Import(ctx, back))
	if second := exportJSON(t, dst); !bytes.Equal(first, second) {
		t.Errorf("export → import → export differs")
	}

	// The teller cannot be deleted while a conversation names them.
	if err := s.DeleteContact(ctx, f.via.ID); err == nil {
		t.Error("deleted a contact a conversation was heard via")
	}
	// Merging the teller moves the reference.
	_, err = s.MergeContacts(ctx, f.dana.ID, f.via.ID)
	mustNoErr(t, err)
	got, err = s.GetTouchpoint(ctx, talk.ID)
	mustNoErr(t, err)
	if got.HeardViaID != f.dana.ID {
		t.Errorf("after the merge heard via %d, want %d", got.HeardViaID, f.dana.ID)
	}
}

// An export written before aliases and heard-via (format version 1) still
// imports, and a reference to a contact that does not exist is refused.
func TestImportReadsVersionOne(t *testing.T) {
	ctx := context.Background()
	src, _ := openTest(t)
	buildFixture(t, src)
	js := exportJSON(t, src)
	v1 := strings.Replace(string(js), fmt.Sprintf(`"version": %d`, model.WorkbookVersion), `"version": 1`, 1)
	if v1 == string(js) {
		t.Fatal("the export does not say its version")
	}
	var wb model.Workbook
	mustNoErr(t, json.Unmarshal([]byte(v1), &wb))
	dst, _ := openTest(t)
	mustNoErr(t, dst.Import(ctx, wb))
	if back := exportJSON(t, dst); !bytes.Equal(back, js) {
		t.Error("a version-1 export does not import to the same workbook")
	}

	bad, _ := openTest(t)
	f := buildFixture(t, bad)
	_, err := bad.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 20), Kind: model.TouchAsk})
	mustNoErr(t, err)
	wb, err = bad.Export(ctx)
	mustNoErr(t, err)
	wb.Touchpoints[0].HeardViaID = 999
	empty, _ := openTest(t)
	if err := empty.Import(ctx, wb); err == nil || !strings.Contains(err.Error(), "heard_via_id") {
		t.Errorf("a dangling heard_via_id imported: %v", err)
	}
}
