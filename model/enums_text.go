// Text marshalling for every enum; keep in step with enums.go.

package model

// The enums marshal as their words so that exported workbooks read well and
// survive a reordering of the constants.

// MarshalText writes the ProposalKind as its word.
func (v ProposalKind) MarshalText() ([]byte, error) {
	return []byte(proposalKindSpec.name(int(v))), nil
}

// UnmarshalText reads the ProposalKind from its exact word.
func (v *ProposalKind) UnmarshalText(b []byte) error {
	n, err := proposalKindSpec.exact(string(b))
	*v = ProposalKind(n)
	return err
}

// MarshalText writes the Status as its word.
func (v Status) MarshalText() ([]byte, error) { return []byte(statusSpec.name(int(v))), nil }

// UnmarshalText reads the Status from its exact word.
func (v *Status) UnmarshalText(b []byte) error {
	n, err := statusSpec.exact(string(b))
	*v = Status(n)
	return err
}

// MarshalText writes the DecisionRule as its word.
func (v DecisionRule) MarshalText() ([]byte, error) {
	return []byte(decisionRuleSpec.name(int(v))), nil
}

// UnmarshalText reads the DecisionRule from its exact word.
func (v *DecisionRule) UnmarshalText(b []byte) error {
	n, err := decisionRuleSpec.exact(string(b))
	*v = DecisionRule(n)
	return err
}

// MarshalText writes the PartnerKind as its word.
func (v PartnerKind) MarshalText() ([]byte, error) { return []byte(partnerKindSpec.name(int(v))), nil }

// UnmarshalText reads the PartnerKind from its exact word.
func (v *PartnerKind) UnmarshalText(b []byte) error {
	n, err := partnerKindSpec.exact(string(b))
	*v = PartnerKind(n)
	return err
}

// MarshalText writes the Discretion as its word.
func (v Discretion) MarshalText() ([]byte, error) { return []byte(discretionSpec.name(int(v))), nil }

// UnmarshalText reads the Discretion from its exact word.
func (v *Discretion) UnmarshalText(b []byte) error {
	n, err := discretionSpec.exact(string(b))
	*v = Discretion(n)
	return err
}

// MarshalText writes the Role as its word.
func (v Role) MarshalText() ([]byte, error) { return []byte(roleSpec.name(int(v))), nil }

// UnmarshalText reads the Role from its exact word.
func (v *Role) UnmarshalText(b []byte) error {
	n, err := roleSpec.exact(string(b))
	*v = Role(n)
	return err
}

// MarshalText writes the Stance as its word.
func (v Stance) MarshalText() ([]byte, error) { return []byte(stanceSpec.name(int(v))), nil }

// UnmarshalText reads the Stance from its exact word.
func (v *Stance) UnmarshalText(b []byte) error {
	n, err := stanceSpec.exact(string(b))
	*v = Stance(n)
	return err
}

// MarshalText writes the Moment as its word.
func (v Moment) MarshalText() ([]byte, error) { return []byte(momentSpec.name(int(v))), nil }

// UnmarshalText reads the Moment from its exact word.
func (v *Moment) UnmarshalText(b []byte) error {
	n, err := momentSpec.exact(string(b))
	*v = Moment(n)
	return err
}

// MarshalText writes the Approach as its word.
func (v Approach) MarshalText() ([]byte, error) { return []byte(approachSpec.name(int(v))), nil }

// UnmarshalText reads the Approach from its exact word.
func (v *Approach) UnmarshalText(b []byte) error {
	n, err := approachSpec.exact(string(b))
	*v = Approach(n)
	return err
}

// MarshalText writes the Opener as its word.
func (v Opener) MarshalText() ([]byte, error) { return []byte(openerSpec.name(int(v))), nil }

// UnmarshalText reads the Opener from its exact word.
func (v *Opener) UnmarshalText(b []byte) error {
	n, err := openerSpec.exact(string(b))
	*v = Opener(n)
	return err
}

// MarshalText writes the Venue as its word.
func (v Venue) MarshalText() ([]byte, error) { return []byte(venueSpec.name(int(v))), nil }

// UnmarshalText reads the Venue from its exact word.
func (v *Venue) UnmarshalText(b []byte) error {
	n, err := venueSpec.exact(string(b))
	*v = Venue(n)
	return err
}

// MarshalText writes the TouchKind as its word.
func (v TouchKind) MarshalText() ([]byte, error) { return []byte(touchKindSpec.name(int(v))), nil }

// UnmarshalText reads the TouchKind from its exact word.
func (v *TouchKind) UnmarshalText(b []byte) error {
	n, err := touchKindSpec.exact(string(b))
	*v = TouchKind(n)
	return err
}

// MarshalText writes the Severity as its word.
func (v Severity) MarshalText() ([]byte, error) { return []byte(severitySpec.name(int(v))), nil }

// UnmarshalText reads the Severity from its exact word.
func (v *Severity) UnmarshalText(b []byte) error {
	n, err := severitySpec.exact(string(b))
	*v = Severity(n)
	return err
}

// MarshalText writes the ObjectionStatus as its word.
func (v ObjectionStatus) MarshalText() ([]byte, error) {
	return []byte(objectionStatusSpec.name(int(v))), nil
}

// UnmarshalText reads the ObjectionStatus from its exact word.
func (v *ObjectionStatus) UnmarshalText(b []byte) error {
	n, err := objectionStatusSpec.exact(string(b))
	*v = ObjectionStatus(n)
	return err
}

// MarshalText writes the BlindSpotStatus as its word.
func (v BlindSpotStatus) MarshalText() ([]byte, error) {
	return []byte(blindSpotStatusSpec.name(int(v))), nil
}

// UnmarshalText reads the BlindSpotStatus from its exact word.
func (v *BlindSpotStatus) UnmarshalText(b []byte) error {
	n, err := blindSpotStatusSpec.exact(string(b))
	*v = BlindSpotStatus(n)
	return err
}

// MarshalText writes the Acted as its word.
func (v Acted) MarshalText() ([]byte, error) { return []byte(actedSpec.name(int(v))), nil }

// UnmarshalText reads the Acted from its exact word.
func (v *Acted) UnmarshalText(b []byte) error {
	n, err := actedSpec.exact(string(b))
	*v = Acted(n)
	return err
}
