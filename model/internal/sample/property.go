package sample

import (
	"strconv"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// PropertyCases is how many generated dossiers each property is checked on.
const PropertyCases = 2000

// PropToday is the day generated dossiers are judged on.
var PropToday = model.NewDate(2026, 11, 21)

// ForEachDossier runs check on PropertyCases generated dossiers.
func ForEachDossier(t *testing.T, seed uint64, check func(t *testing.T, g *Gen, d model.Dossier)) {
	t.Helper()
	for n := range PropertyCases {
		g := NewGen(seed+uint64(n), PropToday)
		d := g.Dossier()
		check(t, g, d)
		if t.Failed() {
			t.Fatalf("counterexample at seed %d: %s", seed+uint64(n), DescribeDossier(d))
		}
	}
}

// FirstDiff names the first line where two texts differ, for a failure message.
func FirstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for k := range min(len(al), len(bl)) {
		if al[k] != bl[k] {
			return "line " + strconv.Itoa(k+1) + ":\n- " + al[k] + "\n+ " + bl[k]
		}
	}
	return "lengths differ"
}
