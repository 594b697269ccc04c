//go:build unix

package main

import "testing"

// Issue 8, build item 3: an action whose records were changed since, outside
// backchannel's log (another program writing the file), is refused in one
// sentence and nothing is clobbered.
func TestUndoRefusesWhatWasChangedSince(t *testing.T) {
	path := demoDB(t)
	var logged struct {
		ID int64 `json:"id"`
	}
	decode(t, mustOK(t, cli(t, path, "", "log", "Marcus Oyelaran", "-p", "1", "--said", "As logged.", "--json")), &logged)
	conn := checkWorkbook(t, path)
	if _, err := conn.Exec("UPDATE touchpoints SET said = 'Changed by another program.' WHERE id = ?", logged.ID); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	before := snapshot(t, path)
	oneSentence(t, cli(t, path, "", "undo"), 1, "changed since")
	if snapshot(t, path) != before {
		t.Fatal("a refused undo changed the workbook")
	}
}
