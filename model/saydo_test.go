package model

import "testing"

// PRODUCT.md: after the decision the debrief records how each person acted
// in the room (spoke for, spoke against, silent, absent), and "the gap
// between what they said and what they did is kept on the contact". A gap
// is a word not kept: support promised and not given, or a side taken that
// was never announced. Holding back is no gap for someone who never
// promised support, and absence is none for someone whose role keeps them
// out of the room.
func TestSayDoFromTheDebrief(t *testing.T) {
	cases := []struct {
		why    string
		stance Stance
		acted  Acted
		gap    bool
		effect SayDoEffect
		phrase string
	}{
		{"a supporter who spoke for it kept their word", StanceSupporter, ActedSpokeFor, false, SayDoHelped, "said supporter, spoke for it"},
		{"a supporter who stayed silent withheld the support they promised", StanceSupporter, ActedSilent, true, SayDoWithheld, "said supporter, stayed silent"},
		{"a champion absent from a room they sit in withheld it too", StanceChampion, ActedAbsent, true, SayDoWithheld, "said champion, was absent"},
		{"a supporter who spoke against it turned", StanceSupporter, ActedSpokeAgainst, true, SayDoHurt, "said supporter, spoke against it"},
		{"a skeptic who spoke for it took a side they had not announced", StanceSkeptic, ActedSpokeFor, true, SayDoHelped, "said skeptic, spoke for it"},
		{"a skeptic who spoke against it did as they said", StanceSkeptic, ActedSpokeAgainst, false, SayDoNeutral, "said skeptic, spoke against it"},
		{"an opponent who held back broke no word", StanceOpponent, ActedSilent, false, SayDoNeutral, "said opponent, stayed silent"},
		{"a neutral who spoke against it took a side", StanceNeutral, ActedSpokeAgainst, true, SayDoHurt, "said neutral, spoke against it"},
		{"a neutral who spoke for it took a side", StanceNeutral, ActedSpokeFor, true, SayDoHelped, "said neutral, spoke for it"},
		{"a neutral who was absent broke no word", StanceNeutral, ActedAbsent, false, SayDoNeutral, "said neutral, was absent"},
		{"a stance never read cannot be broken", StanceUnknown, ActedSpokeAgainst, false, SayDoNeutral, "stance never read, spoke against it"},
		{"nothing recorded is nothing judged", StanceSupporter, ActedUnknown, false, SayDoUnjudged, "not recorded"},
	}
	for _, c := range cases {
		r := ReadSayDo(Stakeholder{Role: RoleInRoom, Stance: c.stance, Acted: c.acted})
		if r.Gap != c.gap || r.Effect != c.effect || r.Phrase != c.phrase || r.Recorded != (c.acted != ActedUnknown) {
			t.Errorf("%s: got %+v, want gap %v effect %d %q", c.why, r, c.gap, c.effect, c.phrase)
		}
	}
	for _, role := range []Role{RoleInfluencer, RoleImplementer, RoleAffected} {
		if r := ReadSayDo(Stakeholder{Role: role, Stance: StanceChampion, Acted: ActedAbsent}); r.Gap || !r.Recorded {
			t.Errorf("a %s is never in the room, so their absence is no gap: got %+v", role, r)
		}
	}
	if r := ReadSayDo(Stakeholder{Role: RoleDecisionMaker, Stance: StanceChampion, Acted: ActedAbsent}); !r.Gap {
		t.Error("a decision-maker who said champion and was absent broke their word")
	}
}

// The cells a table shows for the rule read without colour.
func TestSayDoCells(t *testing.T) {
	silent := ReadSayDo(Stakeholder{Role: RoleInRoom, Stance: StanceSupporter, Acted: ActedSilent})
	kept := ReadSayDo(Stakeholder{Role: RoleInRoom, Stance: StanceSupporter, Acted: ActedSpokeFor})
	unread := ReadSayDo(Stakeholder{Role: RoleInRoom, Stance: StanceUnknown, Acted: ActedSilent})
	none := ReadSayDo(Stakeholder{Role: RoleInRoom, Stance: StanceSupporter})
	for _, c := range []struct {
		r           SayDo
		acted       Acted
		verdict, mk string
	}{
		{silent, ActedSilent, "gap: stayed silent", "≠"},
		{kept, ActedSpokeFor, "as they said", "="},
		{unread, ActedSilent, "stance never read", "="},
		{none, ActedUnknown, "—", ""},
	} {
		if v, m := c.r.Verdict(c.acted), c.r.Mark(); v != c.verdict || m != c.mk {
			t.Errorf("%q: verdict %q mark %q, want %q %q", c.r.Phrase, v, m, c.verdict, c.mk)
		}
	}
}
