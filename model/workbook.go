package model

// WorkbookFormat names the export format; WorkbookVersion is bumped on any
// incompatible change (see docs/workbook-format.md).
const (
	WorkbookFormat  = "backchannel-workbook"
	WorkbookVersion = 3
)

// Workbook is the whole store as one value: what export writes and import reads.
// Slices are ordered by ID so that export → import → export is byte-identical.
type Workbook struct {
	Format       string         `json:"format"`
	Version      int            `json:"version"`
	Proposals    []Proposal     `json:"proposals"`
	Contacts     []Contact      `json:"contacts"`
	Stakeholders []Stakeholder  `json:"stakeholders"`
	Touchpoints  []Touchpoint   `json:"touchpoints"`
	Objections   []Objection    `json:"objections"`
	BlindSpots   []BlindSpot    `json:"blind_spots"`
	History      []HistoryEvent `json:"history"`
}
