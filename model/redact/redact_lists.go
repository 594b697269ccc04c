package redact

import (
	"github.com/backchannel/backchannel/model"
)

// NewListRedactor labels the people of a list across proposals: "Person A",
// "Person B"… in the order the rows first name them (a role label would
// differ from one proposal to the next), then everyone else in the
// directory as "Other person A"…
func NewListRedactor(dir model.Directory, ids []int64) *Redactor {
	rd := &Redactor{labels: map[int64]string{}, terms: map[rune][]*redactTerm{}, people: dir.Contacts}
	n := 0
	for _, id := range ids {
		if _, done := rd.labels[id]; !done && id != 0 {
			rd.labels[id] = "Person " + letters(n)
			rd.order = append(rd.order, id)
			n++
		}
	}
	n = 0
	for _, id := range sortedIDs(dir.Contacts) {
		if _, done := rd.labels[id]; !done {
			rd.labels[id] = "Other person " + letters(n)
			rd.order = append(rd.order, id)
			n++
		}
	}
	rd.build()
	return rd
}
