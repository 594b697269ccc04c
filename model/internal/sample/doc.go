// Package sample holds the test fixtures the model packages share: a small
// hand-written dossier (FixtureDossier), a builder for tiny ones (Mini), a
// seeded random dossier generator with hostile text (Gen, ForEachDossier)
// and the large benchmark dossier. Only tests import it.
package sample
