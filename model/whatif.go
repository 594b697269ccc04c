package model

import (
	"fmt"
	"strings"
)

// WhatIf is one hypothetical change to a room: another stance for someone
// (as if read in a conversation today), or someone absent when the forum
// meets. What-ifs live only in memory; nothing about them is saved.
type WhatIf struct {
	StakeholderID int64 `json:"stakeholder_id"`
	// Stance is the stance to try; ignored when Absent.
	Stance Stance `json:"stance"`
	// Absent takes the person out of the room: no vote, no veto, no voice.
	Absent bool `json:"absent"`
}

// Describe says a what-if in words, naming the person as the dossier does:
// "Dana Reyes is a supporter", "Sam Ortiz is absent".
func (w WhatIf) Describe(d Dossier) string {
	name := fmt.Sprintf("stakeholder #%d", w.StakeholderID)
	for _, s := range d.Stakeholders {
		if s.ID == w.StakeholderID {
			if c, ok := d.Contacts[s.ContactID]; ok && Clean(c.Name) != "" {
				name = Clean(c.Name)
			}
		}
	}
	if w.Absent {
		return name + " is absent"
	}
	return name + " is " + StanceNoun(w.Stance)
}

// ParseWhatIf reads "NAME=STANCE" or "NAME=absent" against the proposal's
// people: NAME is a full name, a unique part of one, or a stakeholder ID.
func ParseWhatIf(d Dossier, spec string) (WhatIf, error) {
	name, value, ok := strings.Cut(spec, "=")
	name, value = strings.TrimSpace(name), strings.TrimSpace(value)
	if !ok || name == "" || value == "" {
		return WhatIf{}, fmt.Errorf("what-if %q: write NAME=STANCE (for example \"Dana=supporter\") or NAME=absent", spec)
	}
	id, err := findStakeholder(d, name)
	if err != nil {
		return WhatIf{}, fmt.Errorf("what-if %q: %w", spec, err)
	}
	if strings.EqualFold(value, "absent") {
		return WhatIf{StakeholderID: id, Absent: true}, nil
	}
	st, err := ParseStance(value)
	if err != nil {
		return WhatIf{}, fmt.Errorf("what-if %q: %w, or absent", spec, err)
	}
	return WhatIf{StakeholderID: id, Stance: st}, nil
}

// findStakeholder matches a name (whole, or a unique word of it, any case)
// or an ID against the proposal's stakeholders.
func findStakeholder(d Dossier, name string) (int64, error) {
	key := strings.ToLower(name)
	var whole, part []int64
	var names []string
	for _, s := range d.Stakeholders {
		full := Clean(d.Contacts[s.ContactID].Name)
		names = append(names, full)
		lower := strings.ToLower(full)
		switch {
		case lower == key || fmt.Sprint(s.ID) == name:
			whole = append(whole, s.ID)
		case strings.HasPrefix(lower, key) || containsWord(lower, key):
			part = append(part, s.ID)
		}
	}
	switch {
	case len(whole) == 1:
		return whole[0], nil
	case len(whole) == 0 && len(part) == 1:
		return part[0], nil
	case len(whole)+len(part) > 1:
		return 0, fmt.Errorf("%q matches more than one person; write more of the name", name)
	}
	if len(names) == 0 {
		return 0, fmt.Errorf("the proposal has nobody named yet")
	}
	return 0, fmt.Errorf("nobody called %q in this proposal; the people are %s", name, ListSome(names, 6))
}

// containsWord reports whether key is a whole word or the start of one in s.
func containsWord(s, key string) bool {
	for _, f := range strings.Fields(s) {
		if strings.HasPrefix(f, key) {
			return true
		}
	}
	return false
}
