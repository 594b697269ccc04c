package db

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/backchannel/backchannel/model"
)

// A store opened with OneConnection (what `log` opens) reads through the
// writer's connection: SQLite opens one connection and parses the schema
// once. It reads, writes and reads again what it wrote, with a stance, an
// objection and a blind spot in the same action, all within a deadline: a
// read waiting for the one connection a write holds would never return.
func TestOneConnectionStoreReadsThroughTheWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workbook.db")
	setup, err := OpenWithClock(context.Background(), path, newTestClock().Now)
	mustNoErr(t, err)
	f := buildFixture(t, setup)
	mustNoErr(t, setup.Close())

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := OpenWith(ctx, path, Options{OneConnection: true, Now: newTestClock().Now})
	mustNoErr(t, err)
	defer func() { mustNoErr(t, s.Close()) }()
	if s.r != s.w {
		t.Fatal("a one-connection store has a pool of readers beside its writer")
	}
	if n := s.w.Stats().MaxOpenConnections; n != 1 {
		t.Fatalf("the writer may open %d connections, want 1", n)
	}

	before, err := s.LoadDossier(ctx, f.proposal.ID)
	mustNoErr(t, err)
	c, err := s.FindContact(ctx, "Dana")
	mustNoErr(t, err)
	if c.ID != f.dana.ID {
		t.Fatalf("found contact %d for Dana, want %d", c.ID, f.dana.ID)
	}
	stance := model.StanceSupporter
	conv, err := s.RecordConversation(ctx, model.Conversation{
		Touchpoint: model.Touchpoint{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 20), Kind: model.TouchAsk, Sentiment: 1},
		Objections: []model.Objection{{Text: "Budget is tight", Severity: 2}},
		BlindSpots: []model.BlindSpot{{Text: "Who signs off in legal?"}},
		Stance:     &stance,
	})
	mustNoErr(t, err)
	after, err := s.LoadDossier(ctx, f.proposal.ID)
	mustNoErr(t, err)
	if len(after.Touchpoints) != len(before.Touchpoints)+1 || len(after.Objections) != len(before.Objections)+1 ||
		len(after.BlindSpots) != len(before.BlindSpots)+1 {
		t.Fatalf("after logging: %d conversations, %d objections, %d blind spots; before: %d, %d, %d",
			len(after.Touchpoints), len(after.Objections), len(after.BlindSpots),
			len(before.Touchpoints), len(before.Objections), len(before.BlindSpots))
	}
	got, err := s.GetTouchpoint(ctx, conv.Touchpoint.ID)
	mustNoErr(t, err)
	if got.StakeholderID != f.sDana.ID || got.Sentiment != 1 {
		t.Errorf("read back conversation %+v", got)
	}
	if ctx.Err() != nil {
		t.Fatal("the one-connection store waited for itself")
	}
}
