package model_test

import (
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
)

func TestParseWhatIf(t *testing.T) {
	d := sample.FixtureDossier()
	cases := []struct {
		spec string
		want model.WhatIf
		err  string
	}{
		{"Dana=supporter", model.WhatIf{StakeholderID: 11, Stance: model.StanceSupporter}, ""},
		{"dana reyes = champion", model.WhatIf{StakeholderID: 11, Stance: model.StanceChampion}, ""},
		{"Reyes=against", model.WhatIf{StakeholderID: 11, Stance: model.StanceOpponent}, ""},
		{"Tom=absent", model.WhatIf{StakeholderID: 14, Absent: true}, ""},
		{"12=neutral", model.WhatIf{StakeholderID: 12, Stance: model.StanceNeutral}, ""},
		{"Dana", model.WhatIf{}, "NAME=STANCE"},
		{"=supporter", model.WhatIf{}, "NAME=STANCE"},
		{"Nobody=supporter", model.WhatIf{}, "nobody called"},
		{"Dana=thrilled", model.WhatIf{}, "unknown stance"},
		{"Sam=supporter", model.WhatIf{}, "nobody called"}, // Sam is a contact (a go-between), not on the proposal
	}
	for _, c := range cases {
		got, err := model.ParseWhatIf(d, c.spec)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want one containing %q", c.spec, err, c.err)
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("%q: %+v, %v; want %+v", c.spec, got, err, c.want)
		}
	}
}
