package brief

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
	"github.com/backchannel/backchannel/model/readiness"
)

// withTextOnly is d as db.Store.LoadDossierShowing reads it: every
// conversation not in shown has no said, subtext, follow-up or creation
// time.
func withTextOnly(d model.Dossier, shown []int64) model.Dossier {
	blank := func(ts []model.Touchpoint) []model.Touchpoint {
		out := slices.Clone(ts)
		for k := range out {
			if !slices.Contains(shown, out[k].ID) {
				out[k].Said, out[k].Subtext, out[k].FollowUp, out[k].CreatedAt = "", "", "", model.Touchpoint{}.CreatedAt
			}
		}
		return out
	}
	d.Touchpoints, d.ContactTouchpoints = blank(d.Touchpoints), blank(d.ContactTouchpoints)
	return d
}

// Issue 13: a brief prints the free text of the conversations TextShown
// names and reads no other's. With every other conversation's free text
// and creation time gone (what the store reads for `brief`), every edition
// of the brief is the same, byte for byte: plain, JSON, and redacted
// (sponsor and full, markdown and JSON).
func TestPropertyBriefNeedsOnlyTheTextItShows(t *testing.T) {
	const cases = 300 // each case writes ten briefs
	hidden := 0
	for n := range cases {
		seed := 13_000 + uint64(n)
		d := sample.NewGen(seed, sample.PropToday).Dossier()
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("seed %d (%s): "+format, append([]any{seed, sample.DescribeDossier(d)}, args...)...)
		}
		shown := TextShown(d)
		if len(shown) > 10 {
			fail("TextShown names %d conversations; the recent log shows 10", len(shown))
		}
		if len(shown) < len(d.ContactTouchpoints) {
			hidden++
		}
		lean := withTextOnly(d, shown)
		r, lr := readiness.Assess(d, sample.PropToday), readiness.Assess(lean, sample.PropToday)
		opt := Options{Today: sample.PropToday}
		if got, want := Markdown(lean, lr, opt), Markdown(d, r, opt); got != want {
			fail("the brief read other conversations' text:\n%s", sample.FirstDiff(want, got))
		}
		want, _ := json.Marshal(JSONData(d, r, opt))
		got, _ := json.Marshal(JSONData(lean, lr, opt))
		if string(got) != string(want) {
			fail("the JSON brief read other conversations' text:\n%s", sample.FirstDiff(string(want), string(got)))
		}
		for _, full := range []bool{false, true} {
			for _, asJSON := range []bool{false, true} {
				opt := Options{Today: sample.PropToday, Full: full}
				want, werr := Redacted(d, r, opt, asJSON)
				got, gerr := Redacted(lean, lr, opt, asJSON)
				if string(got) != string(want) || (werr == nil) != (gerr == nil) {
					fail("the redacted brief (full %v, JSON %v) read other conversations' text (errors %v, %v):\n%s",
						full, asJSON, werr, gerr, sample.FirstDiff(string(want), string(got)))
				}
			}
		}
	}
	if hidden < cases/4 {
		t.Fatalf("only %d of %d dossiers had conversations whose text is not shown: the test is too weak", hidden, cases)
	}
}

// TextShown names the recent log's conversations: the ten latest by day,
// the later ID first among those of one day, whatever the IDs' order.
func TestTextShownIsTheRecentLog(t *testing.T) {
	m := sample.NewMini()
	dana := m.Person("Dana Reyes", model.RoleDecisionMaker, 3, model.StanceNeutral)
	days := []int{0, -5, -1, -12, -3, -3, -7, -2, -20, -4, -8, -6, -8, -30}
	for _, day := range days {
		m.Talk(*dana, day, model.TouchShare, 0)
	}
	d := m.D
	var want []int64
	for k, day := range days {
		if day >= -7 || k == 12 { // the eleventh latest is the first -8 (k 10): out
			want = append(want, d.Touchpoints[k].ID)
		}
	}
	got := TextShown(sample.Shuffled(rand.New(rand.NewPCG(1, 2)), d))
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("TextShown = %v, want %v", got, want)
	}
}
