package db

import (
	"context"
	"errors"
	"testing"

	"github.com/backchannel/backchannel/model"
)

func TestFindProposal(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	titles := []struct {
		title  string
		status model.Status
	}{
		{"Budget 2027", model.StatusDraft},           // 1
		{"Budget ask for data", model.StatusDraft},   // 2
		{"Reorg of platform", model.StatusPrewiring}, // 3
		{"Governance change", model.StatusArchived},  // 4
		{"Governance charter", model.StatusDraft},    // 5
		{"2026", model.StatusDraft},                  // 6: a title that looks like an id
		{"Élan vital", model.StatusDraft},            // 7
	}
	for _, tt := range titles {
		_, err := s.CreateProposal(ctx, model.Proposal{Title: tt.title, Status: tt.status})
		mustNoErr(t, err)
	}
	cases := []struct {
		ref    string
		wantID int64
		want   error
		msg    string
	}{
		{ref: "3", wantID: 3},
		{ref: "#2", wantID: 2},
		{ref: "2026", wantID: 6}, // no proposal 2026, so the title matches
		{ref: "budget 2027", wantID: 1},
		{ref: "  REORG of PLATFORM ", wantID: 3},
		{ref: "reo", wantID: 3},
		{ref: "élan", wantID: 7},
		{ref: "gov", wantID: 5}, // "Governance change" is archived
		{ref: "budget", want: ErrAmbiguous, msg: `"budget" matches 2 proposals: #1 "Budget 2027", #2 "Budget ask for data"; use the id or more of the name`},
		{ref: "budget a", wantID: 2},
		{ref: "governance change", wantID: 4}, // an exact title finds an archived one
		{ref: "re", want: ErrAmbiguous, msg: `"re" is too short to pick one of the proposals by the start of a name (3 characters at least); it could be #3 "Reorg of platform"; use the id or the whole name`},
		{ref: "nothing like it", want: ErrNotFound, msg: `no proposal matches "nothing like it"`},
		{ref: "99", want: ErrNotFound, msg: `no proposal matches "99"`},
		{ref: "", want: ErrNotFound},
	}
	for _, c := range cases {
		t.Run(c.ref, func(t *testing.T) {
			p, err := s.FindProposal(ctx, c.ref)
			if c.want != nil {
				if !errors.Is(err, c.want) {
					t.Fatalf("got %+v, %v; want %v", p, err, c.want)
				}
				if c.msg != "" && err.Error() != c.msg {
					t.Errorf("message:\n got %q\nwant %q", err, c.msg)
				}
				return
			}
			if err != nil || p.ID != c.wantID {
				t.Errorf("got #%d %q, %v; want #%d", p.ID, p.Title, err, c.wantID)
			}
		})
	}
}

func TestFindContact(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	people := []model.Contact{
		{Name: "Dana Reyes", Email: "dana@example.com"},       // 1
		{Name: "Dan Brown", Email: "dbrown@example.com"},      // 2
		{Name: "Marcus Oyelaran"},                             // 3
		{Name: "Priya Natarajan", Email: "PRIYA@example.com"}, // 4
		{Name: "Priya Shah", Archived: true},                  // 5
		{Name: "Same Name"},                                   // 6
		{Name: "same name"},                                   // 7
		{Name: "Raj Patel"},                                   // 8
	}
	for _, c := range people {
		_, err := s.CreateContact(ctx, c)
		mustNoErr(t, err)
	}
	cases := []struct {
		ref    string
		wantID int64
		want   error
	}{
		{ref: "3", wantID: 3},
		{ref: "dana reyes", wantID: 1},
		{ref: "dan", want: ErrAmbiguous},
		{ref: "dan b", wantID: 2},
		{ref: "priya@EXAMPLE.com", wantID: 4},
		{ref: "dbrown@example.com", wantID: 2},
		{ref: "mar", wantID: 3},
		{ref: "priya", wantID: 4}, // Priya Shah is archived
		{ref: "same name", want: ErrAmbiguous},
		{ref: "zed", want: ErrNotFound},
		{ref: "#42", want: ErrNotFound},
		// Issue 8, finding 2: "R" picked Raj. A prefix under three
		// characters never picks anyone, even when only one name fits.
		{ref: "R", want: ErrAmbiguous},
		{ref: "ra", want: ErrAmbiguous},
		{ref: "raj", wantID: 8},
		{ref: "8", wantID: 8},
		{ref: "raj patel", wantID: 8},
	}
	for _, c := range cases {
		t.Run(c.ref, func(t *testing.T) {
			got, err := s.FindContact(ctx, c.ref)
			if c.want != nil {
				if !errors.Is(err, c.want) {
					t.Errorf("got %+v, %v; want %v", got, err, c.want)
				}
				return
			}
			if err != nil || got.ID != c.wantID {
				t.Errorf("got #%d %q, %v; want #%d", got.ID, got.Name, err, c.wantID)
			}
		})
	}
}
