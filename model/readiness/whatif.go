package readiness

import "github.com/backchannel/backchannel/model"

// whatIfAbsent marks, inside an assessment only, someone a what-if takes
// out of the room. It is not a value a store ever holds: a debrief's
// "absent" records the past and leaves readiness alone.
const whatIfAbsent model.Acted = -1

// applyWhatIf changes people in place and reports whose stance is assumed
// read today. A later what-if for the same person wins.
func applyWhatIf(people []model.Stakeholder, ws []model.WhatIf) map[int64]bool {
	if len(ws) == 0 {
		return nil
	}
	assumed := map[int64]bool{}
	for _, w := range ws {
		for k := range people {
			s := &people[k]
			if s.ID != w.StakeholderID {
				continue
			}
			if w.Absent {
				s.Acted, s.Votes, s.Veto = whatIfAbsent, false, false
				delete(assumed, s.ID)
				continue
			}
			s.Stance, s.Acted = w.Stance, model.ActedUnknown
			assumed[s.ID] = true
		}
	}
	return assumed
}
