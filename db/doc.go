// Package db is backchannel's workbook store: one SQLite file (modernc.org/sqlite,
// no cgo) behind plain database/sql.
//
// Durability comes first. Every connection runs with busy_timeout set before
// anything else, WAL, synchronous=FULL and foreign keys on; writes go through
// a single writer connection that begins transactions IMMEDIATE, so two
// processes (the TUI and the CLI) queue for the write lock instead of failing
// with "database is locked". Reads use a separate small pool of query-only
// connections and deferred transactions, so a long read never holds the write
// lock and sees one consistent WAL snapshot. LoadDossier, which reads tens of
// thousands of rows, goes to the driver connection directly (rawread.go).
//
// Storage conventions: enums are stored as their words (the model's
// MarshalText), dates as 'YYYY-MM-DD' (empty when unset), timestamps as RFC 3339
// UTC text with nine fractional digits (valid RFC 3339 that also sorts as
// text), optional references as NULL (0 in the model) and booleans as 0/1.
//
// Every change appends to the history table in the same transaction as the
// change itself. A create writes one row (action "create", New = a short
// description such as the title or name); an update writes one row per changed
// field, with Field set to the model's JSON name ("forum", "decision_date",
// "status", "stance", and "plan.venue" style names for a stakeholder's plan)
// and Old/New holding the values as text (enum words, YYYY-MM-DD dates, ids as
// numbers, booleans as true/false, empty for unset). Archiving (a proposal's
// status becoming archived, a contact being archived) is recorded with action
// "archive"; deleting an unreferenced contact or stakeholder with "delete".
package db
