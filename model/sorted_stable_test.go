package model

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
)

// sortedStable gives exactly sort.SliceStable's order, ties included, which
// the objection and blind-spot lists were sorted with before.
func TestSortedStableIsSliceStablesOrder(t *testing.T) {
	type row struct{ key, seq int }
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		rows := make([]row, n)
		for i := range rows {
			rows[i] = row{key: r.IntN(5), seq: i}
		}
		less := func(a, b row) bool { return a.key < b.key }
		want := append([]row(nil), rows...)
		sort.SliceStable(want, func(i, j int) bool { return less(want[i], want[j]) })
		got := sortedStable(rows, func(a, b *row) bool { return less(*a, *b) })
		if !reflect.DeepEqual(got, want) && n > 0 {
			t.Fatalf("%d rows: got %v, want %v", n, got, want)
		}
	}
}
