package model

import "errors"

// Commitment says who owes whom when a conversation's follow-up is a
// promise: the follow-up text is what is owed. Most follow-ups are notes to
// self and stay CommitmentNone.
type Commitment int

// Commitment directions.
const (
	CommitmentNone Commitment = iota
	// CommitmentMine is a follow-up I owe them.
	CommitmentMine
	// CommitmentTheirs is a follow-up they owe me.
	CommitmentTheirs
)

var commitmentSpec = enumSpec{what: "commitment", words: []string{"none", "i owe them", "they owe me"},
	aliases: map[string]int{"no": 0, "mine": 1, "me": 1, "i": 1, "iowe": 1, "owed": 1,
		"theirs": 2, "them": 2, "they": 2, "theyowe": 2, "owedtome": 2}}

// ParseCommitment reads a direction: "mine" / "i owe them", "theirs" /
// "they owe me", or "none".
func ParseCommitment(s string) (Commitment, error) {
	v, err := commitmentSpec.parse(s)
	return Commitment(v), err
}

// IsCommitment reports whether the conversation's follow-up is a promise
// someone owes.
func (t Touchpoint) IsCommitment() bool { return t.Commitment != CommitmentNone }

// KeptCommitment reports whether this conversation holds a promise I made
// and kept: the nurture ledger counts it as a give.
func (t Touchpoint) KeptCommitment() bool { return t.Commitment == CommitmentMine && t.CommitmentDone }

// OpenCommitment reports whether a promise is still owed.
func (t Touchpoint) OpenCommitment() bool { return t.IsCommitment() && !t.CommitmentDone }

// validateCommitment says what is wrong with a conversation's commitment:
// a promise needs the words of what is owed, and a due date or "done"
// means nothing without a direction.
func (t Touchpoint) validateCommitment() error {
	if t.Commitment < CommitmentNone || t.Commitment > CommitmentTheirs {
		return rangeCheck("commitment", int(t.Commitment), 0, int(CommitmentTheirs))
	}
	if !t.IsCommitment() {
		if !t.CommitmentDue.IsZero() || t.CommitmentDone {
			return errors.New("a commitment's due date or done needs a direction: I owe them, or they owe me")
		}
		return nil
	}
	if Blank(t.FollowUp) {
		return errors.New("a commitment needs the follow-up that is owed")
	}
	return nil
}
