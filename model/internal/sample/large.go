package sample

import (
	"sync"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// LargeDossier is the large dossier: 300 stakeholders, 20,000 conversations, with
// objections, blind spots and history in proportion (LargeWorkbook makes 30
// of each kind). Built once and shared by the benchmarks.
var LargeDossier = sync.OnceValue(func() model.Dossier {
	wb := demo.LargeWorkbook(PropToday, demo.LargeOptions{Proposals: 1, Stakeholders: 300, Conversations: 20_000, Seed: 7})
	return model.DossierFromWorkbook(wb, wb.Proposals[0].ID)
})
