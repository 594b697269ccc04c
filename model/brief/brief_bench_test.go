package brief

import (
	"testing"

	"github.com/backchannel/backchannel/model/internal/sample"
	"github.com/backchannel/backchannel/model/readiness"
)

func BenchmarkBrief(b *testing.B) {
	d := sample.LargeDossier()
	r := readiness.Assess(d, sample.PropToday)
	b.ReportAllocs()
	for b.Loop() {
		Markdown(d, r, Options{Today: sample.PropToday})
	}
}

func BenchmarkBriefRedacted(b *testing.B) {
	d := sample.LargeDossier()
	r := readiness.Assess(d, sample.PropToday)
	b.ReportAllocs()
	for b.Loop() {
		Markdown(d, r, Options{Today: sample.PropToday, Redact: true})
	}
}

// BenchmarkRedactedBrief is what brief --redact does: redaction, the
// sponsor edition and the independent leak guard over the output.
func BenchmarkRedactedBrief(b *testing.B) {
	d := sample.LargeDossier()
	r := readiness.Assess(d, sample.PropToday)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Redacted(d, r, Options{Today: sample.PropToday}, false); err != nil {
			b.Fatal(err)
		}
	}
}
