// Package model is backchannel's domain: the records a pre-wirer keeps
// (proposals, contacts, stakeholders and their plans, conversations,
// objections, blind spots, history), the enums that name their values and
// the words they marshal as, validation, dates, the nurture ledger, the
// what-ifs, search, list queries and text cleaning. It does no I/O and
// imports no terminal or database package.
//
// The judgement built on these records lives in sub-packages:
// model/readiness (the readiness engine), model/brief (the brief in
// markdown, JSON and for the terminal), model/redact (redaction and the
// leak guard) and model/demo (sample workbooks).
package model
