package readiness

import (
	"testing"

	"github.com/backchannel/backchannel/model/internal/sample"
)

func BenchmarkAssess(b *testing.B) {
	d := sample.LargeDossier()
	if len(d.Stakeholders) != 300 || len(d.Touchpoints) != 20_000 {
		b.Fatalf("large dossier has %d stakeholders and %d conversations", len(d.Stakeholders), len(d.Touchpoints))
	}
	b.ReportAllocs()
	for b.Loop() {
		Assess(d, sample.PropToday)
	}
}
