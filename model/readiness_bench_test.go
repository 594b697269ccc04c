package model

import (
	"sync"
	"testing"
)

// The large dossier: 300 stakeholders, 20,000 conversations, with
// objections, blind spots and history in proportion (LargeWorkbook makes 30
// of each kind). Built once and shared by the benchmarks.
var largeDossier = sync.OnceValue(func() Dossier {
	wb := LargeWorkbook(propToday, LargeOptions{Proposals: 1, Stakeholders: 300, Conversations: 20_000, Seed: 7})
	return DossierFromWorkbook(wb, wb.Proposals[0].ID)
})

func BenchmarkAssess(b *testing.B) {
	d := largeDossier()
	if len(d.Stakeholders) != 300 || len(d.Touchpoints) != 20_000 {
		b.Fatalf("large dossier has %d stakeholders and %d conversations", len(d.Stakeholders), len(d.Touchpoints))
	}
	b.ReportAllocs()
	for b.Loop() {
		Assess(d, propToday)
	}
}

func BenchmarkBrief(b *testing.B) {
	d := largeDossier()
	r := Assess(d, propToday)
	b.ReportAllocs()
	for b.Loop() {
		Brief(d, r, BriefOptions{Today: propToday})
	}
}

func BenchmarkBriefRedacted(b *testing.B) {
	d := largeDossier()
	r := Assess(d, propToday)
	b.ReportAllocs()
	for b.Loop() {
		Brief(d, r, BriefOptions{Today: propToday, Redact: true})
	}
}

// BenchmarkRedactedBrief is what brief --redact does: redaction, the
// sponsor edition and the independent leak guard over the output.
func BenchmarkRedactedBrief(b *testing.B) {
	d := largeDossier()
	r := Assess(d, propToday)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RedactedBrief(d, r, BriefOptions{Today: propToday}, false); err != nil {
			b.Fatal(err)
		}
	}
}
