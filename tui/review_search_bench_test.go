package tui

import (
	"testing"

	"github.com/backchannel/backchannel/db"
)

// searchTyped is what BenchmarkTUIObjectionsSearchKey types, a letter at a
// time, and then takes back with backspace: a query that first matches every
// generated objection ("Generated objection 12.") and narrows to a few.
const searchTyped = "objection 12"

// BenchmarkTUIObjectionsSearchKey is one key typed into the objections
// screen's live search on issue 13's workbooks, Update and View together:
// every letter of searchTyped, then as many backspaces, each key timed on its
// own (budget ≤ 16 ms, one frame). Unlike BenchmarkTUIKey/objections-search
// (one letter over an empty query) it times the narrowing and the widening
// a person types.
func BenchmarkTUIObjectionsSearchKey(b *testing.B) {
	eachShape(b, func(b *testing.B, store *db.Store) {
		d := newDriver(b, store, 80, 24)
		d.press("o", "/")
		if d.app.state() != screenObjections || !d.app.objections.Searching {
			b.Fatal("the objections search did not open")
		}
		var keys []any
		for _, r := range searchTyped {
			if r == ' ' {
				keys = append(keys, keyMsg("space"))
				continue
			}
			keys = append(keys, keyMsg(string(r)))
		}
		for range searchTyped {
			keys = append(keys, keyMsg("backspace"))
		}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			d.app.Update(keys[i%len(keys)])
			_ = d.app.View()
			i++
		}
		if d.app.state() != screenObjections {
			b.Fatal("the search left the objections screen")
		}
	})
}
