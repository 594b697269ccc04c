// Package readiness is the readiness engine: it reads one proposal's dossier
// and answers "can I pitch this yet?" with a verdict, a score out of 100 made
// of six weighted factors, the caps on the verdict, the risks, the next
// actions, the backward schedule of talks, the room forecast, who knows,
// and the agenda and calendar across proposals.
//
// Assess is the entry point. Every factor reads the people through one
// index (Index) so that the principles in PRODUCT.md hold in one place;
// the weights and tunables are in readiness.go.
package readiness
