package brief

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
	"github.com/backchannel/backchannel/model/readiness"
)

// Same data and same day give the same brief, byte for byte, whatever
// order the rows come in: Assess sorts everything internally.
func TestPropertySameDataSameBrief(t *testing.T) {
	sample.ForEachDossier(t, 7_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		redact := g.Chance(0.5)
		opt := Options{Today: sample.PropToday, Redact: redact}
		first := Markdown(d, readiness.Assess(d, sample.PropToday), opt)
		again := Markdown(d, readiness.Assess(d, sample.PropToday), opt)
		if first != again {
			t.Fatalf("two briefs of the same data differ")
		}
		sh := sample.Shuffled(rand.New(rand.NewPCG(uint64(len(first)), 3)), d)
		if got := Markdown(sh, readiness.Assess(sh, sample.PropToday), opt); got != first {
			t.Fatalf("shuffling the rows changed the brief:\n%s", sample.FirstDiff(first, got))
		}
		j1, err1 := json.Marshal(Data(d, readiness.Assess(d, sample.PropToday), opt))
		j2, err2 := json.Marshal(Data(sh, readiness.Assess(sh, sample.PropToday), opt))
		if err1 != nil || err2 != nil {
			t.Fatalf("brief JSON does not marshal: %v %v", err1, err2)
		}
		if string(j1) != string(j2) {
			t.Fatalf("shuffling the rows changed the JSON brief")
		}
	})
}

// Redaction changes words, never numbers: the redacted brief's readiness is
// the plain one's.
func TestPropertyRedactionKeepsTheNumbers(t *testing.T) {
	sample.ForEachDossier(t, 8_000, func(t *testing.T, _ *sample.Gen, d model.Dossier) {
		r := readiness.Assess(d, sample.PropToday)
		doc := Data(d, r, Options{Today: sample.PropToday, Redact: true})
		if doc.Score != r.Score || doc.Verdict != r.Verdict || len(doc.Risks) != len(r.Risks) || len(doc.NextActions) != len(r.NextActions) {
			t.Errorf("redacted brief says %d %s with %d risks and %d actions; plain says %d %s, %d, %d",
				doc.Score, doc.Verdict, len(doc.Risks), len(doc.NextActions), r.Score, r.Verdict, len(r.Risks), len(r.NextActions))
		}
		for k, f := range doc.Factors {
			if f.Points != r.Factors[k].Points {
				t.Errorf("factor %s: %d redacted, %d plain", f.Key, f.Points, r.Factors[k].Points)
			}
		}
	})
}
