-- Schema 2: one user action, one undo step.
--
-- changes holds one row per user action (kind 'do'), and one per undo or
-- redo of an action. While its transaction runs, exactly one change is open
-- (is_open = 1); the capture triggers (db/capture.go, regenerated from the
-- schema whenever it changes) copy every row the action inserts, updates or
-- deletes into change_rows as JSON before/after snapshots, so undo restores
-- exactly what was there, ids included. Neither table is append-only: a
-- change with no rows is dropped, and purge blanks text in snapshots.

CREATE TABLE changes (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	at        TEXT    NOT NULL,
	kind      TEXT    NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
	-- for an undo or a redo: the change it reverses
	target_id INTEGER REFERENCES changes (id) ON DELETE RESTRICT,
	-- what the action did, in words ("deleted the conversation with …");
	-- undo and redo keep the words of the action they reverse
	summary   TEXT    NOT NULL DEFAULT '',
	is_open   INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1)),
	-- a do or redo that has been undone, or an undo that has been redone
	undone    INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
	-- set when purge erased text this change held: it can no longer be undone
	purged    INTEGER NOT NULL DEFAULT 0 CHECK (purged IN (0, 1))
) STRICT;

CREATE UNIQUE INDEX changes_one_open ON changes (is_open) WHERE is_open = 1;
CREATE INDEX changes_kind ON changes (kind, undone);

CREATE TABLE change_rows (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE RESTRICT,
	entity    TEXT    NOT NULL, -- the table
	row_id    INTEGER NOT NULL,
	before    TEXT,             -- the row as JSON; NULL when the action inserted it
	after     TEXT              -- NULL when the action deleted it
) STRICT;

CREATE INDEX change_rows_change ON change_rows (change_id);
CREATE INDEX change_rows_row ON change_rows (entity, row_id, change_id);

-- History gains the change that wrote each row, and loses its foreign key to
-- proposals: a record must outlive what it records (an undone proposal
-- creation deletes the proposal but not the history of it). SQLite cannot
-- drop a constraint, so the table is rebuilt.
CREATE TABLE history_v2 (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	at          TEXT    NOT NULL,
	entity      TEXT    NOT NULL,
	entity_id   INTEGER NOT NULL,
	proposal_id INTEGER,
	action      TEXT    NOT NULL,
	field       TEXT    NOT NULL DEFAULT '',
	old         TEXT    NOT NULL DEFAULT '',
	new         TEXT    NOT NULL DEFAULT '',
	change_id   INTEGER
) STRICT;

INSERT INTO history_v2 (id, at, entity, entity_id, proposal_id, action, field, old, new)
	SELECT id, at, entity, entity_id, proposal_id, action, field, old, new FROM history;
DROP TABLE history;
ALTER TABLE history_v2 RENAME TO history;

CREATE INDEX history_proposal ON history (proposal_id) WHERE proposal_id IS NOT NULL;
CREATE INDEX history_entity ON history (entity, entity_id);
CREATE INDEX history_change ON history (change_id) WHERE change_id IS NOT NULL;

CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
	SELECT RAISE(ABORT, 'history is append-only');
END;

CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
	SELECT RAISE(ABORT, 'history is append-only');
END;

-- A half-filled form, kept until it is saved or discarded. Drafts are not
-- workbook facts: they are not captured for undo and never enter readiness.
CREATE TABLE drafts (
	key        TEXT NOT NULL PRIMARY KEY, -- which form, e.g. "log:stakeholder:12"
	title      TEXT NOT NULL DEFAULT '',  -- how the draft is offered back, in words
	data       TEXT NOT NULL,             -- the form's answers as JSON
	updated_at TEXT NOT NULL
) STRICT;
